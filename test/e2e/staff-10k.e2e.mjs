// The staff page with 10,000 cases at the office's two screen sizes (1366×768, 1920×1080): the list,
// an open case with its diagram pane, and the year report, each screenshotted. Checks the layout holds
// what the issue asked: names readable beside an open case, diagram labels ≥ 12 px at 100 %, the
// current stage in view when a case opens, the splitter resizes by keyboard and is remembered.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { assert, assertEqual, eventually, screenshot } from './harness.mjs';

const DB_NAME = 'award-pilot';
const SIZES = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
];

async function seed10k(page) {
  const src = fs.readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), '../bench/fixtures/cases.mjs'), 'utf8');
  await page.evaluate(`${src.replace(/^export /gm, '')}\nwindow.__generateCases = generateCases;`);
  return page.evaluate(async (dbName) => {
    const all = window.__generateCases(10_000);
    const db = await new Promise((resolve, reject) => { const r = indexedDB.open(dbName); r.onsuccess = () => resolve(r.result); r.onerror = () => reject(r.error); });
    const recordedAt = new Date().toISOString();
    for (let i = 0; i < all.length; i += 1000) {
      const tx = db.transaction(['cases', 'caseEvents'], 'readwrite', { durability: 'relaxed' });
      for (const c of all.slice(i, i + 1000)) {
        tx.objectStore('cases').put(c.header);
        for (const event of c.events) tx.objectStore('caseEvents').add({ caseId: c.header.id, event, recordedAt, recordedBy: 'import' });
      }
      await new Promise((resolve, reject) => { tx.oncomplete = resolve; tx.onerror = () => reject(tx.error); });
    }
    db.close();
    return all.length;
  }, DB_NAME);
}

let page;

/** Downloads the year report as .docx and .xlsx into test/artifacts/reports/, for LibreOffice to open. */
async function saveReports(tag) {
  fs.mkdirSync('test/artifacts/reports', { recursive: true });
  for (const kind of ['docx', 'xlsx']) {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(`[data-testid="year-report-${kind}"]`)]);
    assert(download.suggestedFilename().endsWith(`.${kind}`), `${kind} download: ${download.suggestedFilename()}`);
    await download.saveAs(path.join('test/artifacts/reports', `year-report-${tag}.${kind}`));
  }
}

const setLanguage = (language) => page.evaluate((l) => chrome.storage.local.set({ uiPreferences: { language: l, focusTips: true } }), language);

async function loaded(p) {
  await p.locator('[data-testid="summary-strip"]').waitFor();
  await eventually(async () => (await p.locator('[data-testid="loading"]').count()) === 0 && (await p.locator('[data-testid="case-row"]').count()) > 0, { timeout: 60_000, message: 'all cases loaded' });
}

export const tests = [
  {
    name: 'seed 10,000 cases into the extension database',
    async run(env) {
      page = await env.context.newPage();
      await page.goto(env.extUrl('dashboard.html'));
      await page.locator('[data-testid="summary-strip"]').waitFor();
      // A reused profile (local runs: STAFF_PROFILE) may hold them already.
      const have = await page.evaluate((dbName) => new Promise((resolve) => { const r = indexedDB.open(dbName); r.onsuccess = () => { const q = r.result.transaction('cases').objectStore('cases').count(); q.onsuccess = () => (r.result.close(), resolve(q.result)); }; }), DB_NAME);
      if (have < 10_000) assertEqual(await seed10k(page), 10_000, 'cases seeded');
      await page.reload();
      await loaded(page);
    },
  },
  ...SIZES.map((size) => ({
    name: `${size.width}×${size.height}: list, case with diagram pane, names readable, labels ≥ 12 px`,
    async run(env) {
      await page.setViewportSize(size);
      await page.goto(env.extUrl('dashboard.html'));
      await loaded(page);
      await screenshot(page, `staff-10k-list-${size.width}`);
      // Open an awarded case (it has the most to show).
      await page.click('[data-testid="chip-awarded"]');
      await page.locator('[data-testid="case-row"].stage-awarded').first().click();
      await page.locator('[data-testid="case-view"]').waitFor();
      // The list keeps a readable width: the name column shows at least 12 CJK characters.
      const nameWidth = await page.locator('[data-testid="case-row"] .c-name').first().evaluate((e) => e.getBoundingClientRect().width);
      assert(nameWidth >= 12 * 13, `name column ${nameWidth}px wide beside an open case`);
      // The diagram pane: at 100 %, labels ≥ 12 px, the current stage inside the pane.
      const pane = page.locator('[data-testid="lifecycle-diagram"]');
      assertEqual(await pane.getAttribute('data-scale'), '1.00', 'diagram opens at 100 %');
      const sizes = await pane.evaluate((fig) => [...fig.querySelectorAll('.diagram-viewport text')].map((t) => parseFloat(getComputedStyle(t).fontSize) * (t.getScreenCTM()?.a ?? 1)));
      assert(sizes.length > 20 && Math.min(...sizes) >= 12, `smallest diagram label ${Math.min(...sizes)} px`);
      const inView = await pane.evaluate((fig) => {
        const vp = fig.querySelector('.diagram-viewport').getBoundingClientRect();
        const cur = fig.querySelector('.node.current rect').getBoundingClientRect();
        return cur.top >= vp.top && cur.bottom <= vp.bottom && cur.left >= vp.left && cur.right <= vp.right;
      });
      assert(inView, 'current stage is inside the diagram pane');
      await screenshot(page, `staff-10k-case-${size.width}`);
      // Fit shows the whole drawing; the legend's end-state swatch is drawn like the end states.
      await page.click('[data-testid="diagram-fit"]');
      await eventually(async () => Number(await pane.getAttribute('data-scale')) < 1, { message: 'fit zooms out' });
      const [swatch, node] = await pane.evaluate((fig) => [
        getComputedStyle(fig.querySelector('.legend .node.final.negative:not(.visited) rect')).stroke,
        getComputedStyle(fig.querySelector('.diagram-viewport .node.final.negative:not(.visited) rect')).stroke,
      ]);
      assertEqual(swatch, node, 'legend end-state swatch stroke matches the drawn end states');
      await page.locator('[data-testid="lifecycle-diagram"]').screenshot({ path: path.join('test/artifacts/screenshots', `staff-10k-diagram-${size.width}.png`) });
      // Duties after the award: dated tasks with a status, below the diagram.
      const duties = page.locator('[data-testid="after-award"]');
      if (await page.locator('[data-testid="case-stage"][data-stage="awarded"]').count()) {
        await duties.scrollIntoViewIfNeeded();
        // the after-award section loads with the first awarded case: wait for its rows, then count them
        await eventually(async () => (await page.locator('[data-testid="duty-tasks"] tbody tr').count()) === 5, { message: 'five dated duties' });
        await duties.screenshot({ path: path.join('test/artifacts/screenshots', `staff-10k-duties-${size.width}.png`) });
      }
      // The year report: every section shown, both downloads offered.
      await page.click('[data-testid="tab-year"]');
      const report = page.locator('[data-testid="year-report"]');
      await report.waitFor();
      assertEqual(await report.locator('.report-section').count(), 5, 'five report sections');
      await screenshot(page, `staff-10k-year-report-${size.width}`);
      await saveReports(`zh-${size.width}`);
      await page.click('[data-testid="tab-cases"]');
    },
  })),
  {
    name: 'in English at 1366×768: the case, its diagram and the year report, with no Chinese in the report',
    async run(env) {
      await page.setViewportSize(SIZES[0]);
      await setLanguage('en');
      try {
        await page.goto(env.extUrl('dashboard.html'));
        await loaded(page);
        await eventually(async () => (await page.evaluate(() => document.documentElement.lang)) === 'en', { message: 'page in English' });
        await page.click('[data-testid="chip-awarded"]');
        await page.locator('[data-testid="case-row"].stage-awarded').first().click();
        await page.locator('[data-testid="case-view"]').waitFor();
        await screenshot(page, 'staff-10k-case-en-1366');
        await page.click('[data-testid="diagram-fit"]');
        await eventually(async () => Number(await page.locator('[data-testid="lifecycle-diagram"]').getAttribute('data-scale')) < 1, { message: 'fit zooms out' });
        await page.locator('[data-testid="lifecycle-diagram"]').screenshot({ path: path.join('test/artifacts/screenshots', 'staff-10k-diagram-en-1366.png') });
        await page.click('[data-testid="tab-year"]');
        const report = page.locator('[data-testid="year-report"]');
        await report.waitFor();
        const heading = await report.locator('h4').first().textContent();
        assert(/^1\. Cases by stage/.test(heading ?? ''), `English report heading: ${heading}`);
        await screenshot(page, 'staff-10k-year-report-en-1366');
        await saveReports('en-1366');
        await page.click('[data-testid="tab-cases"]');
      } finally {
        await setLanguage('auto');
      }
    },
  },
  {
    name: 'splitter: arrow keys resize the list; the width is remembered after a reload',
    async run(env) {
      const splitter = page.locator('[data-testid="list-splitter"]');
      const before = Number(await splitter.getAttribute('aria-valuenow'));
      await splitter.focus();
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      const after = Number(await splitter.getAttribute('aria-valuenow'));
      assertEqual(after, before + 40, 'two arrow presses widen the list by 40 px');
      const listWidth = await page.locator('.case-list').evaluate((e) => Math.round(e.getBoundingClientRect().width));
      assert(Math.abs(listWidth - after) <= 1, `list is ${listWidth}px, splitter says ${after}`);
      await page.reload();
      await loaded(page);
      await eventually(async () => Number(await page.locator('[data-testid="list-splitter"]').getAttribute('aria-valuenow')) === after, { message: 'width remembered' });
    },
  },
];
