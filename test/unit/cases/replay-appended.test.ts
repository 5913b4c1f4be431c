// Issue 19 parity: recording a staff event folds the already-replayed log plus the new event once
// (replayWithAppended) instead of validating and replaying the whole log; it must be replayCase exactly.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { replayCase, replayWithAppended } from '../../../src/cases/replay.ts';
import type { CaseEvent } from '../../../machines/case.events.ts';
import { deepStepsArb, buildLog, logArb } from './fixtures.ts';

const stored = (log: CaseEvent[]): CaseEvent[] => JSON.parse(JSON.stringify(log)) as CaseEvent[];

describe('replayWithAppended is replayCase of the whole log (issue 19)', () => {
  it('for every log and every event appended to its prefix (fast-check, 300 runs)', () => {
    fc.assert(
      fc.property(fc.oneof(logArb(30), deepStepsArb(30).map((s) => buildLog(s))), (log) => {
        fc.pre(log.length > 0);
        const all = stored(log);
        for (let n = 0; n < all.length; n++) {
          expect(replayWithAppended(all.slice(0, n), all[n]!)).toEqual(replayCase(all.slice(0, n + 1)));
        }
      }),
      { numRuns: 300 },
    );
  });
});
