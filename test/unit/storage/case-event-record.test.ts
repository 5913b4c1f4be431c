// Issue 19 parity: a case event is stored after one caseEventSchema check plus the record's own fields
// (caseEventRecordOf), where it used to be checked by caseEventSchema and then again, inside the whole
// record, by caseEventRecordSchema. Both must accept and refuse the same inputs and store the same record.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { caseEventSchema, caseEventTypes } from '../../../machines/case.events.ts';
import { caseEventRecordOf, checkCaseEvent } from '../../../src/storage/repos.ts';
import { caseEventRecordSchema } from '../../../src/storage/records.ts';

/** The storage path before issue 19, kept here as the reference. */
function before(caseId: string, event: unknown, recordedAt: string, recordedBy: string, review: object) {
  const canonical = caseEventSchema.safeParse(event);
  if (!canonical.success) return null;
  const json = JSON.parse(JSON.stringify(canonical.data)) as unknown;
  const record = caseEventRecordSchema.safeParse({ caseId, event: json, recordedAt, recordedBy, ...review });
  return record.success ? record.data : null;
}

function after(caseId: string, event: unknown, recordedAt: string, recordedBy: string, review: object) {
  try {
    return caseEventRecordOf(caseId, event, recordedAt, recordedBy, review as never, 'events.0');
  } catch (err) {
    expect((err as { kind?: string }).kind).toBe('invalid');
    return null;
  }
}

const dateArb = fc.oneof(
  fc.date({ min: new Date('1999-01-01'), max: new Date('2101-01-01'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  fc.constantFrom('2026-02-30', '2026-13-01', '26-01-01', '', ' 2026-01-01', '0000-01-01', '9999-12-31'),
  fc.date({ noInvalidDate: true }),
  fc.string({ maxLength: 12 }),
);
const textArb = fc.oneof(fc.string({ maxLength: 90 }), fc.constantFrom('  市工信局 ', '', ' ', 'x'.repeat(81)));
const eventArb = fc.record(
  {
    type: fc.oneof(fc.constantFrom(...caseEventTypes), fc.string({ maxLength: 90 })),
    on: dateArb,
    kind: fc.oneof(fc.constantFrom('organization', 'individual'), fc.string({ maxLength: 5 })),
    by: textArb,
    tier: fc.constantFrom('award', 'nomination', 'gold'),
    reason: fc.constantFrom('fraud', 'incident', 'other'),
    extra: fc.string({ maxLength: 5 }),
  },
  { requiredKeys: [] },
);
const inputArb = fc.oneof(eventArb, eventArb, eventArb, fc.anything());
const reviewArb = fc.oneof(fc.constant({}), fc.record({ review: fc.jsonValue() }));

describe('caseEventRecordOf stores what the two full checks stored (issue 19)', () => {
  it('same accept/refuse and the same record, checked or not (fast-check, 2,000 runs)', () => {
    fc.assert(
      fc.property(inputArb, textArb, reviewArb, fc.constantFrom('case-a', ''), (event, recordedBy, review, caseId) => {
        const recordedAt = '2026-05-01T08:00:00.000Z';
        const old = before(caseId, event, recordedAt, recordedBy, review);
        expect(after(caseId, event, recordedAt, recordedBy, review)).toEqual(old);
        const checked = checkCaseEvent(event);
        if (checked.success) {
          expect(Object.isFrozen(checked.data)).toBe(true);
          expect(after(caseId, checked.data, recordedAt, recordedBy, review)).toEqual(old);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
