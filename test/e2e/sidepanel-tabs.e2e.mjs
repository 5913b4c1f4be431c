// The side panel's other views, driven as a person would: 进度 from the portal's status page,
// 推荐 on the recommender's review page, 清单 on the form, and prefill from the options page's profile.
import fs from 'node:fs';
import path from 'node:path';
import { assert, assertEqual, eventually, SCREENSHOTS } from './harness.mjs';
import { openRealSidePanel } from './sidepanel-cdp.mjs';

async function shot(page, name) {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
}

async function openPanel(context, extUrl) {
  const panel = await context.newPage();
  await panel.setViewportSize({ width: 360, height: 760 });
  await panel.goto(extUrl('sidepanel.html'));
  return panel;
}

const tab = (panel, zh) => panel.getByRole('tab', { name: new RegExp(zh) });

export const tests = [
  {
    name: 'the real side panel beside a page that is not the application shows the empty state, not another tab',
    async run({ context, extId, sw, portal }) {
      // A form tab exists in the background; the panel must still describe the tab it sits beside.
      const form = await context.newPage();
      await form.goto(`${portal.url}/app/apply/a/basic?seed=5`);
      await form.getByLabel('单位名称', { exact: true }).waitFor();
      const home = await context.newPage();
      await home.goto(`${portal.url}/`);
      const panel = await openRealSidePanel({ context, extId, sw, tabUrl: `${portal.url}/` });
      try {
        await eventually(async () => await panel.evaluate(`!!document.querySelector('[data-testid="empty-state"]')`), { message: 'empty state in the real panel' });
        const text = await panel.evaluate('document.body.innerText');
        // the real panel is not under playwright's zh-CN emulation: it follows Chromium's own language (issue 13)
        assert(text.includes('当前页面不是申报系统') || text.includes('This page is not the award portal'), `says this page is not the portal form: ${text.slice(0, 300)}`);
        assert(text.includes('申报系统网址') || text.includes('Portal addresses'), 'says how to grant a portal address');
        await panel.screenshot('sidepanel-empty');
      } finally {
        await panel.detach();
        await home.close();
        await form.close();
      }
    },
  },
  {
    name: '进度: the status page is read into the case log and shown as the 第十条 stepper',
    async run({ context, extUrl, portal }) {
      const page = await context.newPage();
      await page.goto(`${portal.url}/app/my-applications`);
      await page.locator('table.status-table').waitFor();
      const panel = await openPanel(context, extUrl);
      await page.bringToFront();
      await tab(panel, '进度').click();
      const stage = panel.getByTestId('case-stage');
      await eventually(async () => (await stage.count()) > 0 && (await stage.getAttribute('data-stage')) === 'awarded', {
        message: 'case LYG2026-0012 shown as awarded',
      });
      assert((await stage.innerText()).includes('已获奖'), 'stage reads 已获奖');
      const steps = panel.locator('.step');
      assert((await steps.count()) >= 9, 'the whole review path is drawn');
      assertEqual(await panel.locator('.step[data-stage="publicity"]').getAttribute('data-state'), 'done', 'publicity done');
      assert((await panel.locator('.step[data-stage="publicity"] .step-date').innerText()).includes('2026-10-01'), 'publicity started 2026-10-01');
      assert((await panel.locator('.case-picker select option').count()) >= 3, 'every case on the status page can be picked');
      await shot(panel, 'sidepanel-status');

      // 第十二条 (issue 16): the winner is offered the application its award's data names next; one click
      // saves one draft recording that award and version, with the self-evaluation rounds.
      const offer = panel.getByTestId('next-application');
      await offer.waitFor();
      const target = await offer.getAttribute('data-target');
      assert((await offer.innerText()).includes('第十二条'), 'the offer cites 第十二条');
      await panel.getByTestId('next-application-start').click();
      await panel.getByTestId('next-application-started').waitFor();
      const drafts = await panel.evaluate(async () => {
        const db = await new Promise((res, rej) => { const r = indexedDB.open('award-pilot'); r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error); });
        return new Promise((res) => { const q = db.transaction('drafts').objectStore('drafts').getAll(); q.onsuccess = () => { res(q.result.filter((d) => d.recommendedFrom)); db.close(); }; });
      });
      assertEqual(drafts.length, 1, 'one draft started from the awarded case');
      assertEqual(drafts[0].award.awardId, target, 'the draft records the award the offer named');
      assertEqual(drafts[0].recommendedFrom.article, '第十二条', 'the draft records the article');
      await shot(panel, 'sidepanel-status-next-application');

      // Reading the page again adds nothing: the log is append-only and deduplicated.
      const count = () => panel.evaluate(async () => {
        const db = await new Promise((res, rej) => { const r = indexedDB.open('award-pilot'); r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error); });
        return new Promise((res) => { const q = db.transaction('caseEvents').objectStore('caseEvents').count(); q.onsuccess = () => { res(q.result); db.close(); }; });
      });
      const before = await count();
      await page.reload();
      await page.locator('table.status-table').waitFor();
      await new Promise((r) => setTimeout(r, 1200));
      assertEqual(await count(), before, 'case events after re-reading the status page');
      await page.close();
      await panel.close();
    },
  },
  {
    name: '推荐: the recommender sees the completeness check and a draft 推荐意见 citing the articles, and copies it',
    async run({ context, extUrl, extId, portal }) {
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: `chrome-extension://${extId}` }).catch(() => undefined);
      const page = await context.newPage();
      await page.goto(`${portal.url}/app/review/LYG2026-0015`);
      await page.locator('.el-descriptions').first().waitFor();
      const panel = await openPanel(context, extUrl);
      await page.bringToFront();
      await eventually(async () => (await panel.getByTestId('recommender').count()) > 0, { message: '推荐 view opens on the review page' });
      assertEqual(await tab(panel, '推荐').getAttribute('aria-selected'), 'true', '推荐 tab selected');
      const opinion = panel.getByTestId('opinion');
      // The review page renders its parts late (like the real portal), so the draft settles once the
      // attachment list has been read too: wait for the settled text, then check every part of it.
      await eventually(async () => {
        const t = await opinion.inputValue();
        return t.includes('不予推荐') && t.includes('卓越绩效自评报告');
      }, { message: 'draft opinion concludes 不予推荐 and names the missing attachment' });
      const text = await opinion.inputValue();
      assert(text.includes('连云港云台新材料科技有限公司'), 'opinion names the applicant');
      assert(text.includes('第八条（一）'), 'opinion cites 第八条（一）');
      assert(text.includes('不予推荐'), 'opinion concludes 不予推荐');
      assert(text.includes('卓越绩效自评报告'), 'opinion names the missing attachment');
      await panel.getByLabel(/自评得分/).fill('1200');
      assert(await panel.getByText(/自评得分应在 0–1000 分之间|The score must be between 0 and 1000 points/).isVisible(), 'an impossible score is named');
      await panel.getByLabel(/自评得分/).fill('585');
      await eventually(async () => (await opinion.inputValue()).includes('自评得分 585 分'), { message: 'score enters the opinion' });
      await panel.getByRole('button', { name: /复制/ }).click();
      await eventually(async () => (await panel.locator('.ok, .field-error').count()) > 0, { message: 'copy feedback' });
      assert(await panel.locator('.ok').count(), 'copy reported 已复制');
      // The recommender pastes it into the portal's own 推荐意见 box.
      await page.bringToFront();
      const box = page.getByLabel('推荐意见', { exact: true });
      await box.focus();
      await page.keyboard.press('Control+V');
      await eventually(async () => (await box.inputValue()).includes('推荐意见（草稿）'), { message: 'draft pasted into the portal' });
      await shot(panel, 'sidepanel-recommender');
      await page.close();
      await panel.close();
    },
  },
  {
    name: '设置 → 填入资料: a bad code is refused by name; unsaved edits survive closing the page; prefill fills empty fields, asks before replacing typed ones, fills the next step; 清单 shows progress',
    async run({ context, extUrl, portal }) {
      const options = await context.newPage();
      await options.goto(extUrl('options.html'));
      const editor = options.getByTestId('profile-editor');
      await editor.getByLabel(/^名称\/姓名/).fill('连云港示范精工有限公司');
      await editor.getByLabel(/^统一社会信用代码/).fill('91320700MA1NXQ0BX8');
      await editor.getByRole('button', { name: /保存/ }).click();
      const alert = editor.getByRole('alert').first();
      await alert.waitFor();
      assert((await alert.innerText()).includes('统一社会信用代码'), 'the error names the field');
      await editor.getByLabel(/^统一社会信用代码/).fill('91320700MA1NXQ0BX9');
      await editor.getByLabel(/^主导产品技术和质量指标水平/).selectOption('national-advanced');
      await editor.getByLabel(/^注册商标数量/).fill('3');
      await editor.getByRole('button', { name: /添加证书/ }).click();
      await editor.getByLabel(/认证标准（第 1 张）/).fill('GB/T 19001-2016');
      await editor.getByLabel(/有效期至（第 1 张）/).fill('2028-05-31');
      await editor.getByRole('button', { name: /保存/ }).click();
      await editor.getByText('已保存').waitFor();
      await options.screenshot({ path: path.join(SCREENSHOTS, 'options-page.png'), fullPage: true });

      // Typed but not saved, then the page is closed: reopening it brings the text back, and says so.
      await editor.getByLabel(/^发明专利数量/).fill('2');
      const draftStored = () => options.evaluate(async () => {
        const db = await new Promise((res, rej) => { const r = indexedDB.open('award-pilot'); r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error); });
        return new Promise((res) => { const q = db.transaction('settings').objectStore('settings').get('profileEditorDraft'); q.onsuccess = () => { res(q.result?.['applicant.inventionPatents'] ?? null); db.close(); }; });
      });
      await eventually(async () => (await draftStored()) === '2', { message: 'the unsaved edit kept as a draft' });
      await options.close();
      const reopened = await context.newPage();
      await reopened.goto(extUrl('options.html'));
      await reopened.getByTestId('profile-restored').waitFor();
      assertEqual(await reopened.getByTestId('profile-editor').getByLabel(/^发明专利数量/).inputValue(), '2', 'unsaved text restored');
      await reopened.getByRole('button', { name: /放弃修改/ }).click();
      assertEqual(await reopened.getByTestId('profile-editor').getByLabel(/^发明专利数量/).inputValue(), '', 'discard brings back the saved profile');
      await reopened.close();

      const page = await context.newPage();
      await page.goto(`${portal.url}/app/apply/a/basic?seed=3`);
      await page.getByLabel('单位名称', { exact: true }).waitFor();
      const panel = await openPanel(context, extUrl);
      await page.bringToFront();
      await eventually(async () => (await panel.locator('[data-testid="where"]').innerText()).includes('申报表'), { message: 'panel follows the form' });
      // The applicant already typed a name of their own: prefill fills the rest and asks before replacing it.
      await page.getByLabel('单位名称', { exact: true }).fill('申报人自己填写的名称');
      await panel.getByRole('button', { name: /填入资料/ }).click();
      await eventually(async () => (await page.getByLabel('统一社会信用代码', { exact: true }).inputValue()) === '91320700MA1NXQ0BX9', {
        message: 'credit code filled from the profile',
      });
      const report = panel.getByTestId('prefill-report');
      await eventually(async () => (await report.count()) > 0 && (await report.innerText()).includes('统一社会信用代码'), { message: 'prefill report names what it filled' });
      assert((await panel.getByTestId('prefill-kept').innerText()).includes('名称/姓名'), 'the typed name is named as kept');
      assert((await report.innerText()).includes('3 项不在本页'), 'the qualification-step values are named as not on this page');
      assertEqual(await page.getByLabel('单位名称', { exact: true }).inputValue(), '申报人自己填写的名称', 'what the user typed is not overwritten without asking');
      await shot(panel, 'sidepanel-prefill-kept');
      await panel.getByRole('button', { name: /用保存的资料覆盖这 1 项/ }).click();
      await eventually(async () => (await page.getByLabel('单位名称', { exact: true }).inputValue()) === '连云港示范精工有限公司', {
        message: '单位名称 replaced after the user agreed',
      });
      await eventually(async () => (await panel.getByTestId('prefill-kept').count()) === 0, { message: 'nothing left to ask about' });
      await report.getByRole('button', { name: /关闭/ }).click();

      // On the next step (资质条件) the same button fills the product level (a select) and the trademark count.
      await page.getByRole('button', { name: '下一步' }).click();
      await page.getByLabel('主导产品技术和质量指标水平', { exact: true }).waitFor();
      await eventually(async () => (await panel.locator('[data-testid="where"]').innerText()).includes('申报表'), { message: 'panel still follows the form' });
      await panel.getByRole('button', { name: /填入资料/ }).click();
      await eventually(async () => (await page.getByLabel('注册商标数量', { exact: true }).inputValue()) === '3', { message: '注册商标数量 filled' });
      const level = await page.getByLabel('主导产品技术和质量指标水平', { exact: true }).evaluate((el) => el.options[el.selectedIndex]?.textContent ?? '');
      assertEqual(level.trim(), '国内先进', 'product level chosen by its portal text');
      // 第八条（二）: the certificate goes in as a table row, added with the portal's own 添加一行 button
      const certificates = page.locator('.el-form-item', { has: page.locator('label', { hasText: '质量管理体系认证证书' }) }).locator('table');
      const rowCells = () => certificates.locator('tbody tr').first().evaluate((tr) =>
        [...tr.querySelectorAll('select, input')].map((c) => (c.tagName === 'SELECT' ? c.options[c.selectedIndex]?.textContent ?? '' : c.value)));
      await eventually(async () => (await certificates.locator('tbody tr').count()) === 1 && (await rowCells()).includes('2028-05-31'), { message: 'certificate row added and typed' });
      assert((await rowCells())[0] === 'GB/T 19001-2016', `certificate standard chosen in the row's select: ${await rowCells()}`);
      await eventually(async () => (await panel.getByTestId('prefill-filled').innerText()).includes('质量管理体系认证证书'), { message: 'the panel names the certificate table as filled' });
      await shot(page, 'portal-prefill-certificate');
      await page.getByRole('button', { name: '上一步' }).click();
      await page.getByLabel('单位名称', { exact: true }).waitFor();
      await panel.getByTestId('prefill-report').getByRole('button', { name: /关闭/ }).click();

      await tab(panel, '清单').click();
      const checklist = panel.getByTestId('checklist');
      await eventually(async () => (await checklist.locator('[data-item="form-basic"]').count()) > 0, { message: 'checklist lists the form' });
      assert((await checklist.locator('[data-item="recommendation"]').getAttribute('data-status')) === 'pending', '推荐意见 pending');
      assert((await checklist.innerText()).includes('第十条（一）'), 'items cite 第十条（一）');
      await shot(panel, 'sidepanel-checklist');

      // 自评 mounts the self-evaluation helper's tab (lazy chunk) in place of the loading note.
      await tab(panel, '自评').click();
      await eventually(async () => (await panel.getByTestId('slot-loading').count()) === 0 && (await panel.locator('[role="tabpanel"]').innerText()).trim().length > 20, {
        message: 'self-evaluation tab mounted',
      });
      assertEqual(await panel.getByTestId('slot-failed').count(), 0, 'self-evaluation tab loaded (not the unavailable note)');

      // 选取字段: the panel starts the picker on the form tab; pointing at a field reports it back.
      await tab(panel, '预检').click();
      await panel.getByRole('button', { name: /选取字段/ }).click();
      await panel.getByLabel(/要重新定位的字段/).selectOption('applicant.name');
      await panel.getByRole('button', { name: /开始/ }).click();
      await eventually(async () => (await panel.locator('.picker').innerText()).includes('正在页面上选取'), { message: 'picker running' });
      await page.bringToFront();
      await page.getByLabel('单位名称', { exact: true }).click();
      const pickNotice = panel.locator('.notice', { hasText: '已保存新的字段定位' });
      await eventually(async () => (await pickNotice.count()) === 1 && (await pickNotice.innerText()).includes('立即生效'), { message: 'pick reported to the panel, saved to the adapter, effective at once' });
      assertEqual(await panel.getByTestId('own-tab-draft').count(), 0, 'one tab alone is never told that another tab wrote its draft');
      await page.close();
      await panel.close();
    },
  },
];
