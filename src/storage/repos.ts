import { z } from '../core/zod-mini.ts';
import type { IDBPTransaction, StoreNames } from 'idb';
import { bi } from '../core/i18n.ts';
import { abortAndSettle, DB_NAME, openAwardDb, type AwardDb, type AwardDbHandle, type StoredCaseEvent } from './db.ts';
import { guardQuota, staleCaseMessage, staleWriteMessage, StorageError } from './errors.ts';
import { announceRecordChange } from './record-changes.ts';
import { draftWithAward, normalizeCreditCode } from './migrations.ts';
import { defaultAwardId, refOf, versionInForce, type AwardRef } from '../awards/index.ts';
import { isIsoDate, todayInChina } from '../core/calendar.ts';
import { caseEventSchema, type CaseEventInput } from '../../machines/case.events.ts';
import {
  adapterRecordSchema,
  anchorMissRecordSchema,
  caseEventRecordSchema,
  caseRecordSchema,
  draftRecordSchema,
  idSchema,
  profileRecordSchema,
  selfEvaluationRecordSchema,
  settingKeySchema,
  jsonSchema,
  type Json,
} from './records.ts';

export type Durability = 'relaxed' | 'strict';
export interface WriteOptions {
  /** 'relaxed' for keystroke autosave, 'strict' (the default) for blur, submit, import and case events. */
  durability?: Durability;
}

export type DraftRecord = AwardDb['drafts']['value'];
export type ProfileRecord = AwardDb['profiles']['value'];
export type SelfEvaluationRecord = AwardDb['selfEvaluations']['value'];
export type CaseRecord = AwardDb['cases']['value'];
export type CaseHeader = Omit<CaseRecord, 'id' | 'createdAt'> & { id?: string };
export type AdapterRecord = AwardDb['adapters']['value'];
export type AnchorMissRecord = AwardDb['anchorMisses']['value'];
export type AnchorMiss = Omit<AnchorMissRecord, 'seq' | 'at'> & { at?: string };
export type { StoredCaseEvent };

/** Oldest misses are dropped beyond this: a hostile page must not be able to fill the disk with them. */
export const MAX_ANCHOR_MISSES = 500;

let dbPromise: Promise<AwardDbHandle> | null = null;

/** The extension's database, opened once per page (memoised). */
export function getDb(): Promise<AwardDbHandle> {
  if (!dbPromise) {
    dbPromise = openAwardDb(DB_NAME, { onLost: forgetDb }).catch((error) => {
      dbPromise = null; // let the next call retry (e.g. after the user closed the blocking tab)
      throw error;
    });
  }
  return dbPromise;
}

/** Close the memoised connection (tests, and when another page upgrades the schema). */
export async function closeDb(): Promise<void> {
  const pending = dbPromise;
  dbPromise = null;
  if (pending) (await pending.catch(() => null))?.close();
}

/** Forget a connection the browser already closed, without touching it. */
export function forgetDb(): void {
  dbPromise = null;
}

const now = () => new Date().toISOString();

function newId(): string {
  return globalThis.crypto.randomUUID();
}

/** Drop what JSON cannot carry (undefined, functions), so what is stored is exactly what a backup exports. */
function asJson(value: unknown, field: string): Json {
  let copy: unknown;
  try {
    copy = value === undefined ? null : JSON.parse(JSON.stringify(value));
  } catch {
    throw invalid(field);
  }
  if (!jsonSchema.safeParse(copy).success) throw invalid(field);
  // the JSON.parse result, not zod's copy: a "__proto__" key stays an own property (never a prototype)
  return copy as Json;
}

function invalid(field: string, detail?: string): StorageError {
  const suffix = detail ? `: ${detail}` : '';
  return new StorageError(
    'invalid',
    bi(`无法保存：字段“${field}”无效${suffix}，未做任何修改。`, `Not saved: the field "${field}" is invalid${suffix}; nothing was changed.`),
  );
}

function check<S extends z.core.$ZodType>(schema: S, value: unknown, what: string): z.core.output<S> {
  const parsed = z.safeParse(schema, value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue && issue.path.length > 0 ? `${what}.${issue.path.join('.')}` : what;
  throw invalid(field, issue?.message);
}

function requireId(id: unknown, what: string): string {
  return check(idSchema, id, what);
}

// ---------------------------------------------------------------------------------------------- drafts

/**
 * Saves a draft. Every save bumps the draft's version (issue 15); with `expectedVersion` (the version
 * the writer last saw; 0 = it saw none) a save from a stale view is refused with a clear message and
 * changes nothing. The check and the write are one transaction.
 */
export async function saveDraft(
  input: { id: string; application: unknown; source?: string; award?: AwardRef; recommendedFrom?: { caseId: string; article: string; selfEvaluations: string[] } },
  options: WriteOptions & { expectedVersion?: number } = {},
): Promise<DraftRecord> {
  // issue 16: the award the draft is checked under (its adapter's), else Lianyungang's version in force on its dates
  const base = check(
    draftRecordSchema,
    {
      id: input.id,
      application: asJson(input.application, 'application'),
      updatedAt: now(),
      ...(input.source !== undefined ? { source: input.source } : {}),
      ...(input.award !== undefined ? { award: input.award } : {}),
      ...(input.recommendedFrom !== undefined ? { recommendedFrom: input.recommendedFrom } : {}),
    },
    'draft',
  ) as DraftRecord;
  const withAward = draftWithAward(base);
  const record = await write(['drafts'], options.durability, async (tx) => {
    const store = tx.objectStore('drafts');
    const current = await store.get(base.id);
    const version = current?.version ?? (current ? 1 : 0);
    if (options.expectedVersion !== undefined && options.expectedVersion !== version) throw new StorageError('conflict', staleWriteMessage);
    const next = { ...withAward, version: version + 1 };
    await store.put(next);
    return next;
  });
  announceRecordChange({ store: 'drafts', id: record.id, version: record.version });
  return record;
}

export async function getDraft(id: string): Promise<DraftRecord | undefined> {
  return (await getDb()).get('drafts', requireId(id, 'draft.id'));
}

/** Most recently edited first. */
export async function listDrafts(): Promise<DraftRecord[]> {
  return (await (await getDb()).getAllFromIndex('drafts', 'byUpdatedAt')).reverse();
}

// -------------------------------------------------------------------------------------------- profiles

/**
 * Saves a profile. With `expectedVersion` (the version the editor loaded), a save from a stale view,
 * e.g. a second options tab, is refused with a clear message and changes nothing (issue 15: lost
 * updates). Every save bumps the version; a record without one counts as version 0.
 */
export async function saveProfile(input: { id: string; data: unknown }, options: WriteOptions & { expectedVersion?: number } = {}): Promise<ProfileRecord> {
  const base = check(profileRecordSchema, { id: input.id, data: asJson(input.data, 'data'), updatedAt: now() }, 'profile') as ProfileRecord;
  return write(['profiles'], options.durability, async (tx) => {
    const store = tx.objectStore('profiles');
    const current = await store.get(base.id);
    const version = current?.version ?? 0;
    if (options.expectedVersion !== undefined && options.expectedVersion !== version) throw new StorageError('conflict', staleWriteMessage);
    const record = { ...base, version: version + 1 };
    await store.put(record);
    return record;
  });
}

export async function getProfile(id: string): Promise<ProfileRecord | undefined> {
  return (await getDb()).get('profiles', requireId(id, 'profile.id'));
}

// ------------------------------------------------------------------------------------ self-evaluation

export async function saveSelfEvaluation(
  input: { id: string; round: string; data: unknown },
  options: WriteOptions = {},
): Promise<SelfEvaluationRecord> {
  const record = check(
    selfEvaluationRecordSchema,
    { id: input.id, round: input.round, data: asJson(input.data, 'data'), updatedAt: now() },
    'selfEvaluation',
  ) as SelfEvaluationRecord;
  await write(['selfEvaluations'], options.durability, async (tx) => {
    await tx.objectStore('selfEvaluations').put(record);
  });
  return record;
}

export async function getSelfEvaluation(id: string): Promise<SelfEvaluationRecord | undefined> {
  return (await getDb()).get('selfEvaluations', requireId(id, 'selfEvaluation.id'));
}

/** Newest round first, then most recently edited. */
export async function listSelfEvaluations(): Promise<SelfEvaluationRecord[]> {
  const all = await (await getDb()).getAll('selfEvaluations');
  return all.sort((a, b) => b.round.localeCompare(a.round) || b.updatedAt.localeCompare(a.updatedAt));
}

export async function deleteSelfEvaluation(id: string): Promise<void> {
  const key = requireId(id, 'selfEvaluation.id');
  await write(['selfEvaluations'], 'strict', async (tx) => {
    await tx.objectStore('selfEvaluations').delete(key);
  });
}

// ----------------------------------------------------------------------------------------------- cases

/** Create a case header; refuses an id that already exists (a case is never overwritten). */
export async function createCase(header: CaseHeader): Promise<CaseRecord> {
  const record = check(
    caseRecordSchema,
    { ...header, id: header.id ?? newId(), creditCode: normalizeCreditCode(header.creditCode), createdAt: now(), version: 0, award: header.award ?? refOf(versionInForce(defaultAwardId, todayInChina())) },
    'case',
  ) as CaseRecord;
  if (record.creditCode === undefined) delete record.creditCode;
  await write(['cases'], 'strict', async (tx) => {
    const store = tx.objectStore('cases');
    if (await store.getKey(record.id)) {
      throw new StorageError(
        'conflict',
        bi(`案件 ${record.id} 已存在，未做任何修改。`, `Case ${record.id} already exists; nothing was changed.`),
      );
    }
    await store.add(record);
  });
  announceRecordChange({ store: 'cases', id: record.id, version: 0 });
  return record;
}

/** Cases of one applicant (unified social credit code), e.g. to check 第十四条–第十六条 bans. */
export async function listCasesByCreditCode(creditCode: string): Promise<CaseRecord[]> {
  const code = normalizeCreditCode(creditCode);
  if (typeof code !== 'string') return [];
  return (await getDb()).getAllFromIndex('cases', 'byCreditCode', code);
}

export async function listCases(filter: { year?: number } = {}): Promise<CaseRecord[]> {
  const db = await getDb();
  const cases = filter.year === undefined ? await db.getAll('cases') : await db.getAllFromIndex('cases', 'byYear', filter.year);
  return cases.sort(byCreation);
}

/**
 * What a staff page shows first, in one read transaction: the year (given, or the latest holding a case,
 * from one step of a backwards key cursor on the byYear index), that year's headers in list order, and
 * how many cases there are in all.
 */
export async function yearFirst(year: number | null): Promise<{ year: number | null; headers: CaseRecord[]; total: number }> {
  const store = (await getDb()).transaction('cases').store;
  const [cursor, total] = await Promise.all([year === null ? store.index('byYear').openKeyCursor(null, 'prev') : null, store.count()]);
  const shown = year ?? (cursor ? (cursor.key as number) : null);
  const headers = shown === null ? [] : await store.index('byYear').getAll(shown);
  return { year: shown, headers: headers.sort(byCreation), total };
}

const byCreation = (a: CaseRecord, b: CaseRecord) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);

export async function getCase(id: string): Promise<CaseRecord | undefined> {
  return (await getDb()).get('cases', requireId(id, 'case.id'));
}

/** Events that passed caseEventSchema here, frozen so they cannot change after the check (issue 19). */
const checkedCaseEvents = new WeakSet<object>();

/**
 * Checks one case event against the lifecycle's caseEventSchema (contract §3), as `safeParse` does. An
 * event accepted here is frozen and remembered, so appendCaseEvents stores it without checking it again:
 * the staff page validates a recorded event once (issue 19).
 */
export function checkCaseEvent(input: unknown): ReturnType<typeof caseEventSchema.safeParse> {
  const parsed = caseEventSchema.safeParse(input);
  if (parsed.success) checkedCaseEvents.add(Object.freeze(parsed.data));
  return parsed;
}

/** The stored record's own fields; the event inside is checked by caseEventSchema, once. */
const caseEventEnvelopeSchema = z.omit(caseEventRecordSchema, { event: true });

/**
 * One event as stored: in the lifecycle's canonical form (trimmed, `on` as a China calendar date), so
 * the log replays, exports and re-imports exactly. The event is checked by caseEventSchema once; of the
 * stored minimum (storedEventPayloadSchema) only the date range is stricter than the lifecycle's, so
 * only `on` is looked at again. test/unit/storage/case-event-record.test.ts checks with fast-check that
 * this accepts, refuses and stores exactly what the full record schema did.
 */
export function caseEventRecordOf(
  caseId: string,
  event: unknown,
  recordedAt: string,
  recordedBy: string,
  review: { review?: Json },
  what: string,
): StoredCaseEvent {
  // a checked event holds only strings (type, on, kind/by/tier/reason): a plain copy is its JSON
  const canonical = typeof event === 'object' && event !== null && checkedCaseEvents.has(event) ? { ...event } : asJson(check(caseEventSchema, event, what), what);
  if (!isIsoDate((canonical as { on?: unknown }).on)) check(caseEventRecordSchema.shape.event, canonical, `${what}.event`); // the same refusal as before
  const envelope = check(caseEventEnvelopeSchema, { caseId, recordedAt, recordedBy, ...review }, what);
  const { caseId: id, recordedAt: at, recordedBy: by, ...rest } = envelope;
  return { caseId: id, event: canonical as StoredCaseEvent['event'], recordedAt: at, recordedBy: by, ...rest } as StoredCaseEvent;
}

/**
 * Append events to a case's log (第十条 lifecycle: the log is the audit trail, so it is append-only and
 * written with strict durability). All events go in one transaction, or none if any is malformed or the
 * case does not exist. Each event must pass the lifecycle's caseEventSchema (contract §3).
 * Each append bumps the case's version in the same transaction (issue 15); with `expectedVersion` (the
 * version the view showed) an append decided on a stale view, e.g. a second staff tab, is refused.
 */
export async function appendCaseEvents(
  caseId: string,
  events: readonly (StoredCaseEvent['event'] | CaseEventInput)[],
  recordedBy: string,
  /** extra fields on the stored record (the event itself keeps the contract §3 shape) */
  extra: { review?: unknown; expectedVersion?: number } = {},
): Promise<StoredCaseEvent[]> {
  const id = requireId(caseId, 'caseId');
  const recordedAt = now();
  const review = extra.review === undefined ? {} : { review: asJson(extra.review, 'review') };
  const records = events.map((event, i) => caseEventRecordOf(id, event, recordedAt, recordedBy, review, `events.${i}`));
  if (records.length === 0) return [];
  let version = 0;
  const stored = await write(['cases', 'caseEvents'], 'strict', async (tx) => {
    const cases = tx.objectStore('cases');
    const header = await cases.get(id);
    if (!header) {
      throw new StorageError('not-found', bi(`案件 ${id} 不存在，事件未记录。`, `Case ${id} does not exist; no event was recorded.`));
    }
    const current = header.version ?? 0;
    if (extra.expectedVersion !== undefined && extra.expectedVersion !== current) throw new StorageError('conflict', staleCaseMessage);
    version = current + 1;
    await cases.put({ ...header, version });
    const store = tx.objectStore('caseEvents');
    const out: StoredCaseEvent[] = [];
    for (const record of records) {
      const seq = await store.add(record);
      out.push({ ...record, seq: seq as number });
    }
    return out;
  });
  announceRecordChange({ store: 'cases', id, version });
  return stored;
}

/** A case's events in append order (the byCase index orders equal keys by seq). */
export async function getCaseEvents(caseId: string): Promise<StoredCaseEvent[]> {
  return (await getDb()).getAllFromIndex('caseEvents', 'byCase', requireId(caseId, 'caseId'));
}

/** The logs of a few cases, read in one transaction, each in append order (a staged load's first page). */
export async function getCaseEventsOf(caseIds: readonly string[]): Promise<Map<string, StoredCaseEvent[]>> {
  const index = (await getDb()).transaction('caseEvents').store.index('byCase');
  const logs = await Promise.all(caseIds.map((id) => index.getAll(requireId(id, 'caseId'))));
  return new Map(caseIds.map((id, i) => [id, logs[i]!]));
}

/** Every event of every case, in append order, for bulk replay (year summaries, quotas, bans). */
export async function listAllCaseEvents(): Promise<StoredCaseEvent[]> {
  return (await getDb()).getAll('caseEvents');
}

// -------------------------------------------------------------------------------------------- adapters

export async function saveAdapter(input: { id: string; adapter: unknown }): Promise<AdapterRecord> {
  const record = check(adapterRecordSchema, { id: input.id, adapter: asJson(input.adapter, 'adapter'), updatedAt: now() }, 'adapter') as AdapterRecord;
  await write(['adapters'], 'strict', async (tx) => {
    await tx.objectStore('adapters').put(record);
  });
  return record;
}

export async function listAdapters(): Promise<AdapterRecord[]> {
  return (await getDb()).getAll('adapters');
}

export async function deleteAdapter(id: string): Promise<void> {
  const key = requireId(id, 'adapter.id');
  await write(['adapters'], 'strict', async (tx) => {
    await tx.objectStore('adapters').delete(key);
  });
}

// --------------------------------------------------------------------------------------- anchor misses

export async function recordAnchorMiss(miss: AnchorMiss): Promise<AnchorMissRecord> {
  const record = check(anchorMissRecordSchema, { ...miss, at: miss.at ?? now() }, 'anchorMiss') as AnchorMissRecord;
  return write(['anchorMisses'], 'relaxed', async (tx) => {
    const store = tx.objectStore('anchorMisses');
    const seq = await store.add(record);
    const count = await store.count();
    if (count > MAX_ANCHOR_MISSES) {
      let cursor = await store.openCursor();
      for (let excess = count - MAX_ANCHOR_MISSES; cursor && excess > 0; excess--) {
        await cursor.delete();
        cursor = await cursor.continue();
      }
    }
    return { ...record, seq: seq as number };
  });
}

/** Oldest first. */
export async function listAnchorMisses(): Promise<AnchorMissRecord[]> {
  return (await getDb()).getAll('anchorMisses');
}

export async function clearAnchorMisses(): Promise<void> {
  await write(['anchorMisses'], 'strict', async (tx) => {
    await tx.objectStore('anchorMisses').clear();
  });
}

// -------------------------------------------------------------------------------------------- settings

export async function getSetting<T = unknown>(key: string): Promise<T | undefined> {
  return (await getDb()).get('settings', check(settingKeySchema, key, 'setting.key')) as Promise<T | undefined>;
}

export async function setSetting(key: string, value: unknown): Promise<void> {
  const k = check(settingKeySchema, key, 'setting.key');
  const v = asJson(value, `setting.${k}`);
  await write(['settings'], 'strict', async (tx) => {
    await tx.objectStore('settings').put(v, k);
  });
}

// ------------------------------------------------------------------------------------------- internals

type StoreName = StoreNames<AwardDb>;

/**
 * One readwrite transaction: the body's writes commit together or not at all. A throw inside the body
 * aborts the transaction. Quota failures come out as StorageQuotaError.
 */
async function write<T, const S extends StoreName[]>(
  stores: S,
  durability: Durability | undefined,
  body: (tx: IDBPTransaction<AwardDb, S, 'readwrite'>) => Promise<T>,
): Promise<T> {
  return guardQuota(async () => {
    const db = await getDb();
    const tx = db.transaction(stores, 'readwrite', { durability: durability ?? 'strict' });
    let result: T;
    try {
      result = await body(tx);
    } catch (error) {
      await abortAndSettle(tx);
      throw error;
    }
    await tx.done;
    return result;
  });
}
