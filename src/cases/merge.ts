import type { IsoDate } from '../core/dates.ts';

/**
 * A date as the number YYYYMMDD. `on` has passed isoDateSchema ('YYYY-MM-DD', ASCII digits), so this
 * number orders exactly as the ISO string does, and comparing numbers is far cheaper than strings.
 */
function dayNumber(on: IsoDate): number {
  const d = (i: number) => on.charCodeAt(i) - 48;
  return (((d(0) * 10 + d(1)) * 10 + d(2)) * 10 + d(3)) * 10_000 + (d(5) * 10 + d(6)) * 100 + d(8) * 10 + d(9);
}

/** Keys are dayNumber × logs.length + log index: exact in a double while below 2^53. */
const MAX_LOGS = 2 ** 26;

/**
 * Walks several event logs as one, by date: each step takes the log whose next event has the
 * earliest date (ties: the lower log index), so every log keeps its own order even when it is not
 * sorted by date. A k-way merge over a binary min-heap of (date, log index) keys: O(n log k) for n
 * events in k logs.
 */
export function forEachByDate(
  logs: readonly (readonly { readonly on: IsoDate }[])[],
  visit: (logIndex: number, eventIndex: number) => void,
): void {
  const k = logs.length;
  if (k > MAX_LOGS) throw new RangeError(`too many logs to merge: ${k}`);
  const heap = new Float64Array(k);
  const cursors = new Int32Array(k);
  let size = 0;

  const push = (key: number) => {
    let i = size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = heap[parent]!;
      if (p <= key) break;
      heap[i] = p;
      i = parent;
    }
    heap[i] = key;
  };
  const popPush = (key: number | null): void => {
    // Replaces the top with `key` (or with the last item when the top's log is done), then sifts down.
    const last = key ?? heap[--size]!;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= size) break;
      const r = l + 1;
      const m = r < size && heap[r]! < heap[l]! ? r : l;
      if (heap[m]! >= last) break;
      heap[i] = heap[m]!;
      i = m;
    }
    if (size > 0) heap[i] = last;
  };

  for (let log = 0; log < k; log++) {
    const first = logs[log]![0];
    if (first) push(dayNumber(first.on) * k + log);
  }
  while (size > 0) {
    const log = heap[0]! % k;
    const events = logs[log]!;
    const index = cursors[log]!;
    visit(log, index);
    cursors[log] = index + 1;
    const next = events[index + 1];
    popPush(next ? dayNumber(next.on) * k + log : null);
  }
}
