// Accessibility: axe-core (the engine behind Lighthouse and Deque's tools) over every extension page and
// over our own overlay on the portal, in the states a person sees. Serious and critical violations fail;
// the portal's own markup is not ours to fix, so on the portal only our shadow host is checked.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { assert, eventually, screenshot } from './harness.mjs';
import { seedCases } from './staff-seed.mjs';

const require = createRequire(import.meta.url);
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** Runs axe in the page (CDP evaluation is not bound by the extension page's CSP) and returns the serious findings. */
async function seriousViolations(page, context = null) {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async (include) => {
    const result = await globalThis.axe.run(include ? { include: [[include]] } : document, {
      resultTypes: ['violations'],
      rules: { 'color-contrast': { enabled: true } },
    });
    // axe ran and checked something: rules that passed or failed (a scope with nothing in it would check none)
    if (result.passes.length + result.violations.length < 5) return [{ id: 'nothing-checked', impact: 'critical', help: 'axe found nothing to check', nodes: [] }];
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => `${n.target.join(" ")} [${(n.failureSummary ?? "").replace(/\s+/g, " ").slice(0, 260)}] ${n.html.slice(0, 200)}`) }));
  }, context);
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

function report(where, violations) {
  return `${where}: ${violations.map((v) => `${v.id} (${v.impact}) ${v.help} → ${v.nodes.join(' | ')}`).join('; ')}`;
}

async function openFormWithPanel(context, extUrl, portal) {
  const page = await context.newPage();
  await page.goto(`${portal.url}/app/apply/a/basic?seed=11`);
  await page.getByLabel('单位名称', { exact: true }).waitFor();
  const panel = await context.newPage();
  await panel.setViewportSize({ width: 360, height: 760 });
  await panel.goto(extUrl('sidepanel.html'));
  await page.bringToFront();
  await eventually(async () => (await panel.locator('[data-testid="where"]').innerText()).includes('申报表'), { message: 'panel follows the form' });
  return { page, panel };
}

export const tests = [
  {
    name: 'side panel: every tab has no serious or critical axe violations (names, roles, contrast)',
    async run({ context, extUrl, portal }) {
      const { page, panel } = await openFormWithPanel(context, extUrl, portal);
      // a failing clause, so the verdict banner and red badges are on screen
      await page.getByLabel('成立日期', { exact: true }).fill(new Date(Date.now() - 400 * 86_400_000).toISOString().slice(0, 10));
      await eventually(async () => (await panel.locator('[data-testid="verdict"]').count()) > 0, { message: 'verdict shown' });
      const problems = [];
      for (const tabName of ['预检', '清单', '自评', '进度']) {
        await panel.getByRole('tab', { name: new RegExp(tabName) }).click();
        await eventually(async () => (await panel.getByTestId('slot-loading').count()) === 0, { message: `${tabName} loaded` });
        const found = await seriousViolations(panel);
        if (found.length) problems.push(report(`side panel ${tabName}`, found));
      }
      await screenshot(panel, 'a11y-sidepanel');
      await panel.close();
      await page.close();
      assert(problems.length === 0, problems.join('\n'));
    },
  },
  {
    name: 'recommender view (推荐) on the review page, the print view and the full-tab self-evaluation editor have no serious or critical axe violations',
    async run({ context, extUrl, portal }) {
      const problems = [];
      const review = await context.newPage();
      await review.goto(`${portal.url}/app/review/LYG2026-0015`);
      await review.locator('.el-descriptions').first().waitFor();
      const panel = await context.newPage();
      await panel.setViewportSize({ width: 360, height: 760 });
      await panel.goto(extUrl('sidepanel.html'));
      await review.bringToFront();
      await eventually(async () => (await panel.getByTestId('recommender').count()) > 0 && (await panel.getByTestId('opinion').inputValue()).length > 0, { message: '推荐 view with its draft opinion' });
      let found = await seriousViolations(panel);
      if (found.length) problems.push(report('side panel 推荐', found));
      await panel.close();
      await review.close();
      const views = [
        ['report.html?kind=organization', '[data-testid="print-report"], [data-testid="print-empty"]'],
        ['report.html?kind=individual', '[data-testid="print-report"], [data-testid="print-empty"]'],
        ['report.html?kind=organization&mode=edit', '[data-testid="self-evaluation"]'],
        ['report.html?kind=individual&mode=edit', '[data-testid="self-evaluation"][data-kind="individual"]'],
      ];
      for (const [url, ready] of views) {
        const page = await context.newPage();
        await page.goto(extUrl(url));
        await page.locator(ready).first().waitFor();
        found = await seriousViolations(page);
        if (found.length) problems.push(report(url, found));
        await page.close();
      }
      assert(problems.length === 0, problems.join('\n'));
    },
  },
  {
    name: 'our overlay on the portal (hint badges, focus tip) has no serious or critical axe violations',
    async run({ context, portal }) {
      const page = await context.newPage();
      await page.goto(`${portal.url}/app/apply/a/basic?seed=12`);
      const date = page.getByLabel('成立日期', { exact: true });
      await date.waitFor();
      await date.fill(new Date(Date.now() - 400 * 86_400_000).toISOString().slice(0, 10));
      await eventually(async () => (await page.locator('award-pilot-hints').count()) > 0, { message: 'overlay host drawn' });
      await eventually(() => page.evaluate(() => (document.querySelector('award-pilot-hints')?.shadowRoot?.querySelectorAll('.badge').length ?? 0) > 0), { message: 'badges drawn' });
      await date.click();
      await eventually(() => page.evaluate(() => {
        const tip = document.querySelector('award-pilot-hints')?.shadowRoot?.querySelector('.tip:not([hidden])');
        return !!tip && getComputedStyle(tip).visibility !== 'hidden';
      }), { message: 'focus tip shown' });
      const found = await seriousViolations(page, 'award-pilot-hints');
      await page.close();
      assert(found.length === 0, report('portal overlay', found));
    },
  },
  {
    name: 'staff console (list, case view, year overview, bans) and options page have no serious or critical axe violations',
    async run({ context, extUrl }) {
      const problems = [];
      const staff = await context.newPage();
      await staff.goto(extUrl('dashboard.html'));
      await staff.locator('[data-testid="summary-strip"]').waitFor();
      await staff.click('[data-testid="import-open"]');
      await staff.setInputFiles('[data-testid="import-file"]', { name: 'cases.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(seedCases())) });
      const confirm = staff.locator('[data-testid="import-confirm"]');
      await confirm.waitFor();
      let found = await seriousViolations(staff);
      if (found.length) problems.push(report('staff import preview', found));
      await confirm.click();
      await eventually(async () => Number(await staff.locator('[data-testid="list-count"]').getAttribute('data-count') ?? (await staff.locator('[data-testid="list-count"]').textContent())?.match(/\d+/)?.[0]) >= 30, { message: '30 cases listed' });
      found = await seriousViolations(staff);
      if (found.length) problems.push(report('staff list', found));
      await staff.locator('[data-testid="case-row"]').first().click();
      await staff.locator('[data-testid="case-view"]').waitFor();
      found = await seriousViolations(staff);
      if (found.length) problems.push(report('staff case view', found));
      for (const view of [/年度概况/, /禁申与锁定/]) {
        await staff.getByRole('tab', { name: view }).click();
        found = await seriousViolations(staff);
        if (found.length) problems.push(report(`staff ${view.source}`, found));
      }
      await staff.close();

      const options = await context.newPage();
      await options.goto(extUrl('options.html'));
      await options.getByTestId('profile-editor').waitFor();
      found = await seriousViolations(options);
      if (found.length) problems.push(report('options', found));
      await options.close();
      assert(problems.length === 0, problems.join('\n'));
    },
  },
];
