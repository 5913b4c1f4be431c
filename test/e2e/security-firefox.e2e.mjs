// The Firefox build (MV2, strict CSP, zod JIT and Preact innerHTML stripped at build time) still works:
// the content script reads the demo portal, the background validates and pre-checks with zod, and
// the badge comes back. Proves the stripped dependencies run, not just that the linter is quiet.
import fs from 'node:fs';
import path from 'node:path';
import puppeteer from 'puppeteer-core';
import { startPortal } from '../portal/server.mjs';
import { assert, eventually, ROOT, SCREENSHOTS } from './harness.mjs';

export const standalone = true;

const FIREFOX = ['/usr/bin/firefox-esr', '/usr/bin/firefox'].find((p) => fs.existsSync(p));
const EXT = process.env.FIREFOX_EXT_PATH ? path.resolve(process.env.FIREFOX_EXT_PATH) : path.join(ROOT, '.output/firefox-mv2-demo');

export const tests = [
  {
    name: 'Firefox: content script + background pre-check run with the stripped zod (a bad credit code gets a red badge)',
    async run() {
      assert(FIREFOX, 'firefox-esr installed (apt-get install -y firefox-esr)');
      assert(fs.existsSync(path.join(EXT, 'manifest.json')), `Firefox build at ${EXT} (npx wxt build -b firefox)`);
      const manifest = JSON.parse(fs.readFileSync(path.join(EXT, 'manifest.json'), 'utf8'));
      assert(manifest.sidebar_action?.default_panel === 'sidepanel.html', 'Firefox gets the side panel as sidebar_action');
      const portal = await startPortal();
      const browser = await puppeteer.launch({ browser: 'firefox', executablePath: FIREFOX, headless: true });
      try {
        await browser.installExtension(EXT);
        const page = await browser.newPage();
        await page.goto(`${portal.url}/app/apply/a/basic`);
        await page.waitForSelector('award-pilot-hints', { timeout: 15_000 });
        const id = await eventually(() => page.evaluate(() => [...document.querySelectorAll('label[for]')].find((l) => l.textContent.includes('统一社会信用代码'))?.getAttribute('for') ?? null), { message: 'credit code label rendered' });
        assert(id, 'credit code input found by its label');
        await page.click(`[id="${id}"]`);
        await page.keyboard.type('91320706MA1Q8K2L3X'); // wrong check character
        await eventually(
          () => page.evaluate(() => [...(document.querySelector('award-pilot-hints')?.shadowRoot?.querySelectorAll('.badges[data-field="applicant.creditCode"] .badge') ?? [])].some((b) => b.dataset.tone === 'fail')),
          { timeout: 15_000, message: 'red badge on the credit code in Firefox' },
        );
        fs.mkdirSync(SCREENSHOTS, { recursive: true });
        await page.screenshot({ path: path.join(SCREENSHOTS, 'firefox-portal-badge.png') });
      } finally {
        await browser.close();
        await portal.close();
      }
    },
  },
];
