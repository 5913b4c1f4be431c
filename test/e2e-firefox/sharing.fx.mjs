// Sharing on CouchDB in Firefox (issue 20, firefox-mv2 demo package): the options page saves the server's
// settings (the demo build holds http://127.0.0.1 among its host permissions, so the browser grants the
// origin without a prompt), and the staff console replicates a case import to a CouchDB-compatible server
// this test starts (test/tools/couch-server.mjs, express-pouchdb in memory on 127.0.0.1).
// Every wait is on a condition, never a fixed sleep.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { assertEqual, eventually, openExtensionPage, screenshot } from './harness.mjs';
import { setupAward, startCouch } from '../tools/couch-server.mjs';

const WAIT = { timeout: 75_000, interval: 200 };

const seed = {
  format: 'lyg-award/cases@1',
  exportedAt: '2026-11-26T00:00:00.000Z',
  cases: ['case-fx-1', 'case-fx-2'].map((id, i) => ({
    header: { id, year: 2026, kind: 'organization', applicantName: `连云港火狐共享测试有限公司${i + 1}`, creditCode: null, recommender: '海州区人民政府' },
    events: [
      { event: { type: 'apply', on: '2026-03-02', kind: 'organization' }, recordedBy: 'seed' },
      { event: { type: 'recommend', on: '2026-04-01', by: '海州区人民政府' }, recordedBy: 'seed' },
    ],
  })),
};

export const tests = [
  {
    name: 'sharing: the options page saves the server, the staff console replicates a case import to it',
    async run(env) {
      const couch = await startCouch();
      const wang = { name: '王科员', password: 'pw-wang-1' };
      const award = await setupAward(couch, { clerks: [wang] });
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ap-fx-sharing-'));
      const file = path.join(dir, 'seed.json');
      fs.writeFileSync(file, JSON.stringify(seed));
      try {
        const options = await openExtensionPage(env.browser, env.extUrl('options.html'), { width: 1000 });
        const errors = [];
        options.on('pageerror', (e) => errors.push(String(e)));
        options.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
        await options.waitForSelector('[data-testid="sharing-url"]', { timeout: WAIT.timeout });
        for (const [id, text] of [['sharing-url', couch.url], ['sharing-user', wang.name], ['sharing-password', wang.password]]) {
          const there = await options.evaluate((i) => !!document.querySelector(`[data-testid="${i}"]`), id);
          if (!there) throw new Error(`no ${id}: ${await options.evaluate(() => location.href + ' ' + document.body.innerText.slice(0, 300))} ${errors.join(' | ')}`);
          await options.type(`[data-testid="${id}"]`, text);
        }
        await (await options.waitForSelector('[data-testid="sharing-connect"]', { timeout: WAIT.timeout })).click();
        const message = () => options.evaluate(() => document.querySelector('[data-testid="sharing-message"]')?.textContent ?? '');
        await eventually(async () => (await message()).includes('已保存'), { ...WAIT, message: 'settings saved' }).catch(async (e) => {
          const debug = await options.evaluate(async (u) => ({
            url: document.querySelector('[data-testid="sharing-url"]')?.value,
            user: document.querySelector('[data-testid="sharing-user"]')?.value,
            busy: document.querySelector('[data-testid="sharing-connect"]')?.disabled,
            contains: await globalThis.browser?.permissions?.contains({ origins: [`${new URL(u).origin.replace(/:\d+$/, '')}/*`] }).catch((x) => String(x)),
          }), couch.url);
          await screenshot(options, 'sharing-options-failed');
          throw new Error(`${e.message}: ${await message()} ${JSON.stringify(debug)}`);
        });

        const dashboard = await openExtensionPage(env.browser, env.extUrl('dashboard.html'), { width: 1280 });
        const state = () => options.evaluate(() => document.querySelector('[data-testid="sharing-status"]')?.getAttribute('data-state') ?? null);
        await eventually(async () => ['idle', 'active'].includes(await state()), { ...WAIT, message: 'the staff console connected' }).catch(async (e) => {
          throw new Error(`${e.message}: ${await state()} ${await message()}`);
        });

        await dashboard.waitForSelector('[data-testid="import-open"]', { timeout: WAIT.timeout });
        await dashboard.click('[data-testid="import-open"]');
        const input = await dashboard.waitForSelector('[data-testid="import-file"]', { timeout: WAIT.timeout });
        await input.uploadFile(file);
        await dashboard.waitForSelector('[data-testid="import-confirm"]', { timeout: WAIT.timeout });
        await dashboard.click('[data-testid="import-confirm"]');

        const onServer = async () => (await award.call('GET', '/award-office/_all_docs')).rows.map((r) => r.id);
        await eventually(async () => {
          const ids = await onServer();
          return ids.filter((id) => id.startsWith('case:case-fx-')).length === 2 && ids.filter((id) => id.startsWith('event:case-fx-')).length === 4;
        }, { ...WAIT, message: 'the two cases and their four events on the server' });
        const ids = await onServer();
        assertEqual(new Set(ids).size, ids.length, 'no document twice');
        await screenshot(options, 'sharing-options');
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
        await couch.close();
      }
    },
  },
];
