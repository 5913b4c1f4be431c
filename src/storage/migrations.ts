import type { IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { AwardDb } from './db.ts';
import { defaultAwardId, refOf, versionInForce } from '../awards/index.ts';
import { isIsoDate, todayInChina } from '../core/calendar.ts';

/**
 * Numbered schema migrations. Each one brings the database from `version - 1` to `version`, inside the
 * versionchange transaction (so a failed migration rolls back entirely and the old data stays as it was).
 * Each migration may also rewrite records; `upgradeRecords` is the same rewrite on a backup's plain data,
 * so an old backup file is brought forward by exactly the code that upgrades a live database.
 * Rule: never edit a migration that has shipped; add a new one. Each has a fixture of the previous
 * version's data in test/fixtures/storage/ and a test that migrates it forward.
 */

export type UpgradeTx = IDBPTransaction<AwardDb, StoreNames<AwardDb>[], 'versionchange'>;
/** A backup's data: store name → records (settings as {key, value} pairs). */
export type BackupData = Record<string, unknown[]>;

export interface Migration {
  version: number;
  description: string;
  migrate(tx: UpgradeTx): Promise<void>;
  upgradeRecords?(data: BackupData): BackupData;
}

/** GB 32100-2015 codes are upper case; people type them in lower case too. Blank means "not known". */
export function normalizeCreditCode(code: unknown): unknown {
  if (typeof code !== 'string') return code;
  const trimmed = code.trim().toUpperCase();
  return trimmed === '' ? null : trimmed;
}

function normalizeCaseRecord<T>(record: T): T {
  if (!record || typeof record !== 'object' || !('creditCode' in record)) return record;
  const code = (record as { creditCode?: unknown }).creditCode;
  const normalized = normalizeCreditCode(code);
  return normalized === code ? record : { ...record, creditCode: normalized };
}

/**
 * Version 3 (issue 15): adapter page patterns name their origin. An older pattern with a path alone
 * could only ever run where the extension had access: the real portal sites (the local demo portal is
 * not a release origin), so it becomes one pattern per real portal origin; a host-only one becomes
 * https://<host>.
 */
const REAL_PORTAL_ORIGINS = ['https://*.jszwfw.gov.cn', 'https://*.lyg.gov.cn'] as const;

function withOrigins(pattern: unknown): unknown[] {
  if (!pattern || typeof pattern !== 'object' || 'origin' in pattern) return [pattern];
  const host = (pattern as { host?: unknown }).host;
  if (typeof host === 'string' && host.trim()) return [{ origin: `https://${host.trim()}`, ...pattern }];
  return REAL_PORTAL_ORIGINS.map((origin) => ({ origin, ...pattern }));
}

export function adapterRecordWithOrigins<T>(record: T): T {
  const adapter = (record as { adapter?: { pages?: unknown } } | null)?.adapter;
  const pages = adapter?.pages;
  if (!pages || typeof pages !== 'object' || Array.isArray(pages)) return record;
  let changed = false;
  const next: Record<string, unknown> = {};
  for (const [page, list] of Object.entries(pages)) {
    if (!Array.isArray(list)) { next[page] = list; continue; }
    const out = list.flatMap(withOrigins);
    if (out.length !== list.length || out.some((p, i) => p !== list[i])) changed = true;
    next[page] = out;
  }
  return changed ? ({ ...record, adapter: { ...adapter, pages: next } } as T) : record;
}

/**
 * Version 4 (issue 15): drafts and case headers carry a record version (optimistic concurrency; the
 * per-record revision issue 20's replication needs). A draft starts at 1; a case at the number of events
 * in its log (each append bumps it by one). A record that has one keeps it.
 */
export function withDraftVersion<T>(record: T): T {
  if (!record || typeof record !== 'object' || typeof (record as { version?: unknown }).version === 'number') return record;
  return { ...record, version: 1 };
}

export function withCaseVersion<T>(record: T, eventCount: number): T {
  if (!record || typeof record !== 'object' || typeof (record as { version?: unknown }).version === 'number') return record;
  return { ...record, version: eventCount };
}

/** Rewrites each record of a store in place where `change` returns a new object (same object: left as it is). */
async function rewriteEach<S extends StoreNames<AwardDb>>(tx: UpgradeTx, store: S, change: (value: any) => Promise<unknown> | unknown): Promise<void> {
  for (let cursor = await tx.objectStore(store).openCursor(); cursor; cursor = await cursor.continue()) {
    const next = await change(cursor.value);
    if (next !== cursor.value) await cursor.update(next as never);
  }
}

/** A backup's case events by case id, in log order (one pass, not one filter per case). */
function eventsByCase(events: readonly unknown[]): Map<unknown, unknown[]> {
  const ordered = [...events].sort((a, b) => ((a as { seq?: number } | null)?.seq ?? 0) - ((b as { seq?: number } | null)?.seq ?? 0));
  const byCase = new Map<unknown, unknown[]>();
  for (const e of ordered) {
    const id = (e as { caseId?: unknown } | null)?.caseId;
    const list = byCase.get(id);
    if (list) list.push(e);
    else byCase.set(id, [e]);
  }
  return byCase;
}

function eventCounts(events: readonly unknown[]): Map<unknown, number> {
  const counts = new Map<unknown, number>();
  for (const e of events) {
    const id = (e as { caseId?: unknown } | null)?.caseId;
    counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}

/**
 * Version 5 (issue 16): every case and draft names its award and the version of the measures it is
 * judged by. Everything stored before awards existed is the Lianyungang Mayor award; the version is the
 * one in force (published dates only) on the case's filing date (its first apply event, else the day it
 * was created) or the draft's submission date (else the day it was last saved).
 */
function chinaDay(timestamp: unknown): string | null {
  if (typeof timestamp !== 'string') return null;
  const t = new Date(timestamp);
  return Number.isNaN(t.getTime()) ? null : todayInChina(t);
}

function awardRefOn(day: string | null): { awardId: string; versionId: string } {
  return refOf(versionInForce(defaultAwardId, day && isIsoDate(day) ? day : '2021-01-01'));
}

export function caseWithAward<T>(record: T, events: readonly unknown[]): T {
  if (!record || typeof record !== 'object' || 'award' in record) return record;
  const apply = events.find((e) => (e as { event?: { type?: unknown } } | null)?.event?.type === 'apply') as { event: { on?: unknown } } | undefined;
  const on = typeof apply?.event.on === 'string' ? apply.event.on : chinaDay((record as { createdAt?: unknown }).createdAt);
  return { ...record, award: awardRefOn(on) };
}

export function draftWithAward<T>(record: T): T {
  if (!record || typeof record !== 'object' || 'award' in record) return record;
  const submitted = (record as { application?: { submittedOn?: unknown } | null }).application?.submittedOn;
  const on = typeof submitted === 'string' && isIsoDate(submitted) ? submitted : chinaDay((record as { updatedAt?: unknown }).updatedAt);
  return { ...record, award: awardRefOn(on) };
}

// The stores' types are the current schema's; during an upgrade the older shapes are handled by hand.
type LooseDb = IDBPDatabase<AwardDb>;

export const migrations: readonly Migration[] = [
  {
    version: 1,
    description: 'Initial stores: drafts, profiles, selfEvaluations, cases (byYear), caseEvents (byCase), adapters, anchorMisses, settings',
    async migrate(tx) {
      const db: LooseDb = tx.db;
      db.createObjectStore('drafts', { keyPath: 'id' });
      db.createObjectStore('profiles', { keyPath: 'id' });
      db.createObjectStore('selfEvaluations', { keyPath: 'id' });
      const cases = db.createObjectStore('cases', { keyPath: 'id' });
      cases.createIndex('byYear', 'year');
      const events = db.createObjectStore('caseEvents', { keyPath: 'seq', autoIncrement: true });
      events.createIndex('byCase', 'caseId');
      db.createObjectStore('adapters', { keyPath: 'id' });
      db.createObjectStore('anchorMisses', { keyPath: 'seq', autoIncrement: true });
      db.createObjectStore('settings');
    },
  },
  {
    version: 2,
    description:
      'byUpdatedAt on drafts and selfEvaluations (recent-first lists without loading everything); cases.creditCode normalised to upper case with a byCreditCode index (第十四条–第十六条 bans are looked up by applicant)',
    async migrate(tx) {
      tx.objectStore('drafts').createIndex('byUpdatedAt', 'updatedAt');
      tx.objectStore('selfEvaluations').createIndex('byUpdatedAt', 'updatedAt');
      await rewriteEach(tx, 'cases', normalizeCaseRecord);
      tx.objectStore('cases').createIndex('byCreditCode', 'creditCode');
    },
    upgradeRecords(data) {
      return { ...data, cases: (data.cases ?? []).map(normalizeCaseRecord) };
    },
  },
  {
    version: 3,
    description: 'adapter page patterns name their origin (scheme, host, port): path-only patterns are scoped to the real portal origins (issue 15)',
    async migrate(tx) {
      await rewriteEach(tx, 'adapters', adapterRecordWithOrigins);
    },
    upgradeRecords(data) {
      return { ...data, adapters: (data.adapters ?? []).map(adapterRecordWithOrigins) };
    },
  },
  {
    version: 4,
    description: 'record versions on drafts and case headers: a stale write (two tabs, two clerks) is refused in the write transaction (issue 15)',
    async migrate(tx) {
      await rewriteEach(tx, 'drafts', withDraftVersion);
      const byCase = tx.objectStore('caseEvents').index('byCase');
      await rewriteEach(tx, 'cases', async (c) => withCaseVersion(c, await byCase.count(c.id)));
    },
    upgradeRecords(data) {
      const counts = eventCounts(data.caseEvents ?? []);
      return {
        ...data,
        drafts: (data.drafts ?? []).map(withDraftVersion),
        cases: (data.cases ?? []).map((c) => withCaseVersion(c, counts.get((c as { id?: unknown } | null)?.id) ?? 0)),
      };
    },
  },
  {
    version: 5,
    description: 'award id and measures version on every case and draft: each is judged by the version in force on its dates (issue 16)',
    async migrate(tx) {
      await rewriteEach(tx, 'drafts', draftWithAward);
      const byCase = tx.objectStore('caseEvents').index('byCase');
      await rewriteEach(tx, 'cases', async (c) => caseWithAward(c, await byCase.getAll(c.id)));
    },
    upgradeRecords(data) {
      const byCase = eventsByCase(data.caseEvents ?? []);
      return {
        ...data,
        drafts: (data.drafts ?? []).map(draftWithAward),
        cases: (data.cases ?? []).map((c) => caseWithAward(c, (byCase.get((c as { id?: unknown } | null)?.id) ?? []))),
      };
    },
  },
];

export const LATEST_VERSION = migrations[migrations.length - 1]!.version;

/** Run every migration above `oldVersion`, in order, inside the upgrade transaction. */
export async function runMigrations(tx: UpgradeTx, oldVersion: number, newVersion: number = LATEST_VERSION): Promise<void> {
  for (const migration of migrations) {
    if (migration.version > oldVersion && migration.version <= newVersion) await migration.migrate(tx);
  }
}

/** Bring a backup's data from `fromVersion` to the current schema with the migrations' record rewrites. */
export function upgradeBackupData(data: BackupData, fromVersion: number): BackupData {
  let current = data;
  for (const migration of migrations) {
    if (migration.version > fromVersion && migration.upgradeRecords) current = migration.upgradeRecords(current);
  }
  return current;
}
