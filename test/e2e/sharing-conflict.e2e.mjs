// A real conflict on a shared record (issue 20, Deliver 3), in Chromium with the demo build: two clerks'
// profiles replicate through the test CouchDB-compatible server; while it is down each changes the same
// expert's entry; when it is back the staff console shows 待处理的冲突, the screen shows both versions side
// by side, the clerk merges field by field, and the choice reaches the server and the other profile as one
// new version with no conflicting revision left. Every wait is on a condition (harness eventually).
import fs from 'node:fs';
import { assert, assertEqual, eventually, launchWithExtension, readExtensionSetting, screenshot } from './harness.mjs';
import { setupAward, startCouch } from '../tools/couch-server.mjs';

export const standalone = true;

const LONG = { timeout: Number(process.env.SHARING_WAIT_MS ?? 180_000), interval: 250 };
const KEY = 'experts/pool/exp-e2e';

async function connect(clerk, couch, who) {
  const options = await clerk.context.newPage();
  await options.goto(clerk.extUrl('options.html'));
  await options.getByTestId('sharing-url').fill(couch.url);
  await options.getByTestId('sharing-user').fill(who.name);
  await options.getByTestId('sharing-password').fill(who.password);
  await options.getByTestId('sharing-connect').click();
  await eventually(async () => ((await options.getByTestId('sharing-message').textContent().catch(() => '')) ?? '').includes('已保存'), { ...LONG, message: `${who.name}'s settings saved` });
  const dashboard = await clerk.context.newPage();
  await dashboard.goto(clerk.extUrl('dashboard.html'));
  await dashboard.getByTestId('summary-strip').waitFor({ timeout: 60_000 });
  await eventually(async () => ['idle', 'active'].includes(await options.getByTestId('sharing-status').getAttribute('data-state')), { ...LONG, message: `${who.name} connected` });
  return { options, dashboard };
}

/** The expert entry as this profile stores it (what the pool's own save writes: the record, version + 1). */
const readExpert = (page) => readExtensionSetting(page, KEY);
const saveExpert = (page, change) =>
  page.evaluate(
    ([key, change]) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('award-pilot');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('settings', 'readwrite');
          const store = tx.objectStore('settings');
          const req = store.get(key);
          req.onsuccess = () => {
            const now = req.result ?? { id: 'exp-e2e', version: 0, name: '钱专家', fields: ['机械'], affiliation: '连云港市质检院', region: '320703', declaredConflicts: [] };
            store.put({ ...now, ...change, version: now.version + 1 }, key);
          };
          tx.oncomplete = () => (open.result.close(), resolve(undefined));
          tx.onerror = () => reject(tx.error);
        };
      }),
    [KEY, change],
  );

export const tests = [
  {
    name: 'the same expert changed by two clerks while the server is down: both versions side by side, merged field by field, one new version everywhere',
    async run() {
      const couch = await startCouch();
      const zhao = { name: '赵科员', password: 'pw-zhao-1' };
      const qian = { name: '钱科员', password: 'pw-qian-2' };
      const award = await setupAward(couch, { clerks: [zhao, qian] });
      const a = await launchWithExtension();
      const b = await launchWithExtension();
      try {
        const A = await connect(a, couch, zhao);
        const B = await connect(b, couch, qian);
        await saveExpert(A.dashboard, {});
        await eventually(async () => (await readExpert(B.dashboard))?.version === 1, { ...LONG, message: 'B has the expert A entered' });

        await couch.close();
        await eventually(async () => (await A.options.getByTestId('sharing-status').getAttribute('data-state')) === 'offline', { ...LONG, message: 'A says it is offline' });
        await saveExpert(A.dashboard, { affiliation: '江苏海洋大学' });
        await saveExpert(B.dashboard, { region: '320706' });
        await couch.restart();

        // nothing picked silently: each keeps its own until a person chooses
        const button = A.dashboard.getByTestId('open-conflicts');
        await eventually(async () => (await button.count()) > 0, { ...LONG, message: 'A is shown 待处理的冲突' });
        assertEqual((await readExpert(A.dashboard)).affiliation, '江苏海洋大学', "A's change is kept");
        assertEqual((await readExpert(B.dashboard)).region, '320706', "B's change is kept");
        await button.click();
        const fields = A.dashboard.getByTestId('conflict-field');
        await eventually(async () => (await fields.count()) === 2, { ...LONG, message: 'the two differing fields are shown' });
        const text = await A.dashboard.getByTestId('conflict-sides').textContent();
        assert(text.includes('江苏海洋大学') && text.includes('320706') && text.includes('连云港市质检院'), `both versions shown: ${text}`);
        await screenshot(A.dashboard, 'sharing-conflict-screen');
        await A.dashboard.setViewportSize({ width: 400, height: 800 });
        await screenshot(A.dashboard, 'sharing-conflict-screen-400');
        await A.dashboard.emulateMedia({ colorScheme: 'dark' });
        await screenshot(A.dashboard, 'sharing-conflict-screen-dark');
        await A.dashboard.emulateMedia({ colorScheme: 'light' });
        await A.dashboard.setViewportSize({ width: 1280, height: 900 });

        // keep the affiliation from one side and the region from the other, whichever column each is in
        for (let i = 0; i < 2; i++) {
          const row = fields.nth(i);
          const cells = row.locator('td');
          const wanted = ['江苏海洋大学', '320706'];
          for (let c = 0; c < 2; c++) if (wanted.includes((await cells.nth(c).textContent()).trim())) await cells.nth(c).locator('input[type=radio]').check();
        }
        await A.dashboard.getByTestId('save-merge').click();
        await eventually(async () => ((await A.dashboard.getByTestId('conflict-message').textContent().catch(() => '')) ?? '').includes('已保存为第 3 版'), { ...LONG, message: 'saved as version 3' });
        await screenshot(A.dashboard, 'sharing-conflict-resolved');

        const merged = { affiliation: '江苏海洋大学', region: '320706', version: 3 };
        await eventually(async () => {
          const d = await award.call('GET', `/award-office/${encodeURIComponent('expert:exp-e2e')}?conflicts=true`);
          return d.record.version === 3 && !(d._conflicts?.length) && d.record.affiliation === merged.affiliation && d.record.region === merged.region;
        }, { ...LONG, message: 'the server holds version 3 and no conflicting revision' });
        for (const [who, page] of [['A', A.dashboard], ['B', B.dashboard]]) {
          await eventually(async () => {
            const e = await readExpert(page);
            return e?.version === 3 && e.affiliation === merged.affiliation && e.region === merged.region;
          }, { ...LONG, message: `${who} holds the merged version 3` });
        }
        await eventually(async () => (await A.dashboard.getByTestId('open-conflicts').count()) === 0, { ...LONG, message: 'no conflict left on A' });
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
