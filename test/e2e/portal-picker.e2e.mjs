// The field picker (adapter repair by pointing) and prefill (fills empty fields, never what the user typed).
import { assert, assertEqual, eventually, screenshot } from './harness.mjs';
import { tapMessages, clearTap, latest, tabIdOf, toTab } from './portal-fields.e2e.mjs';

export const tests = [
  {
    name: 'picker: hovering highlights, a click proposes locators (label first) and sends portal/picked; the page click is swallowed',
    async run(env) {
      await tapMessages(env.sw);
      await clearTap(env.sw);
      const page = await env.context.newPage();
      await page.goto(`${env.portal.url}/app/apply/b/basic`);
      await page.locator('form').waitFor();
      const tabId = await eventually(() => tabIdOf(env.sw, '/app/apply/b/basic'), { message: 'tab seen' });
      // as the background does before picker/start: the locator proposal comes with the injected drivers
      await env.sw.evaluate((id) => chrome.scripting.executeScript({ target: { tabId: id }, files: ['/prefill-driver.js'] }), tabId);
      const reply = await toTab(env.sw, tabId, { type: 'picker/start', field: 'applicant.establishedOn' });
      assert(reply?.ok, 'content script accepted picker/start');
      const banner = await page.evaluate(() => document.querySelector('award-pilot-hints').shadowRoot.querySelector('.banner:not([hidden])')?.textContent ?? '');
      assert(banner.includes('Esc'), `banner tells how to cancel: ${banner}`);
      const radio = page.locator('.ant-form-item', { hasText: '是否具有独立法人资格' }).getByText('是', { exact: true });
      await radio.hover();
      await eventually(() => page.evaluate(() => !document.querySelector('award-pilot-hints').shadowRoot.querySelector('.highlight').hidden), { message: 'highlight box shown' });
      await screenshot(page, 'portal-b-picker-hover');
      await radio.click();
      const picked = await eventually(() => latest(env.sw, 'portal/picked'), { message: 'portal/picked sent' });
      assertEqual(picked.field, 'applicant.establishedOn', 'the field being mapped');
      assertEqual(picked.locators[0]?.kind, 'label', `label locator proposed first (${JSON.stringify(picked)})`);
      assertEqual(picked.locators[0]?.value.replace(/[*：\s]/g, ''), '是否具有独立法人资格', 'label text of the picked group');
      assert(picked.locators.some((l) => l.kind === 'path'), 'a structural path is proposed too');
      assert(!picked.locators.some((l) => /_[0-9a-f]{4}/.test(l.value)), 'no generated ids in locators');
      const checked = await page.locator('.ant-form-item', { hasText: '是否具有独立法人资格' }).locator('input[type=radio]:checked').count();
      assertEqual(checked, 0, 'the click did not change the form');
      await page.close();
    },
  },
  {
    name: 'picker: Esc cancels, nothing is sent and the page works normally again',
    async run(env) {
      await tapMessages(env.sw);
      await clearTap(env.sw);
      const page = await env.context.newPage();
      await page.goto(`${env.portal.url}/app/apply/a/basic`);
      await page.locator('form').waitFor();
      const tabId = await eventually(() => tabIdOf(env.sw, '/app/apply/a/basic'), { message: 'tab seen' });
      // as the background does before picker/start: the picker comes with the injected drivers
      await env.sw.evaluate((id) => chrome.scripting.executeScript({ target: { tabId: id }, files: ['/prefill-driver.js'] }), tabId);
      const reply = await toTab(env.sw, tabId, { type: 'picker/start', field: 'applicant.name' });
      assert(reply?.ok, 'content script accepted picker/start');
      await page.keyboard.press('Escape');
      await page.getByLabel('单位名称').click();
      await page.getByLabel('单位名称').fill('普通输入');
      assertEqual(await page.getByLabel('单位名称').inputValue(), '普通输入', 'typing works after cancel');
      assertEqual(await latest(env.sw, 'portal/picked'), null, 'no pick sent');
      await page.close();
    },
  },
  {
    name: 'prefill: empty fields are filled (text, date, radio, select, checkbox); a typed field is kept unless listed in overwrite',
    async run(env) {
      await tapMessages(env.sw);
      await clearTap(env.sw);
      const page = await env.context.newPage();
      await page.goto(`${env.portal.url}/app/apply/a/basic`);
      await page.getByLabel('单位名称').fill('用户自己填的名称');
      const tabId = await eventually(() => tabIdOf(env.sw, '/app/apply/a/basic'), { message: 'tab seen' });
      const values = {
        'applicant.name': '连云港示例机械有限公司',
        'applicant.creditCode': '91320706MA1Q8K2L3J',
        'applicant.establishedOn': '2015-03-01',
        'applicant.registeredInLianyungang': true,
        'applicant.independentLegalPerson': true,
        'applicant.operationInterrupted': false,
        'applicant.policyCompliant': true,
      };
      // as the background does before a prefill: the widget drivers are injected into the content script's world
      await env.sw.evaluate((id) => chrome.scripting.executeScript({ target: { tabId: id }, files: ['/prefill-driver.js'] }), tabId);
      const reply = await toTab(env.sw, tabId, { type: 'prefill/apply', values, overwrite: [] });
      assert(reply?.ok, 'prefill replied');
      assert(reply.skipped.some((s) => s.key === 'applicant.name' && s.reason === 'not-empty'), 'typed name reported as kept');
      assertEqual(await page.getByLabel('单位名称').inputValue(), '用户自己填的名称', 'typed name kept');
      assertEqual(await page.getByLabel('统一社会信用代码').inputValue(), '91320706MA1Q8K2L3J', 'credit code filled');
      assertEqual(await page.getByLabel('成立日期').inputValue(), '2015-03-01', 'date filled');
      const item = (t) => page.locator('.el-form-item', { hasText: t });
      assert(await item('是否在连云港市行政区域内登记注册').getByLabel('是').isChecked(), 'radio 是 chosen');
      assert(await item('近三年生产经营是否中断').getByLabel('否').isChecked(), 'radio 否 chosen');
      assert(await page.getByLabel('生产经营符合国家产业、环保、节能、质量安全等政策').isChecked(), 'checkbox ticked');
      // The page's own state saw the change (native setter + input/change): it survives a step change.
      await page.getByRole('button', { name: '下一步' }).click();
      await page.getByRole('button', { name: '上一步' }).click();
      await page.waitForURL('**/basic');
      assertEqual(await page.getByLabel('统一社会信用代码').inputValue(), '91320706MA1Q8K2L3J', 'the portal kept the prefilled value in its own state');
      // The snapshot carries the filled values.
      await eventually(async () => (await latest(env.sw, 'portal/snapshot', '/basic'))?.fields.find((f) => f.key === 'applicant.creditCode')?.value === '91320706MA1Q8K2L3J', { message: 'snapshot after prefill' });
      // With consent (overwrite), the typed value is replaced.
      await toTab(env.sw, tabId, { type: 'prefill/apply', values: { 'applicant.name': '连云港示例机械有限公司' }, overwrite: ['applicant.name'] });
      assertEqual(await page.getByLabel('单位名称').inputValue(), '连云港示例机械有限公司', 'overwritten with consent');
      await page.close();
    },
  },
  {
    name: 'a hostile message shape is ignored (no reply, no effect)',
    async run(env) {
      await tapMessages(env.sw);
      const page = await env.context.newPage();
      await page.goto(`${env.portal.url}/app/apply/a/basic`);
      await page.locator('form').waitFor();
      const tabId = await eventually(() => tabIdOf(env.sw, '/app/apply/a/basic'), { message: 'tab seen' });
      const reply = await toTab(env.sw, tabId, { type: 'prefill/apply', values: { 'applicant.name': { evil: 1 } }, overwrite: [] }).catch((e) => String(e));
      assert(reply === undefined || typeof reply === 'string', `no reply to a malformed message: ${JSON.stringify(reply)}`);
      assertEqual(await page.getByLabel('单位名称').inputValue(), '', 'nothing filled');
      await page.close();
    },
  },
];

tests.push({
  name: 'options page → pick on page → the adapter is re-anchored and saved (whole path through the background)',
  async run(env) {
    const portalPage = await env.context.newPage();
    await portalPage.goto(`${env.portal.url}/app/apply/a/basic`);
    await portalPage.locator('form').waitFor();
    const options = await env.context.newPage();
    await options.goto(env.extUrl('options.html'));
    const section = options.getByTestId('adapter-section');
    await section.getByRole('button', { name: /^(字段|Fields)$/ }).click();
    const row = section.locator('tr[data-field="applicant.establishedOn"]');
    // Wait until the background knows the portal tab (its first snapshot).
    await eventually(async () => {
      await row.getByRole('button', { name: /在页面上选取/ }).click();
      const note = await section.locator('.adapters-notice').textContent();
      return note?.includes('请切换到申报页面') ? note : null;
    }, { message: 'picker started from the options page' });
    await portalPage.bringToFront();
    await portalPage.getByLabel('成立日期').click();
    await eventually(async () => (await section.locator('.adapters-notice').textContent())?.includes('已更新'), { message: 'options page applied the pick' });
    const text = await row.textContent();
    assert(text.includes('已保存') || (await section.locator('tr[data-adapter="demo-portal"]').textContent()).includes('已保存'), 'adapter now saved (editable)');
    assert((await row.locator('li').first().textContent()).includes('成立日期'), 'picked label locator first');
    await screenshot(options, 'portal-options-adapters');
    await options.close();
    await portalPage.close();
  },
});
