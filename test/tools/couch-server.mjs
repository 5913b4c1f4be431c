// A CouchDB-compatible server for tests (issue 20): the PouchDB team's express-pouchdb in "fullCouchDB" mode
// (CouchDB's _users, _session, _security and validate_doc_update), data in memory, on 127.0.0.1 only.
// Apache CouchDB has no Debian package; IT runs a real CouchDB 3 (README "Sharing on CouchDB").
// Usage: `node test/tools/couch-server.mjs [port]` (prints the address), or import startCouch().
import express from 'express';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);

/** PouchDB for Node (memory + http adapters, replication, map/reduce), set up once per process. */
export function pouchNode() {
  const PouchDB = require('pouchdb-core');
  if (!PouchDB.replicate) {
    PouchDB.plugin(require('pouchdb-adapter-memory')).plugin(require('pouchdb-adapter-http')).plugin(require('pouchdb-replication')).plugin(require('pouchdb-mapreduce'));
  }
  return PouchDB;
}

/**
 * express-pouchdb 4.2 protects system databases (`_replicator`, `_users`) with pouchdb-system-db, whose
 * wrappers read `args.db` where the pouchdb-wrappers it installs with gives `args.base`: a non-admin read of
 * `_replicator` failed with a 500. Hand those wrappers the database under the name they read (the same
 * function for the same wrapper, so uninstalling still finds it).
 */
function mendSystemDbWrappers() {
  const wrappers = require('pouchdb-wrappers');
  if (wrappers.__awardMended) return;
  wrappers.__awardMended = true;
  const mended = new WeakMap();
  const mend = (handlers) =>
    Object.fromEntries(
      Object.entries(handlers).map(([name, fn]) => {
        if (typeof fn !== 'function') return [name, fn];
        if (!mended.has(fn))
          mended.set(fn, (method, args) => {
            if (args && !args.db) args.db = args.base;
            // CouchDB 3 lets a user read the replication jobs they wrote (to see their state or delete them)
            const user = args?.options?.userCtx;
            if (name === 'get' && user && !user.roles.includes('_admin') && /(^|-)_replicator$/.test(args.base?.name ?? '')) {
              return method().then((doc) => {
                if (doc?.user_ctx?.name !== user.name) throw Object.assign(new Error('missing'), { status: 404, name: 'not_found', message: 'missing' });
                return doc;
              });
            }
            // pouchdb-replicator reads a job again once its replication ends, also after the job was deleted,
            // and leaves that 404 unhandled (it took the server down): a deleted job has nothing left to update
            // (its read of a job is the only one with no options: validation reads with `revs`, requests with a userCtx)
            if (name === 'get' && Object.keys(args?.options ?? {}).length === 0 && typeof args.docId === 'string' && !args.docId.startsWith('_') && /(^|-)_replicator$/.test(args.base?.name ?? '')) {
              return fn(method, args).catch((err) => (err?.status === 404 && err.reason === 'deleted' ? new Promise(() => undefined) : Promise.reject(err)));
            }
            return fn(method, args);
          });
        return [name, mended.get(fn)];
      }),
    );
  const install = wrappers.installWrapperMethods;
  const uninstall = wrappers.uninstallWrapperMethods;
  wrappers.installWrapperMethods = (db, handlers) => install(db, mend(handlers));
  wrappers.uninstallWrapperMethods = (db, handlers) => uninstall(db, mend(handlers));
  // pouchdb-security checks a replication's reader by fetching the source's `_security` itself, over HTTP
  // without the credentials in the address: every `_replicator` job between two URLs failed with a 401
  // (an unhandled rejection in the server). Between two URLs the server at each end checks the credentials
  // the job carries, as in CouchDB; the check stays for local sources.
  const remote = (x) => typeof x === 'string' ? /^https?:\/\//.test(x) : typeof x?.type === 'function' && /^https?$/.test(x.type());
  const onlyLocal = new WeakMap();
  const local = (handlers) =>
    handlers.replicate && !onlyLocal.has(handlers.replicate)
      ? (onlyLocal.set(handlers.replicate, (original, args) => (remote(args.source) ? original() : handlers.replicate(original, args))), { ...handlers, replicate: onlyLocal.get(handlers.replicate) })
      : handlers.replicate
        ? { ...handlers, replicate: onlyLocal.get(handlers.replicate) }
        : handlers;
  const installStatic = wrappers.installStaticWrapperMethods;
  const uninstallStatic = wrappers.uninstallStaticWrapperMethods;
  wrappers.installStaticWrapperMethods = (PouchDB, handlers) => installStatic(PouchDB, local(handlers));
  wrappers.uninstallStaticWrapperMethods = (PouchDB, handlers) => uninstallStatic(PouchDB, local(handlers));
}

let servers = 0;

/**
 * `jobs: true` runs the `_replicator` database (CouchDB's replication jobs, pouchdb-replicator): off by
 * default, so a test that writes no jobs sees no request it did not make (`inFlight`), and the server's
 * own continuous jobs do not outlive a test; `close()` stops them.
 */
export async function startCouch({ port = 0, admin = { name: 'admin', password: 'admin-secret' }, jobs = false } = {}) {
  // each server its own memory: memdown keeps databases by name for the whole process, and PouchDB keeps
  // open stores per backend function name, so each server gets a backend of its own name. (Not PouchDB's
  // `prefix`, which PouchDB 9 also puts before an http:// address, nor `adapter: 'memory'`, which makes an
  // address a local name: the server's replicator, which runs the `_replicator` jobs, reaches databases by URL.)
  mendSystemDbWrappers();
  const n = ++servers;
  const memdown = require('memdown');
  const backend = { [`memdownCouch${n}`]: (location) => memdown(`couch${n}-${location}`) }[`memdownCouch${n}`];
  backend.destroy = (location, cb) => memdown.destroy(`couch${n}-${location}`, cb);
  const MemPouch = pouchNode().defaults({ db: backend });
  const pouchApp = require('express-pouchdb')(MemPouch, { mode: 'fullCouchDB', inMemoryConfig: true, logPath: '/dev/null', overrideMode: { exclude: jobs ? [] : ['replicator'] } });
  const adminAuth = 'Basic ' + Buffer.from(`${admin.name}:${admin.password}`).toString('base64');
  const app = express();
  let inFlight = 0;
  app.use((req, res, next) => {
    inFlight++;
    let done = false;
    const end = () => {
      if (!done) (done = true), inFlight--;
    };
    res.on('finish', end);
    res.on('close', end);
    next();
  });
  // express-pouchdb 4.2 with PouchDB 9 crashes on a database creation refused to a non-admin: refuse it
  // first, as CouchDB does (only server admins create or delete databases).
  app.use((req, res, next) => {
    const dbLevel = /^\/[^/_][^/]*\/?$/.test(req.path) && (req.method === 'PUT' || req.method === 'DELETE');
    if (dbLevel && req.headers.authorization !== adminAuth) return res.status(401).json({ error: 'unauthorized', reason: 'You are not a server admin.' });
    next();
  });
  // a test's look at every request as it arrives (e.g. to kill the server in the middle of a transfer)
  let onRequest = null;
  app.use((req, res, next) => (onRequest?.(req, res) === 'drop' ? undefined : next()));
  // express-pouchdb takes `doc_ids` from a POSTed `_changes` body but drops a Mango `selector`
  // (`filter=_selector`, CouchDB 2+), then looks for a design document `_selector` and its 404 took the
  // server down: hand the selector to PouchDB's changes, which match it as CouchDB does.
  app.use((req, res, next) => {
    if (!/\/_changes$/.test(req.path) || req.query.filter !== '_selector') return next();
    express.json({ limit: '64mb' })(req, res, (err) => {
      if (err) return next(err);
      if (req.body?.selector) req.query.selector = req.body.selector;
      next();
    });
  });
  app.use('/', pouchApp);
  const sockets = new Set();
  const listen = (p) =>
    new Promise((resolve, reject) => {
      const s = app.listen(p, '127.0.0.1', () => resolve(s)).on('error', reject);
      s.on('connection', (socket) => {
        sockets.add(socket);
        socket.on('close', () => sockets.delete(socket));
      });
    });
  let server = await listen(port);
  const url = `http://127.0.0.1:${server.address().port}`;
  // Until an admin exists the server is in "admin party" (everyone is admin): end it at once.
  const r = await fetch(`${url}/_config/admins/${admin.name}`, { method: 'PUT', body: JSON.stringify(admin.password) });
  if (!r.ok) throw new Error(`could not create the admin: ${r.status} ${await r.text()}`);
  return {
    url,
    admin,
    adminAuth,
    /** called with every request (req, res) before it is answered; returning 'drop' leaves it unanswered (the server is going) */
    set onRequest(fn) {
      onRequest = fn;
    },
    /** requests the server is answering now (a live changes feed counts until its client lets go) */
    inFlight: () => inFlight,
    /** stop at once: open connections (a live changes feed) are cut, as when the process is killed */
    close: async () => {
      if (jobs) await pouchApp.daemonManager.stop(MemPouch);
      await new Promise((resolve) => {
        server.close(() => resolve());
        for (const s of sockets) s.destroy();
      });
    },
    /**
     * Listen again on the same port with the same data. (The data is in memory: a real kill would lose it,
     * where CouchDB keeps it on disk; what this exercises is the clients' side of an outage.)
     */
    restart: async () => {
      server = await listen(Number(new URL(url).port));
    },
  };
}

/** The directory's design document as IT puts it (README); a unit test holds it equal to src/sharing/directory.ts. */
export const directoryDesign = {
  _id: '_design/award-directory',
  validate_doc_update: `function (newDoc, oldDoc, userCtx) {
  if (userCtx.roles.indexOf('_admin') !== -1) return;
  if (userCtx.roles.indexOf('award-applicant') === -1) throw { forbidden: 'Only an applicant writes its own entry.' };
  if (newDoc._id !== 'applicant:' + userCtx.name) throw { forbidden: 'An applicant writes only its own entry.' };
  if (!newDoc._deleted && newDoc.name !== userCtx.name) throw { forbidden: 'The entry must name its writer.' };
}`,
};

const hex = (name) => Buffer.from(name, 'utf8').toString('hex');

/**
 * The award's layout (README "Sharing on CouchDB"), made with the admin's account exactly as IT would
 * with curl: users with roles in _users, one database per audience, each with its _security members.
 */
export async function setupAward(couch, { clerks = [], experts = [], recommenders = [], applicants = [] } = {}) {
  const A = { authorization: couch.adminAuth, 'content-type': 'application/json' };
  const call = async (method, path, body) => {
    const r = await fetch(couch.url + path, { method, headers: A, body: body === undefined ? undefined : JSON.stringify(body) });
    if (!r.ok && r.status !== 412) throw new Error(`${method} ${path}: ${r.status} ${await r.text()}`);
    return r.json();
  };
  const user = (u, role) => call('PUT', `/_users/org.couchdb.user:${encodeURIComponent(u.name)}`, { _id: `org.couchdb.user:${u.name}`, name: u.name, password: u.password, roles: [role], type: 'user' });
  const db = async (name, members) => {
    await call('PUT', `/${name}`);
    await call('PUT', `/${name}/_security`, { admins: { names: [], roles: [] }, members });
  };
  await db('award-office', { names: [], roles: ['award-clerk'] });
  for (const u of clerks) await user(u, 'award-clerk');
  for (const u of experts) {
    await user(u, 'award-expert');
    await db(`award-expert-${hex(u.name)}`, { names: [u.name], roles: ['award-clerk'] });
  }
  for (const u of recommenders) {
    await user(u, 'award-recommender');
    await db(`award-recommender-${hex(u.name)}`, { names: [u.name], roles: ['award-clerk'] });
  }
  // the applicants' directory (src/sharing/directory.ts): each applicant writes only its own entry
  await db('award-applicants', { names: [], roles: ['award-clerk', 'award-applicant'] });
  await call('PUT', '/award-applicants/_design/award-directory', directoryDesign);
  for (const u of applicants) {
    await user(u, 'award-applicant');
    await db(`award-applicant-${hex(u.name)}`, { names: [u.name], roles: ['award-clerk'] });
  }
  return { call, expertDb: (name) => `award-expert-${hex(name)}`, recommenderDb: (name) => `award-recommender-${hex(name)}`, applicantDb: (name) => `award-applicant-${hex(name)}` };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const couch = await startCouch({ port: Number(process.argv[2] ?? 5984) });
  console.log(couch.url);
}
