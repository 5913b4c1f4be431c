import { getCase, getDraft, getSetting, setSetting } from '../storage/repos.ts';
import { canonicalJson } from '../storage/canonical-json.ts';
import type { Bilingual } from '../core/i18n.ts';
import { sharedDraftIds } from './draft-choice.ts';
import { readSharedDrafts, type DraftReplica, type SharedDraft } from './shared-drafts.ts';
import { onRecordChange } from '../storage/record-changes.ts';
import { judgeDoc, toDoc, type DocKind, type SharedDoc } from './documents.ts';
import {
  addSharedCase,
  addSharedEvents,
  allCases,
  eventsSince,
  storedCount,
  localVersioned,
  pushedSeq,
  putSharedVersioned,
  setPushedSeq,
  versionedRecords,
  type VersionedKind,
} from './local.ts';
import { MAX_LISTED, emptyStatus, publishSharingStatus, sharingMessages, type SharingConfig, type SharingStatus } from './config.ts';
import type { StoredCaseEvent } from '../storage/repos.ts';
import { BASES_KEY, readConflict, replicaName, resolveConflict, type ConflictDetail, type Replica } from './conflicts.ts';
import { JobsRefused, replicationJobs, writeJobs } from './server-jobs.ts';
import { DIRECTORY_DATABASE, directoryEntry, readDirectory } from './directory.ts';
import { applicantDatabase, audiences, expertDatabase, hexName, recommenderDatabase, refusedBack, takesBack, type Audience } from './audiences.ts';

/**
 * Replication with the office's CouchDB (issue 20), by PouchDB's own replication (the CouchDB
 * replication protocol: checkpoints, resume after offline, retries), never a home-made sync.
 * - A local PouchDB database is the replica (`award-pilot-sync-<db>`); no page reads it. Pulled documents
 *   pass `judgeDoc` inside the replication's filter: a refused one is listed and never stored at all.
 * - What the replica receives is written into the extension's own stores (what the pages read) through
 *   local.ts: cases and events only added, nothing doubled; versioned records only when no local change
 *   of their own is waiting, else a conflict listed for a person.
 * - What this browser records goes into the replica, and from there to the server.
 * PouchDB is loaded only here, and this module only when sharing is configured (dynamic import).
 */

// ------------------------------------------------------------------------- minimal PouchDB typing
interface PouchDoc { _id: string; _rev?: string; _conflicts?: string[]; [k: string]: unknown }
interface PouchEmitter {
  on(event: string, cb: (arg?: any) => void): PouchEmitter;
  cancel(): void;
}
export interface PouchDb {
  get(id: string, opts?: Record<string, unknown>): Promise<PouchDoc>;
  put(doc: PouchDoc): Promise<{ ok: boolean; id: string; rev: string }>;
  bulkDocs(docs: PouchDoc[]): Promise<Array<{ ok?: boolean; id?: string; rev?: string; error?: string; status?: number }>>;
  allDocs(opts: Record<string, unknown>): Promise<{ rows: Array<{ id: string; value?: { rev: string }; error?: string }> }>;
  changes(opts: Record<string, unknown>): PouchEmitter & PromiseLike<{ results: Array<{ id: string; seq: number | string; doc?: PouchDoc }>; last_seq: number | string }>;
  info(): Promise<{ doc_count: number; update_seq: number | string }>;
  close(): Promise<void>;
  destroy(): Promise<void>;
}
export interface PouchStatic {
  new (name: string, opts?: Record<string, unknown>): PouchDb;
  replicate(source: PouchDb, target: PouchDb, opts: Record<string, unknown>): PouchEmitter;
}

/**
 * PouchDB as the browser needs it: IndexedDB for the replica, HTTP for the server, replication. Not the
 * full pouchdb-browser bundle, whose map/reduce evaluates view code with the Function constructor,
 * which the extension's CSP forbids and which sharing does not use.
 */
export async function loadPouchDB(): Promise<PouchStatic> {
  const [core, idb, http, replication] = await Promise.all([import('pouchdb-core'), import('pouchdb-adapter-idb'), import('pouchdb-adapter-http'), import('pouchdb-replication')]);
  const PouchDB = core.default;
  if (!PouchDB.replicate) PouchDB.plugin(idb.default).plugin(http.default).plugin(replication.default);
  return PouchDB as PouchStatic;
}

// ------------------------------------------------------------------------------ roles and databases
export const ROLES = { clerk: 'award-clerk', expert: 'award-expert', recommender: 'award-recommender', applicant: 'award-applicant' } as const;
export type Role = keyof typeof ROLES;

export { hexName };

export interface Layout {
  role: Role;
  database: string;
  /** what this role may send to its database */
  sends: readonly DocKind[];
  /** what this role accepts from it */
  accepts: readonly DocKind[];
}

/**
 * README "Sharing on CouchDB": one office database for clerks; one per expert; one per recommender; one
 * per applicant, holding only the drafts they ticked (the pull brings back only their own drafts, which
 * change nothing here).
 */
export function layoutFor(user: { name: string; roles: readonly string[] }): Layout | null {
  if (user.roles.includes(ROLES.clerk)) return { role: 'clerk', database: 'award-office', sends: ['case', 'event', 'expert', 'assignment', 'scorebook', 'draft'], accepts: ['case', 'event', 'expert', 'assignment', 'scorebook', 'draft'] };
  if (user.roles.includes(ROLES.expert)) return { role: 'expert', database: expertDatabase(user.name), sends: ['scorebook'], accepts: ['case', 'assignment', 'scorebook'] };
  if (user.roles.includes(ROLES.recommender)) return { role: 'recommender', database: recommenderDatabase(user.name), sends: ['case', 'event', 'draft'], accepts: ['case', 'event', 'draft'] };
  if (user.roles.includes(ROLES.applicant)) return { role: 'applicant', database: applicantDatabase(user.name), sends: ['draft'], accepts: ['draft'] };
  return null;
}

// ------------------------------------------------------------------------------------------ session
export class SharingError extends Error {
  constructor(readonly status: Pick<SharingStatus, 'state' | 'message'>) {
    super(status.message?.en ?? status.state);
  }
}

const authHeader = (c: SharingConfig) => 'Basic ' + btoa(String.fromCharCode(...new TextEncoder().encode(`${c.user}:${c.password}`)));

export async function whoAmI(config: SharingConfig, fetcher: typeof fetch = fetch): Promise<{ name: string; roles: string[] }> {
  let res: Response;
  try {
    res = await fetcher(`${config.url}/_session`, { headers: { authorization: authHeader(config), accept: 'application/json' }, credentials: 'omit' });
  } catch {
    throw new SharingError({ state: 'offline', message: sharingMessages.unreachable });
  }
  if (res.status === 401) throw new SharingError({ state: 'error', message: sharingMessages.badLogin });
  if (!res.ok) throw new SharingError({ state: 'offline', message: sharingMessages.unreachable });
  const body = (await res.json()) as { userCtx?: { name?: unknown; roles?: unknown } };
  const name = body.userCtx?.name;
  const roles = body.userCtx?.roles;
  if (typeof name !== 'string' || !Array.isArray(roles)) throw new SharingError({ state: 'error', message: sharingMessages.badLogin });
  return { name, roles: roles.filter((r): r is string => typeof r === 'string') };
}

// --------------------------------------------------------------------------------------- replicator
const APPLIED_KEY = 'sharing/appliedSeq';
/** the `_replicator` jobs this browser wrote (server-jobs.ts), so it can delete those no longer needed */
const JOBS_KEY = 'sharing/serverJobs';

const VERSIONED: readonly VersionedKind[] = ['scorebook', 'expert', 'assignment'];
const isVersioned = (k: DocKind): k is VersionedKind => (VERSIONED as readonly string[]).includes(k);

export interface ReplicatorOptions {
  PouchDB: PouchStatic;
  /** extra options for the local replica (tests: { adapter: 'memory' }) */
  localOptions?: Record<string, unknown>;
  fetcher?: typeof fetch;
  /** called after every status change (the options page listens on the BroadcastChannel instead) */
  onStatus?: (s: SharingStatus) => void;
  /** back-off between retries when the server is away (ms); PouchDB's default grows up to 10 min */
  retryMs?: number;
  /** how often to look for changed scorebooks, experts and groups (ms) */
  exportEveryMs?: number;
  /** how often the clerk looks into the applicants' databases for shared drafts (ms; "sync now" always does) */
  applicantsEveryMs?: number;
}

export class Replicator {
  private status: SharingStatus = emptyStatus();
  private local!: PouchDb;
  private remote!: PouchDb;
  private layout!: Layout;
  private pull?: PouchEmitter;
  private push?: PouchEmitter;
  private feed?: PouchEmitter;
  private stopListening?: () => void;
  private chain: Promise<unknown> = Promise.resolve();
  private stopped = false;
  private refusedIds = new Set<string>();

  constructor(private readonly config: SharingConfig, private readonly options: ReplicatorOptions) {}

  get current(): SharingStatus {
    return this.status;
  }

  /** Log in, export what is waiting, then replicate continuously both ways. */
  async start(): Promise<SharingStatus> {
    await this.update({ state: 'connecting' });
    let user: { name: string; roles: string[] };
    try {
      user = await whoAmI(this.config, this.options.fetcher);
    } catch (error) {
      if (error instanceof SharingError) {
        await this.update(error.status);
        if (error.status.state === 'offline') this.later(() => this.start());
        return this.status;
      }
      throw error;
    }
    const layout = layoutFor(user);
    if (!layout) return this.update({ state: 'error', message: sharingMessages.noRole });
    this.layout = layout;
    this.roles = user.roles;
    const { PouchDB } = this.options;
    this.local = new PouchDB(replicaName(layout.database), { auto_compaction: true, ...this.options.localOptions });
    this.remote = new PouchDB(`${this.config.url}/${layout.database}`, { skip_setup: true, auth: { username: this.config.user, password: this.config.password } });
    await this.update({ database: layout.database, role: layout.role });
    if (layout.role === 'applicant') await this.announce();
    await this.exportLocal();
    this.listen();
    this.replicate();
    // scorebook, pool and group saves announce nothing (src/experts/versioned.ts): look for them now and then
    // a clerk also copies each expert's and recommender's share into their databases and takes back theirs
    if (layout.role === 'clerk') this.scheduleFanOut();
    const timer = setInterval(() => {
      void this.serial(() => this.exportLocal(null));
      if (layout.role === 'clerk') this.scheduleFanOut();
    }, this.options.exportEveryMs ?? 10_000);
    const unlisten = onRecordChange((change) => void this.serial(() => this.exportLocal(change.store === 'cases' ? change.id : null)));
    this.stopListening = () => {
      clearInterval(timer);
      unlisten();
    };
    return this.status;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.pull?.cancel();
    this.push?.cancel();
    this.feed?.cancel();
    this.stopListening?.();
    for (const r of this.oneShots) r.cancel();
    await this.fanning?.catch(() => undefined);
    await this.chain.catch(() => undefined);
    await this.local?.close().catch(() => undefined);
    await this.remote?.close().catch(() => undefined);
  }

  /** Send what this browser recorded since the last time, then wait until the server has it (tests, "sync now"). */
  async syncNow(): Promise<void> {
    await this.serial(() => this.exportLocal());
    await new Promise<void>((resolve, reject) => {
      const once = this.options.PouchDB.replicate(this.local, this.remote, {});
      once.on('complete', () => resolve()).on('error', reject);
    });
    await new Promise<void>((resolve, reject) => {
      const once = this.options.PouchDB.replicate(this.remote, this.local, { filter: this.filter });
      once.on('complete', () => resolve()).on('error', reject);
    });
    await this.serial(() => this.applyIncoming());
    if (this.layout.role === 'clerk') {
      await this.fanning?.catch(() => undefined);
      await this.fanOut(true);
      await this.serial(() => this.applyIncoming());
    }
    await this.update({ lastSync: new Date().toISOString() });
  }

  // -------------------------------------------------------------------- experts' and recommenders' copies
  private fanning?: Promise<void>;
  private fanAgain = false;
  private readonly oneShots = new Set<PouchEmitter>();
  /** applicants' databases IT has not made (404): not asked again until sharing restarts (one per applicant) */
  private readonly missingApplicants = new Set<string>();
  /** when the clerk last looked into each applicant's database */
  private readonly applicantLookedAt = new Map<string, number>();

  /** Run the fan-out now, or once more after the one running (changes coalesce). */
  private scheduleFanOut(): void {
    if (this.stopped) return;
    if (this.fanning) {
      this.fanAgain = true;
      return;
    }
    this.fanning = this.fanOut()
      .catch(() => undefined)
      .finally(() => {
        this.fanning = undefined;
        if (this.fanAgain) {
          this.fanAgain = false;
          this.scheduleFanOut();
        }
      });
  }

  private once(source: PouchDb, target: PouchDb, opts: Record<string, unknown>): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const r = this.options.PouchDB.replicate(source, target, opts);
      this.oneShots.add(r);
      r.on('complete', () => (this.oneShots.delete(r), resolve())).on('error', (e: unknown) => (this.oneShots.delete(r), reject(e)));
    });
  }

  /**
   * The clerk's browser copies into each expert's and recommender's database the documents of the office
   * replica that person may read (audiences.ts), by PouchDB replication with `doc_ids`, and takes back
   * what they may send, judged like every pull. A database IT has not made yet (404) is skipped.
   */
  private async fanOut(force = false): Promise<void> {
    if (this.stopped) return;
    // an office has one database per applicant, thousands a year: each is looked into as soon as a case names
    // the applicant, then every few minutes, not at every change
    const applicantDue = (db: string) => force || Date.now() - (this.applicantLookedAt.get(db) ?? -Infinity) >= (this.options.applicantsEveryMs ?? 300_000);
    const range = async (prefix: string) =>
      (await this.local.allDocs({ include_docs: true, startkey: prefix, endkey: `${prefix}\uffff` })).rows.map((r) => (r as unknown as { doc: PouchDoc }).doc);
    const docs = [...(await range('case:')), ...(await range('assignment:')), ...(await range('scorebook:'))];
    const events = new Map<string, string[]>();
    for (const d of docs) {
      const rec = d.record as { id?: string; recommender?: unknown } | undefined;
      if (d.kind !== 'case' || typeof rec?.recommender !== 'string' || !rec.id) continue;
      const rows = (await this.local.allDocs({ startkey: `event:${rec.id}:`, endkey: `event:${rec.id}:\uffff` })).rows;
      events.set(rec.id, rows.map((r) => r.id));
    }
    const list: Audience[] = audiences(docs as never, (caseId) => events.get(caseId) ?? []);
    // applicants no case names yet, from the directory they write themselves (directory.ts)
    for (const entry of await this.directory()) {
      if (!list.some((a) => a.kind === 'applicant' && a.name === entry.name)) list.push({ kind: 'applicant', name: entry.name, database: entry.database, docIds: [] });
    }
    await this.writeServerJobs(list);
    for (const audience of list) {
      if (this.stopped) return;
      if (audience.kind === 'applicant') {
        if (this.missingApplicants.has(audience.database) || !applicantDue(audience.database)) continue;
        this.applicantLookedAt.set(audience.database, Date.now());
      }
      const remote = new this.options.PouchDB(`${this.config.url}/${audience.database}`, { skip_setup: true, auth: { username: this.config.user, password: this.config.password } });
      try {
        if (audience.docIds.length) await this.once(this.local, remote, { doc_ids: audience.docIds });
        const known = audience.kind === 'recommender' ? audience.docIds.filter((id) => id.startsWith('case:')).map((id) => id.slice('case:'.length)) : [];
        const take = takesBack(audience, known);
        // judged like every pull; what passes but is not theirs to send (another recommender's case) is listed too
        const back = (doc: unknown): boolean => {
          if (!this.filter(doc)) return false;
          if (take(doc as PouchDoc)) return true;
          const reason = refusedBack(audience, doc as PouchDoc);
          if (reason) this.listRefused(doc, reason);
          return false;
        };
        await this.once(remote, this.local, { filter: back });
      } catch (error) {
        if ((error as { status?: number })?.status !== 404) throw error;
        if (audience.kind === 'applicant') this.missingApplicants.add(audience.database);
      } finally {
        await remote.close().catch(() => undefined);
      }
    }
  }

  /** the directory is missing or closed to this account (404/401/403): not asked again until sharing restarts */
  private noDirectory = false;

  /** The applicants listed in the directory (the clerk reads it at each fan-out; offline: none this time). */
  private async directory(): Promise<Array<{ name: string; database: string }>> {
    if (this.noDirectory) return [];
    const url = `${this.config.url}/${DIRECTORY_DATABASE}/_all_docs?include_docs=true&startkey=${encodeURIComponent('"applicant:"')}&endkey=${encodeURIComponent('"applicant:\uffff"')}`;
    try {
      const r = await (this.options.fetcher ?? fetch)(url, { headers: { authorization: authHeader(this.config), accept: 'application/json' }, credentials: 'omit' });
      if ([401, 403, 404].includes(r.status)) this.noDirectory = true;
      if (!r.ok) return [];
      return readDirectory(((await r.json()) as { rows?: Array<{ id?: unknown; doc?: unknown }> }).rows ?? []);
    } catch {
      return [];
    }
  }

  /** An applicant's browser writes its own directory entry, so the clerks find its database without a case. */
  private async announce(): Promise<void> {
    const entry = directoryEntry(this.config.user);
    const url = `${this.config.url}/${DIRECTORY_DATABASE}/${encodeURIComponent(entry._id)}`;
    const headers = { authorization: authHeader(this.config), accept: 'application/json', 'content-type': 'application/json' };
    const fetcher = this.options.fetcher ?? fetch;
    try {
      if ((await fetcher(url, { headers, credentials: 'omit' })).ok) return; // already listed
      await fetcher(url, { method: 'PUT', headers, credentials: 'omit', body: JSON.stringify(entry) });
    } catch {
      // offline: announced at the next start
    }
  }

  private roles: readonly string[] = [];
  /** the jobs last written (canonical JSON), so an unchanged list costs no request */
  private jobsWritten?: string;
  /** the server has no `_replicator` this clerk may write (404/401/403): the console's own copies carry on alone */
  private jobsRefused = false;

  /**
   * The same copies as CouchDB's own continuous replication jobs (server-jobs.ts), so the server keeps the
   * experts', recommenders' and applicants' databases in step with the office while no console is open.
   * The console still copies while it is open (the same revisions: nothing doubles, nothing conflicts).
   */
  private jobsChain: Promise<void> = Promise.resolve();
  private writeServerJobs(list: readonly Audience[]): Promise<void> {
    // one writer at a time: a fan-out and "sync now" may ask together
    this.jobsChain = this.jobsChain.then(() => this.writeServerJobsNow(list));
    return this.jobsChain;
  }
  private async writeServerJobsNow(list: readonly Audience[]): Promise<void> {
    if (this.jobsRefused || this.stopped) return;
    const jobs = replicationJobs(list, { url: this.config.url, user: this.config.user, password: this.config.password, roles: this.roles.filter((r) => r === ROLES.clerk) });
    const key = canonicalJson(jobs);
    if (key === this.jobsWritten) return;
    try {
      const written = await writeJobs(this.config, jobs, (await getSetting<string[]>(JOBS_KEY)) ?? [], this.options.fetcher);
      await setSetting(JOBS_KEY, written);
      this.jobsWritten = key;
    } catch (error) {
      if (error instanceof JobsRefused && [401, 403, 404].includes(error.status)) this.jobsRefused = true;
      // otherwise (offline): tried again at the next fan-out
    }
  }

  private later(fn: () => unknown): void {
    setTimeout(() => {
      if (!this.stopped) void fn();
    }, this.options.retryMs ?? 5000);
  }

  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.chain.then(fn, fn);
    this.chain = next.catch(() => undefined);
    return next;
  }

  /** cases and events in the stores the pages read, at the last count (they are only ever added to) */
  private stored?: number;

  private async update(patch: Partial<SharingStatus>): Promise<SharingStatus> {
    // every progress carries the latest count of the stores, set here so no older count overtakes a newer one
    if (patch.progress && this.stored !== undefined) patch = { ...patch, progress: { ...patch.progress, stored: Math.min(this.stored, patch.progress.here) } };
    this.status = { ...this.status, ...patch };
    if (patch.state && patch.state !== 'error' && patch.state !== 'offline' && !('message' in patch)) delete this.status.message;
    await publishSharingStatus(this.status);
    this.options.onStatus?.(this.status);
    return this.status;
  }

  /** The pull's filter: judged synchronously, refused documents are listed and never stored. */
  private readonly filter = (doc: unknown): boolean => {
    const verdict = judgeDoc(doc, this.layout.accepts);
    if (verdict.ok) return true;
    this.listRefused(doc, verdict.reason);
    return false;
  };

  /** List a refused document once per revision (the options page shows the list). */
  private listRefused(doc: unknown, reason: Bilingual): void {
    const id = String((doc as { _id?: unknown })?._id ?? '?');
    const key = `${id} ${(doc as { _rev?: unknown })?._rev ?? ''}`;
    if (id.startsWith('_design/') || this.refusedIds.has(key)) return;
    this.refusedIds.add(key);
    const refused = [{ id, reason, at: new Date().toISOString() }, ...this.status.refused].slice(0, MAX_LISTED);
    void this.update({ refused });
  }

  /** the directions (received: pull, sent: push) that have nothing more to move for now */
  private readonly caughtUp = new Set<'received' | 'sent'>();
  private serverDocs = 0;

  /** How far the pull is: documents in this browser's replica, and in the server's database at the last look. */
  private async progressNow(askServer: boolean): Promise<SharingStatus['progress']> {
    try {
      if (askServer || !this.serverDocs) this.serverDocs = (await this.remote.info()).doc_count;
      const here = (await this.local.info()).doc_count;
      return { here, server: Math.max(this.serverDocs, here) };
    } catch {
      return undefined; // offline: the status says so already
    }
  }

  private replicate(): void {
    void this.progressNow(true).then((progress) => void (progress && !this.stopped && this.update({ progress })));
    const opts = { live: true, retry: true, back_off_function: (delay: number) => (delay === 0 ? (this.options.retryMs ?? 1000) : Math.min(delay * 2, 60_000)) };
    this.pull = this.options.PouchDB.replicate(this.remote, this.local, { ...opts, filter: this.filter });
    this.push = this.options.PouchDB.replicate(this.local, this.remote, opts);
    for (const [r, dir] of [[this.pull, 'received'], [this.push, 'sent']] as const) {
      // PouchDB's docs_written is the replication's running total, not this batch's: count the growth
      let seen = 0;
      r.on('change', (info: { docs_written?: number }) => {
        const total = info?.docs_written ?? 0;
        const added = total >= seen ? total - seen : total; // a restarted replication counts from 0 again
        seen = total;
        this.caughtUp.delete(dir);
        void this.update({ state: 'active', [dir]: this.status[dir] + added });
        if (dir === 'received') void this.progressNow(false).then((progress) => void (progress && this.update({ progress })));
      })
        .on('paused', (err: unknown) => {
          if (err) {
            this.caughtUp.delete(dir);
            void this.update({ state: 'offline', message: sharingMessages.unreachable });
            return;
          }
          this.caughtUp.add(dir);
          // "in sync" once both ways caught up and what arrived is in the stores the pages read, not only in the replica
          if (this.caughtUp.size === 2)
            void this.serial(async () => {
              await this.applyIncoming();
              const progress = await this.progressNow(true);
              if (this.caughtUp.size === 2 && !this.stopped) await this.update({ state: 'idle', lastSync: new Date().toISOString(), ...(progress ? { progress } : {}) });
            });
        })
        .on('active', () => {
          this.caughtUp.delete(dir);
          void this.update({ state: 'active' });
        })
        .on('denied', () => void this.update({ state: 'error', message: sharingMessages.noDatabase }))
        .on('error', (err: { status?: number }) => void this.update({ state: 'error', message: err?.status === 401 || err?.status === 403 ? sharingMessages.badLogin : sharingMessages.unreachable }));
    }
  }

  // ------------------------------------------------------------------------------------ outgoing
  private async bases(): Promise<Record<string, number>> {
    return ((await getSetting<Record<string, number>>(BASES_KEY)) ?? {}) as Record<string, number>;
  }

  /** Put what this browser has and the replica does not into the replica (the push sends it on). */
  private async exportLocal(onlyCase: string | null | undefined = undefined): Promise<void> {
    if (this.stopped) return;
    const sends = this.layout.sends;
    const docs: SharedDoc[] = [];
    if (sends.includes('case') && onlyCase !== null) {
      // all cases at start; afterwards only the case a change names (a drafts change names none)
      const cases = onlyCase === undefined ? await allCases() : ((c) => (c ? [c] : []))(await getCase(onlyCase));
      const known = await this.local.allDocs({ keys: cases.map((c) => `case:${c.id}`) });
      cases.forEach((c, i) => {
        if (known.rows[i]?.error === 'not_found') docs.push(toDoc({ kind: 'case', record: c }));
      });
    }
    let lastSeq = 0;
    if (sends.includes('event')) {
      const since = await pushedSeq();
      const events = await eventsSince(since);
      for (const e of events) docs.push(toDoc({ kind: 'event', record: e as StoredCaseEvent }));
      lastSeq = events.at(-1)?.seq ?? since;
      // every event goes with its case: a write that announced nothing (an import) still sends the case
      if (sends.includes('case')) {
        const listed = new Set(docs.filter((d) => d.kind === 'case').map((d) => d._id));
        const ids = [...new Set(events.map((e) => `case:${e.caseId}`))].filter((id) => !listed.has(id));
        const known = ids.length ? await this.local.allDocs({ keys: ids }) : { rows: [] };
        for (const [i, id] of ids.entries()) {
          if (known.rows[i]?.error !== 'not_found') continue;
          const c = await getCase(id.slice('case:'.length));
          if (c) docs.unshift(toDoc({ kind: 'case', record: c }));
        }
      }
    }
    for (let i = 0; i < docs.length; i += 500) {
      // the same id means the same content (documents.ts): "conflict" here only says the replica has it already
      await this.local.bulkDocs(docs.slice(i, i + 500) as unknown as PouchDoc[]);
    }
    if (sends.includes('event') && lastSeq > 0) await setPushedSeq(lastSeq);
    // drafts: only those the person chose to share (none by default), each replacing its own last copy
    if (sends.includes('draft') && onlyCase == null) {
      for (const id of await sharedDraftIds()) {
        const draft = await getDraft(id);
        if (!draft) continue;
        const doc = toDoc({ kind: 'draft', record: draft });
        const there = await this.local.get(doc._id).catch(() => null);
        if (there && canonicalJson(there.record) === canonicalJson(doc.record)) continue;
        await this.local.put({ ...(doc as unknown as PouchDoc), savedBy: { user: this.config.user, at: new Date().toISOString() }, ...(there ? { _rev: there._rev } : {}) });
      }
    }
    const bases = await this.bases();
    let basesChanged = false;
    for (const kind of VERSIONED) {
      if (!sends.includes(kind)) continue;
      for (const r of await versionedRecords(kind)) {
        const doc = toDoc({ kind, record: r.record } as never);
        const base = bases[doc._id];
        if (base !== undefined && r.version <= base) continue; // nothing new here
        const there = await this.local.get(doc._id).catch(() => null);
        const serverVersion = there ? Number((there.record as { version?: unknown })?.version ?? 0) : null;
        if (there && serverVersion !== null && serverVersion !== (base ?? -1)) {
          // changed here and on the server since the copy both started from
          // the same number made on two machines is the same record only when the content is the same
          if (serverVersion !== r.version || canonicalJson(there.record) !== canonicalJson(doc.record)) await this.conflict(doc._id, kind, r.version, serverVersion);
          else {
            bases[doc._id] = r.version;
            basesChanged = true;
          }
          continue;
        }
        await this.local.put({ ...(doc as unknown as PouchDoc), savedBy: { user: this.config.user, at: new Date().toISOString() }, ...(there ? { _rev: there._rev } : {}) });
        bases[doc._id] = r.version;
        basesChanged = true;
      }
    }
    if (basesChanged) await setSetting(BASES_KEY, bases);
  }

  /** Drafts others shared with this account, read-only (shared-drafts.ts). */
  async sharedDrafts(): Promise<SharedDraft[]> {
    return this.serial(() => readSharedDrafts(this.local as unknown as DraftReplica, this.config.user));
  }

  /** Both sides of a listed conflict, for the conflict screen (conflicts.ts). */
  async conflictDetail(docId: string): Promise<ConflictDetail | null> {
    return this.serial(() => readConflict(this.local as unknown as Replica, docId));
  }

  /** Write a person's choice as a new version, remove the losing revisions, and take the conflict off the list. */
  async resolve(detail: ConflictDetail, chosen: Record<string, unknown>): Promise<number> {
    return this.serial(async () => {
      const version = await resolveConflict(this.local as unknown as Replica, detail, chosen, { user: this.config.user, at: new Date().toISOString() });
      await this.update({ conflicts: this.status.conflicts.filter((c) => c.id !== detail.docId) });
      return version;
    });
  }

  private async conflict(id: string, kind: string, localVersion: number | null, serverVersion: number | null): Promise<void> {
    if (this.status.conflicts.some((c) => c.id === id && c.localVersion === localVersion && c.serverVersion === serverVersion)) return;
    const conflicts = [{ id, kind, localVersion, serverVersion, at: new Date().toISOString() }, ...this.status.conflicts.filter((c) => c.id !== id)].slice(0, MAX_LISTED);
    await this.update({ conflicts });
  }

  // ------------------------------------------------------------------------------------ incoming
  private listen(): void {
    void this.serial(() => this.applyIncoming());
    this.feed = this.local.changes({ since: 'now', live: true }).on('change', () => {
      this.applySoon();
      if (this.layout.role === 'clerk') this.scheduleFanOut();
    });
  }

  private applyQueued = false;
  /**
   * One read of the replica waiting at a time: the feed announces every arriving document, and a read not yet
   * begun covers all that arrived before it. (Before, each document queued its own read; once the stores held
   * everything, "in sync" waited behind thousands of reads finding nothing: ≈ 80 s at two award years.)
   */
  private applySoon(): void {
    if (this.applyQueued) return;
    this.applyQueued = true;
    void this.serial(() => {
      this.applyQueued = false;
      return this.applyIncoming();
    });
  }

  /** Write into the extension's stores what the replica received since the last time. */
  private async applyIncoming(): Promise<void> {
    if (this.stopped) return;
    const since = (await getSetting<number | string>(APPLIED_KEY)) ?? 0;
    const batch = await this.local.changes({ since, include_docs: true, conflicts: true, limit: 2000 });
    if (batch.results.length === 0) return;
    const events = new Map<string, Array<Omit<StoredCaseEvent, 'seq'>>>();
    const bases = await this.bases();
    let basesChanged = false;
    let pending = 0;
    for (const change of batch.results) {
      const doc = change.doc;
      if (!doc || doc._id.startsWith('_')) continue;
      const verdict = judgeDoc(doc, this.layout.accepts);
      if (!verdict.ok) continue; // this browser's own documents are judged too; the pull's filter listed the server's
      const { shared } = verdict;
      if (shared.kind === 'case') await addSharedCase(shared.record);
      else if (shared.kind === 'event') {
        const list = events.get(shared.record.caseId) ?? [];
        list.push(shared.record);
        events.set(shared.record.caseId, list);
      } else if (isVersioned(shared.kind)) {
        const incoming = shared.record as { id: string; version: number };
        if (doc._conflicts?.length) {
          await this.conflict(doc._id, shared.kind, (await localVersioned(shared.kind, incoming.id))?.version ?? null, incoming.version);
          continue;
        }
        const local = await localVersioned(shared.kind, incoming.id);
        const base = bases[doc._id];
        if (local && local.version === incoming.version && canonicalJson(local) !== canonicalJson(incoming)) {
          await this.conflict(doc._id, shared.kind, local.version, incoming.version); // one number, two contents
          continue;
        }
        if (local && local.version >= incoming.version) continue; // ours is as new (it will be sent)
        if (local && base !== undefined && local.version > base) {
          await this.conflict(doc._id, shared.kind, local.version, incoming.version); // changed on both sides
          continue;
        }
        if (await putSharedVersioned(shared.kind, incoming, local?.version)) {
          bases[doc._id] = incoming.version;
          basesChanged = true;
        }
      }
    }
    for (const [caseId, list] of events) {
      const added = await addSharedEvents(caseId, list);
      if (added === 'no-case') pending += list.length;
    }
    if (basesChanged) await setSetting(BASES_KEY, bases);
    // events whose case has not arrived yet are read again next time (the checkpoint stays before them)
    if (pending === 0) await setSetting(APPLIED_KEY, batch.last_seq);
    if (pending !== (this.status.pending ?? 0)) await this.update({ pending });
    // the storing phase of a first replication: how many the stores hold, so the clerk sees it move
    if (this.status.progress) {
      const stored = await storedCount();
      if (stored !== this.stored) {
        this.stored = stored;
        await this.update({ progress: this.status.progress });
      }
    }
    if (batch.results.length === 2000 && pending === 0) await this.applyIncoming();
    // events applied here went into the log with new local append numbers: they are on the server already
    const seqAfter = (await eventsSince(await pushedSeq())).length;
    if (seqAfter > 0 && this.layout.sends.includes('event')) await this.exportLocal(null);
  }
}
