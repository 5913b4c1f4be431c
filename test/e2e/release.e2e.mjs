// The store package (`npm run release` → .output/release/*-chrome-edge.zip) loads in Chromium as
// shipped: unzipped into a fresh temp dir, its service worker starts, its name comes from _locales,
// and it checks a portal page. Also writes the store screenshots (1280×800, the size both stores take).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, SCREENSHOTS, assert, eventually, launchWithExtension } from './harness.mjs';

export const standalone = true;

const { name, version } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const ZIP = path.join(ROOT, '.output/release', `${name}-${version}-chrome-edge.zip`);

export const tests = [
  {
    name: 'the Chrome/Edge release zip loads unpacked, names itself from _locales and checks the portal; store screenshots',
    async run(env) {
      assert(fs.existsSync(ZIP), `no release package at ${path.relative(ROOT, ZIP)}: run npm run release`);
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'award-pilot-release-'));
      let browser;
      try {
        execFileSync('unzip', ['-q', ZIP, '-d', dir]);
        browser = await launchWithExtension({ extPath: dir });
        const manifest = await browser.sw.evaluate(() => chrome.runtime.getManifest());
        assert(manifest.version === version, `version ${manifest.version} is package.json's ${version}`);
        const locales = Object.fromEntries(['zh_CN', 'en'].map((l) => [l, JSON.parse(fs.readFileSync(path.join(dir, '_locales', l, 'messages.json'), 'utf8')).extName.message]));
        const ui = await browser.sw.evaluate(() => chrome.i18n.getUILanguage());
        const expected = ui.startsWith('zh') ? locales.zh_CN : locales.en;
        assert(manifest.name === expected, `name from _locales for UI language ${ui}: ${manifest.name} (zh_CN ${locales.zh_CN}, en ${locales.en})`);
        const page = await browser.context.newPage();
        await page.setViewportSize({ width: 1280, height: 800 });
        await page.goto(`${env.portal.url}/app/apply/a/basic`);
        await page.getByLabel('单位名称', { exact: true }).fill('连云港示范精工有限公司');
        const d = new Date(Date.now() + 8 * 3600_000);
        d.setUTCFullYear(d.getUTCFullYear() - 2);
        await page.getByLabel('成立日期', { exact: true }).fill(d.toISOString().slice(0, 10));
        await eventually(() => page.evaluate(() => Boolean(document.querySelector('award-pilot-hints')?.shadowRoot?.querySelector('.badge[data-tone="fail"]'))), { message: 'a hint badge from the packaged content script' });
        fs.mkdirSync(SCREENSHOTS, { recursive: true });
        await page.screenshot({ path: path.join(SCREENSHOTS, 'store-1-portal-hints.png') });
        const panel = await browser.context.newPage();
        await panel.setViewportSize({ width: 1280, height: 800 });
        await panel.goto(browser.extUrl('options.html'));
        await panel.getByText('申报系统网址').first().waitFor();
        await panel.screenshot({ path: path.join(SCREENSHOTS, 'store-2-options.png') });
        const staff = await browser.context.newPage();
        await staff.setViewportSize({ width: 1280, height: 800 });
        await staff.goto(browser.extUrl('dashboard.html'));
        await staff.waitForLoadState('load');
        await staff.screenshot({ path: path.join(SCREENSHOTS, 'store-3-staff.png') });
      } finally {
        await browser?.context.close();
        if (browser) fs.rmSync(browser.userDataDir, { recursive: true, force: true });
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  },
];
