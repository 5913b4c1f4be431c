// The sharing bench in a real browser (issue 20, Deliver 6): N generated award years (sharing-docs.ts, the
// same documents as the Node bench sharing-years.ts) are put on the test CouchDB-compatible server
// (test/tools/couch-server.mjs: express-pouchdb, data in memory, in this process, 127.0.0.1); then a fresh
// Chromium profile with the built extension (demo build) is connected as a clerk the way the sharing e2e
// does it (options page: address, user, password, 保存并连接; the staff console replicates), and we wait
// until the status says idle with everything received and the extension's IndexedDB holds every case and
// event. Then: navigator.storage.estimate() of the extension origin, and the staff page's first rows with
// that data. Prints one JSON line (last line of stdout). Screenshots (400 px wide, dark) of the sharing
// status during and after go to test/artifacts/screenshots/.
// Run: `npx tsx test/bench/sharing-browser.ts --years=1 [--ext=.output/chrome-mv3-demo]`, or through
// `npm run bench -- --only=sharing-browser --years=1` (test/bench/sections/sharing-browser.mjs). Not in npm test.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { officeDocs } from './sharing-docs.ts';
// @ts-expect-error plain .mjs test tools
import { setupAward, startCouch } from '../tools/couch-server.mjs';
// @ts-expect-error plain .mjs test tools
import { launchWithExtension, SCREENSHOTS } from '../e2e/harness.mjs';
// @ts-expect-error plain .mjs bench tools
import { OBSERVE_ROWS } from './sections/staff.mjs';

type Page = import('playwright-core').Page;
const argOf = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=').slice(1).join('=');
const yearsWanted = Number(argOf('years') ?? 1);
const perYear = Number(argOf('per-year') ?? 2000);
const extPath = argOf('ext');
const DB = 'award-pilot';
const log = (s: string) => console.error(`[sharing-browser ${new Date().toISOString().slice(11, 19)}] ${s}`);

const t0 = performance.now();
const { docs, events, refused, cases } = officeDocs(yearsWanted, perYear);
const generateMs = performance.now() - t0;
const serverJsonBytes = docs.reduce((n, d) => n + Buffer.byteLength(JSON.stringify(d)), 0);
log(`${cases} cases, ${events} events generated in ${Math.round(generateMs)} ms`);

const couch = await startCouch();
const clerk = { name: 'bench-clerk', password: 'pw-bench' };
const office = await setupAward(couch, { clerks: [clerk] });
const t1 = performance.now();
for (let i = 0; i < docs.length; i += 5000) await office.call('POST', '/award-office/_bulk_docs', { docs: docs.slice(i, i + 5000) });
const uploadMs = performance.now() - t1;
const total = cases + events;
log(`uploaded in ${Math.round(uploadMs)} ms`);

const countStores = (page: Page) =>
  page.evaluate(
    (dbName) =>
      new Promise<{ cases: number; events: number }>((resolve) => {
        const open = indexedDB.open(dbName);
        open.onerror = () => resolve({ cases: -1, events: -1 });
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('caseEvents')) return db.close(), resolve({ cases: 0, events: 0 });
          const tx = db.transaction(['cases', 'caseEvents']);
          const out = { cases: 0, events: 0 };
          tx.objectStore('cases').count().onsuccess = (e) => (out.cases = (e.target as IDBRequest<number>).result);
          tx.objectStore('caseEvents').count().onsuccess = (e) => (out.events = (e.target as IDBRequest<number>).result);
          tx.oncomplete = () => (db.close(), resolve(out));
          tx.onerror = () => (db.close(), resolve({ cases: -1, events: -1 }));
        };
      }),
    DB,
  );
const statusOf = async (options: Page) => ({
  state: await options.getByTestId('sharing-status').getAttribute('data-state'),
  text: ((await options.getByTestId('sharing-status').textContent()) ?? '').replace(/\s+/g, ' ').trim(),
});

const env = await launchWithExtension(extPath ? { extPath: path.resolve(extPath) } : {});
const samples: Array<{ s: number; cases: number; events: number; state: string | null }> = [];
let result: Record<string, unknown> = {};
try {
  const options = await env.context.newPage();
  await options.goto(env.extUrl('options.html'));
  await options.getByTestId('sharing-url').fill(couch.url);
  await options.getByTestId('sharing-user').fill(clerk.name);
  await options.getByTestId('sharing-password').fill(clerk.password);
  const tConnect = performance.now();
  await options.getByTestId('sharing-connect').click();
  const dashboard = await env.context.newPage();
  await dashboard.goto(env.extUrl('dashboard.html'));
  // the screenshots: a second view of the same pages at 400 px, dark
  const shot = async (name: string) => {
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    for (const [label, page] of [['options', options], ['staff', dashboard]] as const) {
      const size = page.viewportSize();
      await page.setViewportSize({ width: 400, height: 860 });
      await page.emulateMedia({ colorScheme: 'dark' });
      if (label === 'options') await page.getByTestId('sharing-status').scrollIntoViewIfNeeded().catch(() => undefined);
      await page.screenshot({ path: path.join(SCREENSHOTS, `sharing-browser-${name}-${label}.png`) }).catch(() => undefined);
      await page.emulateMedia({ colorScheme: null });
      if (size) await page.setViewportSize(size);
    }
  };
  let firstCaseMs: number | null = null;
  let duringShot = false;
  let doneMs = 0;
  let lastStatus = await statusOf(options);
  for (;;) {
    const n = await countStores(options);
    lastStatus = await statusOf(options);
    const s = (performance.now() - tConnect) / 1000;
    samples.push({ s: Math.round(s), ...n, state: lastStatus.state });
    if (firstCaseMs === null && n.cases > 0) firstCaseMs = s * 1000;
    if (!duringShot && n.events > events * 0.3) {
      duringShot = true;
      await shot('during');
    }
    if (samples.length % 15 === 1) log(`${Math.round(s)} s: ${n.cases} cases, ${n.events} events · ${lastStatus.state}: ${lastStatus.text}`);
    if (n.cases >= cases && n.events >= events && lastStatus.state === 'idle') {
      doneMs = performance.now() - tConnect;
      break;
    }
    if (s > Number(argOf('limit-s') ?? 7200)) throw new Error(`not done after ${Math.round(s)} s: ${JSON.stringify(n)} ${lastStatus.text}`);
    await new Promise((r) => setTimeout(r, 2000));
  }
  log(`replicated in ${Math.round(doneMs / 1000)} s`);
  await shot('after');
  const estimate = await options.evaluate(async () => {
    const e = (await navigator.storage.estimate()) as StorageEstimate & { usageDetails?: Record<string, number> };
    return { usage: e.usage ?? 0, quota: e.quota ?? 0, details: e.usageDetails ?? null };
  });
  // the staff page's first rows with this data: a fresh tab, after one uncounted warm-up load
  await env.context.addInitScript(OBSERVE_ROWS);
  const loads: Array<{ firstRow: number; firstPaint: number }> = [];
  for (let i = -1; i < 2; i++) {
    const page = await env.context.newPage();
    await page.goto(env.extUrl('dashboard.html'), { waitUntil: 'commit' });
    await page.waitForFunction(() => (window as unknown as { __bench?: { firstPaint: number | null } }).__bench?.firstPaint != null, null, { timeout: 600_000, polling: 200 });
    const b = await page.evaluate(() => (window as unknown as { __bench: { firstRow: number; firstPaint: number } }).__bench);
    if (i >= 0) loads.push({ firstRow: Math.round(b.firstRow), firstPaint: Math.round(b.firstPaint) });
    await page.close();
  }
  result = {
    years: yearsWanted,
    cases,
    events,
    documents: total,
    refusedByJudge: refused,
    generateMs: Math.round(generateMs),
    uploadMs: Math.round(uploadMs),
    firstCaseMs: Math.round(firstCaseMs ?? 0),
    replicateMs: Math.round(doneMs),
    docsPerSecond: Math.round(total / (doneMs / 1000)),
    serverJsonBytes,
    storageUsageBytes: estimate.usage,
    storageQuotaBytes: estimate.quota,
    storageDetails: estimate.details,
    status: lastStatus.text,
    staffLoads: loads,
    load: os.loadavg().map((x) => +x.toFixed(2)),
    samples: samples.filter((_, i) => i % 10 === 0),
  };
} finally {
  await env.context.close().catch(() => undefined);
  fs.rmSync(env.userDataDir, { recursive: true, force: true });
  await couch.close();
}
console.log(JSON.stringify(result));
process.exit(0);
