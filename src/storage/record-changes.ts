/**
 * Every versioned write (drafts, case logs) is announced to the extension's other pages on one
 * BroadcastChannel, so a view that shows the record refreshes instead of writing from a stale copy
 * (issue 15: lost updates). The version is the record's own, checked again in the write's transaction:
 * the announcement only saves a refused write, it is never what keeps data safe.
 */
export const RECORDS_CHANNEL = 'award-pilot:records';

export interface RecordChange {
  store: 'drafts' | 'cases';
  id: string;
  version: number;
}

let sender: BroadcastChannel | null | undefined;

export function announceRecordChange(change: RecordChange): void {
  if (sender === undefined) sender = typeof BroadcastChannel === 'function' ? new BroadcastChannel(RECORDS_CHANNEL) : null;
  try {
    sender?.postMessage(change);
  } catch {
    // a closed channel (page unloading): the other pages still refuse a stale write
  }
}

/** Calls `handler` for every change another page (or this one) announces; returns the unsubscribe. */
export function onRecordChange(handler: (change: RecordChange) => void): () => void {
  if (typeof BroadcastChannel !== 'function') return () => undefined;
  const channel = new BroadcastChannel(RECORDS_CHANNEL);
  channel.onmessage = (e: MessageEvent) => {
    const c = e.data as Partial<RecordChange> | null;
    if (c && (c.store === 'drafts' || c.store === 'cases') && typeof c.id === 'string' && typeof c.version === 'number') handler(c as RecordChange);
  };
  return () => channel.close();
}
