// `npm start`: build the extension, serve the demo portal, open Chromium with the extension loaded.
// With a display: a normal (headed) browser that stays open until Ctrl-C.
// Without one: headless; fills a few fields as a demo, opens the real side panel and writes screenshots.
//   node test/run-product.mjs [--no-build]     (EXT_PATH=<dir> uses another build; PORT=<n> another port)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { EXT_PATH, ROOT, SCREENSHOTS, launchWithExtension } from './e2e/harness.mjs';
import { openRealSidePanel } from './e2e/sidepanel-cdp.mjs';
import { startPortal } from './portal/server.mjs';

const headed = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY) && process.env.HEADLESS !== '1';

function build() {
  if (process.argv.includes('--no-build') || process.env.EXT_PATH) return;
  console.log('构建扩展 Building the extension (wxt build)…');
  const r = spawnSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
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

build();
const port = Number(process.env.PORT ?? 5175);
const portal = await startPortal({ port: (await portFree(port)) ? port : 0 });
const formUrl = `${portal.url}/app/apply/a/basic`;
console.log(`演示门户 Demo portal: ${portal.url}/`);
const { context, extId, sw } = await launchWithExtension({ headless: !headed, extPath: EXT_PATH });
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
  const quit = async () => {
    await context.close().catch(() => undefined);
    await portal.close();
    process.exit(0);
  };
  process.on('SIGINT', quit);
  process.on('SIGTERM', quit);
  context.on('close', quit);
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
  }
  process.exit(exitCode);
}
