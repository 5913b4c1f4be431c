// Launch code for the Firefox end-to-end tests: Debian's firefox-esr driven by puppeteer-core over
// WebDriver BiDi (no geckodriver, no downloads), the built firefox-mv2 package installed as a
// temporary add-on with `browser.installExtension()`.
import puppeteer from 'puppeteer-core';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, ARTIFACTS, SCREENSHOTS } from '../e2e/harness.mjs';

// Browser-neutral helpers are the Chromium harness's own; only the Firefox launch and sidebar code lives here.
export { ROOT, ARTIFACTS, SCREENSHOTS, assert, assertEqual, eventually } from '../e2e/harness.mjs';
// FIREFOX_EXT_PATH lets a run use its own copy of the build (parallel work must not race on .output/).
export const EXT_PATH = process.env.FIREFOX_EXT_PATH ? path.resolve(process.env.FIREFOX_EXT_PATH) : path.join(ROOT, '.output/firefox-mv2-demo');

export function firefoxPath() {
  const p = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';
  return fs.existsSync(p) ? p : null;
}

/**
 * Launches headless firefox-esr and installs the extension. Firefox gives each add-on a random
 * internal UUID (its moz-extension:// host); the test chooses it up front through the
 * `extensions.webextensions.uuids` pref, keyed by the manifest's gecko id, so extension pages have
 * a known address. `--remote-allow-system-access` lets BiDi navigate a tab to moz-extension:// URLs
 * (refused otherwise) and reach the browser window itself (to open the real sidebar).
 */
export async function launchFirefox({ extPath = EXT_PATH } = {}) {
  const executablePath = firefoxPath();
  if (!executablePath) throw new Error('firefox-esr not found at /usr/bin/firefox-esr: apt-get install -y firefox-esr (or set FIREFOX_PATH)');
  const manifestFile = path.join(extPath, 'manifest.json');
  if (!fs.existsSync(manifestFile)) throw new Error(`no built Firefox extension at ${extPath}: run npx wxt build -b firefox`);
  const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
  const geckoId = manifest.browser_specific_settings?.gecko?.id;
  if (!geckoId) throw new Error('manifest.json has no browser_specific_settings.gecko.id: the moz-extension UUID cannot be pinned');
  const uuid = crypto.randomUUID();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless: true,
    args: ['--remote-allow-system-access'],
    defaultViewport: { width: 1280, height: 900 },
    env: { ...process.env, TZ: 'Asia/Shanghai' },
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: uuid }),
      'intl.accept_languages': 'zh-CN, zh, en',
      'intl.locale.requested': 'zh-CN',
    },
  });
  let installedId;
  try {
    installedId = await browser.installExtension(extPath);
  } catch (err) {
    await browser.close().catch(() => undefined);
    throw err;
  }
  return { browser, manifest, geckoId, installedId, uuid, extUrl: (p) => `moz-extension://${uuid}/${p.replace(/^\//, '')}` };
}

/**
 * Opens an extension page in a tab. BiDi reports no load event for moz-extension documents, so the
 * navigation is fire-and-forget and the caller waits for what a person would see.
 */
export async function openExtensionPage(browser, url, { width = 360, height = 900 } = {}) {
  const page = await browser.newPage();
  await page.setViewport({ width, height });
  await browser.connection.send('browsingContext.navigate', { context: page.mainFrame()._id, url, wait: 'none' });
  return page;
}

/** Firefox screenshots sit beside the Chromium ones, prefixed so the two runs never overwrite each other. */
function screenshotFile(name) {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  return path.join(SCREENSHOTS, `firefox-${name}.png`);
}

export async function screenshot(page, name, { fullPage = false } = {}) {
  const file = screenshotFile(name);
  await page.screenshot({ path: file, fullPage });
  return file;
}

/** An ISO date `years` before today in China time (day clamped to 28 so Feb 29 never matters). */
export function yearsAgo(years) {
  const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
  const [y, m, d] = today.split('-').map(Number);
  return new Date(Date.UTC(y - years, m - 1, Math.min(d, 28))).toISOString().slice(0, 10);
}

/**
 * Runs `expression` (its value JSON-serialisable) in the browser window's own chrome document, the
 * privileged parent-process page that hosts tabs and the sidebar. Needs --remote-allow-system-access.
 */
export async function chromeEval(browser, expression) {
  const conn = browser.connection;
  const tree = await conn.send('browsingContext.getTree', { 'moz:scope': 'chrome', maxDepth: 0 });
  const win = tree.result.contexts.find((c) => c.url === 'chrome://browser/content/browser.xhtml');
  if (!win) throw new Error('no Firefox browser window found in the chrome scope');
  const { result } = await conn.send('script.evaluate', {
    expression: `(async () => JSON.stringify(await (${expression})))()`,
    target: { context: win.context },
    awaitPromise: true,
    resultOwnership: 'none',
  });
  if (result.type !== 'success') throw new Error(`chrome script failed: ${result.exceptionDetails?.text ?? JSON.stringify(result)}`);
  return result.result.value === undefined ? undefined : JSON.parse(result.result.value);
}

/** The sidebar id Firefox gives an add-on's sidebar_action (ext-sidebarAction: makeWidgetId(id) + '-sidebar-action'). */
export const sidebarActionId = (geckoId) => `${geckoId.toLowerCase().replace(/[^a-z0-9_-]/g, '_')}-sidebar-action`;

/**
 * Opens the add-on's real sidebar (what the toolbar button / View › Sidebar does) and returns
 * helpers for it. The sidebar's document lives in a separate extension process that BiDi cannot
 * target, so reads go through a one-shot frame script in that <browser>, and screenshots through
 * WindowGlobalParent.drawSnapshot (what a person sees, at the sidebar's real width).
 */
export async function openSidebar(env) {
  const id = sidebarActionId(env.geckoId);
  const state = await chromeEval(env.browser, `(async () => { await SidebarController.show(${JSON.stringify(id)}); return { open: SidebarController.isOpen, current: SidebarController.currentID }; })()`);
  if (!state.open || state.current !== id) throw new Error(`the add-on's sidebar did not open: ${JSON.stringify(state)}`);
  const browserEl = `SidebarController.browser?.contentDocument?.getElementById('webext-panels-browser')`;
  let seq = 0;
  return {
    /** Evaluates `fnSource` (a function of `win`, the sidebar page's window) in the sidebar page; JSON result. */
    async read(fnSource) {
      const name = `award-pilot-e2e:${++seq}`;
      const script = `try { sendAsyncMessage(${JSON.stringify(name)}, { ok: true, value: JSON.stringify((${fnSource})(content)) }); } catch (e) { sendAsyncMessage(${JSON.stringify(name)}, { ok: false, value: String(e) }); }`;
      const reply = await chromeEval(env.browser, `new Promise((resolve, reject) => {
        const b = ${browserEl};
        if (!b?.messageManager) return reject(new Error('the sidebar has no extension page loaded'));
        const mm = b.messageManager;
        const timer = setTimeout(() => reject(new Error('the sidebar page did not answer')), 5000);
        mm.addMessageListener(${JSON.stringify(name)}, function onReply(m) { clearTimeout(timer); mm.removeMessageListener(${JSON.stringify(name)}, onReply); resolve(m.data); });
        mm.loadFrameScript('data:,' + encodeURIComponent(${JSON.stringify(script)}), false);
      })`);
      if (!reply.ok) throw new Error(`sidebar script failed: ${reply.value}`);
      return reply.value === undefined ? undefined : JSON.parse(reply.value);
    },
    async screenshot(name) {
      const dataUrl = await chromeEval(env.browser, `(async () => {
        const bmp = await ${browserEl}.browsingContext.currentWindowGlobal.drawSnapshot(null, 1, 'white');
        const canvas = document.createElementNS('http://www.w3.org/1999/xhtml', 'canvas');
        canvas.width = bmp.width; canvas.height = bmp.height;
        canvas.getContext('2d').drawImage(bmp, 0, 0);
        return canvas.toDataURL('image/png');
      })()`);
      const file = screenshotFile(name);
      fs.writeFileSync(file, Buffer.from(dataUrl.split(',')[1], 'base64'));
      return file;
    },
    close: () => chromeEval(env.browser, `(async () => { SidebarController.hide(); return true; })()`),
  };
}
