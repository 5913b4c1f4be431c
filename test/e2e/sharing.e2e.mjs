// Sharing on CouchDB (issue 20), in Chromium with the demo build.
// - Sharing off: no page of the extension and not its background sends a single request off the browser.
// - Two browser profiles as two clerks of the office, replicating through a CouchDB-compatible server that
//   this test starts itself (test/tools/couch-server.mjs: express-pouchdb in memory, 127.0.0.1): each sees
//   the other's events on the same and on different cases; one records while the server is down and nothing
//   is lost or doubled when it is back; a forged document put on the server is refused, listed, never written.
// Every wait is on a condition (harness eventually), never a fixed sleep; the time limits are generous
// so a loaded 2-core machine passes.
import fs from 'node:fs';
import { assert, assertEqual, eventually, launchWithExtension, screenshot } from './harness.mjs';
import { setupAward, startCouch } from '../tools/couch-server.mjs';

export const standalone = true;

const LONG = { timeout: Number(process.env.SHARING_WAIT_MS ?? 120_000), interval: 200 };
const chinaDay = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
const json = (data, name) => ({ name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(data)) });

/** What this profile's extension stores hold: case ids and each case's event types in log order. */
function readStores(page) {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('award-pilot');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['cases', 'caseEvents']);
          const out = { cases: [], events: {} };
          tx.objectStore('cases').getAll().onsuccess = (e) => (out.cases = e.target.result.map((c) => c.id).sort());
          tx.objectStore('caseEvents').getAll().onsuccess = (e) => {
            for (const r of e.target.result.sort((a, b) => a.seq - b.seq)) (out.events[r.caseId] ??= []).push(r.event.type);
          };
          tx.oncomplete = () => {
            db.close();
            resolve(out);
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

const seed = {
  format: 'lyg-award/cases@1',
  exportedAt: '2026-11-26T00:00:00.000Z',
  cases: ['case-share-1', 'case-share-2'].map((id, i) => ({
    header: { id, year: 2026, kind: 'organization', applicantName: `连云港共享测试有限公司${i + 1}`, creditCode: null, recommender: '海州区人民政府' },
    events: [
      { event: { type: 'apply', on: '2026-03-02', kind: 'organization' }, recordedBy: 'seed' },
      { event: { type: 'recommend', on: '2026-04-01', by: '海州区人民政府' }, recordedBy: 'seed' },
    ],
  })),
};

async function connect(clerk, couch, who) {
  const options = await clerk.context.newPage();
  const problems = [];
  options.on('pageerror', (e) => problems.push(String(e)));
  options.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  await options.goto(clerk.extUrl('options.html'));
  await options.getByTestId('sharing-url').fill(couch.url);
  await options.getByTestId('sharing-user').fill(who.name);
  await options.getByTestId('sharing-password').fill(who.password);
  await options.getByTestId('sharing-connect').click();
  await eventually(async () => ((await options.getByTestId('sharing-message').textContent().catch(() => '')) ?? '').includes('已保存'), { ...LONG, message: `${who.name}'s settings saved` });
  // the staff console replicates (the options page only configures)
  const dashboard = await clerk.context.newPage();
  await dashboard.goto(clerk.extUrl('dashboard.html'));
  await dashboard.getByTestId('summary-strip').waitFor({ timeout: 60_000 });
  const state = async () => {
    const s = await options.getByTestId('sharing-status').getAttribute('data-state');
    return ['idle', 'active'].includes(s) || `${s}: ${await options.getByTestId('sharing-message').textContent().catch(() => '')} ${problems.join(' | ')}`;
  };
  await eventually(async () => (await state()) === true, { ...LONG, message: `${who.name} connected (${await state().catch(() => '')})` });
  return { options, dashboard };
}

/** Records an event through the staff page's own form (after a reload, so the list holds what arrived). */
async function record(page, caseId, type, staff) {
  await page.reload();
  const row = page.locator(`[data-testid="case-row"][data-case-id="${caseId}"]`);
  await row.waitFor({ timeout: 60_000 });
  await row.click();
  await page.locator(`[data-testid="case-view"][data-case-id="${caseId}"]`).waitFor({ timeout: 60_000 });
  await page.selectOption('[data-testid="record-type"]', type);
  await page.fill('[data-testid="record-on"]', chinaDay());
  await page.fill('[data-testid="record-by-staff"]', staff);
  await page.click('[data-testid="record-submit"]');
  await eventually(async () => (await readStores(page)).events[caseId]?.at(-1) === type, { ...LONG, message: `${type} on ${caseId} recorded` });
}

const eventDocs = async (award) => (await award.call('GET', '/award-office/_all_docs?include_docs=true')).rows.map((r) => r.doc).filter((d) => d.kind === 'event');

export const tests = [
  {
    name: 'sharing off: no extension page and not the background sends any request off the browser',
    async run({ portal }) {
      const env = await launchWithExtension();
      const requests = [];
      const offBrowser = (url) => !url.startsWith(`chrome-extension://${env.extId}/`) && !/^(data|blob):/.test(url);
      env.context.on('request', (r) => offBrowser(r.url()) && requests.push(r.url()));
      try {
        const pages = {};
        for (const name of ['options', 'dashboard', 'experts', 'sidepanel', 'help']) {
          pages[name] = await env.context.newPage();
          await pages[name].goto(env.extUrl(`${name}.html`));
          await eventually(() => pages[name].evaluate(() => (document.getElementById('app')?.childElementCount ?? 0) > 0), { ...LONG, message: `${name} rendered` });
        }
        await eventually(async () => (await pages.options.getByTestId('sharing-status').getAttribute('data-state')) === 'off', { ...LONG, message: 'options says sharing is off' });
        // work that writes records (what would be replicated if sharing were on): a case import
        await pages.dashboard.click('[data-testid="import-open"]');
        await pages.dashboard.setInputFiles('[data-testid="import-file"]', json(seed, 'seed.json'));
        await pages.dashboard.locator('[data-testid="import-preview"]').waitFor({ timeout: 60_000 });
        await pages.dashboard.click('[data-testid="import-confirm"]');
        await eventually(async () => (await readStores(pages.dashboard)).cases.length === 2, { ...LONG, message: 'cases imported' });
        await pages.dashboard.reload();
        await pages.dashboard.getByTestId('summary-strip').waitFor({ timeout: 60_000 });
        await env.sw.evaluate(() => chrome.runtime.getManifest().version);
        assertEqual(requests.length, 0, `requests with sharing off: ${requests.join(', ')}`);
        // the recorder does see extension pages' and the background's requests (else the check above proves nothing)
        await pages.options.evaluate((u) => fetch(`${u}/from-a-page`).catch(() => null), portal.url);
        await env.sw.evaluate((u) => fetch(`${u}/from-the-background`).catch(() => null), portal.url);
        await eventually(() => requests.some((u) => u.endsWith('/from-a-page')) && requests.some((u) => u.endsWith('/from-the-background')), { ...LONG, message: `control requests recorded: ${requests.join(', ')}` });
      } finally {
        await env.context.close();
        fs.rmSync(env.userDataDir, { recursive: true, force: true });
      }
    },
  },
  {
    name: 'two clerks share cases and events; one records while the server is down; a forged document is refused',
    async run() {
      const couch = await startCouch();
      const wang = { name: '王科员', password: 'pw-wang-1' };
      const li = { name: '李科员', password: 'pw-li-2' };
      const award = await setupAward(couch, { clerks: [wang, li] });
      const a = await launchWithExtension();
      const b = await launchWithExtension();
      try {
        const A = await connect(a, couch, wang);
        const B = await connect(b, couch, li);

        // A imports two cases; B receives both with their events
        await A.dashboard.click('[data-testid="import-open"]');
        await A.dashboard.setInputFiles('[data-testid="import-file"]', json(seed, 'seed.json'));
        await A.dashboard.locator('[data-testid="import-preview"]').waitFor({ timeout: 60_000 });
        await A.dashboard.click('[data-testid="import-confirm"]');
        const seeded = { 'case-share-1': ['apply', 'recommend'], 'case-share-2': ['apply', 'recommend'] };
        await eventually(async () => JSON.stringify((await readStores(B.dashboard)).events) === JSON.stringify(seeded), { ...LONG, message: 'B has the cases A imported' }).catch(async (e) => {
          const all = (await award.call('GET', '/award-office/_all_docs')).rows.map((r) => r.id);
          throw new Error(`${e.message}; server: ${all.join(', ')}; A: ${JSON.stringify(await readStores(A.dashboard))} ${await A.options.getByTestId('sharing-status').textContent()}; B: ${JSON.stringify(await readStores(B.dashboard))} ${await B.options.getByTestId('sharing-status').textContent()}`);
        });

        // the same case and different cases, from both sides
        await record(A.dashboard, 'case-share-1', 'accept', wang.name);
        await record(B.dashboard, 'case-share-2', 'accept', li.name);
        await eventually(async () => (await readStores(B.dashboard)).events['case-share-1']?.length === 3, { ...LONG, message: "B sees A's accept" });
        await record(B.dashboard, 'case-share-1', 'pass-material-review', li.name);
        const both = { 'case-share-1': ['apply', 'recommend', 'accept', 'pass-material-review'], 'case-share-2': ['apply', 'recommend', 'accept'] };
        for (const [who, page] of [['A', A.dashboard], ['B', B.dashboard]]) {
          await eventually(async () => JSON.stringify((await readStores(page)).events) === JSON.stringify(both), { ...LONG, message: `${who} sees every event once` });
        }
        await eventually(async () => (await eventDocs(award)).length === 7, { ...LONG, message: '7 event documents on the server' });

        // the server goes away; A records; it comes back: sent once, received once
        await couch.close();
        await eventually(async () => (await A.options.getByTestId('sharing-status').getAttribute('data-state')) === 'offline', { ...LONG, message: 'A says it is offline' });
        await record(A.dashboard, 'case-share-2', 'pass-material-review', wang.name);
        await screenshot(A.options, 'sharing-offline');
        await couch.restart();
        const after = { ...both, 'case-share-2': ['apply', 'recommend', 'accept', 'pass-material-review'] };
        for (const [who, page] of [['A', A.dashboard], ['B', B.dashboard]]) {
          await eventually(async () => JSON.stringify((await readStores(page)).events) === JSON.stringify(after), { ...LONG, message: `${who} has every event once after the outage` });
        }
        await eventually(async () => (await eventDocs(award)).length === 8, { ...LONG, message: '8 event documents on the server, none doubled' });
        const ids = (await eventDocs(award)).map((d) => d._id);
        assertEqual(new Set(ids).size, ids.length, 'no event id twice on the server');

        // forged: an existing event's id with other content, and a case the award's rules refuse
        const real = (await eventDocs(award)).find((d) => d.record.caseId === 'case-share-1' && d.record.event.type === 'accept');
        const forgedEvent = { _id: real._id.replace('case-share-1', 'case-forged'), kind: 'event', record: { ...real.record, caseId: 'case-forged', event: { type: 'government-approve', on: '2026-05-01' } } };
        await award.call('PUT', `/award-office/${encodeURIComponent(forgedEvent._id)}`, forgedEvent);
        await award.call('PUT', '/award-office/case:case-forged', { kind: 'case', record: { id: 'case-forged', year: 1999, kind: 'organization', applicantName: 'X', createdAt: '2026-05-01T00:00:00.000Z' } });
        for (const [who, options] of [['A', A.options], ['B', B.options]]) {
          const list = options.getByTestId('sharing-refused');
          await eventually(async () => (await list.count()) > 0 && (await list.textContent()).includes('case:case-forged') && (await list.textContent()).includes(forgedEvent._id), { ...LONG, message: `${who} lists both forged documents` });
        }
        await screenshot(A.options, 'sharing-refused');
        for (const page of [A.dashboard, B.dashboard]) {
          const stores = await readStores(page);
          assert(!stores.cases.includes('case-forged') && !stores.events['case-forged'], 'a forged document is never written');
          assertEqual(JSON.stringify(stores.events), JSON.stringify(after), 'the logs are unchanged');
        }
      } finally {
        for (const env of [a, b]) {
          await env.context.close().catch(() => undefined);
          fs.rmSync(env.userDataDir, { recursive: true, force: true });
        }
        await couch.close();
      }
    },
  },
];
