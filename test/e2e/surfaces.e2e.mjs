// Every surface as a person sees it (issue 13 §7, issue 17 §4): the side panel (empty form, half
// filled, a failing fact, the recommender's review page), the overlay on the portal, options, the staff
// console, the expert panel, the self-evaluation editor and the 帮助 / first-run pages, each in 中文
// and English, light and dark, at its normal width and at 200 % zoom (and pages at 320 px, WCAG
// 1.4.10). Screenshots go to test/artifacts/screenshots/surfaces/ to be looked at. The help pages'
// pictures are retaken from the same screens into test/artifacts/help/ and compared with the shipped
// ones (public/help/*.jpg): a picture that no longer shows the UI fails the run, and
// `npm run help:pictures` copies the fresh ones over. The run itself never rewrites a tracked file.
// Checked here: axe (WCAG 2.0–2.2 A/AA rules, including 2.2's target size) finds nothing; nothing
// scrolls sideways; in English no control, heading or label is left in Chinese. The panel's
// before/after numbers (issue 13 "Must hold") are written to test/artifacts/surfaces-numbers.json.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { ARTIFACTS, ROOT, SCREENSHOTS, assert, eventually } from './harness.mjs';
import { HELP_PICTURE_TOLERANCE, pictureDifference } from './picture-difference.mjs';
import { seedCases } from './staff-seed.mjs';
import { leftInOtherLanguage } from '../tools/one-language.mjs';

const require = createRequire(import.meta.url);
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const OUT = path.join(SCREENSHOTS, 'surfaces');
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const LANGS = ['zh', 'en'];
const SCHEMES = ['light', 'dark'];

const problems = [];
/** one-language leaks on surfaces another issue owns (see oneLanguage): written out, not failed on */
const languageOwed = [];
const numbers = {};

async function setLanguage(sw, language) {
  await sw.evaluate((l) => chrome.storage.local.set({ uiPreferences: { language: l, focusTips: true } }), language);
}
async function waitLang(page, l) {
  await eventually(() => page.evaluate((want) => document.documentElement.dataset.lang === want, l), { message: `page shows ${l}` });
}

/** axe with the WCAG A/AA rules up to 2.2; every violation counts (not only serious ones). */
async function axe(page, where, include = null) {
  await page.evaluate(AXE_SOURCE);
  const found = await page.evaluate(async ({ tags, include }) => {
    const r = await globalThis.axe.run(include ? { include: [[include]] } : document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    if (r.passes.length + r.violations.length < 3) return [{ id: 'nothing-checked', nodes: [] }];
    return r.violations.map((v) => ({ id: v.id, nodes: v.nodes.slice(0, 3).map((n) => `${n.target.join(' ')} ${n.html.slice(0, 140)}`) }));
  }, { tags: WCAG_TAGS, include });
  for (const v of found) problems.push(`axe ${where}: ${v.id} → ${v.nodes.join(' | ')}`);
}

/** Nothing sticks out sideways (WCAG 1.4.10 reflow). */
async function reflow(page, where) {
  const r = await page.evaluate(() => {
    const w = document.documentElement.clientWidth;
    const over = [...document.querySelectorAll('body *')].filter((el) => el.checkVisibility() && el.getBoundingClientRect().right > w + 1 && !el.closest('[data-scroll-x]'))
      .slice(0, 4).map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`);
    return { sw: document.documentElement.scrollWidth, w, over };
  });
  if (r.sw > r.w + 1) problems.push(`reflow ${where}: ${r.sw} px wide in ${r.w} px (${r.over.join(', ')})`);
}

/**
 * One language at a time: the very check the unit tests run (test/tools/one-language.mjs) — every text node,
 * option, placeholder, title, aria-label and alt in the page, visible or folded away — in both directions:
 * no Chinese in English (citations and language names aside), no English words in Chinese (GB/T, PDF, Excel… aside).
 */
async function oneLanguage(page, where, l, scope = null, owed = null) {
  // scope: a host whose shadow root is the surface (the overlay on the portal, whose own page is the portal's Chinese)
  const left = await page.evaluate(`(${leftInOtherLanguage})(${JSON.stringify(l)}, ${scope ? `document.querySelector(${JSON.stringify(scope)}).shadowRoot` : 'undefined'})`);
  // TODO(issue 14): the staff console's strings are being put into one language under issue 14; until that lands
  // its leaks are listed (test/artifacts/surfaces-language-owed.txt and the log), not counted. Remove `owed` then.
  if (owed) {
    if (left.length) languageOwed.push(`[${owed}] ${where}: ${left.length} — ${left.join(' | ')}`);
    return;
  }
  if (left.length) problems.push(`${l === 'en' ? 'Chinese left in English' : 'English left in Chinese'} ${where}: ${left.slice(0, 8).join(' | ')}${left.length > 8 ? ` … (${left.length})` : ''}`);
}

/** 200 % zoom lays a page out as a viewport of half the width and height (CSS pixels), which is what is checked here. */
async function emulate(page, { scheme, width, height }) {
  await page.emulateMedia({ colorScheme: scheme });
  await page.setViewportSize({ width, height });
  // the overlay re-places its badges and focus tip on the frame after a resize (hints-ui.ts): measure after it
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(undefined)))));
}

/**
 * One surface through the matrix: `ready(page)` waits for its content; sizes are [name, width, height, scale].
 * Axe and the one-language check run at the normal size, reflow at every size.
 */
async function matrix(env, page, name, sizes, ready, { scope = null, inLanguage = waitLang, owed = null } = {}) {
  const shots = [];
  for (const l of LANGS) {
    await setLanguage(env.sw, l);
    await inLanguage(page, l);
    for (const scheme of SCHEMES) {
      for (const [i, [size, width, height]] of sizes.entries()) {
        await emulate(page, { scheme, width, height });
        await ready(page);
        const where = `${name} ${l} ${scheme} ${size}`;
        await reflow(page, where);
        if (i === 0) {
          await axe(page, where, scope);
          if (scheme === 'light') await oneLanguage(page, where, l, scope, owed);
        }
        fs.mkdirSync(OUT, { recursive: true });
        const file = path.join(OUT, `${name}-${l}-${scheme}-${size}.png`);
        await page.screenshot({ path: file, fullPage: true });
        shots.push(file);
      }
    }
  }
  return shots;
}

const PANEL_SIZES = [['400', 400, 800], ['zoom200', 200, 400]];
const PAGE_SIZES = [['1280', 1280, 800], ['zoom200', 640, 400], ['320', 320, 640]];

/** An extension page opened in Chinese, ready, then photographed through the whole matrix; returned open for more. */
async function photographPage(env, path, name, ready, options = {}) {
  await setLanguage(env.sw, 'zh');
  const page = await env.context.newPage();
  await page.goto(env.extUrl(path));
  await ready(page);
  await matrix(env, page, name, PAGE_SIZES, ready, options);
  return page;
}

async function openPanel(context, extUrl, page) {
  const panel = await context.newPage();
  await panel.setViewportSize({ width: 400, height: 800 });
  await panel.goto(extUrl('sidepanel.html'));
  await page.bringToFront();
  return panel;
}
const panelSettled = async (panel) => {
  await eventually(async () => (await panel.getByTestId('slot-loading').count()) === 0 && (await panel.locator('[role="tabpanel"]').count()) > 0, { message: 'panel settled' });
};

/**
 * Every tab of the side panel as it stands (not only the one it opens on), or the `only` ones: the one-language check
 * at 400 px, reflow and a screenshot at 400 px light and dark and at 200 % light. The tab that was open is open again afterwards.
 */
async function sweepTabs(env, panel, name, only = null) {
  const tabs = panel.locator('[role="tab"]');
  const before = await panel.locator('[role="tab"][aria-selected="true"]').getAttribute('id');
  for (const l of LANGS) {
    await setLanguage(env.sw, l);
    await waitLang(panel, l);
    const ids = (await tabs.evaluateAll((all) => all.map((t) => t.id))).filter((id) => !only || only.includes(id));
    for (const id of ids) {
      await panel.locator(`#${id}`).click();
      const body = panel.locator(`#${id.replace('tab-', 'panel-')}`);
      await eventually(async () => (await panel.locator(`#${id}`).getAttribute('aria-selected')) === 'true' && (await body.count()) > 0
        && (await body.getByTestId('slot-loading').count()) === 0 && (await body.innerText()).trim().length > 0, { message: `${name}: tab ${id} shown` });
      for (const scheme of SCHEMES) {
        for (const [size, width, height] of PANEL_SIZES) {
          if (scheme === 'dark' && size !== '400') continue; // dark at 400 px is enough to look at; keeps the run short
          await emulate(panel, { scheme, width, height });
          const where = `${name} ${id} ${l} ${scheme} ${size}`;
          await reflow(panel, where);
          if (scheme === 'light' && size === '400') await oneLanguage(panel, where, l);
          fs.mkdirSync(OUT, { recursive: true });
          await panel.screenshot({ path: path.join(OUT, `${name}-${id}-${l}-${scheme}-${size}.png`), fullPage: true });
        }
      }
    }
  }
  await panel.locator(`#${before}`).click();
  await emulate(panel, { scheme: 'light', width: 400, height: 800 });
}

/**
 * The lifecycle diagram drawn whole (年度概况 / Year overview) in each language: every stage's name inside its box, no
 * transition's label running into another label or into a stage, and a picture of it to look at.
 */
async function lifecycleLabels(env, staff) {
  await staff.getByTestId('tab-year').click();
  const diagram = staff.getByTestId('lifecycle-diagram');
  await diagram.waitFor();
  for (const l of LANGS) {
    await setLanguage(env.sw, l);
    await waitLang(staff, l);
    await emulate(staff, { scheme: 'light', width: 1280, height: 800 });
    const clashes = await diagram.evaluate((fig) => {
      const box = (el) => el.getBoundingClientRect();
      const inside = (a, b) => a.left >= b.left - 0.5 && a.right <= b.right + 0.5 && a.top >= b.top - 0.5 && a.bottom <= b.bottom + 0.5;
      const meet = (a, b) => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
      const out = [];
      const nodes = [...fig.querySelectorAll('g.node')].map((g) => ({ id: g.dataset.stage, rect: box(g.querySelector(':scope > rect')), texts: [...g.querySelectorAll(':scope > text:not(.here)')] }));
      for (const n of nodes) for (const t of n.texts) if (!inside(box(t), n.rect)) out.push(`stage ${n.id}: “${t.textContent}” leaves its box`);
      const labels = [...fig.querySelectorAll('.edge-label')].filter((t) => t.checkVisibility() && t.textContent.trim());
      labels.forEach((t, i) => {
        const r = box(t);
        for (const u of labels.slice(i + 1)) if (meet(r, box(u))) out.push(`“${t.textContent}” runs into “${u.textContent}”`);
        for (const n of nodes) if (meet(r, n.rect)) out.push(`“${t.textContent}” runs into stage ${n.id}`);
      });
      return out;
    });
    for (const c of clashes) problems.push(`lifecycle diagram ${l}: ${c}`);
    fs.mkdirSync(OUT, { recursive: true });
    await diagram.screenshot({ path: path.join(OUT, `lifecycle-diagram-${l}.png`) });
  }
  await staff.getByTestId('tab-cases').click();
  await setLanguage(env.sw, 'zh');
}

const FRESH_HELP = path.join(ARTIFACTS, 'help');
const SHIPPED_HELP = path.join(ROOT, 'public/help');

/** the help pictures: the first screen, Chinese, light, retaken on every run into test/artifacts/help/ and compared with public/help/ */
async function keepForHelp(env, page, name, size) {
  await setLanguage(env.sw, 'zh');
  await waitLang(page, 'zh');
  await emulate(page, { scheme: 'light', width: size[0], height: size[1] });
  fs.mkdirSync(FRESH_HELP, { recursive: true });
  const fresh = path.join(FRESH_HELP, `${name}.jpg`);
  await page.screenshot({ path: fresh, type: 'jpeg', quality: 72 });
  const shipped = path.join(SHIPPED_HELP, `${name}.jpg`);
  const share = fs.existsSync(shipped) ? await pictureDifference(page, fresh, shipped) : 1;
  numbers.helpPictureDifference = { ...numbers.helpPictureDifference, [name]: Number(share.toFixed(4)) };
  if (share > HELP_PICTURE_TOLERANCE) {
    problems.push(`help picture public/help/${name}.jpg is stale: ${(share * 100).toFixed(1)} % of its pixels differ from the screen now (test/artifacts/help/${name}.jpg); run npm run help:pictures and look at the result before committing`);
  }
}

export const tests = [
  {
    name: 'side panel on an empty form, half filled and with a failing fact; the recommender view; numbers for the note',
    async run(env) {
      const { context, extUrl, portal, sw } = env;
      await setLanguage(sw, 'zh');
      const page = await context.newPage();
      await page.goto(`${portal.url}/app/apply/a/basic?seed=21`);
      await page.getByLabel('单位名称', { exact: true }).waitFor();
      const panel = await openPanel(context, extUrl, page);
      await eventually(async () => (await panel.getByTestId('where').innerText()).includes('申报表'), { message: 'panel follows the form' });
      await panelSettled(panel);
      // before/after: the panel's height on an empty form, the badges on a blank step
      numbers.emptyPanelHeightPx = await panel.evaluate(() => {
        const head = document.querySelector('.panel-head').offsetHeight + document.querySelector('.tabs').offsetHeight;
        const body = document.querySelector('[role="tabpanel"]');
        return Math.round(head + body.scrollHeight + document.querySelector('.panel-foot').offsetHeight + 36);
      });
      numbers.blankStepBadges = await eventually(() => page.evaluate(() => document.querySelector('award-pilot-hints')?.shadowRoot?.querySelectorAll('.badge').length ?? null).then((n) => (n === null ? null : { n })), { message: 'overlay drawn' }).then((x) => x.n);
      numbers.blankStepFields = await page.locator('input:visible, select:visible, textarea:visible').count();
      await matrix(env, panel, 'panel-empty', PANEL_SIZES, panelSettled);

      await setLanguage(sw, 'zh');
      await page.bringToFront();
      await page.getByLabel('单位名称', { exact: true }).fill('连云港示例制造有限公司');
      await page.getByLabel('成立日期', { exact: true }).fill('2015-03-01');
      await eventually(async () => (await panel.getByTestId('verdict').count()) > 0, { message: 'verdict shown' });
      await matrix(env, panel, 'panel-half', PANEL_SIZES, panelSettled);
      await keepForHelp(env, panel, 'applicant', [400, 640]);
      await sweepTabs(env, panel, 'panel-tabs-form');

      await setLanguage(sw, 'zh');
      await page.bringToFront();
      await page.getByLabel('成立日期', { exact: true }).fill(new Date(Date.now() - 400 * 86_400_000).toISOString().slice(0, 10));
      await eventually(async () => (await panel.getByTestId('verdict').innerText()).match(/不符合|暂不符合/), { message: 'failing verdict' });
      await matrix(env, panel, 'panel-error', PANEL_SIZES, panelSettled);

      // the overlay: badges and the focus tip beside 成立日期, light and dark
      await setLanguage(sw, 'zh');
      await page.bringToFront();
      await page.getByLabel('成立日期', { exact: true }).click();
      const tipShown = () => page.evaluate(() => {
        const tip = document.querySelector('award-pilot-hints')?.shadowRoot?.querySelector('.tip:not([hidden])');
        return !!tip && getComputedStyle(tip).visibility !== 'hidden';
      });
      await eventually(tipShown, { message: 'focus tip shown' });
      const overlayIn = (p, l) => eventually(() => p.evaluate((want) => {
        const b = document.querySelector('award-pilot-hints')?.shadowRoot?.querySelector('.badge');
        return !!b && /[\u3400-\u9fff]/.test(b.textContent) === (want !== 'en');
      }, l), { message: `overlay in ${l}` });
      await matrix(env, page, 'overlay', [['1366', 1366, 768], ['zoom200', 683, 384]], async (p) => {
        await p.getByLabel('成立日期', { exact: true }).focus();
        await eventually(tipShown, { message: 'focus tip shown' });
      }, { scope: 'award-pilot-hints', inLanguage: overlayIn });

      // the recommender: the opinion's distance from the top of the panel
      await setLanguage(sw, 'zh');
      await page.goto(`${portal.url}/app/review/LYG2026-0015`);
      await page.locator('.el-descriptions').first().waitFor();
      await eventually(async () => (await panel.getByTestId('recommender').count()) > 0 && (await panel.getByTestId('opinion').inputValue()).length > 0, { message: '推荐 view with its draft opinion' });
      await emulate(panel, { scheme: 'light', width: 400, height: 800 });
      numbers.recommenderOpinionTopPx = await panel.evaluate(() => Math.round(document.querySelector('[data-testid="opinion"]').getBoundingClientRect().top + window.scrollY));
      await matrix(env, panel, 'panel-recommender', PANEL_SIZES, panelSettled);
      await keepForHelp(env, panel, 'recommender', [400, 640]);
      await sweepTabs(env, panel, 'panel-tabs-review', ['tab-recommender', 'tab-checklist']);
      await panel.close();
      await page.close();
      fs.writeFileSync(path.join(SCREENSHOTS, '..', 'surfaces-numbers.json'), JSON.stringify(numbers, null, 2));
      console.log(`    numbers: ${JSON.stringify(numbers)}`);
      assert(numbers.emptyPanelHeightPx < 3584, `the panel on an empty form is shorter than before (3,584 px): ${numbers.emptyPanelHeightPx}`);
      assert(numbers.recommenderOpinionTopPx < 800, `the opinion is in the first screen of a 400×800 panel (before: y = 3,958): ${numbers.recommenderOpinionTopPx}`);
    },
  },
  {
    name: 'options, staff console, expert panel and self-evaluation editor',
    async run(env) {
      await (await photographPage(env, 'options.html', 'options', (p) => p.getByTestId('profile-editor').waitFor())).close();

      const staff = await photographPage(env, 'dashboard.html', 'staff-empty', (p) => p.getByTestId('summary-strip').waitFor());
      await setLanguage(env.sw, 'zh');
      await emulate(staff, { scheme: 'light', width: 1280, height: 800 });
      await staff.click('[data-testid="import-open"]');
      await staff.setInputFiles('[data-testid="import-file"]', { name: 'cases.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(seedCases())) });
      await staff.locator('[data-testid="import-confirm"]').click();
      await eventually(async () => (await staff.locator('[data-testid="case-row"]').count()) > 5, { message: 'cases listed' });
      await staff.locator('[data-testid="case-row"]').first().click();
      await staff.getByTestId('case-view').waitFor();
      await matrix(env, staff, 'staff-case', PAGE_SIZES, (p) => p.getByTestId('case-view').waitFor());
      await keepForHelp(env, staff, 'clerk', [1280, 720]);
      await lifecycleLabels(env, staff);
      await staff.close();

      await (await photographPage(env, 'experts.html', 'experts', (p) => p.locator('.ex-top').waitFor())).close();
      await (await photographPage(env, 'report.html?kind=organization&mode=edit', 'self-evaluation', (p) => p.getByTestId('self-evaluation').waitFor())).close();
      await setLanguage(env.sw, 'zh');
    },
  },
  {
    name: 'help pages (one per role) and the first-run page',
    async run(env) {
      const { context, extUrl } = env;
      for (const [name, url] of [['help-applicant', 'help.html#applicant'], ['help-recommender', 'help.html#recommender'], ['help-clerk', 'help.html#clerk'], ['welcome', 'help.html?welcome=1']]) {
        await setLanguage(env.sw, 'zh');
        const page = await context.newPage();
        await page.goto(extUrl(url));
        await page.getByTestId('help').waitFor();
        await matrix(env, page, name, PAGE_SIZES, (p) => p.getByTestId('help').waitFor());
        await page.close();
      }
      await setLanguage(env.sw, 'zh');
    },
  },
  {
    // last of the pictures: reading the status page fills the case log, which the staff console above must not see yet
    name: 'side panel: every tab beside the portal’s status page (进度 with the cases read from it)',
    async run(env) {
      const { context, extUrl, portal, sw } = env;
      await setLanguage(sw, 'zh');
      const page = await context.newPage();
      await page.goto(`${portal.url}/app/my-applications`);
      await page.locator('table.status-table').waitFor();
      const panel = await openPanel(context, extUrl, page);
      await eventually(async () => (await panel.getByTestId('where').innerText()).includes('申报进度'), { message: 'panel follows the status page' });
      await panelSettled(panel);
      await panel.locator('#tab-status').click();
      await eventually(async () => (await panel.getByTestId('case-stage').count()) > 0, { message: '进度 shows the case' });
      await sweepTabs(env, panel, 'panel-tabs-status', ['tab-status']);
      await panel.close();
      await page.close();
      await setLanguage(sw, 'zh');
    },
  },
  {
    name: 'no axe violation, no sideways scrolling and one language at a time (no Chinese in English, no English words in Chinese) on any surface',
    async run() {
      fs.writeFileSync(path.join(SCREENSHOTS, '..', 'surfaces-language-owed.txt'), `${languageOwed.join('\n')}\n`);
      if (languageOwed.length) console.log(`    one language owed elsewhere (not counted here; test/artifacts/surfaces-language-owed.txt):\n    ${languageOwed.map((x) => x.slice(0, 300)).join('\n    ')}`);
      assert(problems.length === 0, `${problems.length} problems:\n${problems.join('\n')}`);
    },
  },
];
