// The staff case list in a narrow window (400 px, and 683 px: a 1366 px screen at 200 % zoom), light and dark,
// Chinese and English: no column header squashed into one character per line or overlapping another, and every
// row shows its applicant's whole name where a clerk can see it. Screenshots: test/artifacts/screenshots/staff-narrow-*.
import { assert, eventually, screenshot } from './harness.mjs';
import { seedCases } from './staff-seed.mjs';

const json = (data, name) => ({ name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(data)) });

/** What a person sees of the list, measured in the page: header text lines and boxes, row names and what covers them. */
function measureList() {
  const shown = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
  const textRects = (el) => {
    const range = document.createRange();
    range.selectNodeContents(el);
    return [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
  };
  const box = (rects) => rects.reduce((b, r) => ({ left: Math.min(b.left, r.left), top: Math.min(b.top, r.top), right: Math.max(b.right, r.right), bottom: Math.max(b.bottom, r.bottom) }), { left: Infinity, top: Infinity, right: -Infinity, bottom: -Infinity });
  const headers = [...document.querySelectorAll('.case-head > span')].filter((el) => shown(el) && el.textContent.trim()).map((el) => {
    // each visible line of the header's text (a label broken into one character per line has one line per character)
    const lines = [];
    for (const node of el.querySelectorAll('*:not(:has(*))')) {
      if (!shown(node) || !node.textContent.trim()) continue;
      for (const r of textRects(node)) if (!lines.some((top) => Math.abs(top - r.top) < 4)) lines.push(r.top);
    }
    // the language the page shows: one label per header, two in 中英对照 (each may take a line)
    const labels = [...el.querySelectorAll('[lang]')].filter(shown).length || 1;
    // what shows of the text: a cell that clips (ellipsis) shows only what lies inside it
    const text = box(textRects(el));
    const cell = el.getBoundingClientRect();
    const clips = getComputedStyle(el).overflowX !== 'visible';
    const seen = clips ? { left: Math.max(text.left, cell.left), right: Math.min(text.right, cell.right), top: Math.max(text.top, cell.top), bottom: Math.min(text.bottom, cell.bottom) } : text;
    return { text: el.textContent.trim(), lines: lines.length, labels, box: seen };
  });
  const head = document.querySelector('.case-head').getBoundingClientRect();
  const rows = [...document.querySelectorAll('[data-testid="case-row"]')].map((row) => {
    const rowBox = row.getBoundingClientRect();
    const cell = row.querySelector('.c-name');
    const name = cell.querySelector('[translate="no"]');
    const nameBox = box(textRects(name));
    const list = row.closest('.vlist').getBoundingClientRect();
    // inside the list's scroll box and inside the window
    const inView = rowBox.bottom <= Math.min(list.bottom, innerHeight) + 0.5 && rowBox.top >= Math.max(list.top, 0) - 0.5;
    const cx = (nameBox.left + nameBox.right) / 2;
    const cy = (nameBox.top + nameBox.bottom) / 2;
    const hit = inView && Number.isFinite(cx) ? document.elementFromPoint(cx, cy) : null;
    const style = getComputedStyle(name);
    return {
      name: name.textContent,
      inView,
      width: nameBox.right - nameBox.left,
      // the whole name fits its cell (no ellipsis, nothing cut off) and the cell lies inside the row
      clipped: cell.scrollWidth > cell.clientWidth + 1 || nameBox.right > rowBox.right + 1 || nameBox.left < rowBox.left - 1 || nameBox.bottom > rowBox.bottom + 1,
      covered: inView && !(hit && name.contains(hit)),
      visible: style.visibility !== 'hidden' && Number(style.opacity) > 0 && style.color !== 'rgba(0, 0, 0, 0)',
    };
  });
  return { headers, head: { height: head.height }, rows, overflowX: document.documentElement.scrollWidth - document.documentElement.clientWidth };
}

const overlap = (a, b) => a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1;

function checkList(m, where) {
  for (const h of m.headers) {
    assert(h.lines <= h.labels * 2 && h.lines <= 2 * Math.max(1, h.labels), `${where}: header “${h.text}” takes ${h.lines} lines (one character per line?)`);
  }
  for (let i = 0; i < m.headers.length; i++) {
    for (let j = i + 1; j < m.headers.length; j++) {
      assert(!overlap(m.headers[i].box, m.headers[j].box), `${where}: headers “${m.headers[i].text}” and “${m.headers[j].text}” overlap`);
    }
  }
  // with the list scrolled into the window, a clerk sees several whole rows at once
  const seen = m.rows.filter((r) => r.inView).length;
  assert(seen >= 5, `${where}: ${seen} whole rows in view (at least 5)`);
  for (const r of m.rows) {
    assert(r.width > 0 && r.visible, `${where}: the name “${r.name}” is shown (width ${r.width})`);
    assert(!r.clipped, `${where}: the name “${r.name}” is shown whole, not cut off`);
    if (r.inView) assert(!r.covered, `${where}: nothing covers the name “${r.name}”`);
  }
  assert(m.overflowX <= 0, `${where}: the page does not scroll sideways (${m.overflowX} px too wide)`);
}

const setLanguage = (page, l) => page.evaluate((language) => chrome.storage.local.set({ uiPreferences: { language, focusTips: true } }), l);

export const tests = [
  {
    name: 'the case list at 400 px and at 200 % zoom (683 px), light and dark: readable headers, every name shown',
    async run(env) {
      const page = await env.context.newPage();
      const errors = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      await page.goto(env.extUrl('dashboard.html'));
      await page.locator('[data-testid="empty-list"]').waitFor();
      await page.click('[data-testid="import-open"]');
      await page.setInputFiles('[data-testid="import-file"]', json(seedCases(), 'seed.json'));
      await page.locator('[data-testid="import-preview"]').waitFor();
      await page.click('[data-testid="import-confirm"]');
      await eventually(async () => (await page.locator('[data-testid="list-count"]').textContent()).includes('共 30 件'), { message: '30 cases listed' });
      const failures = [];
      // Chinese, English and 中英对照 (Chinese with English beside it)
      for (const language of ['zh', 'en', 'both']) {
        if (language !== 'zh') {
          await setLanguage(page, language);
          await eventually(async () => (await page.evaluate(() => document.documentElement.dataset.lang)) === language, { message: `page in ${language}` });
        }
        for (const scheme of ['light', 'dark']) {
          await page.emulateMedia({ colorScheme: scheme });
          // a 400 px window; 1366×768 at 200 % zoom (683×384 CSS px); 1366×768
          for (const [width, height] of [[400, 800], [683, 384], [1366, 768]]) {
            await page.setViewportSize({ width, height });
            await eventually(async () => (await page.evaluate(() => window.innerWidth)) === width, { message: `viewport ${width}` });
            // what a clerk does in a short window: bring the list into view (the page scrolls, the list scrolls inside)
            await page.locator('.case-list').evaluate((el) => el.scrollIntoView({ block: 'end' }));
            await screenshot(page, `staff-narrow-${language}-${scheme}-${width}x${height}`);
            // the list re-renders its rows after the resize (ResizeObserver): measure until it holds, report the last miss
            let miss = null;
            const held = await eventually(async () => {
              try {
                checkList(await page.evaluate(measureList), `${language} ${scheme} ${width}×${height} px`);
                return true;
              } catch (e) {
                miss = e.message;
                return false;
              }
            }, { timeout: 4000, message: 'the list checks' }).catch(() => false);
            if (!held) failures.push(miss);
          }
        }
      }
      await setLanguage(page, 'zh');
      await eventually(async () => (await page.evaluate(() => document.documentElement.lang)) === 'zh-CN', { message: 'page in Chinese' });
      await page.emulateMedia({ colorScheme: 'light' });
      assert(failures.length === 0, `${failures.length} problems:\n${failures.join('\n')}`);
      // a case opened in a 400 px window takes the page (no list squeezed beside it); its ✕ brings the list back
      await page.setViewportSize({ width: 400, height: 800 });
      await page.locator('[data-testid="case-row"]').nth(2).click();
      const view = page.getByTestId('case-view');
      await view.waitFor();
      const fit = await view.evaluate((el) => ({ width: el.getBoundingClientRect().width, over: document.documentElement.scrollWidth - document.documentElement.clientWidth }));
      await screenshot(page, 'staff-narrow-zh-light-400x800-case');
      assert(fit.width >= 360 && fit.over <= 0, `the case view has the page's width (${fit.width} px, ${fit.over} px sideways)`);
      assert(!(await page.locator('.case-list').isVisible()), 'the list steps aside while a case is open');
      await view.locator('button.close').click();
      await page.locator('.case-list').waitFor();
      assert(!(await view.isVisible()), 'closing the case shows the list again');
      assert(errors.length === 0, `no page errors: ${errors.join('; ')}`);
      await page.close();
    },
  },
];
