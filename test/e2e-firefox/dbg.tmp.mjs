import { startPortal } from '../portal/server.mjs';
import { launchFirefox, openExtensionPage, eventually, yearsAgo } from './harness.mjs';
const portal = await startPortal();
const env = await launchFirefox({ extPath: '/tmp/ext-firefox' });
const page = await env.browser.newPage();
await page.goto(`${portal.url}/app/apply/a/basic?seed=7`);
await page.waitForSelector('award-pilot-hints');
const panel = await openExtensionPage(env.browser, env.extUrl('sidepanel.html'), { width: 252, height: 700 });
await eventually(() => panel.evaluate(() => document.querySelector('[data-testid="verdict"]')));
const measure = () => panel.evaluate(() => ({ iw: innerWidth, sw: document.documentElement.scrollWidth, cw: document.documentElement.clientWidth,
  over: [...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1).slice(0, 15).map((e) => e.tagName + '.' + e.className + ' r=' + Math.round(e.getBoundingClientRect().right) + ' w=' + Math.round(e.getBoundingClientRect().width)) }));
console.log('as shipped', await measure());
await panel.evaluate(() => { document.body.style.minWidth = '0'; });
console.log('min-width 0', await measure());
await panel.screenshot({ path: '/tmp/fxproto/narrow.png' });
await env.browser.close(); await portal.close();
