// A hostile portal page attacks the extension from inside the page: forged window messages in every
// shape our protocol knows, direct runtime messaging, reading our storage, and HTML in field values.
// Nothing may change: no stored record, no prefill, no picker, no forged badge, no script in our pages.
import { assert, assertEqual, eventually, screenshot } from './harness.mjs';

const HOST = 'award-pilot-hints';

/** Record counts and draft contents, read in the extension's own origin. */
async function storeSnapshot(page) {
  return page.evaluate(async () => {
    const open = indexedDB.open('award-pilot');
    const db = await new Promise((resolve, reject) => { open.onsuccess = () => resolve(open.result); open.onerror = () => reject(open.error); });
    const all = (store) => new Promise((resolve) => { const r = db.transaction(store).objectStore(store).getAll(); r.onsuccess = () => resolve(r.result); });
    const out = {};
    for (const name of db.objectStoreNames) {
      const rows = await all(name);
      out[name] = name === 'drafts' ? rows.map((d) => ({ id: d.id, application: d.application })) : rows.length;
    }
    db.close();
    return JSON.stringify(out);
  });
}

const forged = (extId) => [
  { type: 'prefill/apply', values: { 'applicant.name': '被篡改公司', 'applicant.creditCode': '000000000000000000' }, overwrite: ['applicant.name'] },
  { type: 'hints/update', hints: [{ field: 'applicant.name', status: 'fail', rule: '8.1', text: { zh: '伪造提示<img src=x onerror="document.title=1">', en: 'forged' } }] },
  { type: 'picker/start', field: 'applicant.name' },
  { type: 'snapshot/request' },
  { type: 'portal/snapshot', page: 'application-form', adapterId: 'demo', url: 'http://127.0.0.1/app/apply/a/basic', fields: [{ key: 'applicant.name', found: true, value: '伪造' }], attachments: [], takenAt: Date.now() },
  { type: 'portal/status-rows', adapterId: 'demo', url: 'http://127.0.0.1/app/status', rows: [{ applicationNo: 'FAKE-1', applicantName: '伪造公司', statusText: '已授奖', date: '2026-01-01' }] },
  { type: 'panel/prefill', tabId: 1 },
  { source: 'award-pilot', extensionId: extId, message: { type: 'prefill/apply', values: { 'applicant.name': 'x' }, overwrite: [] } },
];

export const tests = [
  {
    name: 'forged window messages and direct runtime messages from the portal page change nothing',
    async run(env) {
      const page = await env.context.newPage();
      await page.goto(`${env.portal.url}/app/apply/a/basic`);
      const name = page.getByLabel('单位名称');
      await name.fill('连云港真实机械有限公司');
      await eventually(() => page.evaluate((h) => !!document.querySelector(h), HOST), { message: 'content script running (hint host present)' });
      const ext = await env.context.newPage();
      await ext.goto(env.extUrl('options.html'));
      await ext.waitForSelector('[data-testid="persist-status"]'); // the options page's own one-time write is done
      // let the genuine snapshot of the typed name land, then freeze the picture
      await eventually(async () => (await storeSnapshot(ext)).includes('连云港真实机械有限公司'), { message: 'genuine draft saved' });
      const before = await storeSnapshot(ext);

      const attempts = await page.evaluate(async ({ messages, extId }) => {
        const results = {};
        for (const m of messages) {
          window.postMessage(m, '*');
          window.postMessage(JSON.stringify(m), '*');
          document.dispatchEvent(new CustomEvent('award-pilot', { detail: m }));
        }
        // A page has no extension messaging unless the manifest says externally_connectable (it does not).
        results.chromeRuntime = typeof globalThis.chrome?.runtime?.sendMessage;
        try {
          await new Promise((resolve, reject) => {
            if (!globalThis.chrome?.runtime?.sendMessage) return reject(new Error('no chrome.runtime.sendMessage'));
            globalThis.chrome.runtime.sendMessage(extId, messages[0], (r) => (globalThis.chrome.runtime.lastError ? reject(new Error(globalThis.chrome.runtime.lastError.message)) : resolve(r)));
          });
          results.sendMessage = 'delivered';
        } catch (e) {
          results.sendMessage = `refused: ${e.message}`;
        }
        // Our data must not be in the portal's origin: the content script never opens IndexedDB here.
        results.pageDatabases = (await indexedDB.databases()).map((d) => d.name);
        results.localStorageKeys = Object.keys(localStorage).filter((k) => /award|pilot|draft/i.test(k));
        await new Promise((r) => setTimeout(r, 1500));
        return results;
      }, { messages: forged(env.extId), extId: env.extId });

      assert(attempts.sendMessage.startsWith('refused'), `runtime.sendMessage from the page is refused: ${attempts.sendMessage}`);
      assertEqual(JSON.stringify(attempts.pageDatabases), '[]', 'no extension database in the portal origin');
      assertEqual(JSON.stringify(attempts.localStorageKeys), '[]', 'no extension data in the portal localStorage');
      assertEqual(await name.inputValue(), '连云港真实机械有限公司', 'no forged prefill');
      const shadowText = await page.evaluate((h) => document.querySelector(h)?.shadowRoot?.textContent ?? '', HOST);
      assert(!shadowText.includes('伪造提示'), 'no forged badge text');
      const picker = await page.evaluate((h) => document.querySelector(h)?.shadowRoot?.querySelector('[data-picker], .picker, .pick-overlay:not([hidden])') ?? null, HOST);
      assert(!picker, 'no picker started');
      await new Promise((r) => setTimeout(r, 500));
      assertEqual(await storeSnapshot(ext), before, 'stored records unchanged');
      await screenshot(page, 'security-messages-portal');
      await page.close();
      await ext.close();
    },
  },
  {
    name: 'HTML typed into a portal field is shown as text in the side panel, never run',
    async run(env) {
      const page = await env.context.newPage();
      await page.goto(`${env.portal.url}/app/apply/a/basic`);
      const payload = '<img src=x onerror="document.title=\'pwned\'"><script>document.title=\'pwned\'</script>';
      await page.getByLabel('单位名称').fill(payload);
      await page.getByLabel('统一社会信用代码').fill('<b>bold</b>');
      const panel = await env.context.newPage();
      await panel.goto(env.extUrl('sidepanel.html'));
      await panel.waitForLoadState('domcontentloaded');
      await new Promise((r) => setTimeout(r, 1500));
      const title = await panel.title();
      assert(title !== 'pwned', 'no script ran in the side panel');
      const injected = await panel.evaluate(() => document.querySelectorAll('img[src="x"], b, script:not([src])').length);
      assertEqual(injected, 0, 'no element created from portal text in the side panel');
      await screenshot(panel, 'security-messages-sidepanel');
      await panel.close();
      await page.close();
    },
  },
];
