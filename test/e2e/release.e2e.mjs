// The store package (`npm run release` → .output/release/*-chrome-edge.zip) loads in Chromium as
// shipped: unzipped into a fresh temp dir, its service worker starts, its name comes from _locales,
// and it asks for no origin at install (the portal is granted at run time). Also writes the store screenshots (1280×800, the size both stores take).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EXT_PATH, ROOT, SCREENSHOTS, assert, eventually, launchWithExtension } from './harness.mjs';

export const standalone = true;

const { name, version } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const ZIP = path.join(ROOT, '.output/release', `${name}-${version}-chrome-edge.zip`);

export const tests = [
  {
    name: 'the Chrome/Edge release zip loads unpacked, names itself from _locales, asks for no origin at install; store screenshots',
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
        // @@ui_locale is the locale Chromium resolves __MSG_ names with (on Linux from LANG/LANGUAGE);
        // getUILanguage() follows --lang and may differ from it (LANG=C.UTF-8 with --lang=zh-CN).
        const ui = await browser.sw.evaluate(() => chrome.i18n.getMessage('@@ui_locale'));
        const expected = ui.startsWith('zh') ? locales.zh_CN : locales.en;
        assert(manifest.name === expected, `name from _locales for UI language ${ui}: ${manifest.name} (zh_CN ${locales.zh_CN}, en ${locales.en})`);
        // Least privilege (issue 15): the store package asks for no origin at install and declares no
        // content script; the real portals are optional permissions granted at run time.
        assert(!manifest.host_permissions?.length, `no host permissions at install: ${JSON.stringify(manifest.host_permissions)}`);
        assert(!manifest.content_scripts?.length, 'no static content script in the release');
        assert(manifest.optional_host_permissions?.some((o) => !/127\.0\.0\.1|localhost/.test(o)) && !manifest.optional_host_permissions.some((o) => /127\.0\.0\.1|localhost/.test(o)), `only real portal origins are optional: ${JSON.stringify(manifest.optional_host_permissions)}`);
        fs.mkdirSync(SCREENSHOTS, { recursive: true });
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
  {
    // The release asks for no origin at install, and the demo portal runs on 127.0.0.1, which a release
    // never gets: the first store picture (the clause badges on the application form) is taken with the
    // demo build, which is the release plus the demo portal's origin.
    name: 'store screenshot 1: clause badges beside the application form (demo build on the demo portal)',
    async run(env) {
      let browser;
      try {
        browser = await launchWithExtension({ extPath: EXT_PATH });
        await browser.sw.evaluate(() => chrome.storage.local.set({ uiPreferences: { language: 'zh', focusTips: true } }));
        const page = await browser.context.newPage();
        await page.setViewportSize({ width: 1280, height: 800 });
        await page.goto(`${env.portal.url}/app/apply/a/basic`);
        await page.getByLabel('单位名称', { exact: true }).pressSequentially('连云港示范精工有限公司');
        const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
        await page.getByLabel('成立日期', { exact: true }).pressSequentially(`${Number(today.slice(0, 4)) - 2}${today.slice(4)}`);
        await page.getByLabel('单位地址', { exact: true }).focus();
        await eventually(() => page.evaluate(() => document.querySelector('award-pilot-hints')?.shadowRoot?.querySelector('.badges[data-field="applicant.establishedOn"] .badge[data-tone="fail"]') ? true : null), { message: 'the red 第八条（一） badge beside 成立日期' });
        fs.mkdirSync(SCREENSHOTS, { recursive: true });
        await page.screenshot({ path: path.join(SCREENSHOTS, 'store-1-portal-hints.png') });
        const size = fs.readFileSync(path.join(SCREENSHOTS, 'store-1-portal-hints.png')).subarray(16, 24);
        assert(size.readUInt32BE(0) === 1280 && size.readUInt32BE(4) === 800, `store screenshot is 1280×800: ${size.readUInt32BE(0)}×${size.readUInt32BE(4)}`);
      } finally {
        await browser?.context.close();
        if (browser) fs.rmSync(browser.userDataDir, { recursive: true, force: true });
      }
    },
  },
];
