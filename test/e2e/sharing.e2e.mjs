// Sharing on CouchDB (issue 20), in Chromium with the demo build.
// - Sharing off: no page of the extension and not its background sends a single request off the browser.
// - Two browser profiles as two clerks of the office, replicating through a CouchDB-compatible server that
//   this test starts itself (test/tools/couch-server.mjs: express-pouchdb in memory, 127.0.0.1): each sees
//   the other's events on the same and on different cases; one records while the server is down and nothing
//   is lost or doubled when it is back; a forged document put on the server is refused, listed, never written.
// Every wait is on a condition (harness eventually), never a fixed sleep; the time limits are generous
// so a loaded 2-core machine passes.
import fs from 'node:fs';
import { assert, assertEqual, eventually, launchWithExtension, screenshot, readExtensionSetting } from './harness.mjs';
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

async function connect(clerk, couch, who, page = 'dashboard.html') {
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
  await dashboard.goto(clerk.extUrl(page));
  await eventually(() => dashboard.evaluate(() => (document.getElementById('app')?.childElementCount ?? 0) > 0), { ...LONG, message: `${page} rendered` });
  const state = async () => {
    const s = await options.getByTestId('sharing-status').getAttribute('data-state');
    return ['idle', 'active'].includes(s) || `${s}: ${await options.getByTestId('sharing-message').textContent().catch(() => '')} ${problems.join(' | ')}`;
  };
  await eventually(async () => (await state()) === true, { ...LONG, message: `${who.name} connected (${await state().catch(() => '')})` });
  return { options, dashboard };
}

/** Records an event through the staff page's own form (after a reload, so the list holds what arrived). */
async function record(page, caseId, type, staff, by = null) {
  await page.reload();
  const row = page.locator(`[data-testid="case-row"][data-case-id="${caseId}"]`);
  await row.waitFor({ timeout: 60_000 });
  await row.click();
  await page.locator(`[data-testid="case-view"][data-case-id="${caseId}"]`).waitFor({ timeout: 60_000 });
  await page.selectOption('[data-testid="record-type"]', type);
  await page.fill('[data-testid="record-on"]', chinaDay());
  if (by !== null) await page.fill('[data-testid="record-by"]', by);
  await page.fill('[data-testid="record-by-staff"]', staff);
  await page.click('[data-testid="record-submit"]');
  await eventually(async () => (await readStores(page)).events[caseId]?.at(-1) === type, { ...LONG, message: `${type} on ${caseId} recorded` });
}

/** One settings record of this profile's extension (scorebooks live there, under experts/scorebook/<id>). */
const readSetting = readExtensionSetting;

/** What a request from this extension page with the given user's password gets from the server. */
const statusFor = (page, url, who) =>
  page.evaluate(async ([u, name, password]) => (await fetch(u, { headers: { authorization: 'Basic ' + btoa(String.fromCharCode(...new TextEncoder().encode(`${name}:${password}`))) } })).status, [url, who.name, who.password]);

const casesFile = (cases) => ({
  format: 'lyg-award/cases@1',
  exportedAt: '2026-11-26T00:00:00.000Z',
  cases: cases.map(({ id, name, recommender }) => ({
    header: { id, year: 2026, kind: 'organization', applicantName: name, creditCode: null, recommender },
    events: [
      { event: { type: 'apply', on: '2026-03-02', kind: 'organization' }, recordedBy: 'seed' },
      { event: { type: 'recommend', on: '2026-04-01', by: recommender }, recordedBy: 'seed' },
    ],
  })),
});

async function importCases(page, file, count) {
  await page.click('[data-testid="import-open"]');
  await page.setInputFiles('[data-testid="import-file"]', json(file, 'cases.json'));
  await page.locator('[data-testid="import-preview"]').waitFor({ timeout: 60_000 });
  await page.click('[data-testid="import-confirm"]');
  await eventually(async () => (await readStores(page)).cases.length === count, { ...LONG, message: `${count} cases imported` });
}

const scorebook = (expert, caseId) => ({
  id: `book-${expert}-${caseId}`,
  version: 1,
  subject: { caseId, year: 2026, kind: 'organization', applicantName: '连云港角色测试有限公司', creditCode: null, packageSha256: null },
  expert: { id: expert, name: expert, affiliation: '' },
  events: [{ id: `declare-${expert}-${caseId}`, expert, at: '2026-09-01T08:00:00.000Z', type: 'declare', declaration: { conflict: false, relations: [], statement: '' } }],
});

const eventDocs = async (award) => (await award.call('GET', '/award-office/_all_docs?include_docs=true')).rows.map((r) => r.doc).filter((d) => d.kind === 'event');

const allTests = [
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
  {
    name: "roles on the server: an expert's profile gets only the application assigned to them and cannot read another expert's scorebook; a recommender sees only their applicants",
    async run() {
      const couch = await startCouch();
      const wang = { name: '王科员', password: 'pw-wang-1' };
      const expertA = { name: 'expert-a', password: 'pw-expert-a' };
      const expertB = { name: 'expert-b', password: 'pw-expert-b' };
      const haizhou = { name: '海州区人民政府', password: 'pw-hz' };
      const guanyun = { name: '灌云县人民政府', password: 'pw-gy' };
      const award = await setupAward(couch, { clerks: [wang], experts: [expertA, expertB], recommenders: [haizhou, guanyun] });
      // the office's expert group for case-r1 and two scorebooks, as a clerk's expert panel puts them on the office database
      await award.call('PUT', '/award-office/assignment:case-r1', { kind: 'assignment', record: { id: 'case-r1', version: 1, field: '', experts: [{ id: 'expert-a', name: 'expert-a', affiliation: '' }], issued: [] } });
      for (const [expert, caseId] of [['expert-a', 'case-r1'], ['expert-b', 'case-r2']]) {
        const record = scorebook(expert, caseId);
        await award.call('PUT', `/award-office/scorebook:${record.id}`, { kind: 'scorebook', record });
      }
      const envs = [];
      try {
        const clerk = await launchWithExtension();
        envs.push(clerk);
        const C = await connect(clerk, couch, wang);
        await importCases(C.dashboard, casesFile([{ id: 'case-r1', name: '连云港海州角色测试有限公司', recommender: haizhou.name }, { id: 'case-r2', name: '灌云角色测试有限公司', recommender: guanyun.name }]), 2);
        // the clerk's browser fills each person's database with what they may read
        const ids = async (db) => (await award.call('GET', `/${db}/_all_docs`)).rows.map((r) => r.id).sort();
        await eventually(async () => JSON.stringify(await ids(award.expertDb('expert-a'))) === JSON.stringify(['assignment:case-r1', 'case:case-r1', 'scorebook:book-expert-a-case-r1']), { ...LONG, message: "expert A's database holds the assigned case, its group and A's scorebook" });
        await eventually(async () => (await ids(award.recommenderDb(haizhou.name))).filter((id) => !id.startsWith('_')).length === 3, { ...LONG, message: "海州's database holds its case and two events" });

        // an expert's own profile
        const ea = await launchWithExtension();
        envs.push(ea);
        const A = await connect(ea, couch, expertA, 'experts.html');
        await eventually(async () => JSON.stringify((await readStores(A.dashboard)).cases) === JSON.stringify(['case-r1']), { ...LONG, message: "expert A's profile has the assigned case" });
        await eventually(async () => (await readSetting(A.dashboard, 'experts/scorebook/book-expert-a-case-r1'))?.id === 'book-expert-a-case-r1', { ...LONG, message: "expert A's profile has A's scorebook" });
        assertEqual(await readSetting(A.dashboard, 'experts/scorebook/book-expert-b-case-r2'), null, "B's scorebook never reaches A");
        assertEqual(JSON.stringify((await readStores(A.dashboard)).cases), JSON.stringify(['case-r1']), 'no unassigned case reaches A');
        // A's profile asks the server for B's scorebook and B's database, and for the office's: refused
        for (const path of [`/${award.expertDb('expert-b')}/scorebook%3Abook-expert-b-case-r2`, `/${award.expertDb('expert-b')}/_all_docs`, '/award-office/_all_docs']) {
          assertEqual(await statusFor(A.options, couch.url + path, expertA), 401, `expert A reading ${path}`);
        }
        assertEqual(await statusFor(A.options, `${couch.url}/${award.expertDb('expert-a')}/_all_docs`, expertA), 200, 'A reads its own database (the check above is not a broken request)');

        // a recommender's own profile
        const rh = await launchWithExtension();
        envs.push(rh);
        const R = await connect(rh, couch, haizhou);
        await eventually(async () => JSON.stringify(await readStores(R.dashboard)) === JSON.stringify({ cases: ['case-r1'], events: { 'case-r1': ['apply', 'recommend'] } }), { ...LONG, message: "海州's profile has its applicant's case and events, nothing else" });
        for (const path of [`/${award.recommenderDb(guanyun.name)}/_all_docs`, '/award-office/_all_docs', `/${award.expertDb('expert-a')}/_all_docs`]) {
          assertEqual(await statusFor(R.options, couch.url + path, haizhou), 401, `海州 reading ${path}`);
        }
        await screenshot(A.options, 'sharing-expert');
      } finally {
        for (const env of envs) {
          await env.context.close().catch(() => undefined);
          fs.rmSync(env.userDataDir, { recursive: true, force: true });
        }
        await couch.close();
      }
    },
  },
  {
    name: "an applicant's side panel sends the one draft they ticked; the clerk's profile receives it; an unticked draft never reaches the server",
    async run() {
      const couch = await startCouch();
      const wang = { name: '王科员', password: 'pw-wang-1' };
      const applicant = { name: '连云港申报端到端有限公司', password: 'pw-applicant-e2e' };
      const award = await setupAward(couch, { clerks: [wang], applicants: [applicant] });
      const envs = [];
      const ids = async (db) => (await award.call('GET', `/${db}/_all_docs`)).rows.map((r) => r.id).filter((id) => !id.startsWith('_')).sort();
      try {
        // the applicant's profile: two drafts in its own store (as the side panel saves them)
        const ap = await launchWithExtension();
        envs.push(ap);
        const first = await ap.context.newPage();
        await first.goto(ap.extUrl('options.html'));
        // the options page opens the database on demand: wait until it exists, so this open never creates an empty one
        await first.waitForFunction(async () => (await indexedDB.databases()).some((d) => d.name === 'award-pilot'), null, { polling: 50, timeout: 60_000 });
        await first.evaluate(
          (drafts) =>
            new Promise((resolve, reject) => {
              const open = indexedDB.open('award-pilot');
              open.onerror = () => reject(open.error);
              open.onsuccess = () => {
                const tx = open.result.transaction('drafts', 'readwrite');
                for (const d of drafts) tx.objectStore('drafts').put(d);
                tx.oncomplete = () => (open.result.close(), resolve(null));
                tx.onerror = () => reject(tx.error);
              };
            }),
          ['draft-e2e-shared', 'draft-e2e-kept'].map((id, i) => ({ id, application: { applicant: { name: i === 0 ? applicant.name : '只留本机有限公司' } }, updatedAt: '2026-12-01T08:00:00.000Z' })),
        );
        await first.close();
        // the side panel replicates for the applicant (no staff page in this profile)
        const A = await connect(ap, couch, applicant, 'sidepanel.html');
        await A.options.reload();
        const box = A.options.getByTestId('share-draft-draft-e2e-shared');
        await box.waitFor({ timeout: 60_000 });
        await box.check();
        await eventually(async () => JSON.stringify(await ids(award.applicantDb(applicant.name))) === JSON.stringify(['draft:draft-e2e-shared']), { ...LONG, message: "the ticked draft is in the applicant's database" });

        // the clerk's profile: the office has a case naming the applicant, so the clerk's browser takes the draft back
        const ck = await launchWithExtension();
        envs.push(ck);
        const C = await connect(ck, couch, wang);
        await importCases(C.dashboard, casesFile([{ id: 'case-ap-e2e', name: applicant.name, recommender: '海州区人民政府' }]), 1);
        await eventually(async () => (await ids('award-office')).includes('draft:draft-e2e-shared'), { ...LONG, message: 'the draft reached the office database' });
        await eventually(
          async () => {
            await C.dashboard.reload();
            await C.dashboard.getByTestId('open-shared-drafts').click({ timeout: 60_000 });
            await C.dashboard.getByTestId('shared-drafts').waitFor({ timeout: 60_000 });
            return (await C.dashboard.getByTestId('shared-draft-item').allTextContents()).some((t) => t.includes(applicant.name));
          },
          { ...LONG, message: "the clerk's shared-drafts dialog lists the applicant's draft" },
        );
        await C.dashboard.getByTestId('shared-draft-item').first().click();
        assert(((await C.dashboard.getByTestId('shared-draft-by').textContent()) ?? '').includes(applicant.name), 'the dialog says who shared it');
        // the unticked draft is in no database on the server
        for (const db of await award.call('GET', '/_all_dbs')) {
          if (db.startsWith('_')) continue;
          assert(!(await ids(db)).includes('draft:draft-e2e-kept'), `the unticked draft is not in ${db}`);
        }
      } finally {
        for (const env of envs) {
          await env.context.close().catch(() => undefined);
          fs.rmSync(env.userDataDir, { recursive: true, force: true });
        }
        await couch.close();
      }
    },
  },
  {
    name: "recommender take-back: a recommender's profile records the recommendation on its applicant's case and the clerk's console shows it; forged documents in the recommender's database are refused, listed, never written",
    async run() {
      const couch = await startCouch();
      const wang = { name: '王科员', password: 'pw-wang-1' };
      const haizhou = { name: '海州区人民政府', password: 'pw-hz' };
      const guanyun = { name: '灌云县人民政府', password: 'pw-gy' };
      const award = await setupAward(couch, { clerks: [wang], recommenders: [haizhou, guanyun] });
      const hzDb = award.recommenderDb(haizhou.name);
      const docsOf = async (db) => (await award.call('GET', `/${db}/_all_docs?include_docs=true`)).rows.map((r) => r.doc).filter((d) => !d._id.startsWith('_'));
      const envs = [];
      try {
        // the office: two applications made, not yet recommended, one per recommender
        const ck = await launchWithExtension();
        envs.push(ck);
        const C = await connect(ck, couch, wang);
        const applied = (id, name, recommender) => ({ header: { id, year: 2026, kind: 'organization', applicantName: name, creditCode: null, recommender }, events: [{ event: { type: 'apply', on: '2026-03-02', kind: 'organization' }, recordedBy: 'seed' }] });
        await importCases(C.dashboard, { format: 'lyg-award/cases@1', exportedAt: '2026-11-26T00:00:00.000Z', cases: [applied('case-rt-1', '连云港推荐交回测试有限公司', haizhou.name), applied('case-rt-2', '灌云推荐交回测试有限公司', guanyun.name)] }, 2);
        await eventually(async () => (await docsOf(hzDb)).map((d) => d.kind).sort().join() === 'case,event', { ...LONG, message: "海州's database holds its applicant's case and its event" });

        // the recommender's own profile: its staff console records the recommendation on its applicant's case
        const rh = await launchWithExtension();
        envs.push(rh);
        const R = await connect(rh, couch, haizhou);
        await eventually(async () => JSON.stringify(await readStores(R.dashboard)) === JSON.stringify({ cases: ['case-rt-1'], events: { 'case-rt-1': ['apply'] } }), { ...LONG, message: "海州's profile has its applicant's case, nothing else" });
        await record(R.dashboard, 'case-rt-1', 'recommend', '海州区经办人张敏', haizhou.name);
        await eventually(async () => (await docsOf(hzDb)).filter((d) => d.kind === 'event').length === 2, { ...LONG, message: "the recommendation reached 海州's database" });

        // the clerk's profile takes it back into the office and its staff console shows it
        await eventually(async () => JSON.stringify((await readStores(C.dashboard)).events) === JSON.stringify({ 'case-rt-1': ['apply', 'recommend'], 'case-rt-2': ['apply'] }), { ...LONG, message: "the clerk's profile has 海州's recommendation" });
        await eventually(async () => (await eventDocs(award)).filter((d) => d.record.caseId === 'case-rt-1').length === 2, { ...LONG, message: 'the recommendation is in the office database' });
        await C.dashboard.reload();
        await C.dashboard.locator('[data-testid="case-row"][data-case-id="case-rt-1"]').click({ timeout: 60_000 });
        const view = C.dashboard.locator('[data-testid="case-view"][data-case-id="case-rt-1"]');
        const rows = view.locator('[data-testid="history-row"]');
        // what the clerk sees, named in the failure message (one full run's first attempt saw no two rows here)
        // Owed (lead's note, stop 26): right after a reload while replication writes, a click on the row can leave no
        // case view open ("case view open: 0"); a person clicks again, and so does this test, naming what it saw.
        await eventually(async () => {
          if ((await rows.count()) === 2) return true;
          if ((await view.count()) === 0) await C.dashboard.locator('[data-testid="case-row"][data-case-id="case-rt-1"]').click({ timeout: 10_000 }).catch(() => undefined);
          throw new Error(`case view open: ${await view.count()}, rows: ${await rows.count()}, refused rows: ${await view.locator('[data-testid="history-refused"]').count()}`);
        }, { ...LONG, message: "the clerk's console lists two events on case-rt-1" });
        const shown = (await rows.nth(1).textContent()) ?? '';
        assert(shown.includes(haizhou.name) && shown.includes('海州区经办人张敏'), `the clerk's console shows the recommendation, by whom and who recorded it: ${shown}`);

        // forged, straight into 海州's database on the server: a recommendation whose id is not the one its content
        // gives, and a case naming another recommender (海州 may send only its own applicants' cases)
        const real = (await docsOf(hzDb)).find((d) => d.kind === 'event' && d.record.event.type === 'recommend');
        const forgedEvent = { _id: real._id.replace(/:[0-9a-f]{16}$/, ':0000000000000000'), kind: 'event', record: { ...real.record, event: { ...real.record.event, on: '2026-01-01' } } };
        const hzCase = (await docsOf(hzDb)).find((d) => d.kind === 'case');
        const foreignCase = { _id: 'case:case-rt-foreign', kind: 'case', record: { ...hzCase.record, id: 'case-rt-foreign', applicantName: '灌云冒名测试有限公司', recommender: guanyun.name } };
        for (const doc of [forgedEvent, foreignCase]) await award.call('PUT', `/${hzDb}/${encodeURIComponent(doc._id)}`, doc);
        const refused = C.options.getByTestId('sharing-refused');
        await eventually(
          async () => {
            const text = (await refused.count()) > 0 ? ((await refused.textContent()) ?? '') : '';
            return text.includes(forgedEvent._id) && text.includes('编号与内容不符') && text.includes(foreignCase._id) && text.includes(haizhou.name);
          },
          { ...LONG, message: "the clerk's options page lists both forged documents with the reason" },
        );
        await screenshot(C.options, 'sharing-recommender-refused');
        const stores = await readStores(C.dashboard);
        assertEqual(JSON.stringify(stores.cases), JSON.stringify(['case-rt-1', 'case-rt-2']), 'the foreign case is never written');
        assertEqual(JSON.stringify(stores.events), JSON.stringify({ 'case-rt-1': ['apply', 'recommend'], 'case-rt-2': ['apply'] }), 'the forged recommendation is never written');
        const office = (await docsOf('award-office')).map((d) => d._id);
        assert(!office.includes(forgedEvent._id) && !office.includes(foreignCase._id), 'neither forged document reaches the office database');
      } finally {
        for (const env of envs) {
          await env.context.close().catch(() => undefined);
          fs.rmSync(env.userDataDir, { recursive: true, force: true });
        }
        await couch.close();
      }
    },
  },
  {
    name: 'the server is killed in the middle of a transfer of many documents and comes back: both sides equal, nothing lost or doubled',
    async run() {
      const couch = await startCouch();
      const wang = { name: '王科员', password: 'pw-wang-1' };
      const award = await setupAward(couch, { clerks: [wang] });
      const env = await launchWithExtension();
      const N = 150; // 150 cases and 300 events: PouchDB sends them in batches of 100 documents
      try {
        const W = await connect(env, couch, wang);
        // kill the server in the middle of the transfer: the batch of documents is written on the server, and the
        // process dies before its answer leaves (the clerk cannot know what arrived: it must neither lose nor double)
        let killed = null;
        let inTheBatch = 0;
        couch.onRequest = (req, res) => {
          if (killed || req.method !== 'POST' || req.path !== '/award-office/_bulk_docs') return undefined;
          res.end = () => {
            inTheBatch = req.body?.docs?.length ?? 0;
            req.socket.destroy();
            killed ??= couch.close();
            return res;
          };
          return undefined;
        };
        const many = Array.from({ length: N }, (_, i) => ({ id: `case-many-${String(i).padStart(3, '0')}`, name: `连云港批量测试有限公司${i}`, recommender: '海州区人民政府' }));
        await importCases(W.dashboard, casesFile(many), N);
        await eventually(() => killed !== null, { ...LONG, message: 'the server was killed during the transfer' });
        await killed;
        const atKill = (await fetch(`${couch.url}/award-office`).catch(() => null)) === null; // nobody answers now
        assert(atKill, 'the server is down');
        assert(inTheBatch >= 100, `killed while answering a transfer of ${inTheBatch} documents`);
        await eventually(async () => (await W.options.getByTestId('sharing-status').getAttribute('data-state')) === 'offline', { ...LONG, message: 'the clerk is told it is offline' });
        couch.onRequest = null;
        await couch.restart();
        const onServer = async () => (await award.call('GET', '/award-office/_all_docs?include_docs=true')).rows.map((r) => r.doc).filter((d) => d.kind === 'event' || d.kind === 'case');
        await eventually(async () => (await onServer()).length === 3 * N, { ...LONG, message: `all ${3 * N} documents on the server` });
        const docs = await onServer();
        assertEqual(new Set(docs.map((d) => d._id)).size, 3 * N, 'no document twice on the server');
        // the server's log, case by case, equals the clerk's
        const serverLog = {};
        for (const d of docs.filter((x) => x.kind === 'event').sort((a, b) => a.record.event.on.localeCompare(b.record.event.on))) (serverLog[d.record.caseId] ??= []).push(d.record.event.type);
        const local = await readStores(W.dashboard);
        assertEqual(local.cases.length, N, 'the clerk still has every case');
        assertEqual(JSON.stringify(Object.fromEntries(Object.entries(serverLog).sort())), JSON.stringify(Object.fromEntries(Object.entries(local.events).sort())), 'server and clerk hold the same events');
        assert(Object.values(local.events).every((l) => l.join() === 'apply,recommend'), 'no event lost or doubled here');
        await eventually(async () => ['idle', 'active'].includes(await W.options.getByTestId('sharing-status').getAttribute('data-state')), { ...LONG, message: 'the clerk is back online' });
      } finally {
        await env.context.close().catch(() => undefined);
        fs.rmSync(env.userDataDir, { recursive: true, force: true });
        await couch.close();
      }
    },
  },
];

// SHARING_ONLY=<part of a name> runs only the matching tests (while working on one)
export const tests = allTests.filter((t) => !process.env.SHARING_ONLY || t.name.includes(process.env.SHARING_ONLY));
