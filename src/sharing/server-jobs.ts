import type { Audience } from './audiences.ts';

/**
 * The same copies the clerk's console makes (audiences.ts, replicate.ts fanOut) written as CouchDB's own
 * replication jobs (issue 20, README "Sharing on CouchDB → Replication jobs on the server"): documents in
 * the server's `_replicator` database, continuous, run by CouchDB with the clerk's account, so experts,
 * recommenders and applicants' shared drafts move while no console is open.
 * - `…-to`: office → the person's database, exactly the documents they may read (`doc_ids`);
 * - `…-back`: the person's database → office, only what they may send (a Mango `selector`, the same rule
 *   as `takesBack`). The selector is the fence, not the judge: whatever it lets into the office database is
 *   still judged by every clerk's browser as it pulls (documents.ts judgeDoc), refused ones listed, never
 *   written into the extension's stores.
 * Job ids are fixed per person and direction, so IT sees one job per person and direction and a changed
 * list replaces the old job (delete, then write) instead of adding one.
 */

export interface ReplicationJob {
  _id: string;
  source: { url: string; headers: { Authorization: string } };
  target: { url: string; headers: { Authorization: string } };
  continuous: true;
  doc_ids?: string[];
  selector?: Record<string, unknown>;
  /** CouchDB 3 requires the writer's own name here (non-admins may run jobs only as themselves) */
  user_ctx: { name: string; roles: string[] };
}

export const OFFICE_DATABASE = 'award-office';
export const JOB_PREFIX = 'award-job-';

const basic = (user: string, password: string) => 'Basic ' + btoa(String.fromCharCode(...new TextEncoder().encode(`${user}:${password}`)));

/** What the office takes back from a person's database, as a Mango selector (the same rule as audiences.ts takesBack). */
export function takeBackSelector(audience: Pick<Audience, 'kind' | 'name'>, knownCases: readonly string[] = []): Record<string, unknown> {
  if (audience.kind === 'expert') return { kind: 'scorebook', 'record.expert.id': audience.name };
  if (audience.kind === 'applicant') return { kind: 'draft' };
  return { $or: [{ kind: 'case', 'record.recommender': audience.name }, { kind: 'event', 'record.caseId': { $in: [...knownCases].sort() } }] };
}

/**
 * The `_replicator` documents for the audiences of the office replica, run as the clerk (`clerk`, with the
 * roles CouchDB gave it). `url` is the server's address as the server reaches itself (usually the same).
 */
export function replicationJobs(audiences: readonly Audience[], server: { url: string; user: string; password: string; roles: readonly string[] }): ReplicationJob[] {
  const auth = { Authorization: basic(server.user, server.password) };
  const at = (db: string) => ({ url: `${server.url.replace(/\/+$/, '')}/${db}`, headers: auth });
  const user_ctx = { name: server.user, roles: [...server.roles] };
  const jobs: ReplicationJob[] = [];
  for (const a of audiences) {
    const id = `${JOB_PREFIX}${a.database.slice('award-'.length)}`;
    if (a.docIds.length) jobs.push({ _id: `${id}-to`, source: at(OFFICE_DATABASE), target: at(a.database), continuous: true, doc_ids: [...a.docIds], user_ctx });
    const known = a.kind === 'recommender' ? a.docIds.filter((d) => d.startsWith('case:')).map((d) => d.slice('case:'.length)) : [];
    jobs.push({ _id: `${id}-back`, source: at(a.database), target: at(OFFICE_DATABASE), continuous: true, selector: takeBackSelector(a, known), user_ctx });
  }
  return jobs;
}
