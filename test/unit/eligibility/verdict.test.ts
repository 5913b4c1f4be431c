import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import {
  citation,
  evaluateEligibility,
  ruleById,
  fieldsForRule,
  lianyungang2021,
  verdictOf,
  type Application,
  type Finding,
  type IndividualApplicant,
  type OrganizationApplicant,
  type RuleId,
} from '../../../src/index.ts';
import { application } from './arbitraries.ts';
import { eligibleIndividual, eligibleOrganization } from './builders.ts';

/** One change per clause that breaks that clause alone. */
const organizationBreakers: [RuleId, Partial<OrganizationApplicant>][] = [
  ['8.1', { establishedOn: '2024-01-01' }],
  ['8.2', { qmsCertificates: [{ standard: 'ISO 9001', validUntil: '2025-12-31' }] }],
  ['8.3', { productLevel: 'below-provincial' }],
  ['8.4', { industryLeading: false }],
  ['8.5', { qualityStaff: [{ year: 2024, qualified: 5, total: 10 }, { year: 2025, qualified: 4, total: 10 }] }],
  ['8.6', { accidents: [{ date: '2025-05-01', kind: 'public-health', severity: 'major' }] }],
];
const individualBreakers: [RuleId, Partial<IndividualApplicant>][] = [
  ['9.1', { qualityWorkInLianyungangSince: '2020-01-01' }],
  ['9.2', { goodCredit: false }],
  ['9.3', { craftsmanshipResults: false }],
  ['9.4', { headsOrganization: { goodCredit: true, accidents: [], majorQualityComplaints: 2, ownFaultQualityDisputes: 0, inspectionFailures: [], laborDishonestyRecord: false, otherViolations: false, exporter: false } }],
];
const historyBreakers: [RuleId, NonNullable<Application['history']>][] = [
  ['14', [{ date: '2025-01-01', event: 'disqualified-false-material' }]],
  ['15', [{ date: '2025-01-01', event: 'revoked-incident' }]],
  ['16', [{ date: '2025-01-01', event: 'won-mayor-award' }]],
];

const failing = (findings: Finding[]) => findings.filter((f) => f.status === 'fail').map((f) => f.rule);

describe('every clause failing alone', () => {
  it.each(organizationBreakers)('organisation: %s fails alone → ineligible, exactly one fail', (rule, change) => {
    const report = evaluateEligibility(eligibleOrganization(change));
    expect(report.verdict).toBe('ineligible');
    expect(failing(report.findings)).toEqual([rule]);
    expect(report.findings.filter((f) => f.status !== 'fail').every((f) => f.status === 'pass')).toBe(true);
  });
  it.each(individualBreakers)('individual: %s fails alone → ineligible, exactly one fail', (rule, change) => {
    const report = evaluateEligibility(eligibleIndividual(change));
    expect(report.verdict).toBe('ineligible');
    expect(failing(report.findings)).toEqual([rule]);
  });
  it.each(historyBreakers)('history: %s fails alone for both kinds', (rule, history) => {
    for (const app of [eligibleOrganization({}, { history }), eligibleIndividual({}, { history })]) {
      const report = evaluateEligibility(app);
      expect(report.verdict).toBe('ineligible');
      expect(failing(report.findings)).toEqual([rule]);
    }
  });
});

describe('verdict precedence', () => {
  it('a fail outweighs needs-evidence; needs-evidence outweighs pass', () => {
    const both = evaluateEligibility(eligibleOrganization({ productLevel: 'below-provincial', goodCredit: null }));
    expect(both.findings.some((f) => f.status === 'needs-evidence')).toBe(true);
    expect(both.verdict).toBe('ineligible');
    expect(evaluateEligibility(eligibleOrganization({ goodCredit: null })).verdict).toBe('incomplete');
    expect(evaluateEligibility(eligibleOrganization()).verdict).toBe('eligible');
  });
  it('verdictOf agrees with the contract on every combination', () => {
    const s = fc.constantFrom('pass', 'fail', 'needs-evidence' as const);
    fc.assert(
      fc.property(fc.array(s, { maxLength: 9 }), (statuses) => {
        const findings = statuses.map((status) => ({ rule: '14' as const, status, message: { zh: '', en: '' }, detail: { zh: '', en: '' }, evidence: [], fields: [] }));
        const expected = statuses.includes('fail') ? 'ineligible' : statuses.includes('needs-evidence') ? 'incomplete' : 'eligible';
        expect(verdictOf(findings)).toBe(expected);
      }),
    );
  });
  it('a bare application is incomplete, never eligible', () => {
    for (const kind of ['organization', 'individual'] as const) {
      const report = evaluateEligibility({ format: 'lyg-award/application@1', year: 2026, submittedOn: '2026-06-30', applicant: { kind } });
      expect(report.verdict).toBe('incomplete');
      // every clause of 第八条/第九条 needs evidence; 14–16 find no recorded ban
      for (const f of report.findings) expect(f.status).toBe(['14', '15', '16'].includes(f.rule) ? 'pass' : 'needs-evidence');
    }
  });
});

describe('malformed input', () => {
  it('throws a ZodError naming the field, never answers', () => {
    expect(() => evaluateEligibility({ format: 'lyg-award/application@1' })).toThrow(ZodError);
    expect(() => evaluateEligibility(eligibleOrganization({ inventionPatents: -1 }))).toThrow(/发明专利数量：不能为负数/);
    expect(() => evaluateEligibility(eligibleOrganization({ creditCode: '91350100M000100Y44' }))).toThrow(/统一社会信用代码/);
    expect(() => evaluateEligibility(null)).toThrow(ZodError);
  });
  it('refuses a malformed policy pack', () => {
    const bad = { ...lianyungang2021, bans: { ...lianyungang2021.bans, falseMaterialYears: -3 } };
    expect(() => evaluateEligibility(eligibleOrganization(), { policy: bad })).toThrow(ZodError);
  });
});

/** The facts that belong to this applicant's kind. */
const passingFor = (app: Application) =>
  app.applicant.kind === 'organization' ? eligibleOrganization().applicant : { ...eligibleIndividual().applicant, headsOrganization: null };

describe('properties over every schema-valid application (fast-check)', () => {
  it('never throws; one finding per applicable rule; verdict agrees with findings; deterministic', () => {
    fc.assert(
      fc.property(application, (app) => {
        const report = evaluateEligibility(app);
        const expectedRules =
          app.applicant.kind === 'organization'
            ? ['8.1', '8.2', '8.3', '8.4', '8.5', '8.6', '14', '15', '16']
            : ['9.1', '9.2', '9.3', '9.4', '14', '15', '16'];
        expect(report.findings.map((f) => f.rule)).toEqual(expectedRules);
        expect(report.verdict).toBe(verdictOf(report.findings));
        for (const f of report.findings) {
          expect(f.message.zh.length).toBeGreaterThan(0);
          expect(f.message.en.length).toBeGreaterThan(0);
          if (f.status !== 'pass') expect(f.message.zh).not.toMatch(/：$/);
          // the detail is the message after its citation and status word, in both languages
          const cite = citation(lianyungang2021.clauses[f.rule]!);
          expect(f.detail.zh.length).toBeGreaterThan(0);
          expect(f.message.zh).toBe(`${cite.zh}${{ pass: '符合', fail: '不符合', 'needs-evidence': '待补充' }[f.status]}：${f.detail.zh}`);
          expect(f.message.en).toBe(`${cite.en} ${{ pass: 'met', fail: 'not met', 'needs-evidence': 'needs evidence' }[f.status]}: ${f.detail.en}`);
          expect(f.detail.zh.startsWith('第')).toBe(false);
          // the fields behind a non-pass status are named, and are fields the rule reads
          if (f.status === 'pass') expect(f.fields).toEqual([]);
          else expect(f.fields.length).toBeGreaterThan(0);
          for (const path of f.fields) expect(fieldsForRule[f.rule]).toContain(path);
        }
        expect(evaluateEligibility(app)).toEqual(report);
      }),
      { numRuns: 500 },
    );
  });

  it('filling in unknown facts with passing values never turns a fail into anything else (monotonic)', () => {
    const passing: Record<string, unknown> = {
      registeredInLianyungang: true, independentLegalPerson: true, policyCompliant: true, operationInterrupted: false,
      excellenceResults: true, productLevel: 'provincial-advanced', registeredTrademarks: 9, inventionPatents: 9,
      industryLeading: true, socialResponsibility: true, goodCredit: true, accidents: [], majorQualityComplaints: 0,
      ownFaultQualityDisputes: 0, inspectionFailures: [], laborDishonestyRecord: false, otherViolations: false,
      exporter: false, goodConduct: true, craftsmanshipResults: true, headsOrganization: null,
    };
    fc.assert(
      fc.property(application, (app) => {
        const before = evaluateEligibility(app);
        const applicant: Record<string, unknown> = { ...app.applicant };
        for (const [key, value] of Object.entries(passing)) if (applicant[key] == null && key in passingFor(app)) applicant[key] = value;
        const after = evaluateEligibility({ ...app, applicant, history: app.history ?? [] });
        for (const f of before.findings.filter((x) => x.status === 'fail'))
          expect(after.findings.find((x) => x.rule === f.rule)!.status).toBe('fail');
        expect(after.findings.filter((x) => x.status === 'fail').map((x) => x.rule)).toEqual(
          before.findings.filter((x) => x.status === 'fail').map((x) => x.rule),
        );
      }),
    );
  });
});
