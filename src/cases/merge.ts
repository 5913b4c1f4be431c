import type { IsoDate } from '../core/dates.ts';

/**
 * A date as the number YYYYMMDD. `on` has passed isoDateSchema ('YYYY-MM-DD', ASCII digits), so this
 * number orders exactly as the ISO string does, and numbers are cheaper to compare and to key a Map by.
 */
function dayNumber(on: IsoDate): number {
  // Written out (no helper closure): this runs once per event of a year.
  return (
    on.charCodeAt(0) * 10_000_000 + on.charCodeAt(1) * 1_000_000 + on.charCodeAt(2) * 100_000 + on.charCodeAt(3) * 10_000 +
    on.charCodeAt(5) * 1_000 + on.charCodeAt(6) * 100 + on.charCodeAt(8) * 10 + on.charCodeAt(9) - 48 * 11_111_111
  );
}

/**
 * Walks several event logs as one, by date: each step takes the log whose next event has the
 * earliest date (ties: the lower log index), so every log keeps its own order even when it is not
 * sorted by date.
 *
 * That greedy k-way merge visits events in the same order as a stable sort by (the latest date so
 * far in the event's own log, log index, position in the log): once a log's event with date d is
 * taken, every other log's next event is later than d, or on d with a higher index, so an earlier-
 * dated event that follows in the same log is taken at once, just as if it were dated d. With that
 * key each log is sorted, so the sort is a bucket per day, filled log by log: O(n + days · log days).
 * test/unit/cases/merge.test.ts checks it against the step-by-step merge on random logs.
 */
export function forEachByDate(
  logs: readonly (readonly { readonly on: IsoDate }[])[],
  visit: (logIndex: number, eventIndex: number) => void,
): void {
  // Per day: flat (log index, event index) pairs, in log order then position.
  const buckets = new Map<number, number[]>();
  for (let log = 0; log < logs.length; log++) {
    const events = logs[log]!;
    let latest = -1;
    let bucket: number[] | undefined;
    for (let index = 0; index < events.length; index++) {
      const day = dayNumber(events[index]!.on);
      if (day > latest || bucket === undefined) {
        if (day > latest) latest = day;
        bucket = buckets.get(latest);
        if (bucket === undefined) buckets.set(latest, (bucket = []));
      }
      bucket.push(log, index);
    }
  }
  const days = [...buckets.keys()].sort((a, b) => a - b);
  for (const day of days) {
    const pairs = buckets.get(day)!;
    for (let p = 0; p < pairs.length; p += 2) visit(pairs[p]!, pairs[p + 1]!);
  }
}
