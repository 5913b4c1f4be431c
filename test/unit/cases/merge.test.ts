import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { forEachByDate } from '../../../src/cases/merge.ts';

type Log = { on: string }[];

/**
 * The oracle: the merge replayYear used to do, scanning every log at each step for the earliest next
 * event (ties: the lower log index, by the strict `<`). Quadratic, obviously right.
 */
function naiveOrder(logs: Log[]): [number, number][] {
  const cursors = logs.map(() => 0);
  const out: [number, number][] = [];
  for (;;) {
    let pick = -1;
    for (let i = 0; i < logs.length; i++) {
      const next = logs[i]![cursors[i]!];
      if (next && (pick < 0 || next.on < logs[pick]![cursors[pick]!]!.on)) pick = i;
    }
    if (pick < 0) return out;
    out.push([pick, cursors[pick]!]);
    cursors[pick]! += 1;
  }
}

function mergedOrder(logs: Log[]): [number, number][] {
  const out: [number, number][] = [];
  forEachByDate(logs, (log, index) => out.push([log, index]));
  return out;
}

const iso = (d: Date) => d.toISOString().slice(0, 10);
// A few dates (many ties, year and month boundaries) mixed with any date 1900–2999.
const dateArb = fc.oneof(
  fc.constantFrom('1999-12-31', '2000-01-01', '2025-12-31', '2026-01-01', '2026-01-09', '2026-01-10', '2026-02-01', '2026-10-01'),
  fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2999-12-31T00:00:00Z'), noInvalidDate: true }).map(iso),
);
// Logs need not be in date order (staff may record a late event): each keeps its own order.
const logsArb = fc.array(fc.array(dateArb.map((on) => ({ on })), { maxLength: 12 }), { maxLength: 12 });

describe('forEachByDate: the k-way merge replayYear interleaves a year by', () => {
  it('visits events in exactly the order of the naive scan (fast-check, 5 000 random sets of logs)', () => {
    fc.assert(
      fc.property(logsArb, (logs) => {
        expect(mergedOrder(logs)).toEqual(naiveOrder(logs));
      }),
      { numRuns: 5_000 },
    );
  });

  it('breaks date ties by input order and keeps an unsorted log in its own order', () => {
    const logs: Log[] = [
      [{ on: '2026-03-05' }, { on: '2026-03-01' }, { on: '2026-03-07' }],
      [{ on: '2026-03-02' }, { on: '2026-03-05' }],
      [],
      [{ on: '2026-03-05' }],
    ];
    expect(mergedOrder(logs)).toEqual([
      [1, 0], // 03-02
      [0, 0], // 03-05, log 0 before logs 1 and 3 on the same day
      [0, 1], // 03-01 comes after its log's 03-05
      [1, 1], // 03-05
      [3, 0], // 03-05
      [0, 2], // 03-07
    ]);
    expect(naiveOrder(logs)).toEqual(mergedOrder(logs));
  });

  it('visits nothing for no logs or empty logs', () => {
    expect(mergedOrder([])).toEqual([]);
    expect(mergedOrder([[], []])).toEqual([]);
  });
});
