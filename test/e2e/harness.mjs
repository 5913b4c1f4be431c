// Shared launch code for end-to-end tests: Debian's Chromium, the built extension, the demo portal.
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startPortal } from '../portal/server.mjs';
import { NO_BROWSER_MESSAGE, findChromium } from '../tools/find-browser.mjs';

export const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
// The e2e use the demo build (`wxt build --mode demo`: the only build granting the local demo portal).
// EXT_PATH lets a run use its own copy of the build (parallel work must not race on .output/).
export const EXT_PATH = process.env.EXT_PATH ? path.resolve(process.env.EXT_PATH) : path.join(ROOT, '.output/chrome-mv3-demo');
export const ARTIFACTS = path.join(ROOT, 'test/artifacts');
export const SCREENSHOTS = path.join(ARTIFACTS, 'screenshots');

export function chromiumPath() {
  const found = findChromium();
  if (!found) throw new Error(NO_BROWSER_MESSAGE);
  return found;
}

/** Launches Chromium with the built extension. `userDataDir` may be reused to test persistence. */
export async function launchWithExtension({ headless = true, userDataDir, extPath = EXT_PATH } = {}) {
  if (!fs.existsSync(path.join(extPath, 'manifest.json'))) throw new Error(`no built extension at ${extPath}: run npm run build`);
  const dir = userDataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'award-pilot-profile-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: chromiumPath(),
    headless,
    viewport: { width: 1280, height: 900 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    args: [
      `--disable-extensions-except=${extPath}`,
      `--load-extension=${extPath}`,
      '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-quic', '--lang=zh-CN',
    ],
  });
  // E2E_CPU_THROTTLE=3 slows every page's CPU 3× (Chromium's own throttling): to try a test that waits on the
  // page as a loaded CI machine would run it. Off unless asked.
  const throttle = Number(process.env.E2E_CPU_THROTTLE ?? 0);
  if (throttle > 1) context.on('page', (p) => { context.newCDPSession(p).then((s) => s.send('Emulation.setCPUThrottlingRate', { rate: throttle })).catch(() => undefined); });
  let [sw] = context.serviceWorkers();
  if (!sw) sw = await context.waitForEvent('serviceworker', { timeout: 15_000 });
  const extId = new URL(sw.url()).host;
  return { context, sw, extId, userDataDir: dir, extUrl: (p) => `chrome-extension://${extId}/${p.replace(/^\//, '')}` };
}

export async function withPortal(fn) {
  const portal = await startPortal();
  try { return await fn(portal); } finally { await portal.close(); }
}

export async function screenshot(page, name) {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Minimal assertion helpers with messages a person can read. */
export function assert(cond, message) {
  if (!cond) throw new Error(`assertion failed: ${message}`);
}
export function assertEqual(actual, expected, message) {
  if (actual !== expected) throw new Error(`assertion failed: ${message}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}

/** Polls `fn` until it returns a truthy value (or the value equals `expected`), else throws with the last value. */
export async function eventually(fn, { timeout = 8000, interval = 50, message = 'condition' } = {}) {
  const start = Date.now();
  let last;
  while (Date.now() - start < timeout) {
    try { last = await fn(); if (last) return last; } catch (e) { last = e; }
    await new Promise((r) => setTimeout(r, interval));
  }
  throw new Error(`timed out waiting for ${message}; last: ${last instanceof Error ? last.message : JSON.stringify(last)}`);
}

/** One record of the extension's settings store, read in the extension's own origin (`page` is an extension page). */
export const readExtensionSetting = (page, key) =>
  page.evaluate(
    (k) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('award-pilot');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction('settings').objectStore('settings').get(k);
          req.onsuccess = () => (open.result.close(), resolve(req.result ?? null));
          req.onerror = () => reject(req.error);
        };
      }),
    key,
  );
