// The extension in Firefox (firefox-mv2 package): the content script on the demo portal, the side
// panel page (as a tab and as Firefox's real sidebar), and IndexedDB in the extension origin.
// One browser for the whole file; tests run in order and share the portal tab.
import { assert, assertEqual, chromeEval, eventually, openExtensionPage, openSidebar, screenshot, yearsAgo } from './harness.mjs';

const HOST = 'award-pilot-hints';
const failBadge = (field) => `${HOST} >>> .badges[data-field="${field}"] .badge[data-tone="fail"]`;
const PROFILE = '连云港示例装备有限公司（Firefox）成立于 2012 年，主营港口起重装备。';

/** The id of the control a person finds by its Chinese label (variant A labels carry `for`). */
async function fieldId(page, label) {
  // The portal's own script renders the form after the page (and our content script) loaded: on a busy machine the
  // labels can come later than the content script's host, so wait for them as a person would.
  const id = await page
    .waitForFunction((text) => [...document.querySelectorAll('label[for]')].find((l) => l.textContent.trim() === text)?.htmlFor ?? null, { timeout: 15_000 }, label)
    .then((h) => h.jsonValue())
    .catch(() => null);
  assert(id, `the portal form has a field labelled ${label}`);
  assert(/^[A-Za-z][\w-]*$/.test(id), `a plain id for ${label}: ${id}`);
  return `#${id}`;
}

/** Types into the field labelled `label` like a person (clearing it first), then clicks away. */
async function typeInto(page, label, text) {
  const sel = await fieldId(page, label);
  await page.click(sel, { count: 3 });
  await page.keyboard.press('Backspace');
  await page.type(sel, text);
  await page.click('h1.page-title');
}

/** Clicks the visible text of an option in the form item labelled `label` (radio or checkbox), like a person. */
async function choose(page, label, option) {
  const handle = await page.evaluateHandle(([text, opt]) => {
    const item = [...document.querySelectorAll('.el-form-item')].find((i) => i.querySelector('.el-form-item__label')?.textContent.trim() === text);
    return [...(item?.querySelectorAll('label.el-radio, label.el-checkbox') ?? [])].find((l) => opt === null || l.textContent.trim() === opt) ?? null;
  }, [label, option]);
  const el = handle.asElement();
  assert(el, `the form item ${label} has the option ${option ?? '(checkbox)'}`);
  // A person's press lasts a moment (80 ms): the focus tip shows on mousedown and is positioned on
  // the next frame, and a zero-length synthetic press can release on the tip instead (src/portal/dom/hints-ui.ts).
  await el.click({ delay: 80 });
  await page.click('h1.page-title'); // the focus tip under a field would cover the next one
}

async function badgeTexts(page, field) {
  return page.evaluate(([host, f]) => {
    const box = document.querySelector(host)?.shadowRoot?.querySelector(`.badges[data-field="${f}"]`);
    if (!box || box.hidden) return [];
    return [...box.querySelectorAll('.badge')].map((b) => ({ tone: b.dataset.tone, text: b.textContent, title: b.title }));
  }, [HOST, field]);
}

const verdictOf = (panel) => panel.evaluate(() => document.querySelector('[data-testid="verdict"]')?.dataset.verdict ?? null);
const clauseStatus = (panel, rule) => panel.evaluate((r) => document.querySelector(`.clause[data-rule="${r}"]`)?.dataset.status ?? null, rule);

/** What a person sees in the real sidebar: verdict, clause 8.1, and whether the page fits its width. */
const readSidebar = (sidebar) => sidebar.read(`(win) => {
  const d = win.document;
  const titles = [...d.querySelectorAll('.clause-title')].map((t) => t.getBoundingClientRect().width);
  return {
    url: win.location.href,
    verdict: d.querySelector('[data-testid="verdict"]')?.dataset.verdict ?? null,
    banner: d.querySelector('.verdict-title')?.textContent ?? '',
    clause81: d.querySelector('.clause[data-rule="8.1"]')?.dataset.status ?? null,
    text: d.body.innerText,
    width: win.innerWidth,
    overflow: d.documentElement.scrollWidth - d.documentElement.clientWidth,
    clippedTabs: [...d.querySelectorAll('[role="tab"], .tabs button')].filter((t) => t.getBoundingClientRect().right > d.documentElement.clientWidth + 0.5).map((t) => t.textContent.trim()),
    narrowestTitle: titles.length ? Math.round(Math.min(...titles)) : null,
  };
}`);

export const tests = [
  {
    name: 'the add-on installs as a temporary extension with the manifest’s gecko id',
    async run({ installedId, geckoId, manifest }) {
      assertEqual(installedId, geckoId, 'installExtension returns the gecko id');
      assertEqual(manifest.manifest_version, 2, 'the Firefox package is MV2');
      assert(manifest.sidebar_action?.default_panel === 'sidepanel.html', 'sidebar_action shows sidepanel.html');
    },
  },
  {
    name: 'content script: badge beside 成立日期 appears for a two-year-old company (第八条（一）) and goes when fixed',
    async run(env) {
      const page = await env.browser.newPage();
      env.portalPage = page;
      await page.goto(`${env.portal.url}/app/apply/a/basic?seed=7`);
      await page.waitForSelector(HOST, { timeout: 10_000 });
      const hasShadow = await page.evaluate((h) => !!document.querySelector(h)?.shadowRoot, HOST);
      assert(hasShadow, `the content script's host <${HOST}> has an open shadow root`);

      await typeInto(page, '成立日期', yearsAgo(2));
      const badge = await page.waitForSelector(failBadge('applicant.establishedOn'), { visible: true, timeout: 10_000 });
      const text = await badge.evaluate((b) => b.textContent);
      assert(text.includes('第八条（一）'), `the badge cites 第八条（一）: ${text}`);
      const title = await badge.evaluate((b) => b.title);
      assert(/第八条|3 years|三年|3 年/.test(title), `the badge explains the rule: ${title}`);
      await screenshot(page, 'portal-badge-fail');

      await typeInto(page, '成立日期', yearsAgo(5));
      await eventually(async () => !(await badgeTexts(page, 'applicant.establishedOn')).some((b) => b.tone === 'fail'), { message: 'fail badge gone after the fix' });
      await screenshot(page, 'portal-badge-fixed');
    },
  },
  {
    name: 'side panel page (moz-extension:// tab) follows the portal tab: 暂不符合 with 第八条（一）, then 8.1 passes after the fix',
    async run(env) {
      const page = env.portalPage;
      await page.bringToFront();
      // Everything else 第八条（一） asks for, so the date alone decides the clause.
      await choose(page, '是否在连云港市行政区域内登记注册', '是');
      await choose(page, '是否具有独立法人资格', '是');
      await choose(page, '近三年生产经营是否中断', '否');
      await choose(page, '生产经营符合国家产业、环保、节能、质量安全等政策', null);
      await typeInto(page, '成立日期', yearsAgo(2));
      await page.waitForSelector(failBadge('applicant.establishedOn'), { visible: true, timeout: 10_000 });

      const panel = await openExtensionPage(env.browser, env.extUrl('sidepanel.html'));
      await eventually(async () => (await verdictOf(panel)) === 'ineligible', { timeout: 15_000, message: 'panel verdict 暂不符合 (ineligible)' });
      const banner = await panel.evaluate(() => document.querySelector('.verdict-title')?.textContent ?? '');
      assert(banner.includes('暂不符合'), `the banner says 暂不符合: ${banner}`);
      assertEqual(await clauseStatus(panel, '8.1'), 'fail', 'clause 8.1 status');
      const article = await panel.evaluate(() => document.querySelector('.clause[data-rule="8.1"] .clause-article')?.textContent ?? '');
      assert(article.includes('第八条（一）'), `clause 8.1 cites 第八条（一）: ${article}`);
      const portalHost = new URL(env.portal.url).host;
      const followed = await panel.evaluate(() => document.body.innerText);
      assert(followed.includes(portalHost), `the panel names the portal tab it follows (${portalHost})`);
      await screenshot(panel, 'sidepanel-ineligible');

      await page.bringToFront();
      await typeInto(page, '成立日期', yearsAgo(5));
      await eventually(async () => (await clauseStatus(panel, '8.1')) === 'pass', { timeout: 10_000, message: 'clause 8.1 passes after the fix' })
        .catch(async (e) => { await screenshot(panel, 'sidepanel-8-1-failed'); await screenshot(page, 'portal-8-1-failed'); throw e; });
      await screenshot(panel, 'sidepanel-8-1-pass');
      await panel.close();
    },
  },
  {
    name: 'the real Firefox sidebar (sidebar_action) shows the pre-check for the active portal tab and follows edits',
    async run(env) {
      const page = env.portalPage;
      await page.bringToFront();
      await typeInto(page, '成立日期', yearsAgo(2));
      const sidebar = await openSidebar(env);
      try {
        const first = await eventually(async () => { const s = await readSidebar(sidebar); return s.verdict === 'ineligible' && s; }, { timeout: 15_000, message: 'the sidebar shows 暂不符合 (ineligible)' });
        assertEqual(first.url, env.extUrl('sidepanel.html'), 'the sidebar shows the packaged side panel page');
        assert(first.banner.includes('暂不符合'), `the sidebar banner says 暂不符合: ${first.banner}`);
        assertEqual(first.clause81, 'fail', 'clause 8.1 in the sidebar');
        assert(first.text.includes(new URL(env.portal.url).host), 'the sidebar follows the active portal tab');
        await sidebar.screenshot('sidebar-ineligible');

        await typeInto(page, '成立日期', yearsAgo(5));
        await eventually(async () => (await readSidebar(sidebar)).clause81 === 'pass', { timeout: 10_000, message: 'clause 8.1 passes in the sidebar after the fix' });
        await sidebar.screenshot('sidebar-8-1-pass');
      } finally {
        await sidebar.close();
      }
    },
  },
  {
    name: 'the side panel fits Firefox\u2019s default sidebar width (18em = 252 px): nothing cut off, clause titles readable',
    async run(env) {
      await env.portalPage.bringToFront();
      const sidebar = await openSidebar(env);
      try {
        const s = await eventually(async () => { const r = await readSidebar(sidebar); return r.verdict && r; }, { timeout: 15_000, message: 'the sidebar shows a verdict' });
        await sidebar.screenshot('sidebar-default-width');
        assert(s.width <= 260, `Firefox opened its sidebar at its default width (${s.width} px)`);
        assert(s.overflow <= 0, `no horizontal scrolling in the ${s.width} px sidebar (${s.overflow} px too wide)`);
        assert(s.clippedTabs.length === 0, `every tab is visible in the ${s.width} px sidebar; cut off: ${JSON.stringify(s.clippedTabs)}`);
        // A clause title squeezed to one character per line is not readable.
        assert(s.narrowestTitle === null || s.narrowestTitle >= 48, `clause titles get room to read (narrowest ${s.narrowestTitle} px)`);
      } finally {
        await sidebar.close();
      }
    },
  },
  {
    name: 'IndexedDB in the extension origin: the 自评 profile text survives reopening the panel',
    async run(env) {
      const openSelfEvaluation = async () => {
        const panel = await openExtensionPage(env.browser, env.extUrl('sidepanel.html'));
        const tab = await panel.waitForSelector('#tab-self-evaluation', { timeout: 10_000 });
        await tab.click();
        await panel.waitForSelector('[data-testid="self-evaluation"][data-kind="organization"] [data-testid="view-profile"]', { timeout: 10_000 });
        await panel.click('[data-testid="view-profile"]');
        await panel.waitForSelector('[data-testid="profile-description"]');
        return panel;
      };
      const panel = await openSelfEvaluation();
      await panel.type('[data-testid="profile-description"]', PROFILE);
      await panel.click('[data-testid="profile-count"]'); // blur saves
      await eventually(async () => (await panel.$eval('[data-testid="save-state"]', (s) => s.dataset.state)) === 'saved', { message: '自评 says saved' });
      const dbs = await panel.evaluate(async () => (await indexedDB.databases()).map((d) => d.name));
      assert(dbs.includes('award-pilot'), `the award-pilot database exists in the extension origin: ${JSON.stringify(dbs)}`);
      await screenshot(panel, 'selfeval-typed');
      await panel.close();

      const again = await openSelfEvaluation();
      const kept = await eventually(() => again.$eval('[data-testid="profile-description"]', (t) => t.value), { message: 'profile text after reopening' });
      assertEqual(kept, PROFILE, 'profile text after reopening the panel');
      await screenshot(again, 'selfeval-reopened');
      await again.close();
    },
  },
  {
    name: 'the options page and the staff console render in Firefox (MV2 optional origins not yet granted)',
    async run(env) {
      const options = await openExtensionPage(env.browser, env.extUrl('options.html'), { width: 1280, height: 900 });
      await options.waitForSelector('[data-testid="permissions-section"] [data-testid="portal-site-demo"]', { timeout: 10_000 });
      await options.waitForSelector('[data-testid="adapter-section"]', { timeout: 10_000 });
      const sites = await options.$$eval('[data-testid^="portal-site-"][data-granted]', (els) => els.map((e) => `${e.dataset.testid}=${e.dataset.granted}`));
      assert(sites.length > 0 && sites.every((s) => s.endsWith('=no')), `the real portals are optional and not granted at install: ${sites.join(', ')}`);
      await screenshot(options, 'options');
      await options.close();

      const staff = await openExtensionPage(env.browser, env.extUrl('dashboard.html'), { width: 1280, height: 900 });
      await staff.waitForSelector('[data-testid="tab-cases"]', { timeout: 10_000 });
      const title = await staff.evaluate(() => document.querySelector('h1')?.textContent ?? '');
      assert(title.includes('评审工作台'), `the staff console's heading: ${title}`);
      await screenshot(staff, 'staff');
      await staff.close();
    },
  },
  {
    name: '填入资料 in Firefox: the saved profile fills empty fields, keeps what was typed, and adds the certificate row on the next step',
    async run(env) {
      const options = await openExtensionPage(env.browser, env.extUrl('options.html'), { width: 1280, height: 900 });
      await options.waitForSelector('[data-testid="profile-editor"] input[name="applicant.creditCode"]', { timeout: 10_000 });
      await options.type('input[name="applicant.name"]', '连云港示例装备有限公司');
      await options.type('input[name="applicant.creditCode"]', '91320700MA1NXQ0BX9');
      await options.evaluate(() => [...document.querySelectorAll('[data-testid="profile-certificates"] button')].find((b) => b.textContent.includes('添加证书')).click());
      await options.waitForSelector('.certificate-row input[type="text"]', { timeout: 5000 });
      await options.type('.certificate-row input[type="text"]', 'GB/T 19001-2016');
      await options.evaluate(() => {
        const date = document.querySelector('.certificate-row input[type="date"]');
        Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(date, '2028-05-31');
        date.dispatchEvent(new Event('input', { bubbles: true }));
      });
      await options.evaluate(() => [...document.querySelectorAll('[data-testid="profile-editor"] button[type="submit"]')][0].click());
      await eventually(() => options.evaluate(() => document.querySelector('[data-testid="profile-editor"] .ok')?.textContent ?? ''), { message: 'profile saved' });
      await options.close();

      const page = env.portalPage;
      await page.bringToFront();
      await typeInto(page, '单位名称', '申报人自己填写的名称');
      const credit = await fieldId(page, '统一社会信用代码');
      await page.evaluate((sel) => { const el = document.querySelector(sel); Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(el, ''); el.dispatchEvent(new Event('input', { bubbles: true })); }, credit);
      const panel = await openExtensionPage(env.browser, env.extUrl('sidepanel.html'));
      await eventually(() => panel.evaluate(() => document.querySelector('[data-testid="where"]')?.textContent.includes('申报表') ?? false), { timeout: 15_000, message: 'panel follows the form' });
      // A person's click (trusted input over WebDriver BiDi): the panel ignores a script's element.click() (isTrusted false).
      const prefill = async () => {
        const button = await panel.evaluateHandle(() => [...document.querySelectorAll('.panel-foot button')].find((b) => b.textContent.includes('填入资料')));
        await button.asElement().click();
        await button.dispose();
      };
      // a script's click on 填入资料 starts nothing: the page stays as the person left it
      await panel.evaluate(() => [...document.querySelectorAll('.panel-foot button')].find((b) => b.textContent.includes('填入资料')).click());
      await new Promise((r) => setTimeout(r, 1500));
      assertEqual(await page.$eval(credit, (el) => el.value), '', 'an untrusted click fills nothing');
      await prefill();
      await eventually(async () => (await page.$eval(credit, (el) => el.value)) === '91320700MA1NXQ0BX9', { timeout: 10_000, message: 'credit code filled' });
      assertEqual(await page.$eval(await fieldId(page, '单位名称'), (el) => el.value), '申报人自己填写的名称', 'what was typed is kept');
      const kept = await eventually(() => panel.evaluate(() => document.querySelector('[data-testid="prefill-kept"]')?.textContent ?? ''), { message: 'the kept field named' });
      assert(kept.includes('名称/姓名'), `the panel names the kept field: ${kept}`);

      // 资质条件: the certificate is added as a table row with the portal's own 添加一行 button (the async answer path)
      await page.evaluate(() => [...document.querySelectorAll('.form-actions button')].find((b) => b.textContent === '下一步').click());
      await page.waitForSelector('.el-table', { timeout: 10_000 });
      await eventually(() => panel.evaluate(() => document.querySelector('[data-testid="where"]')?.textContent.includes('申报表') ?? false), { message: 'panel still on the form' });
      await prefill();
      const cells = await eventually(async () => {
        const got = await page.evaluate(() => {
          const item = [...document.querySelectorAll('.el-form-item')].find((i) => i.querySelector('.el-form-item__label')?.textContent.includes('质量管理体系认证证书'));
          const tr = item?.querySelector('tbody tr');
          return tr ? [...tr.querySelectorAll('select, input')].map((c) => (c.tagName === 'SELECT' ? c.options[c.selectedIndex]?.textContent ?? '' : c.value)) : null;
        });
        return got && got.includes('2028-05-31') ? got : null;
      }, { timeout: 10_000, message: 'certificate row added' });
      assertEqual(cells[0], 'GB/T 19001-2016', 'certificate standard chosen');
      await screenshot(page, 'portal-prefill-certificate');
      await page.evaluate(() => [...document.querySelectorAll('.form-actions button')].find((b) => b.textContent === '上一步').click());
      await panel.close();
    },
  },
  {
    name: 'no errors from the add-on in the browser console (background, content script, pages)',
    async run(env) {
      const errors = await chromeEval(env.browser, `Services.console.getMessageArray()
        .filter((m) => m instanceof Ci.nsIScriptError && !(m.flags & (Ci.nsIScriptError.warningFlag | Ci.nsIScriptError.infoFlag)))
        .filter((m) => m.sourceName.startsWith(${JSON.stringify(env.extUrl(''))}) || m.errorMessage.includes(${JSON.stringify(env.uuid)}))
        .map((m) => m.sourceName.replace(/^moz-extension:\\/\\/[^/]+/, '') + ':' + m.lineNumber + ' ' + m.errorMessage)`);
      assert(errors.length === 0, `the add-on logged ${errors.length} error(s):\n${errors.slice(0, 10).join('\n')}`);
    },
  },
];
