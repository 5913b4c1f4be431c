import { judgeDoc } from './documents.ts';

/**
 * The receiving side of shared drafts (issue 20, Deliver 2): an applicant ticked 共享这份草稿, and the
 * clerk's or the recommender's replica received `draft:<id>`. Such drafts are kept in the replica only,
 * never in this browser's own drafts (documents.ts), and shown read-only with who shared them and when.
 * Each one is judged again with the import's schemas; one that fails is left out (the pull listed it).
 */
export interface SharedDraft {
  id: string;
  application: unknown;
  /** the applicant's last change to the draft (the draft's own `updatedAt`) */
  updatedAt: string;
  /** the sharing account and when it sent this copy, as the document says (older copies carry none) */
  by?: string;
  at?: string;
}

export interface DraftReplica {
  allDocs(opts: { include_docs: true; startkey: string; endkey: string }): Promise<{ rows: Array<{ doc?: unknown }> }>;
}

/** Drafts in the replica that another account shared, most recently changed first. */
export async function readSharedDrafts(replica: DraftReplica, me?: string): Promise<SharedDraft[]> {
  const { rows } = await replica.allDocs({ include_docs: true, startkey: 'draft:', endkey: 'draft:\uffff' });
  const out: SharedDraft[] = [];
  for (const { doc } of rows) {
    const verdict = judgeDoc(doc, ['draft']);
    if (!verdict.ok || verdict.shared.kind !== 'draft') continue;
    const savedBy = (doc as { savedBy?: { user: string; at: string } }).savedBy;
    if (me && savedBy?.user === me) continue; // this account's own drafts are on its own side panel
    const { record } = verdict.shared;
    out.push({ id: record.id, application: record.application, updatedAt: record.updatedAt, ...(savedBy ? { by: savedBy.user, at: savedBy.at } : {}) });
  }
  return out.sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0));
}

/** The applicant's name as the draft gives it, else the draft's id. */
export function sharedDraftName(d: Pick<SharedDraft, 'id' | 'application'>): string {
  const a = d.application as { applicant?: { name?: unknown }; applicantName?: unknown; name?: unknown } | null;
  const name = [a?.applicant?.name, a?.applicantName, a?.name].find((v): v is string => typeof v === 'string' && v.trim() !== '');
  return name ?? d.id;
}

/** The draft's filled-in fields as flat paths (`applicant.name`), in the draft's own order; lists as one line. */
export function draftFields(application: unknown): Array<{ path: string; value: string }> {
  const out: Array<{ path: string; value: string }> = [];
  const walk = (value: unknown, path: string) => {
    if (value === null || value === undefined || value === '') return;
    if (Array.isArray(value)) {
      if (value.length === 0) return;
      if (value.every((v) => typeof v !== 'object' || v === null)) out.push({ path, value: value.join('、') });
      else value.forEach((v, i) => walk(v, `${path}[${i}]`));
      return;
    }
    if (typeof value === 'object') {
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) walk(v, path ? `${path}.${k}` : k);
      return;
    }
    out.push({ path, value: String(value) });
  };
  walk(application, '');
  return out;
}
