// Section (opt-in, `npm run bench -- --only=sharing-browser --years=N`): N generated award years replicated
// from the test CouchDB-compatible server into a fresh Chromium profile with the real extension (demo build),
// the staff console connected as a clerk (test/bench/sharing-browser.ts does the work in a child process:
// tsx runs the TypeScript generator shared with the Node bench). Each run's result is kept in
// test/artifacts/sharing-browser.jsonl (untracked), and the table shows the latest run for each N.
// Not part of `npm test`, and not of a plain `npm run bench` (a year takes about ten minutes here).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const TITLE = 'Issue 20 in Chromium: award years replicated into a fresh browser profile';
const mb = (b) => (b / 1e6).toFixed(1);

export const yearsArg = (args) => Number(args.find((a) => a.startsWith('--years='))?.slice(8) ?? 1);

function runChild(root, years, extDir) {
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['tsx', 'test/bench/sharing-browser.ts', `--years=${years}`, ...(extDir ? [`--ext=${extDir}`] : [])], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const last = out.trim().split('\n').at(-1) ?? '';
      try {
        if (code !== 0) throw new Error(`exit ${code}`);
        resolve(JSON.parse(last));
      } catch (e) {
        reject(new Error(`sharing-browser.ts: ${e.message}; ${last.slice(0, 300)}`));
      }
    });
  });
}

export async function sharingBrowserSection({ root, demoExtDir, args = [] }) {
  const years = yearsArg(args);
  const result = await runChild(root, years, demoExtDir);
  const file = path.join(root, 'test/artifacts/sharing-browser.jsonl');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.appendFileSync(file, JSON.stringify({ at: new Date().toISOString(), ...result }) + '\n');
  const latest = new Map();
  for (const line of fs.readFileSync(file, 'utf8').split('\n').filter(Boolean)) {
    const r = JSON.parse(line);
    latest.set(r.years, r);
  }
  const rows = [...latest.values()].sort((a, b) => a.years - b.years).map((r) => [
    String(r.years),
    r.cases.toLocaleString('en'),
    r.events.toLocaleString('en'),
    r.documents.toLocaleString('en'),
    `${Math.round(r.replicateMs / 1000).toLocaleString('en')} s`,
    String(r.docsPerSecond),
    `${(r.firstCaseMs / 1000).toFixed(1)} s`,
    mb(r.serverJsonBytes),
    `${mb(r.storageUsageBytes)}${r.storageDetails?.indexedDB ? ` (IndexedDB ${mb(r.storageDetails.indexedDB)})` : ''}`,
    r.staffLoads.map((l) => l.firstPaint).join(' / '),
    r.load.join(' '),
  ]);
  return {
    id: 'sharing-browser', title: TITLE, status: 'measured',
    tables: [{ caption: 'Fresh Chromium profile, clerk, test server in memory (latest run per N)', head: ['years', 'cases', 'events', 'documents', 'until in sync and all in IndexedDB', 'docs/s', 'first case stored', 'server JSON MB', 'storage.estimate() usage MB', 'staff first rows painted ms (2 loads)', 'load avg at end'], align: ['r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'l'], rows }],
    notes: [
      'What runs: test/bench/sharing-browser.ts. The documents are those of the Node bench (test/bench/sharing-docs.ts: 2,000 cases a year, ~20 events each), put on the test CouchDB-compatible server (express-pouchdb in fullCouchDB mode, data in memory, in the bench process, 127.0.0.1 — Apache CouchDB is not installable here: no Debian package, no npm package). A fresh Chromium profile with the demo build is connected as a clerk the way the sharing e2e does (options page, 保存并连接; the staff console replicates with PouchDB\'s IndexedDB adapter).',
      'The time runs from the click on 保存并连接 until the status says 已同步 (idle) and a count of the extension\'s IndexedDB stores (cases, caseEvents) holds every case and event (polled every 2 s). storage.estimate() is the extension origin\'s usage afterwards: the extension\'s stores plus PouchDB\'s replica (both IndexedDB) plus the service worker. First rows: a fresh staff tab after one uncounted warm-up load, ms from navigation start to the first frame after the first case row.',
      'Screenshots (400 px wide, dark) of the options page\'s and the staff console\'s sharing status during (≥ 30 % of events stored) and after: test/artifacts/screenshots/sharing-browser-*.png.',
    ],
    metrics: { result },
  };
}
