import { abortAndSettle } from '../storage/db.ts';
import { getDb, getSetting, setSetting, type CaseRecord, type StoredCaseEvent } from '../storage/repos.ts';
import { announceRecordChange } from '../storage/record-changes.ts';
import { SCOREBOOK_PREFIX } from '../experts/store.ts';
import { ASSIGNMENT_PREFIX, POOL_PREFIX } from '../experts/pool-store.ts';
import { eventDocId, sharedEvent, type SharedRecord } from './documents.ts';

/**
 * The local side of sharing: what this browser has to send, and writing what arrived (already judged by
 * documents.ts) into the stores the pages read. Cases and events are only ever added; a versioned record
 * is written only when it is newer than the local copy and the local copy has no change of its own that
 * the server has not seen (otherwise it is a conflict for a person: see replicate.ts).
 */

export const SETTING_PREFIX = 'sharing/';
const PUSHED_SEQ = 'sharing/pushedSeq';

export const versionedPrefix = { scorebook: SCOREBOOK_PREFIX, expert: POOL_PREFIX, assignment: ASSIGNMENT_PREFIX } as const;
export type VersionedKind = keyof typeof versionedPrefix;

/** Case events appended here since the last export (by local append number). */
export async function eventsSince(seq: number): Promise<StoredCaseEvent[]> {
  return (await getDb()).getAll('caseEvents', IDBKeyRange.lowerBound(seq, true));
}
export async function pushedSeq(): Promise<number> {
  const v = await getSetting<number>(PUSHED_SEQ);
  return typeof v === 'number' ? v : 0;
}
export const setPushedSeq = (seq: number) => setSetting(PUSHED_SEQ, seq);

/** How many cases and events the stores the pages read hold (the count a first replication's storing phase shows). */
export async function storedCount(): Promise<number> {
  const db = await getDb();
  const [cases, events] = await Promise.all([db.count('cases'), db.count('caseEvents')]);
  return cases + events;
}

export async function allCases(): Promise<CaseRecord[]> {
  return (await getDb()).getAll('cases');
}

export async function versionedRecords(kind: VersionedKind): Promise<{ id: string; version: number; record: unknown }[]> {
  const prefix = versionedPrefix[kind];
  const values = await (await getDb()).getAll('settings', IDBKeyRange.bound(prefix, `${prefix}\uffff`));
  return values.flatMap((v) => {
    const r = v as { id?: unknown; version?: unknown };
    return typeof r?.id === 'string' && typeof r.version === 'number' ? [{ id: r.id, version: r.version, record: v }] : [];
  });
}

export async function localVersioned(kind: VersionedKind, id: string): Promise<{ version: number } | undefined> {
  return (await getDb()).get('settings', versionedPrefix[kind] + id) as Promise<{ version: number } | undefined>;
}

/** Add a case header that arrived from the server; an existing case is left as it is. */
export async function addSharedCase(record: Omit<CaseRecord, 'version'>): Promise<'added' | 'present'> {
  const db = await getDb();
  const tx = db.transaction(['cases'], 'readwrite', { durability: 'strict' });
  const store = tx.objectStore('cases');
  if (await store.getKey(record.id)) {
    await tx.done;
    return 'present';
  }
  await store.add({ ...record, version: 0 });
  await tx.done;
  announceRecordChange({ store: 'cases', id: record.id, version: 0 });
  return 'added';
}

/**
 * Append events that arrived from the server to their case's log, skipping any this log already holds
 * (same content, so the same id): nothing is doubled. One transaction per case; the case's version is
 * raised as for a local append. Returns how many were added, or 'no-case' when the case has not arrived.
 */
export async function addSharedEvents(caseId: string, events: readonly Omit<StoredCaseEvent, 'seq'>[]): Promise<number | 'no-case'> {
  const db = await getDb();
  const tx = db.transaction(['cases', 'caseEvents'], 'readwrite', { durability: 'strict' });
  try {
    const cases = tx.objectStore('cases');
    const header = await cases.get(caseId);
    if (!header) {
      await tx.done;
      return 'no-case';
    }
    const log = tx.objectStore('caseEvents');
    const have = new Set((await log.index('byCase').getAll(caseId)).map((e) => eventDocId(sharedEvent(e))));
    // the log's order is the recording time across machines; one write (an import) records many at one
    // time: then by the event's own date, then by id (the same everywhere)
    const on = (e: Omit<StoredCaseEvent, 'seq'>) => String((e.event as { on?: unknown }).on ?? '');
    const fresh = [...events]
      .filter((e) => !have.has(eventDocId(e)))
      .sort((a, b) => a.recordedAt.localeCompare(b.recordedAt) || on(a).localeCompare(on(b)) || eventDocId(a).localeCompare(eventDocId(b)));
    const unique = fresh.filter((e, i) => i === 0 || eventDocId(e) !== eventDocId(fresh[i - 1]!));
    if (unique.length === 0) {
      await tx.done;
      return 0;
    }
    for (const e of unique) await log.add(e as StoredCaseEvent);
    const version = (header.version ?? 0) + unique.length;
    await cases.put({ ...header, version });
    await tx.done;
    announceRecordChange({ store: 'cases', id: caseId, version });
    return unique.length;
  } catch (error) {
    await abortAndSettle(tx);
    throw error;
  }
}

/**
 * Write a versioned record that arrived, if the local copy is still the one `expectedLocal` says (its
 * version, undefined = absent). Read, compare and write in one transaction.
 */
export async function putSharedVersioned(kind: VersionedKind, record: { id: string; version: number }, expectedLocal: number | undefined): Promise<boolean> {
  const db = await getDb();
  const key = versionedPrefix[kind] + record.id;
  const tx = db.transaction('settings', 'readwrite', { durability: 'strict' });
  const store = tx.objectStore('settings');
  const current = (await store.get(key)) as { version?: number } | undefined;
  if ((current?.version ?? undefined) !== expectedLocal) {
    await abortAndSettle(tx);
    return false;
  }
  await store.put(JSON.parse(JSON.stringify(record)), key);
  await tx.done;
  return true;
}

export type { SharedRecord };
