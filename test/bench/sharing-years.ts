// The 20-year sharing bench (issue 20, Deliver 6): N award years of generated cases (2,000 a year, ~20
// events each, test/bench/fixtures/cases.mjs) are put on the test CouchDB-compatible server, then a fresh
// profile (empty extension stores, empty replica) replicates them with the extension's own Replicator
// until every event is in its case log. Prints time, documents, bytes and heap as JSON.
// Run: `npx tsx test/bench/sharing-years.ts --years=1` (node; fake-indexeddb for the extension's stores,
// PouchDB's memory adapter for the replica, express-pouchdb in memory as the server: see BENCHMARKS.md for
// what that does and does not tell about a real CouchDB and a real browser).
import 'fake-indexeddb/auto';
import { performance } from 'node:perf_hooks';
import { z } from 'zod';
import { officeDocs } from './sharing-docs.ts';
// @ts-expect-error plain .mjs test tools
import { pouchNode, setupAward, startCouch } from '../tools/couch-server.mjs';
import { Replicator, type PouchStatic } from '../../src/sharing/replicate.ts';
import { getDb } from '../../src/storage/repos.ts';

z.config({ jitless: true });
const arg = (name: string, dflt: number) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? dflt);
const yearsWanted = arg('years', 1);
const perYear = arg('per-year', 2000);

const t0 = performance.now();
const { docs, events, refused, cases: caseCount } = officeDocs(yearsWanted, perYear);
const generateMs = performance.now() - t0;

const couch = await startCouch();
const office = await setupAward(couch, { clerks: [{ name: 'bench-clerk', password: 'pw-bench' }] });
const t1 = performance.now();
for (let i = 0; i < docs.length; i += 5000) await office.call('POST', '/award-office/_bulk_docs', { docs: docs.slice(i, i + 5000) });
const uploadMs = performance.now() - t1;
const serverBytes = docs.reduce((n, d) => n + Buffer.byteLength(JSON.stringify(d)), 0);

const PouchDB = pouchNode() as PouchStatic;
const heapBefore = process.memoryUsage().heapUsed;
const t2 = performance.now();
const r = new Replicator({ url: couch.url, user: 'bench-clerk', password: 'pw-bench', enabled: true }, { PouchDB, localOptions: { adapter: 'memory' }, retryMs: 500, exportEveryMs: 600_000 });
await r.start();
const db = await getDb();
let firstCaseMs: number | null = null;
for (;;) {
  const n = await db.count('caseEvents');
  if (firstCaseMs === null && (await db.count('cases')) > 0) firstCaseMs = performance.now() - t2;
  if (n >= events) break;
  await new Promise((res) => setTimeout(res, 250));
}
const replicateMs = performance.now() - t2;
const heapAfter = process.memoryUsage().heapUsed;
const storeBytes = async (store: 'cases' | 'caseEvents') => (await db.getAll(store)).reduce((n, v) => n + Buffer.byteLength(JSON.stringify(v)), 0);
const result = {
  years: yearsWanted,
  cases: caseCount,
  events,
  refusedByJudge: refused,
  generateMs: Math.round(generateMs),
  uploadMs: Math.round(uploadMs),
  firstCaseMs: Math.round(firstCaseMs ?? 0),
  replicateMs: Math.round(replicateMs),
  docsPerSecond: Math.round(docs.length / (replicateMs / 1000)),
  serverJsonBytes: serverBytes,
  extensionStoreJsonBytes: (await storeBytes('cases')) + (await storeBytes('caseEvents')),
  heapGrowthBytes: heapAfter - heapBefore,
  status: { received: r.current.received, refused: r.current.refused.length, pending: r.current.pending ?? 0 },
};
console.log(JSON.stringify(result));
await r.stop();
await couch.close();
process.exit(0);
