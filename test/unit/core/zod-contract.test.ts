/**
 * Issue 19: with the schemas on `zod/mini`, the contract still holds (contract.md: every function validates its
 * input with zod and throws a `ZodError` on malformed input). The `ZodError` here is the one users import from 'zod'.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import * as core from '../../../src/index.ts';

// never valid for any call below: no undefined (an optional policy), no positive integer (a number of years)
const junk = fc.oneof(fc.constant(null), fc.integer({ max: 0 }), fc.double({ min: 0.1, max: 9.9, noInteger: true }), fc.string(), fc.array(fc.string()), fc.dictionary(fc.string(), fc.string()));

function thrown(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  return undefined;
}

describe('contract functions throw the classic ZodError on malformed input (issue 19)', () => {
  const calls: Record<string, (x: unknown) => unknown> = {
    evaluateEligibility: (x) => core.evaluateEligibility(x),
    'evaluateEligibility(policy)': (x) => core.evaluateEligibility(JSON.parse(JSON.stringify(eligible)), { policy: x as never }),
    lastDayOfYears: (x) => core.lastDayOfYears(x as never, 3),
    'lastDayOfYears(years)': (x) => core.lastDayOfYears('2024-01-01', x as never),
    firstDayAfterYears: (x) => core.firstDayAfterYears(x as never, 3),
    periodOfYears: (x) => core.periodOfYears(x as never, 3),
    replayCase: (x) => core.replayCase([{ type: 'apply', on: '2024-01-01', kind: 'organization' }, x] as never),
    'applicationSchema.parse': (x) => core.applicationSchema.parse(x),
    'isoDateSchema.parse': (x) => core.isoDateSchema.parse(x),
    'awardPackSchema.parse': (x) => core.awardPackSchema.parse(x),
    'caseEventSchema.parse': (x) => core.caseEventSchema.parse(x),
    'caseEventLogSchema.parse': (x) => core.caseEventLogSchema.parse([x]),
    // the case, year and staff functions and the self-evaluation and export ones, on zod/mini too
    replayYear: (x) => core.replayYear([x] as never),
    summarizeYear: (x) => core.summarizeYear([x] as never),
    checkQuota: (x) => core.checkQuota(emptyTally, x as never),
    bansFromCases: (x) => core.bansFromCases([x] as never),
    rewardForCase: (x) => core.rewardForCase(core.replayCase([{ type: 'apply', on: '2024-01-01', kind: 'organization' }]), (x === null ? 'x' : x) as never),
    scoreSelfEvaluation: (x) => core.scoreSelfEvaluation(x),
    bandOf: (x) => core.bandOf((x === 0 ? -5 : x) as never),
    exportLifecycle: (x) => core.exportLifecycle(x as never),
    'caseRecordSchema.parse': (x) => core.caseRecordSchema.parse(x),
    'sheetSchema.parse': (x) => core.sheetSchema.parse(x),
    'selfEvaluationPercentSchema.parse': (x) => core.selfEvaluationPercentSchema.parse(x === 0 ? -5 : x),
  };
  const emptyTally = { award: { used: 0, individuals: 0 }, nomination: { used: 0, individuals: 0 } } as never;
  const eligible = {
    format: 'lyg-award/application@1',
    year: 2026,
    submittedOn: '2026-06-30',
    applicant: { kind: 'individual', name: 'x' },
  };
  for (const [name, call] of Object.entries(calls)) {
    it(`${name}: malformed input throws instanceof ZodError (from 'zod'), with issues`, () => {
      fc.assert(
        fc.property(junk, (x) => {
          const e = thrown(() => call(x));
          expect(e).toBeInstanceOf(ZodError);
          expect((e as ZodError).issues.length).toBeGreaterThan(0);
          expect((e as ZodError).name).toBe('ZodError');
        }),
        { numRuns: 60 },
      );
    });
  }

  it('parseApplication returns a typed error, not a throw', () => {
    expect(core.parseApplication({}).ok).toBe(false);
  });
});
