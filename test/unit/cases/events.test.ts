import assert from 'node:assert/strict';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import {
  caseEventLogSchema,
  caseEventTypes,
  normalFormLogForTest,
  parseCaseEventLog,
} from '../../../machines/case.events.ts';

const value = fc.oneof(
  fc.constantFrom('2026-03-01', '2024-02-29', '2023-02-29', '2026-13-01', '2026-3-1', '', ' 2026-03-01'),
  fc.constantFrom('organization', 'individual', 'company', 'award', 'nomination', 'gold', 'fraud', 'incident', 'x'),
  fc.string(),
  fc.constantFrom('  海州区人民政府 ', '   ', 'x'),
  fc.integer(),
  fc.constant(null),
  fc.constant(undefined),
  fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01') }),
);

const eventish = fc.record(
  {
    type: fc.oneof(fc.constantFrom(...caseEventTypes), fc.constantFrom('fly', '', 'APPLY'), fc.integer()),
    on: value,
    kind: value,
    by: value,
    tier: value,
    reason: value,
    note: value,
  },
  { requiredKeys: [] },
);

/** Mostly well-formed events (all fields any type may need, plus noise) so the fast path is exercised. */
const validish = fc.record({
  type: fc.constantFrom(...caseEventTypes),
  on: fc.constantFrom('2026-03-01', '2024-02-29', '2030-12-31'),
  kind: fc.constantFrom('organization', 'individual'),
  by: fc.constantFrom('  海州区人民政府 ', 'x'),
  tier: fc.constantFrom('award', 'nomination'),
  reason: fc.constantFrom('fraud', 'incident'),
  note: value,
});

describe('case event log validation', () => {
  it('the fast path returns exactly what zod returns, or defers to zod', () => {
    let fastHits = 0;
    fc.assert(
      fc.property(fc.array(fc.oneof({ arbitrary: validish, weight: 6 }, { arbitrary: eventish, weight: 1 }, { arbitrary: value, weight: 1 }), { maxLength: 6 }), (log) => {
        const fast = normalFormLogForTest(log);
        const slow = caseEventLogSchema.safeParse(log);
        if (fast !== null) {
          assert.ok(slow.success, 'fast path accepted what zod refuses');
          assert.deepStrictEqual(fast, slow.data);
          if (log.length) fastHits++;
        }
        if (slow.success) assert.deepStrictEqual(parseCaseEventLog(log), slow.data);
        else assert.throws(() => parseCaseEventLog(log), ZodError);
      }),
      { numRuns: 5_000 },
    );
    expect(fastHits).toBeGreaterThan(20);
  });

  it('takes the fast path for well-formed logs', () => {
    const log = [
      { type: 'apply', on: '2026-03-01', kind: 'individual', extra: 1 },
      { type: 'recommend', on: '2026-03-02', by: ' 海州区 ' },
      { type: 'propose', on: '2026-03-03', tier: 'award' },
      { type: 'revoke', on: '2026-03-04', reason: 'incident' },
      { type: 'accept', on: '2026-03-05' },
    ];
    expect(normalFormLogForTest(log)).toEqual([
      { type: 'apply', on: '2026-03-01', kind: 'individual' },
      { type: 'recommend', on: '2026-03-02', by: '海州区' },
      { type: 'propose', on: '2026-03-03', tier: 'award' },
      { type: 'revoke', on: '2026-03-04', reason: 'incident' },
      { type: 'accept', on: '2026-03-05' },
    ]);
  });
});
