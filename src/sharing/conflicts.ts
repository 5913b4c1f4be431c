import { bi, type Bilingual } from '../core/i18n.ts';
import { canonicalJson } from '../storage/canonical-json.ts';
import { catalogueItems, type ItemId } from '../self-evaluation/catalogue.ts';
import { commentFields, commentFieldLabels, diffEvents, foldScorebook, type Scorebook, type ScorebookEvent } from '../experts/scorebook.ts';
import { judgeDoc, toDoc, type SharedDoc } from './documents.ts';
import { localVersioned, putSharedVersioned, type VersionedKind } from './local.ts';
import { getSetting, setSetting } from '../storage/repos.ts';
import { getSharingStatus, publishSharingStatus } from './config.ts';

/** The replica's name for a server database (replicate.ts opens the same). */
export const replicaName = (database: string) => `award-pilot-sync-${database}`;
/** The version each versioned document was last in step with the server (replicate.ts reads it too). */
export const BASES_KEY = 'sharing/bases';

/**
 * A real conflict on a versioned record (issue 20, Deliver 3): the same scorebook, expert or group changed
 * on two machines from the same copy. Nothing picks a winner: the person sees both versions side by side,
 * field by field, and picks one or merges field by field. Their choice is written as a new version (here
 * and in the replica, from where the push sends it) and the losing revisions are removed from the
 * replica (CouchDB `_conflicts`). Until then both stay: the local copy in the extension's store, the
 * server's copy (and any conflicting revisions) in the replica.
 */

/** The replica as this module needs it (a PouchDB database). */
export interface Replica {
  get(id: string, opts?: Record<string, unknown>): Promise<{ _id: string; _rev?: string; _conflicts?: string[]; [k: string]: unknown }>;
  bulkDocs(docs: Array<Record<string, unknown>>): Promise<Array<{ ok?: boolean; id?: string; rev?: string; error?: string }>>;
}

export interface Side {
  /** 'local' for this machine's copy, otherwise the replica revision it came from */
  source: 'local' | string;
  record: Record<string, unknown>;
  version: number;
  /** who saved it and when, as far as the document says (server copies carry `savedBy`) */
  by?: string;
  at?: string;
}

export interface ConflictDetail {
  docId: string;
  kind: VersionedKind;
  local: Side | null;
  /** the server's copies: the replica's current revision first, then every conflicting revision */
  remote: Side[];
  /** every revision the replica held when read (a newer one arriving meanwhile makes a choice stale) */
  seenRevs: string[];
}

export interface FieldDiff {
  key: string;
  label: Bilingual;
  local: string;
  remote: string;
}

const isVersionedKind = (k: string): k is VersionedKind => k === 'scorebook' || k === 'expert' || k === 'assignment';

/** Read both sides of a conflict: the local record and every server revision the replica holds. */
export async function readConflict(replica: Replica, docId: string): Promise<ConflictDetail | null> {
  const head = await replica.get(docId, { conflicts: true }).catch(() => null);
  const kind = String(head?.kind ?? docId.split(':')[0]);
  if (!isVersionedKind(kind)) return null;
  const id = docId.slice(kind.length + 1);
  const localRecord = (await localVersioned(kind, id)) as (Record<string, unknown> & { version: number }) | undefined;
  const remote: Side[] = [];
  const revs = head ? [head._rev!, ...(head._conflicts ?? [])] : [];
  for (const rev of revs) {
    const doc = rev === head!._rev ? head! : await replica.get(docId, { rev }).catch(() => null);
    if (!doc) continue;
    const verdict = judgeDoc({ _id: doc._id, _rev: doc._rev, kind: doc.kind, record: doc.record });
    if (!verdict.ok) continue; // a refused revision is never shown as a choice
    const savedBy = doc.savedBy as { user?: unknown; at?: unknown } | undefined;
    const record = verdict.shared.record as unknown as Record<string, unknown> & { version: number };
    // this machine's own copy, already in the replica (a replica that started empty): not a second side
    if (localRecord && canonicalJson(record) === canonicalJson(localRecord)) continue;
    remote.push({ source: rev, record, version: record.version, ...(typeof savedBy?.user === 'string' ? { by: savedBy.user } : {}), ...(typeof savedBy?.at === 'string' ? { at: savedBy.at } : {}) });
  }
  const local: Side | null = localRecord ? { source: 'local', record: localRecord, version: localRecord.version, ...(lastChangeOf(kind, localRecord) ? { at: lastChangeOf(kind, localRecord)! } : {}) } : null;
  return { docId, kind, local, remote, seenRevs: revs };
}

function lastChangeOf(kind: VersionedKind, record: Record<string, unknown>): string | null {
  if (kind === 'scorebook') return (record as unknown as Scorebook).events.at(-1)?.at ?? null;
  return null;
}

// ------------------------------------------------------------------------------------ field by field
const show = (v: unknown): string => (v === null || v === undefined || v === '' ? '' : typeof v === 'string' ? v : typeof v === 'number' ? String(v) : canonicalJson(v));

/** A scorebook's declaration as a code the screen says in words (never two languages in one value). */
export const DECLARED = { recused: 'recused', clear: 'no-conflict' } as const;

const flatLabels: Record<string, Bilingual> = {
  name: bi('姓名', 'Name'),
  fields: bi('专业领域', 'Fields'),
  affiliation: bi('工作单位', 'Affiliation'),
  region: bi('所在地区', 'Region'),
  declaredConflicts: bi('事先声明的回避对象', 'Declared conflicts'),
  field: bi('评审领域', 'Review field'),
  experts: bi('评审组专家', 'Experts in the group'),
  issued: bi('已发放的材料包', 'Packages issued'),
};

/** The fields a person compares: a scorebook's item scores and texts (as folded), a flat record's own fields. */
export function fieldsOf(kind: VersionedKind, record: Record<string, unknown>): Map<string, { label: Bilingual; value: string }> {
  const out = new Map<string, { label: Bilingual; value: string }>();
  if (kind === 'scorebook') {
    const state = foldScorebook(record as unknown as Scorebook);
    out.set('declaration', { label: bi('回避声明', 'Conflict-of-interest declaration'), value: state.declaration ? (state.declaration.conflict ? DECLARED.recused : DECLARED.clear) : '' });
    for (const item of catalogueItems) {
      const r = state.items[item.id];
      out.set(`${item.id}.percent`, { label: bi(`${item.id} 得分率`, `${item.id} score`), value: r.percent === null ? '' : `${r.percent}%` });
      for (const f of commentFields) out.set(`${item.id}.${f}`, { label: bi(`${item.id} ${commentFieldLabels[f].zh}`, `${item.id} ${commentFieldLabels[f].en}`), value: r[f] });
    }
    return out;
  }
  for (const [key, value] of Object.entries(record)) {
    if (key === 'id' || key === 'version') continue;
    out.set(key, { label: flatLabels[key] ?? bi(key, key), value: show(value) });
  }
  return out;
}

/** What differs between two versions, field by field (fields equal on both sides are left out). */
export function differences(kind: VersionedKind, local: Record<string, unknown>, remote: Record<string, unknown>): FieldDiff[] {
  const a = fieldsOf(kind, local);
  const b = fieldsOf(kind, remote);
  const keys = [...new Set([...a.keys(), ...b.keys()])];
  return keys.flatMap((key) => {
    const l = a.get(key)?.value ?? '';
    const r = b.get(key)?.value ?? '';
    return l === r ? [] : [{ key, label: (a.get(key) ?? b.get(key))!.label, local: l, remote: r }];
  });
}

export type Pick = 'local' | 'remote';

/**
 * The record a person's choice makes. `picks` names the side for each differing field; a field not named
 * keeps the local value. A scorebook keeps every event of both sides (its history is never dropped) and
 * then records the picked values as new events by its expert, so the folded result is the one chosen.
 */
export function mergeRecord(kind: VersionedKind, local: Record<string, unknown>, remote: Record<string, unknown>, picks: Readonly<Record<string, Pick>>, now: string): Record<string, unknown> {
  if (kind === 'scorebook') {
    const a = local as unknown as Scorebook;
    const b = remote as unknown as Scorebook;
    const seen = new Set<string>();
    const events: ScorebookEvent[] = [];
    for (const e of [...a.events, ...b.events].sort((x, y) => x.at.localeCompare(y.at))) {
      if (seen.has(e.id)) continue;
      seen.add(e.id);
      events.push(e);
    }
    // one declaration only (the earliest); the other side's is history already folded the same way
    let declared = false;
    const kept = events.filter((e) => (e.type === 'declare' ? (declared ? false : (declared = true)) : true));
    const union: Scorebook = { ...a, events: kept };
    const stateA = foldScorebook(a);
    const stateB = foldScorebook(b);
    const wanted: Partial<Record<ItemId, Record<string, unknown>>> = {};
    for (const item of catalogueItems) {
      const want: Record<string, unknown> = {};
      const pickOf = (f: string) => picks[`${item.id}.${f}`] ?? 'local';
      want.percent = (pickOf('percent') === 'remote' ? stateB : stateA).items[item.id].percent;
      for (const f of commentFields) want[f] = (pickOf(f) === 'remote' ? stateB : stateA).items[item.id][f];
      wanted[item.id] = want;
    }
    let n = 0;
    const extra = diffEvents(foldScorebook(union), wanted as never, { expert: a.expert.id, at: now, id: () => `merge-${now}-${++n}` });
    return { ...union, events: [...kept, ...extra] } as unknown as Record<string, unknown>;
  }
  const out: Record<string, unknown> = { ...local };
  for (const [key, side] of Object.entries(picks)) if (side === 'remote') out[key] = remote[key];
  return out;
}

export class ConflictChanged extends Error {
  constructor(readonly reason: Bilingual) {
    super(reason.en);
  }
}

/**
 * Write the person's choice as a new version above both sides: into the local store (refused if the local
 * copy changed meanwhile), then into the replica on its current revision, with every other revision
 * removed (the push carries both to the server). Returns the new version.
 */
export async function resolveConflict(replica: Replica, detail: ConflictDetail, chosen: Record<string, unknown>, savedBy: { user: string; at: string }): Promise<number> {
  const versions = [detail.local?.version ?? 0, ...detail.remote.map((r) => r.version)];
  const version = Math.max(...versions) + 1;
  const record = { ...chosen, version };
  const doc: SharedDoc = toDoc({ kind: detail.kind, record } as never);
  const verdict = judgeDoc({ ...doc, _rev: '1-x' });
  if (!verdict.ok) throw new ConflictChanged(verdict.reason);
  if (doc._id !== detail.docId) throw new ConflictChanged(bi('合并后的记录编号变了，未保存。', 'The merged record has another id; nothing was saved.'));
  const head = await replica.get(detail.docId, { conflicts: true }).catch(() => null);
  const seen = new Set(detail.seenRevs);
  const now = head ? [head._rev!, ...(head._conflicts ?? [])] : [];
  if (now.some((rev) => !seen.has(rev))) {
    throw new ConflictChanged(bi('服务器上又有了新的修改，请重新打开冲突再选择。', 'The server has a newer change; reopen the conflict and choose again.'));
  }
  if (!(await putSharedVersioned(detail.kind, record as { id: string; version: number }, detail.local?.version))) {
    throw new ConflictChanged(bi('本机的记录刚被修改，请重新打开冲突再选择。', 'The copy on this machine just changed; reopen the conflict and choose again.'));
  }
  const writes: Array<Record<string, unknown>> = [];
  if (head) writes.push({ ...doc, _rev: head._rev, savedBy });
  else writes.push({ ...doc, savedBy });
  for (const rev of head?._conflicts ?? []) writes.push({ _id: detail.docId, _rev: rev, _deleted: true });
  const results = await replica.bulkDocs(writes);
  const failed = results.find((r) => r.error);
  if (failed) throw new ConflictChanged(bi('写入本机副本时失败，请重试。', 'Writing to the local replica failed; try again.'));
  const bases = ((await getSetting<Record<string, number>>(BASES_KEY)) ?? {}) as Record<string, number>;
  await setSetting(BASES_KEY, { ...bases, [detail.docId]: version });
  const status = await getSharingStatus();
  await publishSharingStatus({ ...status, conflicts: status.conflicts.filter((c) => c.id !== detail.docId) });
  return version;
}
