/**
 * Who sees what on the server (issue 20, README "Sharing on CouchDB"): the clerk's browser, which holds
 * the office database, copies into each expert's and each recommender's database exactly the documents
 * that person may read, and takes back what they may send. The server's `_security` then keeps everyone
 * else out of those databases. This module only decides; replicate.ts runs PouchDB's replication with
 * the `doc_ids` and the filters decided here.
 * - An expert (`_users` name = the expert's id in the pool) gets the cases assigned to them (the
 *   assignment lists them), those assignments, and their own scorebooks; never events, another expert's
 *   scorebook or an unassigned case. The clerk takes back only that expert's scorebooks.
 * - A recommender (`_users` name = the case's `recommender`, e.g. 海州区人民政府) gets their applicants'
 *   cases and events. The clerk takes back only cases naming them and events of their cases.
 * - An applicant (`_users` name = the applicant's name on a case, `applicantName`, as the recommender's
 *   is the case's `recommender`) gets nothing from the office: their database holds only the drafts they
 *   ticked (draft-choice.ts), which their own browser sends. The clerk takes back only drafts from it. The
 *   clerk learns of an applicant's database from the office's cases of the latest two award years and
 *   from the applicants' directory (directory.ts; CouchDB 3 lists databases to admins only).
 */

import { bi, type Bilingual } from '../core/i18n.ts';

interface Doc { _id: string; kind?: unknown; record?: any }

export interface Audience {
  kind: 'expert' | 'recommender' | 'applicant';
  /** the CouchDB user name */
  name: string;
  database: string;
  /** documents of the office replica to copy into the database */
  docIds: string[];
}

/** The user name in a database name, as CouchDB's own per-user databases do it (hex of UTF-8). */
export function hexName(name: string): string {
  return Array.from(new TextEncoder().encode(name), (b) => b.toString(16).padStart(2, '0')).join('');
}

export const expertDatabase = (name: string) => `award-expert-${hexName(name)}`;
export const recommenderDatabase = (name: string) => `award-recommender-${hexName(name)}`;
export const applicantDatabase = (name: string) => `award-applicant-${hexName(name)}`;

/**
 * The audiences for the office replica's cases, assignments and scorebooks (`docs`), and the event ids
 * per case (`eventsOf`). Sorted ids, so the same content always gives the same replication (checkpoint).
 */
export function audiences(docs: readonly Doc[], eventsOf: (caseId: string) => readonly string[]): Audience[] {
  const experts = new Map<string, Set<string>>();
  const recommenders = new Map<string, Set<string>>();
  const cases = new Set<string>();
  const applicants = new Set<string>();
  const add = (map: Map<string, Set<string>>, name: string, id: string) => {
    const set = map.get(name) ?? new Set<string>();
    set.add(id);
    map.set(name, set);
  };
  for (const d of docs) if (d.kind === 'case' && typeof d.record?.id === 'string') cases.add(d.record.id);
  // applicants of the latest two award years only: drafts belong to a round being prepared, and an office holds
  // thousands of past applicants whose databases nobody needs to ask for
  const years = docs.flatMap((d) => (d.kind === 'case' && typeof d.record?.year === 'number' ? [d.record.year as number] : []));
  const fromYear = years.length ? Math.max(...years) - 1 : 0;
  for (const d of docs) {
    const r = d.record;
    if (d.kind === 'case' && typeof r?.applicantName === 'string' && r.applicantName.trim() && (typeof r.year !== 'number' || r.year >= fromYear)) applicants.add(r.applicantName);
  }
  for (const d of docs) {
    const r = d.record;
    if (d.kind === 'assignment' && Array.isArray(r?.experts)) {
      for (const e of r.experts as Array<{ id?: unknown }>) {
        if (typeof e?.id !== 'string') continue;
        add(experts, e.id, d._id);
        if (cases.has(r.id)) add(experts, e.id, `case:${r.id}`);
      }
    } else if (d.kind === 'scorebook' && typeof r?.expert?.id === 'string') {
      add(experts, r.expert.id, d._id);
    } else if (d.kind === 'case' && typeof r?.recommender === 'string' && r.recommender.trim()) {
      add(recommenders, r.recommender, d._id);
      for (const id of eventsOf(r.id)) add(recommenders, r.recommender, id);
    }
  }
  const out: Audience[] = [];
  for (const [name, ids] of experts) out.push({ kind: 'expert', name, database: expertDatabase(name), docIds: [...ids].sort() });
  for (const [name, ids] of recommenders) out.push({ kind: 'recommender', name, database: recommenderDatabase(name), docIds: [...ids].sort() });
  // the office copies nothing into an applicant's database; it only takes their shared drafts back
  for (const name of [...applicants].sort()) out.push({ kind: 'applicant', name, database: applicantDatabase(name), docIds: [] });
  return out;
}

/**
 * What the clerk takes back from an audience's database (already judged by the import schemas): an
 * expert's own scorebooks; a recommender's cases (naming them) and the events of cases that name them;
 * an applicant's shared drafts (nothing else).
 * `knownCases` are the office's cases that name this recommender; cases passing the filter join them.
 */
export function takesBack(audience: Pick<Audience, 'kind' | 'name'>, knownCases: Iterable<string> = []): (doc: Doc) => boolean {
  if (audience.kind === 'expert') return (doc) => doc.kind === 'scorebook' && doc.record?.expert?.id === audience.name;
  if (audience.kind === 'applicant') return (doc) => doc.kind === 'draft';
  const mine = new Set(knownCases);
  return (doc) => {
    if (doc.kind === 'case' && doc.record?.recommender === audience.name) {
      mine.add(doc.record.id);
      return true;
    }
    return doc.kind === 'event' && mine.has(doc.record?.caseId);
  };
}

/**
 * Why a document the clerk does not take back from a person's database is refused, when it is one that person
 * could only have put there against the rules: in a recommender's database, a case not naming them or an event
 * of a case not theirs; in an expert's, another expert's scorebook. Listed like every refused document, never
 * written. Anything else left behind (the office's own copies: an expert's assigned case) is no forgery: null.
 */
export function refusedBack(audience: Pick<Audience, 'kind' | 'name'>, doc: Doc): Bilingual | null {
  const id = doc._id;
  if (audience.kind === 'recommender' && (doc.kind === 'case' || doc.kind === 'event')) {
    return bi(`文档 ${id} 不是推荐单位“${audience.name}”所推荐的案件或其事件，不能从其数据库交回，已拒收。`, `Document ${id} is not a case recommended by ${audience.name} nor an event of one; it cannot come back from their database; refused.`);
  }
  if (audience.kind === 'expert' && doc.kind === 'scorebook') {
    return bi(`文档 ${id} 不是专家“${audience.name}”本人的评分表，不能从其数据库交回，已拒收。`, `Document ${id} is not ${audience.name}'s own scorebook; it cannot come back from their database; refused.`);
  }
  return null;
}
