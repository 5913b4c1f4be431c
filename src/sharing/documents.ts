import { z } from '../core/zod-mini.ts';
import { bi, type Bilingual } from '../core/i18n.ts';
import { canonicalJson } from '../storage/canonical-json.ts';
import { recordProblems } from '../storage/backup.ts';
import { parseScorebook, type Scorebook } from '../experts/scorebook.ts';
import { expertSchema, type Expert } from '../experts/pool.ts';
import { assignmentSchema, type Assignment } from '../experts/pool-store.ts';
import type { CaseRecord, DraftRecord, StoredCaseEvent } from '../storage/repos.ts';

/**
 * How our records become CouchDB documents (issue 20) and how a document arriving from the server is
 * judged. One document per record, `{_id, _rev, kind, record}`:
 * - `case:<caseId>`: a case header (without the local `version`, which counts this replica's events);
 *   written once, never edited (a case is never overwritten, repos.createCase);
 * - `event:<caseId>:<key>`: one case event (without the local `seq`); `key` is derived from the event's
 *   own content, so the same event always has the same id: replicas merge it without conflicts and a
 *   second copy is never recorded twice. Events are never edited (第十条: corrections are new events),
 *   so any revision after the first, or any deletion, is refused;
 * - `draft:<id>`: an applicant's draft, only when they chose to share it (draft-choice.ts), from the
 *   applicant's machine only (one writer: it replaces its own copy); kept in the replica, not in the
 *   receiving browser's own drafts;
 * - `scorebook:<id>`, `expert:<id>`, `assignment:<caseId>`: the expert panel's versioned records
 *   (src/experts/versioned.ts); a change made on two machines from the same version is a conflict shown
 *   to a person, never resolved by picking a winner.
 * Every incoming document passes the same schemas as an import (storage/backup.ts recordProblems, the
 * experts' own parsers) and its id must be the one its content gives; otherwise it is refused, listed,
 * and nothing is written.
 */

export const DOC_KINDS = ['case', 'event', 'scorebook', 'expert', 'assignment', 'draft'] as const;
export type DocKind = (typeof DOC_KINDS)[number];

export type SharedRecord =
  | { kind: 'case'; record: Omit<CaseRecord, 'version'> }
  | { kind: 'event'; record: Omit<StoredCaseEvent, 'seq'> & { seq?: number } }
  | { kind: 'scorebook'; record: Scorebook }
  | { kind: 'expert'; record: Expert }
  | { kind: 'assignment'; record: Assignment }
  /** a draft its applicant chose to share (draft-choice.ts; never by default) */
  | { kind: 'draft'; record: DraftRecord };

export interface SharedDoc {
  _id: string;
  _rev?: string;
  kind: DocKind;
  record: unknown;
}

/**
 * FNV-1a (64 bit) of the canonical JSON: a content key for deduplication, not a signature. The id also
 * carries the case and the recording time, so two different events never share one in practice.
 */
export function contentKey(value: unknown): string {
  const text = canonicalJson(value);
  let h = 0xcbf29ce484222325n;
  for (let i = 0; i < text.length; i++) {
    h ^= BigInt(text.charCodeAt(i));
    h = (h * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return h.toString(16).padStart(16, '0');
}

/** The event as it travels: the stored record without the local append number. */
export function sharedEvent(stored: StoredCaseEvent): Omit<StoredCaseEvent, 'seq'> {
  const { seq: _seq, ...rest } = stored;
  return rest;
}

export function eventDocId(event: Omit<StoredCaseEvent, 'seq'>): string {
  return `event:${event.caseId}:${event.recordedAt}:${contentKey(event)}`;
}

export function docIdOf(shared: SharedRecord): string {
  switch (shared.kind) {
    case 'event':
      return eventDocId(shared.record);
    default:
      return `${shared.kind}:${shared.record.id}`;
  }
}

/** The document for a local record (no `_rev`: the replicator adds the one it knows). */
export function toDoc(shared: SharedRecord): SharedDoc {
  if (shared.kind === 'case') {
    const { version: _v, ...header } = shared.record as CaseRecord;
    return { _id: docIdOf(shared), kind: 'case', record: JSON.parse(JSON.stringify(header)) };
  }
  if (shared.kind === 'event') {
    const event = sharedEvent(shared.record as StoredCaseEvent);
    return { _id: eventDocId(event), kind: 'event', record: JSON.parse(JSON.stringify(event)) };
  }
  return { _id: docIdOf(shared), kind: shared.kind, record: JSON.parse(JSON.stringify(shared.record)) };
}

export type Verdict = { ok: true; shared: SharedRecord; deleted?: false } | { ok: false; reason: Bilingual };

const envelopeSchema = z.strictObject({
  _id: z.string().check(z.minLength(1)).check(z.maxLength(600)),
  _rev: z.string().check(z.minLength(1)).check(z.maxLength(200)),
  _revisions: z.optional(z.unknown()),
  _conflicts: z.optional(z.array(z.string())),
  kind: z.enum(DOC_KINDS),
  /** who saved a versioned record, and when (shown on the conflict screen; never trusted for anything else) */
  savedBy: z.optional(z.strictObject({ user: z.string().check(z.maxLength(200)), at: z.iso.datetime({ offset: true }) })),
  record: z.unknown(),
});

const refuse = (zh: string, en: string): Verdict => ({ ok: false, reason: bi(zh, en) });

/**
 * Judge one document from the server. Synchronous (it runs inside the replication's filter, so a
 * refused document never reaches this browser's storage). `allowed` is what this database may carry.
 */
export function judgeDoc(doc: unknown, allowed: readonly DocKind[] = DOC_KINDS): Verdict {
  const id = typeof (doc as { _id?: unknown } | null)?._id === 'string' ? (doc as { _id: string })._id : '?';
  if ((doc as { _deleted?: unknown } | null)?._deleted === true) {
    return refuse(`文档 ${id} 在服务器上被删除；共享的记录只增不删，本机保留原记录。`, `Document ${id} was deleted on the server; shared records are never deleted, this browser keeps its copy.`);
  }
  const envelope = envelopeSchema.safeParse(doc);
  if (!envelope.success) return refuse(`文档 ${id} 不是本扩展共享的记录格式，已拒收。`, `Document ${id} is not a record shared by this extension; refused.`);
  const { kind, record, _rev } = envelope.data;
  if (!allowed.includes(kind)) return refuse(`文档 ${id}（${kind}）不应出现在这个数据库中，已拒收。`, `Document ${id} (${kind}) does not belong in this database; refused.`);
  let shared: SharedRecord;
  if (kind === 'case' || kind === 'event') {
    const store = kind === 'case' ? 'cases' : 'caseEvents';
    const problems = recordProblems(store, record, id);
    if (problems.length > 0) return { ok: false, reason: problems[0]!.message };
    if (kind === 'event' && !_rev.startsWith('1-')) {
      return refuse(`事件 ${id} 在服务器上被改动过；事件一经记录不可修改（第十条），已拒收。`, `Event ${id} was edited on the server; recorded events cannot change (Article 10); refused.`);
    }
    if (kind === 'case' && (record as { version?: unknown }).version !== undefined) {
      return refuse(`案件 ${id} 带有本机版本号，不是共享格式，已拒收。`, `Case ${id} carries a local version; not the shared format; refused.`);
    }
    if (kind === 'event' && (record as { seq?: unknown }).seq !== undefined) {
      return refuse(`事件 ${id} 带有本机序号，不是共享格式，已拒收。`, `Event ${id} carries a local sequence number; not the shared format; refused.`);
    }
    shared = kind === 'case' ? { kind, record: record as CaseRecord } : { kind, record: record as StoredCaseEvent };
  } else if (kind === 'draft') {
    const problems = recordProblems('drafts', record, id);
    if (problems.length > 0) return { ok: false, reason: problems[0]!.message };
    shared = { kind, record: record as DraftRecord };
  } else if (kind === 'scorebook') {
    const parsed = parseScorebook(record);
    if (!parsed.ok) return { ok: false, reason: parsed.errors[0]!.message };
    shared = { kind, record: parsed.book };
  } else {
    const schema = kind === 'expert' ? expertSchema : assignmentSchema;
    const parsed = schema.safeParse(record);
    if (!parsed.success) return refuse(`文档 ${id} 的内容无效，已拒收。`, `Document ${id} has invalid content; refused.`);
    shared = { kind, record: parsed.data } as SharedRecord;
  }
  if (docIdOf(shared) !== id) {
    return refuse(`文档 ${id} 的编号与内容不符（内容被改过或冒用了别的编号），已拒收。`, `Document ${id}: its id does not match its content (altered, or another record's id); refused.`);
  }
  return { ok: true, shared };
}
