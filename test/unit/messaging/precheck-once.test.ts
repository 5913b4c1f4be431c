import { describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { runPrecheck, type PrecheckCore } from '../../../src/messaging/precheck.ts';
import { precheckCore } from '../../../src/messaging/precheck-core.ts';
import { applicationSchema } from '../../../src/application/schema.ts';
import { demoPortalAdapter, evaluateEligibility, parseApplication } from '../../../src/index.ts';
import { core, eligibleOrganization } from '../shell/fixtures.ts';
import { application as anyApplication } from '../eligibility/arbitraries.ts';

/** The real core with a counter on each step the issue counts (issue 19: one reading, one pass). */
function counted(base: PrecheckCore) {
  const n = { toApplication: 0, parseApplication: 0, evaluateEligibility: 0 };
  const spy: PrecheckCore = {
    ...base,
    toApplication: (f, a) => (n.toApplication++, base.toApplication(f, a)),
    parseApplication: (i) => (n.parseApplication++, base.parseApplication(i)),
    evaluateEligibility: ((app: never, a?: string) => (n.evaluateEligibility++, base.evaluateEligibility(app, a))) as never,
  };
  return { spy, n };
}

describe('one reading: converted once, parsed once, evaluated once (issue 19)', () => {
  const readings = {
    eligible: eligibleOrganization(),
    'one clause failing on two fields': eligibleOrganization({ 'applicant.establishedOn': '2025-01-01', 'applicant.operationInterrupted': '是' }),
    'several clauses failing': eligibleOrganization({ 'applicant.establishedOn': '2025-01-01', 'applicant.goodCredit': '否', 'applicant.registeredTrademarks': '0', 'applicant.majorQualityComplaints': '2' }),
    'facts still empty': eligibleOrganization({ 'applicant.registeredTrademarks': '', 'applicant.industryLeading': null }),
  };
  for (const [name, fields] of Object.entries(readings)) {
    it(`${name}: 1 conversion, 1 parse, 1 evaluation`, () => {
      const { spy, n } = counted(core);
      const out = runPrecheck(spy, fields, 'demo-portal');
      expect(out.precheck).not.toBeNull();
      expect(n).toEqual({ toApplication: 1, parseApplication: 1, evaluateEligibility: 1 });
    });
  }

  it('an unreadable value costs one repair parse, still one conversion and one evaluation', () => {
    const { spy, n } = counted(core);
    const out = runPrecheck(spy, eligibleOrganization({ 'applicant.creditCode': '91320700MA1NXQ0BX8', 'applicant.establishedOn': '2025-01-01' }), 'demo-portal');
    expect(out.precheck?.inputErrors.map((e) => e.path)).toEqual(['applicant.creditCode']);
    expect(n).toEqual({ toApplication: 1, parseApplication: 2, evaluateEligibility: 1 });
  });

  it('the converted application comes back for the draft (the router does not convert again)', () => {
    const fields = eligibleOrganization();
    const out = runPrecheck(core, fields, 'demo-portal');
    expect(out.application).toEqual(core.toApplication(fields, 'demo-portal'));
  });

  it("the extension's core runs the application schema once per reading (evaluation does not re-parse it)", () => {
    const real = precheckCore(() => demoPortalAdapter, () => '2026-06-30');
    const safeParse = vi.spyOn(applicationSchema, 'safeParse');
    try {
      const out = runPrecheck(real, eligibleOrganization({ 'applicant.establishedOn': '2025-01-01' }), 'demo-portal');
      expect(out.precheck?.verdict).toBe('ineligible');
      expect(safeParse).toHaveBeenCalledTimes(1);
    } finally {
      safeParse.mockRestore();
    }
  });

  it("the extension's core judges exactly as evaluateEligibility does (the contract's entry)", () => {
    const real = precheckCore(() => demoPortalAdapter, () => '2026-06-30');
    fc.assert(
      fc.property(anyApplication, (raw) => {
        const parsed = parseApplication(raw);
        if (!parsed.ok) return;
        expect(real.evaluateEligibility(parsed.application as never, 'demo-portal')).toEqual(evaluateEligibility(raw));
      }),
      { numRuns: 300 },
    );
  });
});

// ── the what-if search the pre-check used before issue 19, kept here as the reference ──
const factKey = (path: string) => {
  const parts = path.replace(/\[\d+\]/g, '').split('.');
  return parts[0] === 'applicant' ? parts.slice(0, 2).join('.') : (parts[0] ?? path);
};
const getFact = (obj: unknown, path: string): unknown =>
  factKey(path).split('.').reduce<unknown>((cur, seg) => (typeof cur === 'object' && cur !== null ? (cur as Record<string, unknown>)[seg] : undefined), obj);
function removeFact(obj: unknown, path: string): void {
  const segs = factKey(path).split('.');
  let cur = obj as Record<string, unknown>;
  for (const seg of segs.slice(0, -1)) cur = cur[seg] as Record<string, unknown>;
  delete cur[segs[segs.length - 1]!];
}
/** Failing: the fields whose removal changes the clause's outcome; if none, every given one. */
function whatIfCulprits(application: unknown, rule: string, fields: readonly string[]): string[] {
  const out: string[] = [];
  for (const field of fields) {
    if (getFact(application, field) == null) continue;
    const without = structuredClone(application);
    removeFact(without, field);
    const again = parseApplication(without);
    if (!again.ok) continue;
    if (evaluateEligibility(again.application).findings.find((f) => f.rule === rule)?.status !== 'fail') out.push(field);
  }
  return out.length ? out : fields.filter((f) => getFact(application, f) != null);
}

describe('Finding.fields names the same culprits as the old what-if search (parity, issue 19)', () => {
  it('for every failing clause of any application', () => {
    fc.assert(
      fc.property(anyApplication, (raw) => {
        const parsed = parseApplication(raw);
        if (!parsed.ok) return;
        for (const f of evaluateEligibility(parsed.application).findings) {
          if (f.status !== 'fail') continue;
          const given = f.fields.filter((x) => getFact(parsed.application, x) != null);
          expect(given, `rule ${f.rule}`).toEqual(whatIfCulprits(parsed.application, f.rule, f.fields));
        }
      }),
      { numRuns: 500 },
    );
  });
});
