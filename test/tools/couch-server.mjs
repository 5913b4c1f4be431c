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

let servers = 0;

export async function startCouch({ port = 0, admin = { name: 'admin', password: 'admin-secret' } } = {}) {
  // each server its own memory (memdown keeps databases by name for the whole process)
  const MemPouch = pouchNode().defaults({ adapter: 'memory', prefix: `couch${++servers}-` });
  const pouchApp = require('express-pouchdb')(MemPouch, { mode: 'fullCouchDB', inMemoryConfig: true, logPath: '/dev/null' });
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
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        for (const s of sockets) s.destroy();
      }),
    /**
     * Listen again on the same port with the same data. (The data is in memory: a real kill would lose it,
     * where CouchDB keeps it on disk; what this exercises is the clients' side of an outage.)
     */
    restart: async () => {
      server = await listen(Number(new URL(url).port));
    },
  };
}

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
