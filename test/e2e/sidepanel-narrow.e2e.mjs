// Firefox's default sidebar is 252 px wide: every side-panel tab must fit it without a horizontal
// scrollbar, and the sticky button bar must not hide the end of the content.
import fs from 'node:fs';
import path from 'node:path';
import { assert, eventually, SCREENSHOTS } from './harness.mjs';

const WIDTH = 252;
const tab = (panel, zh) => panel.getByRole('tab', { name: new RegExp(zh) });

/** What sticks out to the right (for the failure message), and the page's overflow. */
const layout = () => {
  const w = window.innerWidth;
  const over = [...document.querySelectorAll('body *')]
    .filter((el) => el.getBoundingClientRect().right > w + 0.5 && el.checkVisibility())
    .slice(0, 5)
    .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} right=${Math.round(el.getBoundingClientRect().right)}`);
  return { scrollWidth: document.documentElement.scrollWidth, innerWidth: w, over };
};

/** Scrolled to the end: the last thing in the tab panel ends above the button bar. */
const endClearsFooter = () => {
  window.scrollTo(0, document.documentElement.scrollHeight);
  const panel = document.querySelector('[role="tabpanel"]');
  const foot = document.querySelector('.panel-foot');
  // visible leaves only: the content of a closed <details> is laid out but not shown
  const leaves = [...panel.querySelectorAll('*')].filter((el) => el.children.length === 0 && el.checkVisibility({ opacityProperty: true, visibilityProperty: true }));
  const bottom = Math.max(...leaves.map((el) => el.getBoundingClientRect().bottom));
  return { bottom: Math.round(bottom), footTop: Math.round(foot.getBoundingClientRect().top) };
};

async function checkTab(panel, zh, shotName) {
  await tab(panel, zh).click();
  await eventually(
    async () => (await panel.getByTestId('slot-loading').count()) === 0 && (await panel.locator('[role="tabpanel"]').innerText()).trim().length > 20,
    { message: `${zh} tab rendered` },
  );
  assert((await panel.getByTestId('slot-failed').count()) === 0, `${zh}: no part of the tab failed to load`);
  const l = await panel.evaluate(layout);
  assert(l.scrollWidth <= l.innerWidth, `${zh} at ${WIDTH} px: scrollWidth ${l.scrollWidth} > ${l.innerWidth} (${l.over.join('; ')})`);
  const end = await panel.evaluate(endClearsFooter);
  assert(end.bottom <= end.footTop, `${zh}: the end of the content (${end.bottom}px) is hidden under the button bar (top ${end.footTop}px)`);
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await panel.screenshot({ path: path.join(SCREENSHOTS, `${shotName}.png`) });
  await panel.evaluate(() => window.scrollTo(0, 0));
  await panel.screenshot({ path: path.join(SCREENSHOTS, `${shotName}-top.png`) });
}

export const tests = [
  {
    name: `at ${WIDTH} px (Firefox’s default sidebar) no tab scrolls sideways and nothing hides under the button bar`,
    async run({ context, extUrl, portal }) {
      const page = await context.newPage();
      await page.goto(`${portal.url}/app/apply/a/basic?seed=5`);
      await page.getByLabel('单位名称', { exact: true }).waitFor();
      const panel = await context.newPage();
      await panel.setViewportSize({ width: WIDTH, height: 640 });
      await panel.goto(extUrl('sidepanel.html'));
      await page.bringToFront();
      await eventually(async () => (await panel.locator('[data-testid="where"]').innerText()).includes('申报表'), { message: 'panel follows the form' });
      await eventually(async () => (await panel.locator('.clause').count()) > 0, { message: 'pre-check clauses shown' });
      await checkTab(panel, '预检', 'narrow-252-precheck');
      await checkTab(panel, '清单', 'narrow-252-checklist');
      await checkTab(panel, '自评', 'narrow-252-self-evaluation');
      await checkTab(panel, '进度', 'narrow-252-status');

      await tab(panel, '预检').click(); // the review page opens on 推荐 from 预检
      await page.goto(`${portal.url}/app/review/LYG2026-0015`);
      await page.locator('.el-descriptions').first().waitFor();
      await eventually(async () => (await panel.getByTestId('recommender').count()) > 0, { message: '推荐 view opens on the review page' });
      await checkTab(panel, '推荐', 'narrow-252-recommender');
      await page.close();
      await panel.close();
    },
  },
];
