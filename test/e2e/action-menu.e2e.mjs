// The toolbar icon's right-click menu (issue 5): 打开评审工作台 Staff console and 设置 Options.
// Headless Chromium cannot open the toolbar's context menu, and chrome.contextMenus can neither list
// items nor fire onClicked. So: the built manifest asks for contextMenus; the worker really created
// both items (contextMenus.update succeeds only on an existing id; an unknown id is the control); and
// the two pages the items open render. The click → tabs.create path is unit-tested
// (test/unit/messaging/action-menu.test.ts).
import fs from 'node:fs';
import path from 'node:path';
import { assert, assertEqual, EXT_PATH, eventually, screenshot } from './harness.mjs';

const ITEMS = ['award-pilot/open-staff-console', 'award-pilot/open-options'];

/** In the service worker: does a context-menu item with this id exist? */
function itemExists(sw, id) {
  return sw.evaluate(
    (menuId) =>
      new Promise((resolve) => {
        chrome.contextMenus.update(menuId, {}, () => resolve(chrome.runtime.lastError ? `missing: ${chrome.runtime.lastError.message}` : 'exists'));
      }),
    id,
  );
}

export const tests = [
  {
    name: 'built manifest asks for contextMenus (no install warning) and keeps the action',
    async run() {
      const manifest = JSON.parse(fs.readFileSync(path.join(EXT_PATH, 'manifest.json'), 'utf8'));
      assert(manifest.permissions.includes('contextMenus'), 'contextMenus permission in the built manifest');
      assert(manifest.action, 'the toolbar action the menu hangs on');
    },
  },
  {
    name: 'service worker created both action-menu items at install (an unknown id is refused)',
    async run(env) {
      for (const id of ITEMS) {
        await eventually(async () => (await itemExists(env.sw, id)) === 'exists', { message: `menu item ${id} created` });
      }
      const control = await itemExists(env.sw, 'award-pilot/no-such-item');
      assert(control.startsWith('missing'), `probe refuses an id that was never created (got ${control})`);
      // Creating an item again must collide: the worker's items are the live ones, not a leftover.
      const again = await env.sw.evaluate(
        (id) => new Promise((resolve) => chrome.contextMenus.create({ id, title: 'x', contexts: ['action'] }, () => resolve(chrome.runtime.lastError?.message ?? 'created'))),
        ITEMS[0],
      );
      assert(/duplicate/i.test(again), `second create of ${ITEMS[0]} collides (got ${again})`);
    },
  },
  {
    name: 'the pages the menu opens render: staff console (dashboard.html) and options',
    async run(env) {
      const page = await env.context.newPage();
      await page.goto(env.extUrl('dashboard.html'));
      await eventually(async () => ((await page.textContent('body')) ?? '').includes('评审'), { message: 'staff console shows 评审' });
      await screenshot(page, 'action-menu-staff-console');
      await page.goto(env.extUrl('options.html'));
      await page.waitForSelector('[data-testid="portal-site-jszwfw"]');
      assertEqual(new URL(page.url()).pathname, '/options.html', 'options page');
      await page.close();
    },
  },
];
