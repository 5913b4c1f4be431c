// `npm start`: build the extension, serve the demo portal, open Chromium with the extension loaded.
// With a display: a normal (headed) browser that stays open until Ctrl-C or until its window is closed;
// either way the portal stops and the temporary profile is removed.
// Without one: headless; fills a few fields as a demo, opens the real side panel and writes screenshots.
//   node test/run-product.mjs [--no-build]     (EXT_PATH=<dir> uses another build; PORT=<n> another port)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { EXT_PATH, ROOT, SCREENSHOTS, chromiumPath, launchWithExtension } from './e2e/harness.mjs';
import { openRealSidePanel } from './e2e/sidepanel-cdp.mjs';
import { startPortal } from './portal/server.mjs';
import { CHROMIUM, CJK_FONT, ensureDebianPackages } from './tools/ensure-debian-packages.mjs';
import { BRANDED_CHROME_MESSAGE, ignoresLoadExtension, wrongChromiumPath } from './tools/find-browser.mjs';

const headed = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY) && process.env.HEADLESS !== '1';

function build() {
  if (process.argv.includes('--no-build') || process.env.EXT_PATH) return;
  console.log('构建演示版扩展 Building the demo extension (wxt build --mode demo)…');
  const r = spawnSync('npx', ['wxt', 'build', '--mode', 'demo'], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0) {
    console.error('构建失败 Build failed');
    process.exit(r.status ?? 1);
  }
}

function portFree(port) {
  return new Promise((resolve) => {
    const srv = net.createServer().once('error', () => resolve(false)).once('listening', () => srv.close(() => resolve(true)));
    srv.listen(port, '127.0.0.1');
  });
}

async function demoFill(page) {
  // A few fields, typed as a person would: enough for the pre-check and a hint badge to show.
  const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
  const twoYearsAgo = `${Number(today.slice(0, 4)) - 2}${today.slice(4)}`;
  await page.getByLabel('单位名称', { exact: true }).pressSequentially('连云港示范精工有限公司');
  await page.getByLabel('统一社会信用代码', { exact: true }).pressSequentially('91320700MA1NXQ0BX9');
  await page.getByLabel('成立日期', { exact: true }).pressSequentially(twoYearsAgo);
  await page.getByLabel('生产经营符合国家产业、环保、节能、质量安全等政策', { exact: true }).press('Space');
  await page.getByLabel('单位地址', { exact: true }).focus(); // moves the focus tip away from 成立日期
}

/**
 * A person's browser, unlike the test harness's: no fixed viewport (the window sizes the page, so the
 * side panel does not cover the form), no translate prompt over the Chinese portal, and no Playwright
 * signal handlers (they kill Chromium and exit 130 before the portal is closed; quit() below does it).
 */
async function launchHeaded(extPath) {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'award-pilot-profile-'));
  // An English-UI Chromium offers to translate the Chinese portal over the side panel; the profile
  // preference is what turns that off (the Translate feature flag alone does not).
  fs.mkdirSync(path.join(userDataDir, 'Default'));
  fs.writeFileSync(path.join(userDataDir, 'Default', 'Preferences'), JSON.stringify({ translate: { enabled: false } }));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless: false,
    viewport: null,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    args: [
      `--disable-extensions-except=${extPath}`,
      `--load-extension=${extPath}`,
      '--no-sandbox', '--test-type', // test-type: no "unsupported command-line flag" bar for --no-sandbox
      '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run',
      '--start-maximized', '--lang=zh-CN',
    ],
  });
  let [sw] = context.serviceWorkers();
  if (!sw) sw = await context.waitForEvent('serviceworker', { timeout: 15_000 });
  return { context, sw, extId: new URL(sw.url()).host, userDataDir };
}

if (wrongChromiumPath()) {
  console.error(wrongChromiumPath());
  process.exit(1);
}
ensureDebianPackages([CHROMIUM, CJK_FONT]);
if (ignoresLoadExtension(chromiumPath())) {
  console.error(BRANDED_CHROME_MESSAGE(chromiumPath()));
  process.exit(1);
}
build();
const port = Number(process.env.PORT ?? 5175);
const portal = await startPortal({ port: (await portFree(port)) ? port : 0 });
const formUrl = `${portal.url}/app/apply/a/basic`;
console.log(`演示门户 Demo portal: ${portal.url}/`);
const { context, extId, sw, userDataDir } = headed ? await launchHeaded(EXT_PATH) : await launchWithExtension({ headless: true, extPath: EXT_PATH });
const removeProfile = () => fs.rmSync(userDataDir, { recursive: true, force: true });
console.log(`扩展 Extension id: ${extId}`);

const page = context.pages()[0] ?? (await context.newPage());
await page.goto(formUrl);
await page.getByLabel('单位名称', { exact: true }).waitFor();

if (headed) {
  try {
    await openRealSidePanel({ context, extId, sw, tabUrl: formUrl }).then((p) => p.detach());
  } catch {
    console.log('点击工具栏图标打开侧边栏 Click the toolbar icon to open the side panel.');
  }
  console.log('浏览器已打开，按 Ctrl-C 退出。Browser is open; press Ctrl-C to quit.');
  // Ctrl-C, SIGTERM or the person closing the window: close the browser, then the portal, then the
  // temporary profile; once. A second Ctrl-C while that hangs exits at once (Playwright's exit hook
  // still kills Chromium).
  let quitting;
  const quit = (code) => {
    if (quitting) {
      if (code !== 0) process.exit(code);
      return;
    }
    quitting = (async () => {
      console.log('正在关闭 Closing the browser and the demo portal…');
      await context.close().catch(() => undefined);
      await portal.close().catch(() => undefined);
      removeProfile();
      console.log('已关闭 Closed.');
      process.exit(0);
    })();
  };
  process.on('SIGINT', () => quit(130));
  process.on('SIGTERM', () => quit(143));
  context.on('close', () => quit(0));
} else {
  let exitCode = 0;
  try {
    await demoFill(page);
    await page.locator('award-pilot-hints .badges[data-field="applicant.establishedOn"] .badge[data-tone="fail"]').waitFor({ timeout: 10_000 });
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    const portalShot = path.join(SCREENSHOTS, 'start-portal.png');
    await page.screenshot({ path: portalShot });
    let panelShot;
    try {
      const panel = await openRealSidePanel({ context, extId, sw, tabUrl: page.url() });
      await new Promise((r) => setTimeout(r, 800)); // let the panel render its first state
      panelShot = await panel.screenshot('start-sidepanel');
      await panel.detach();
    } catch (err) {
      // Fallback: the same page in a 360 px tab.
      console.log(`真实侧边栏未能打开，改用标签页 Real side panel unavailable (${err.message}); using a tab`);
      const tab = await context.newPage();
      await tab.setViewportSize({ width: 360, height: 720 });
      await tab.goto(`chrome-extension://${extId}/sidepanel.html`);
      await tab.locator('[data-testid="verdict"]').waitFor();
      panelShot = path.join(SCREENSHOTS, 'start-sidepanel.png');
      await tab.screenshot({ path: panelShot });
    }
    console.log('无显示器：已用无头模式运行演示。No display: ran the demo headless.');
    console.log(`  门户与提示 Portal with the overlay: ${path.relative(process.cwd(), portalShot)}`);
    console.log(`  侧边栏 Side panel:               ${path.relative(process.cwd(), panelShot)}`);
  } catch (err) {
    console.error(`演示失败 Demo failed: ${err.stack ?? err}`);
    exitCode = 1;
  } finally {
    await context.close();
    await portal.close();
    removeProfile();
  }
  process.exit(exitCode);
}
