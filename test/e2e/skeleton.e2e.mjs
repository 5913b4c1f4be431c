// Walking skeleton: a person fills the demo portal's form; the side panel's pre-check follows along
// (incomplete → ineligible → eligible) and the badge beside 成立日期 appears and goes.
import fs from 'node:fs';
import path from 'node:path';
import { assert, assertEqual, eventually, screenshot, SCREENSHOTS } from './harness.mjs';
import { openRealSidePanel } from './sidepanel-cdp.mjs';

const CREDIT_CODE = '91320700MA1NXQ0BX9'; // valid check digit (GB 32100-2015)

/** An ISO date `years` before today in China time. */
function yearsAgo(years, extraDays = 0) {
  const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
  const [y, m, d] = today.split('-').map(Number);
  const dt = new Date(Date.UTC(y - years, m - 1, Math.min(d, 28) - extraDays));
  return dt.toISOString().slice(0, 10);
}

/** The form item a person finds by its Chinese label (radio groups and tables are not labelable elements). */
const formItem = (page, label) => page.locator('.el-form-item').filter({ has: page.getByText(label, { exact: true }) });

// The person here works from the keyboard (Tab to a field, type, Space to tick): the overlay's focus
// tip opens below the focused field and must not stop anyone from filling the form.

/** Types into the field labelled `label`. */
async function type(page, label, text, { clear = false } = {}) {
  const input = page.getByLabel(label, { exact: true });
  if (clear) await input.fill('');
  await input.pressSequentially(String(text));
}

async function press(locator, key) {
  await locator.focus();
  await locator.press(key);
}

async function tick(page, label) {
  await press(page.getByLabel(label, { exact: true }), 'Space');
}

async function chooseRadio(page, label, option) {
  await press(formItem(page, label).getByLabel(option, { exact: true }), 'Space');
}

async function addTableRow(page, label, cells) {
  const item = formItem(page, label);
  await press(item.getByRole('button', { name: '+ 添加一行' }), 'Enter');
  const table = item.locator('table');
  const row = table.locator('tbody tr').last();
  const inputs = row.locator('input, select');
  for (let i = 0; i < cells.length; i++) {
    const input = inputs.nth(i);
    const tag = await input.evaluate((el) => el.tagName);
    if (tag === 'SELECT') await input.selectOption({ label: cells[i] });
    else await input.fill(String(cells[i]));
  }
}

/** What the 360 px panel shows without scrolling. */
async function panelShot(panel, name) {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await panel.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
}

const verdictOf = (panel) => panel.locator('[data-testid="verdict"]').getAttribute('data-verdict');
const badge = (page, field) => page.locator(`award-pilot-hints .badges[data-field="${field}"] .badge[data-tone="fail"]`);

async function gotoStep(page, title) {
  await press(page.locator('.el-steps a', { hasText: title }), 'Enter');
  await page.locator('.el-card__header', { hasText: title }).waitFor();
}

export const tests = [
  {
    name: 'pre-check follows the form: incomplete → ineligible (8.1) → eligible, badge beside 成立日期 comes and goes',
    async run({ context, extUrl, portal }) {
      const page = await context.newPage();
      await page.goto(`${portal.url}/app/apply/a/basic?seed=7`);
      await page.getByLabel('单位名称').waitFor();

      // The policy declaration is a checkbox: unticked reads as "does not comply", so tick it first.
      await tick(page, '生产经营符合国家产业、环保、节能、质量安全等政策');
      await type(page, '单位名称', '连云港示范精工有限公司');

      const panel = await context.newPage();
      await panel.setViewportSize({ width: 360, height: 760 });
      await panel.goto(extUrl('sidepanel.html'));
      await eventually(async () => (await verdictOf(panel)) === 'incomplete', { message: 'verdict 待补充 (incomplete) on the barely filled form' });
      assert((await panel.locator('.verdict-title').innerText()).includes('待补充'), 'banner says 待补充');
      await panelShot(panel, 'skeleton-panel-incomplete');

      await page.bringToFront();
      await type(page, '统一社会信用代码', CREDIT_CODE);
      await chooseRadio(page, '是否在连云港市行政区域内登记注册', '是');
      await chooseRadio(page, '是否具有独立法人资格', '是');
      await type(page, '成立日期', yearsAgo(2)); // two years: short of 第八条（一）'s three
      await chooseRadio(page, '近三年生产经营是否中断', '否');

      await eventually(async () => (await verdictOf(panel)) === 'ineligible', { message: 'verdict 暂不符合 (ineligible)' });
      const clause81 = panel.locator('.clause[data-rule="8.1"]');
      assertEqual(await clause81.getAttribute('data-status'), 'fail', '8.1 clause status');
      assert((await clause81.locator('.clause-article').textContent()).includes('第八条（一）'), '8.1 clause cites 第八条（一）'); // under 逐条查看 (collapsed while next actions lead)
      await eventually(() => badge(page, 'applicant.establishedOn').count(), { message: 'fail badge beside 成立日期' });
      assert((await badge(page, 'applicant.establishedOn').innerText()).includes('第八条（一）'), 'badge cites 第八条（一）');
      await screenshot(page, 'skeleton-portal-ineligible');
      await panelShot(panel, 'skeleton-panel-ineligible');

      // Fix the date (five years), then fill everything else as an eligible organisation would.
      await page.bringToFront();
      await type(page, '成立日期', yearsAgo(5), { clear: true });
      await eventually(async () => (await badge(page, 'applicant.establishedOn').count()) === 0, { message: 'badge beside 成立日期 gone' });
      await eventually(async () => (await panel.locator('.clause[data-rule="8.1"]').getAttribute('data-status')) === 'pass', { message: '8.1 passes' });

      await gotoStep(page, '资质条件');
      await addTableRow(page, '质量管理体系认证证书', ['GB/T 19001-2016', 'QMS-2024-001', yearsAgo(-2)]);
      await chooseRadio(page, '推行卓越绩效评价准则取得显著成效', '是');
      await page.getByLabel('主导产品技术和质量指标水平').selectOption({ label: '国内先进' });
      await type(page, '注册商标数量', 3);
      await type(page, '发明专利数量', 2);
      await chooseRadio(page, '经营规模、上缴税收、总资产贡献率居市内同行业领先', '是');
      await chooseRadio(page, '认真履行社会责任，社会贡献突出', '是');
      const y = Number(yearsAgo(0).slice(0, 4));
      await addTableRow(page, '质量管理岗位人员情况', [y - 2, 12, 40]);
      await addTableRow(page, '质量管理岗位人员情况', [y - 1, 16, 40]);

      await gotoStep(page, '合规声明');
      await chooseRadio(page, '诚信记录和社会声誉良好', '是');
      await type(page, '重大质量投诉次数', 0);
      await type(page, '因自身责任引起的质量异议、索赔和退货次数', 0);
      await chooseRadio(page, '是否有重大劳动保障失信记录', '否');
      await chooseRadio(page, '是否有其他违法违规不良记录', '否');
      await chooseRadio(page, '是否为出口企业', '否');
      await tick(page, '承诺所填信息真实、准确、完整');

      await eventually(async () => (await verdictOf(panel)) === 'eligible', {
        timeout: 10_000,
        message: 'verdict 可以申报 (eligible)',
      }).catch(async (e) => {
        await panelShot(panel, 'skeleton-panel-failed');
        throw e;
      });
      assert((await panel.locator('.verdict-title').innerText()).includes('可以申报'), 'banner says 可以申报');
      await screenshot(page, 'skeleton-portal-eligible');
      await panelShot(panel, 'skeleton-panel-eligible');
      await page.close();
      await panel.close();
    },
  },
  {
    name: 'the real side panel opens from the toolbar action (CDP Extensions.triggerAction) and shows the pre-check',
    async run({ context, extId, sw, portal }) {
      const page = await context.newPage();
      const url = `${portal.url}/app/apply/a/basic?seed=11`;
      await page.goto(url);
      await type(page, '成立日期', yearsAgo(1));
      const panel = await openRealSidePanel({ context, extId, sw, tabUrl: url });
      try {
        await eventually(async () => (await panel.evaluate(`document.querySelector('[data-testid="verdict"]')?.dataset.verdict ?? null`)) === 'ineligible', {
          message: 'real side panel shows 暂不符合',
        });
        const width = await panel.evaluate('window.innerWidth');
        assert(width >= 300 && width <= 420, `side panel is narrow (${width}px)`);
        await panel.screenshot('skeleton-real-sidepanel');
      } finally {
        await panel.detach();
        await page.close();
      }
    },
  },
];
