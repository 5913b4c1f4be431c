import { hexName, type Audience } from './audiences.ts';
import { canonicalJson } from '../storage/canonical-json.ts';

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
 * Job ids are fixed per clerk, person and direction (`award-job-<hex clerk>-<kind>-<hex person>-to|back`), so
 * a changed list replaces the old job (delete, then write) instead of adding one. Each clerk whose console
 * runs writes its own set (only a job's writer may change it): with two clerks the same documents move twice,
 * as the same revisions (nothing doubles).
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
    // each clerk's console writes and owns its own jobs (CouchDB lets only a job's writer change or delete it)
    const id = `${JOB_PREFIX}${hexName(server.user)}-${a.database.slice('award-'.length)}`;
    const known = a.kind === 'recommender' ? a.docIds.filter((d) => d.startsWith('case:')).map((d) => d.slice('case:'.length)) : [];
    // a recommender reads the same rule it sends by (cases naming it, events of those cases): new events of
    // their cases then reach them with no console open; an expert reads exactly the listed documents
    if (a.kind === 'recommender') jobs.push({ _id: `${id}-to`, source: at(OFFICE_DATABASE), target: at(a.database), continuous: true, selector: takeBackSelector(a, known), user_ctx });
    else if (a.docIds.length) jobs.push({ _id: `${id}-to`, source: at(OFFICE_DATABASE), target: at(a.database), continuous: true, doc_ids: [...a.docIds], user_ctx });
    jobs.push({ _id: `${id}-back`, source: at(a.database), target: at(OFFICE_DATABASE), continuous: true, selector: takeBackSelector(a, known), user_ctx });
  }
  return jobs;
}

const JOB_FIELDS = ['source', 'target', 'continuous', 'doc_ids', 'selector', 'user_ctx'] as const;
const sameJob = (a: Record<string, unknown>, b: Record<string, unknown>) => JOB_FIELDS.every((k) => canonicalJson(a[k] ?? null) === canonicalJson(b[k] ?? null));

export class JobsRefused extends Error {
  constructor(readonly status: number) {
    super(`_replicator: ${status}`);
  }
}

/**
 * Write the jobs into the server's `_replicator` as the clerk: a job already there with the same content is
 * left running; a changed one is deleted and written again (CouchDB restarts it); jobs this browser wrote
 * before (`previous`) and no longer needs are deleted. Returns the ids now written. A server without
 * `_replicator`, or one that refuses the clerk, throws JobsRefused (the console's own copies go on).
 */
export async function writeJobs(server: { url: string; user: string; password: string }, jobs: readonly ReplicationJob[], previous: readonly string[], fetcher: typeof fetch = fetch): Promise<string[]> {
  const base = `${server.url.replace(/\/+$/, '')}/_replicator`;
  const headers = { authorization: basic(server.user, server.password), 'content-type': 'application/json', accept: 'application/json' };
  const call = (method: string, id: string, query = '', body?: unknown) => fetcher(`${base}/${encodeURIComponent(id)}${query}`, { method, headers, credentials: 'omit', body: body === undefined ? undefined : JSON.stringify(body) });
  const current = async (id: string): Promise<Record<string, unknown> | null> => {
    const r = await call('GET', id);
    if (r.status === 404) return null;
    if (!r.ok) throw new JobsRefused(r.status);
    return (await r.json()) as Record<string, unknown>;
  };
  const remove = async (doc: Record<string, unknown>) => {
    const r = await call('DELETE', String(doc._id), `?rev=${encodeURIComponent(String(doc._rev))}`);
    if (!r.ok && r.status !== 404 && r.status !== 409) throw new JobsRefused(r.status);
  };
  for (const job of jobs) {
    const there = await current(job._id);
    if (there && sameJob(there, job as unknown as Record<string, unknown>)) continue;
    if (there) await remove(there);
    const r = await call('PUT', job._id, '', job);
    if (!r.ok && r.status !== 409) throw new JobsRefused(r.status);
  }
  const wanted = new Set(jobs.map((j) => j._id));
  for (const id of previous) {
    if (wanted.has(id)) continue;
    const there = await current(id);
    if (there) await remove(there);
  }
  return [...wanted].sort();
}
