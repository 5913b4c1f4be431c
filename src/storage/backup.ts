import { z } from '../core/zod-mini.ts';
import { safeParseBilingual } from '../core/zod-text.ts';
import { PROFILE_ID, profileDataSchema } from '../messaging/profile.ts';
import { APPLICATION_FORMAT, parseApplication } from '../application/index.ts';
import { caseEventSchema } from '../../machines/case.events.ts';
import { workbookSchema } from '../self-evaluation/workbook.ts';
import { portalAdapterSchema } from '../portal/adapter-schema.ts';
import { bi, type Bilingual } from '../core/i18n.ts';
import { abortAndSettle, STORE_NAMES, type AwardDb } from './db.ts';
import { canonicalJson, sha256Hex } from './canonical-json.ts';
import { StorageError, toStorageError } from './errors.ts';
import { LATEST_VERSION, upgradeBackupData, type BackupData } from './migrations.ts';
import {
  adapterRecordSchema,
  anchorMissRecordSchema,
  caseEventRecordSchema,
  caseRecordSchema,
  draftRecordSchema,
  profileRecordSchema,
  selfEvaluationRecordSchema,
  settingRecordSchema,
} from './records.ts';
import { getDb } from './repos.ts';
import { publishStorageNotice } from './status.ts';

/**
 * Backup file: every store of the database in one JSON envelope, with the SHA-256 of the canonical JSON
 * of `data` so a truncated or hand-edited file is refused. The hash detects accidents, not attackers
 * (anyone can recompute it): every record is validated on import regardless.
 */
export const BACKUP_FORMAT = 'lyg-award/backup@1';
/** A backup larger than this is refused before parsing (a hostile file must not freeze the page). */
export const MAX_BACKUP_BYTES = 64 * 1024 * 1024;
export const MAX_RECORDS_PER_STORE = 100_000;
const MAX_REPORTED_ERRORS = 20;

export type StoreName = (typeof STORE_NAMES)[number];
export type BackupCounts = Record<StoreName, number>;

export interface BackupEnvelope {
  format: typeof BACKUP_FORMAT;
  dbVersion: number;
  appVersion: string;
  createdAt: string;
  sha256: string;
  data: Record<StoreName, unknown[]>;
}

export interface BackupProblem {
  /** where in the file, e.g. `data.cases[2].year` */
  path: string;
  message: Bilingual;
}

export type ReadBackupResult =
  | { ok: true; envelope: BackupEnvelope; upgradedFrom: number | null; counts: BackupCounts }
  | { ok: false; errors: BackupProblem[] };

export type ImportBackupResult = { ok: true; counts: BackupCounts; upgradedFrom: number | null } | { ok: false; errors: BackupProblem[] };

// ----------------------------------------------------------------------------------------------- export

function appVersion(): string {
  const runtime = (globalThis as { chrome?: { runtime?: { getManifest?: () => { version?: string } } } }).chrome?.runtime;
  try {
    return runtime?.getManifest?.().version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

/** Read every store in one read-only transaction (a consistent snapshot) and wrap it in an envelope. */
export async function exportBackup(options: { appVersion?: string; now?: Date } = {}): Promise<BackupEnvelope> {
  const db = await getDb();
  const tx = db.transaction([...STORE_NAMES], 'readonly');
  const data = {} as Record<StoreName, unknown[]>;
  for (const name of STORE_NAMES) {
    if (name === 'settings') {
      const store = tx.objectStore('settings');
      const [keys, values] = await Promise.all([store.getAllKeys(), store.getAll()]);
      data.settings = keys.map((key, i) => ({ key, value: values[i] }));
    } else {
      data[name] = await tx.objectStore(name).getAll();
    }
  }
  await tx.done;
  return {
    format: BACKUP_FORMAT,
    dbVersion: db.version,
    appVersion: options.appVersion ?? appVersion(),
    createdAt: (options.now ?? new Date()).toISOString(),
    sha256: await sha256Hex(canonicalJson(data)),
    data,
  };
}

export function backupFileName(envelope: Pick<BackupEnvelope, 'createdAt'>): string {
  return `award-pilot-backup-${envelope.createdAt.slice(0, 10)}.json`;
}

export function backupCounts(data: Partial<Record<StoreName, unknown[]>>): BackupCounts {
  return Object.fromEntries(STORE_NAMES.map((name) => [name, data[name]?.length ?? 0])) as BackupCounts;
}

/** How many records each store holds now (for the import preview: what will be replaced). */
export async function currentCounts(): Promise<BackupCounts> {
  const db = await getDb();
  const tx = db.transaction([...STORE_NAMES], 'readonly');
  const counts = await Promise.all(STORE_NAMES.map((name) => tx.objectStore(name).count()));
  await tx.done;
  return Object.fromEntries(STORE_NAMES.map((name, i) => [name, counts[i]])) as BackupCounts;
}

// ----------------------------------------------------------------------------------------------- import

const problem = (path: string, zh: string, en: string): BackupProblem => ({ path, message: bi(zh, en) });

const storeArraySchema = z.array(z.unknown()).check(z.maxLength(MAX_RECORDS_PER_STORE));
const envelopeSchema = z.strictObject({
  format: z.literal(BACKUP_FORMAT),
  dbVersion: z.number().check(z.int()).check(z.gte(1)).check(z.lte(LATEST_VERSION)),
  appVersion: z.string().check(z.maxLength(50)),
  createdAt: z.iso.datetime({ offset: true }),
  sha256: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
  data: z.strictObject(Object.fromEntries(STORE_NAMES.map((name) => [name, z.optional(storeArraySchema)])) as Record<StoreName, z.ZodMiniOptional<typeof storeArraySchema>>),
});

const recordSchemas: Record<StoreName, z.ZodMiniType> = {
  drafts: draftRecordSchema,
  profiles: profileRecordSchema,
  selfEvaluations: selfEvaluationRecordSchema,
  cases: caseRecordSchema,
  caseEvents: caseEventRecordSchema,
  adapters: adapterRecordSchema,
  anchorMisses: anchorMissRecordSchema,
  settings: settingRecordSchema,
};

const primaryKey: Record<StoreName, string> = {
  drafts: 'id',
  profiles: 'id',
  selfEvaluations: 'id',
  cases: 'id',
  caseEvents: 'seq',
  adapters: 'id',
  anchorMisses: 'seq',
  settings: 'key',
};

function pathOf(base: string, path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, part) => (typeof part === 'number' ? `${acc}[${part}]` : `${acc}.${String(part)}`), base);
}

/** Refusals in natural Chinese (and English), one per issue, naming the field (core/zod-text.ts). */
function zodProblems(base: string, schema: z.ZodMiniType, input: unknown): BackupProblem[] {
  const r = safeParseBilingual(schema, input);
  if (r.success) return [];
  return r.issues.map((issue) => {
    const path = pathOf(base, issue.path) || '（文件本身）';
    return problem(path, `“${path}”${issue.message.zh}`, `"${path}" is invalid: ${issue.message.en}`);
  });
}

function sameJson(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

/** Domain checks owned by other areas: applications (core), self-evaluation workbooks (selfeval), portal adapters (portal), case events (lifecycle). */
function domainProblems(name: StoreName, record: Record<string, unknown>, path: string): BackupProblem[] {
  if (name === 'drafts') {
    const application = record.application;
    if (!application || typeof application !== 'object' || Array.isArray(application)) {
      return [problem(`${path}.application`, `“${path}.application”必须是申报书对象。`, `"${path}.application" must be an application object.`)];
    }
    const format = (application as { format?: unknown }).format;
    if (format !== undefined && format !== APPLICATION_FORMAT) {
      return [
        problem(
          `${path}.application.format`,
          `“${path}.application.format”应为 ${APPLICATION_FORMAT}。`,
          `"${path}.application.format" must be ${APPLICATION_FORMAT}.`,
        ),
      ];
    }
    // A draft is an application in progress: it may be incomplete, so parseApplication's verdict is
    // reported in the preview (incompleteDrafts) rather than refusing the whole backup.
    return [];
  }
  if (name === 'profiles' && record.id === PROFILE_ID) {
    // The profile prefill uses: its own strict schema, so a wrong type is refused here rather than
    // wiping the field at the next Save (issue 15).
    const strict = z.strictObject(profileDataSchema.shape);
    if (!strict.safeParse(record.data).success) return zodProblems(`${path}.data`, strict, record.data);
  }
  if (name === 'selfEvaluations') {
    const parsed = workbookSchema.safeParse(record.data);
    if (!parsed.success) return zodProblems(`${path}.data`, workbookSchema, record.data);
  }
  if (name === 'adapters') {
    const parsed = portalAdapterSchema.safeParse(record.adapter);
    if (!parsed.success) return zodProblems(`${path}.adapter`, portalAdapterSchema, record.adapter);
    if ((parsed.data as { id: string }).id !== record.id) {
      return [problem(`${path}.id`, `“${path}.id”与适配器自身的 id 不一致。`, `"${path}.id" does not match the adapter's own id.`)];
    }
  }
  if (name === 'caseEvents') {
    const parsed = caseEventSchema.safeParse(record.event);
    if (!parsed.success) return zodProblems(`${path}.event`, caseEventSchema, record.event);
    // The log is the audit trail: an event must be stored exactly as the lifecycle defines it.
    if (!sameJson(parsed.data, record.event)) {
      return [problem(`${path}.event`, `“${path}.event”含有未定义的字段。`, `"${path}.event" has fields the case lifecycle does not define.`)];
    }
  }
  return [];
}

/**
 * One record's problems, exactly as an import judges it: its store's schema, then its owner's domain
 * checks. Also used for every document arriving from a shared CouchDB (issue 20, src/sharing).
 */
export function recordProblems(name: StoreName, record: unknown, path: string): BackupProblem[] {
  if (!recordSchemas[name].safeParse(record).success) return zodProblems(path, recordSchemas[name], record);
  return domainProblems(name, record as Record<string, unknown>, path);
}

function parseJsonText(input: unknown): { ok: true; value: unknown } | { ok: false; errors: BackupProblem[] } {
  if (typeof input !== 'string') return { ok: true, value: input };
  if (input.length > MAX_BACKUP_BYTES) {
    return { ok: false, errors: [problem('', '备份文件过大（超过 64 MB），未导入。', 'The backup file is too large (over 64 MB); nothing was imported.')] };
  }
  try {
    return { ok: true, value: JSON.parse(input) };
  } catch {
    return { ok: false, errors: [problem('', '文件不是有效的 JSON，可能已损坏或被截断，未导入。', 'The file is not valid JSON (damaged or truncated?); nothing was imported.')] };
  }
}

/**
 * Validate a backup (text or parsed JSON) without writing anything: envelope, hash, migration to the
 * current schema, every record, references between records. Never throws.
 */
export async function readBackup(input: unknown): Promise<ReadBackupResult> {
  try {
    return await readBackupUnsafe(input);
  } catch {
    return { ok: false, errors: [problem('', '无法读取备份文件，未导入。', 'The backup file could not be read; nothing was imported.')] };
  }
}

async function readBackupUnsafe(input: unknown): Promise<ReadBackupResult> {
  const json = parseJsonText(input);
  if (!json.ok) return json;
  const raw = json.value;
  if (!raw || typeof raw !== 'object' || (raw as { format?: unknown }).format !== BACKUP_FORMAT) {
    return {
      ok: false,
      errors: [problem('format', `这不是质量奖申报助手的备份文件（format 应为 ${BACKUP_FORMAT}），未导入。`, `This is not an Award Pilot backup (format must be ${BACKUP_FORMAT}); nothing was imported.`)],
    };
  }
  const version = (raw as { dbVersion?: unknown }).dbVersion;
  if (typeof version === 'number' && version > LATEST_VERSION) {
    return {
      ok: false,
      errors: [
        problem(
          'dbVersion',
          `备份来自更新版本的扩展（数据版本 ${version}，本机为 ${LATEST_VERSION}）。请先升级扩展，未导入。`,
          `The backup comes from a newer version of the extension (data version ${version}, this one is ${LATEST_VERSION}). Update the extension first; nothing was imported.`,
        ),
      ],
    };
  }
  const envelope = envelopeSchema.safeParse(raw);
  if (!envelope.success) return { ok: false, errors: zodProblems('', envelopeSchema, raw).slice(0, MAX_REPORTED_ERRORS) };

  const given = (raw as { data: Record<string, unknown[]> }).data;
  if ((await sha256Hex(canonicalJson(given))) !== envelope.data.sha256) {
    return {
      ok: false,
      errors: [problem('sha256', '校验和不符：文件在导出后被修改或已损坏，未导入。', 'Checksum mismatch: the file was changed or damaged after export; nothing was imported.')],
    };
  }

  const fromVersion = envelope.data.dbVersion;
  const data = upgradeBackupData(
    Object.fromEntries(STORE_NAMES.map((name) => [name, given[name] ?? []])) as BackupData,
    fromVersion,
  ) as Record<StoreName, unknown[]>;

  const errors: BackupProblem[] = [];
  for (const name of STORE_NAMES) {
    const seen = new Set<unknown>();
    data[name].forEach((record, i) => {
      if (errors.length >= MAX_REPORTED_ERRORS) return;
      const path = `data.${name}[${i}]`;
      const parsed = recordSchemas[name].safeParse(record);
      if (!parsed.success) {
        errors.push(...zodProblems(path, recordSchemas[name], record));
        return;
      }
      errors.push(...domainProblems(name, record as Record<string, unknown>, path));
      const key = (record as Record<string, unknown>)[primaryKey[name]];
      if (key !== undefined) {
        if (seen.has(key)) errors.push(problem(`${path}.${primaryKey[name]}`, `“${path}.${primaryKey[name]}”重复。`, `"${path}.${primaryKey[name]}" is a duplicate.`));
        seen.add(key);
      }
    });
  }
  const caseIds = new Set(data.cases.map((c) => (c as { id?: unknown }).id));
  data.caseEvents.forEach((event, i) => {
    const caseId = (event as { caseId?: unknown }).caseId;
    if (errors.length < MAX_REPORTED_ERRORS && !caseIds.has(caseId)) {
      const path = `data.caseEvents[${i}].caseId`;
      errors.push(problem(path, `“${path}”指向不存在的案件 ${String(caseId)}。`, `"${path}" refers to a case that is not in the backup (${String(caseId)}).`));
    }
  });
  if (errors.length > 0) return { ok: false, errors: errors.slice(0, MAX_REPORTED_ERRORS) };

  return {
    ok: true,
    envelope: { ...envelope.data, format: BACKUP_FORMAT, dbVersion: LATEST_VERSION, data },
    upgradedFrom: fromVersion < LATEST_VERSION ? fromVersion : null,
    counts: backupCounts(data),
  };
}

/** Drafts whose application does not (yet) pass parseApplication: shown in the preview, not refused. */
export function incompleteDrafts(envelope: Pick<BackupEnvelope, 'data'>): string[] {
  return (envelope.data.drafts as AwardDb['drafts']['value'][])
    .filter((draft) => !parseApplication(draft.application).ok)
    .map((draft) => draft.id);
}

/**
 * Replace the whole database with a backup, in ONE strict-durability transaction: either every record
 * is written, or (refused file, quota, crash) nothing changes. Never throws.
 */
export async function importBackup(input: unknown): Promise<ImportBackupResult> {
  const read = await readBackup(input);
  if (!read.ok) return read;
  const { data } = read.envelope;
  try {
    const db = await getDb();
    const tx = db.transaction([...STORE_NAMES], 'readwrite', { durability: 'strict' });
    const writes: Promise<unknown>[] = [];
    try {
      for (const name of STORE_NAMES) writes.push(tx.objectStore(name).clear());
      for (const record of data.drafts as AwardDb['drafts']['value'][]) writes.push(tx.objectStore('drafts').put(record));
      for (const record of data.profiles as AwardDb['profiles']['value'][]) writes.push(tx.objectStore('profiles').put(record));
      for (const record of data.selfEvaluations as AwardDb['selfEvaluations']['value'][]) writes.push(tx.objectStore('selfEvaluations').put(record));
      for (const record of data.cases as AwardDb['cases']['value'][]) writes.push(tx.objectStore('cases').put(record));
      for (const record of data.caseEvents as AwardDb['caseEvents']['value'][]) writes.push(tx.objectStore('caseEvents').put(record));
      for (const record of data.adapters as AwardDb['adapters']['value'][]) writes.push(tx.objectStore('adapters').put(record));
      for (const record of data.anchorMisses as AwardDb['anchorMisses']['value'][]) writes.push(tx.objectStore('anchorMisses').put(record));
      for (const { key, value } of data.settings as { key: string; value: unknown }[]) writes.push(tx.objectStore('settings').put(value, key));
      await Promise.all(writes);
    } catch (error) {
      // a write that throws synchronously (quota, clone error) must not let the clears commit alone
      for (const pending of writes) pending.catch(() => undefined);
      await abortAndSettle(tx);
      throw error;
    }
    await tx.done;
    return { ok: true, counts: read.counts, upgradedFrom: read.upgradedFrom };
  } catch (error) {
    const typed = toStorageError(error);
    if (typed instanceof StorageError) {
      if (typed.kind === 'quota') publishStorageNotice({ kind: 'quota', message: typed.userMessage, offerExport: true });
      return { ok: false, errors: [{ path: '', message: typed.userMessage }] };
    }
    return { ok: false, errors: [problem('', '写入备份时出错，未做任何修改。', 'Writing the backup failed; nothing was changed.')] };
  }
}
