import assert from 'node:assert/strict';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, compareDates } from '../../../src/core/dates.ts';
import { defaultPolicy } from '../../../src/policy/index.ts';
import { replayCase, type CaseView } from '../../../src/cases/replay.ts';
import { caseTable } from '../../../src/cases/replay.ts';
import { replayYear } from '../../../src/cases/year.ts';
import { buildLog, deepStepsArb, logArb } from './fixtures.ts';

/** The view without the bookkeeping of where each event sat in the log. */
const essence = (v: CaseView) => ({
  ...v,
  rejected: [],
  history: v.history.map(({ event, from, stage }) => ({ event, from, stage })),
});

describe('replayCase properties (fast-check, 10 000 random logs)', () => {
  // 10 000 runs take a few seconds on a loaded machine: a generous cap, not a timing assertion.
  it('never throws, is deterministic, keeps finals final, needs the review and a full publicity to award, and rejected events change nothing', { timeout: 60_000 }, () => {
    let awarded = 0;
    fc.assert(
      fc.property(logArb(30), (log) => {
        const view = replayCase(log);
        // determinism: same log, same view
        assert.deepStrictEqual(replayCase(log), view);
        // every event is either accepted (history) or refused (rejected), once
        assert.equal(view.history.length + view.rejected.length, log.length);
        // a final stage stays final: nothing is accepted after one
        for (const h of view.history) assert.ok(!caseTable.finals.has(h.from), `accepted ${h.event.type} after final ${h.from}`);
        if (view.final) assert.deepEqual(view.nextEvents, []);
        // accepted dates never go backwards
        for (let i = 1; i < view.history.length; i++) {
          assert.ok(compareDates(view.history[i - 1]!.event.on, view.history[i]!.event.on) <= 0, 'accepted dates go backwards');
        }
        // no award without the kind's review (第十条(三)) and a full publicity (第十条(五))
        if (view.awardedOn) {
          awarded++;
          const types = view.history.map((h) => h.event.type);
          expect(types).toContain(view.kind === 'organization' ? 'complete-site-review' : 'complete-presentation');
          expect(types).not.toContain(view.kind === 'organization' ? 'complete-presentation' : 'complete-site-review');
          const posted = view.history.findLast((h) => h.event.type === 'committee-approve')!.event.on;
          const ended = view.history.findLast((h) => h.event.type === 'publicity-end')!.event.on;
          expect(compareDates(ended, addDays(posted, defaultPolicy.lifecycle.publicityDays))).toBeGreaterThanOrEqual(0);
          expect(['awarded', 'revoked']).toContain(view.stage);
        }
        // refused events change nothing: replaying only the accepted ones gives the same case
        const acceptedOnly = replayCase(view.history.map((h) => h.event));
        assert.deepStrictEqual(acceptedOnly.rejected, []);
        assert.deepStrictEqual(essence(acceptedOnly), essence(view));
      }),
      { numRuns: 10_000 },
    );
    expect(awarded).toBeGreaterThan(100);
  });
});

describe('replayYear properties (第四条 quotas)', () => {
  it('a year of random cases never has approvals over quota', { timeout: 60_000 }, () => {
    const { award, nomination } = defaultPolicy.quotas;
    let approvals = 0;
    let overQuota = 0;
    fc.assert(
      fc.property(fc.array(deepStepsArb(40), { minLength: 1, maxLength: 14 }), (cohort) => {
        const cases = cohort.map((steps, i) => ({ id: `c${i}`, year: 2026, events: buildLog(steps) }));
        const { cases: views, years } = replayYear(cases);
        const won = views.filter((c) => c.view.awardedOn);
        approvals += won.length;
        for (const [tier, q] of [
          ['award', award],
          ['nomination', nomination],
        ] as const) {
          const tierWon = won.filter((c) => c.view.tier === tier);
          expect(tierWon.length).toBeLessThanOrEqual(q.max);
          expect(tierWon.filter((c) => c.view.kind === 'individual').length).toBeLessThanOrEqual(q.maxIndividuals);
          expect(years[0]![tier].used).toBe(tierWon.length);
        }
        // refusals for quota are only ever government approvals
        for (const c of views) for (const r of c.view.rejected) if (r.code === 'over-quota') {
          overQuota++;
          expect(r.event.type).toBe('government-approve');
          expect(r.reason).toContain('第四条');
        }
      }),
      { numRuns: 300 },
    );
    expect(approvals).toBeGreaterThan(0);
    expect(overQuota).toBeGreaterThan(0); // the generator does push years over quota
  });
});
