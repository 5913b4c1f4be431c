// Staff import by content (PDF named, CSV read, a 10,000-case file with a progress bar that cancels
// and writes nothing) and the duties after the award as dated tasks (overdue in the header and the
// list, closed with who and when, 第十八条 title uses flagged on packaging).
import ExcelJS from 'exceljs';
import { assert, assertEqual, eventually, screenshot } from './harness.mjs';
import { manyCases } from './staff-seed.mjs';

const chinaDay = (offsetDays = 0) => new Date(Date.now() + 8 * 3_600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
const file = (name, mimeType, text) => ({ name, mimeType, buffer: Buffer.from(text) });
const listCount = (page) => page.locator('[data-testid="list-count"]').textContent();

/** A Mayor award approved 200 days ago: its 90-day 第十七条 goals and 180-day 第十八条 check are overdue. */
function awardedLongAgo() {
  const d = (n) => chinaDay(n - 200);
  const year = Number(d(-60).slice(0, 4));
  const events = [
    { type: 'apply', on: d(-60), kind: 'organization' },
    { type: 'recommend', on: d(-55), by: '海州区人民政府' },
    { type: 'accept', on: d(-50) },
    { type: 'pass-material-review', on: d(-45) },
    { type: 'complete-site-review', on: d(-40) },
    { type: 'propose', on: d(-30), tier: 'award' },
    { type: 'committee-approve', on: d(-20) },
    { type: 'publicity-end', on: d(-10) },
    { type: 'government-approve', on: d(0) },
  ];
  return { format: 'lyg-award/cases@1', cases: [{ header: { id: 'duty-1', year, kind: 'organization', applicantName: '连云港港口集团有限公司', creditCode: null, recommender: '海州区人民政府' }, events: events.map((event) => ({ event, recordedBy: 'seed' })) }] };
}

let page;

export const tests = [
  {
    name: 'a PDF is named as a PDF and nothing is written; a CSV of one event per row imports',
    async run(env) {
      page = await env.context.newPage();
      await page.goto(env.extUrl('dashboard.html'));
      await page.locator('[data-testid="summary-strip"]').waitFor();
      await page.click('[data-testid="import-open"]');
      await page.setInputFiles('[data-testid="import-file"]', file('cases.json', 'application/json', '%PDF-1.7\n1 0 obj'));
      const errs = page.locator('[data-testid="import-errors"]');
      await errs.waitFor();
      assert((await errs.textContent()).includes('这是一个 PDF 文件，不是案件文件'), `names the PDF: ${await errs.textContent()}`);
      const csv = '\uFEFF编号 ID,年度 Year,类型 Kind,申报主体 Applicant,推荐单位 Recommender,事件 Event,日期 Date,详情 Detail\r\n' +
        'csv-1,2026,组织,连云港恒瑞医药有限公司,连云区人民政府,提交申报,2026-03-02,\r\ncsv-1,2026,组织,连云港恒瑞医药有限公司,连云区人民政府,推荐,2026-03-20,\r\n';
      await page.setInputFiles('[data-testid="import-file"]', file('cases.csv', 'text/csv', csv));
      await page.locator('[data-testid="import-preview"]').waitFor();
      assert((await page.locator('[data-testid="import-preview"]').textContent()).includes('将导入 1 个案件、2 个事件'), 'CSV preview');
      await page.click('[data-testid="import-confirm"]');
      await eventually(async () => (await listCount(page)).includes('共 1 件'), { message: 'CSV case listed' });
    },
  },
  {
    name: 'an .xlsx event table: a wrong cell is named by row and column and nothing is written; a good one previews, then imports',
    async run() {
      /** An event table as staff keep it in Excel or WPS: dates as date cells, the credit code as text. */
      const xlsx = async (year) => {
        const wb = new ExcelJS.Workbook();
        const ws = wb.addWorksheet('案件');
        ws.addRow(['编号 ID', '年度 Year', '类型 Kind', '申报主体 Applicant', '统一社会信用代码 Credit code', '推荐单位 Recommender', '事件 Event', '日期 Date', '详情 Detail']);
        ws.addRow(['xlsx-1', year, '组织', '江苏连云港示例机械有限公司', '913207006089012330', '海州区人民政府', '提交申报', new Date(Date.UTC(2026, 2, 3)), '']);
        ws.addRow(['xlsx-1', year, '组织', '江苏连云港示例机械有限公司', '913207006089012330', '海州区人民政府', '推荐', new Date(Date.UTC(2026, 2, 21)), '']);
        return { name: 'cases.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from(await wb.xlsx.writeBuffer()) };
      };
      const before = await listCount(page);
      await page.click('[data-testid="import-open"]');
      await page.setInputFiles('[data-testid="import-file"]', await xlsx('二〇二六'));
      const errs = page.locator('[data-testid="import-errors"]');
      await errs.waitFor();
      assert(/第 2 行“年度”列/.test(await errs.textContent()), `names row and column: ${await errs.textContent()}`);
      assert(await page.locator('[data-testid="import-confirm"]').isDisabled(), 'confirm disabled on a refused file');
      assertEqual(await listCount(page), before, 'nothing written');
      await page.setInputFiles('[data-testid="import-file"]', await xlsx(2026));
      const preview = page.locator('[data-testid="import-preview"]');
      await preview.waitFor();
      assert((await preview.textContent()).includes('将导入 1 个案件、2 个事件'), `xlsx preview: ${await preview.textContent()}`);
      await screenshot(page, 'staff-import-xlsx-preview');
      assertEqual(await listCount(page), before, 'nothing written before confirming');
      await page.click('[data-testid="import-confirm"]');
      await eventually(async () => (await listCount(page)) !== before, { message: 'xlsx case listed' });
      assert((await page.locator('[data-testid="case-row"]', { hasText: '江苏连云港示例机械有限公司' }).count()) === 1, 'the xlsx case is in the list');
    },
  },
  {
    name: '10,000 cases: progress with counts, cancel writes nothing',
    async run() {
      await page.click('[data-testid="import-open"]');
      // The check of 10,000 cases may finish before a round trip from here lands: the page itself
      // records the progress text and presses 取消导入 as soon as the bar shows counts.
      await page.evaluate(() => {
        window.__progressSeen = [];
        new MutationObserver((_, obs) => {
          const bar = document.querySelector('[data-testid="import-progress"]');
          if (!bar) return;
          window.__progressSeen.push(bar.textContent);
          if (/正在检查 [\d,]+ \/ 10,000/.test(bar.textContent)) {
            obs.disconnect();
            bar.querySelector('[data-testid="import-cancel"]').click();
          }
        }).observe(document.body, { childList: true, subtree: true, characterData: true });
      });
      await page.setInputFiles('[data-testid="import-file"]', file('big.json', 'application/json', JSON.stringify(manyCases(10_000))));
      await eventually(async () => ((await page.locator('[data-testid="import-failure"]').textContent().catch(() => '')) ?? '').includes('已取消导入，未写入任何数据'), { timeout: 30_000, message: 'cancelled message' });
      const seen = await page.evaluate(() => window.__progressSeen);
      assert(seen.some((t) => t.includes('/ 10,000 个案件')), `progress counted the cases: ${seen.slice(-2).join(' | ')}`);
      await page.click('[data-testid="import-dialog"] button:has-text("取消")');
      assertEqual(await page.locator('[data-testid="year-select"] option[value="2025"]').count(), 0, 'no 2025 cases were written');
    },
  },
  {
    name: 'duties after the award: overdue in the header and the list, closed with who and when, title use on packaging flagged',
    async run() {
      if (await page.locator('[data-testid="import-dialog"]').count()) await page.click('[data-testid="import-dialog"] button:has-text("取消")');
      await page.click('[data-testid="import-open"]');
      await page.setInputFiles('[data-testid="import-file"]', file('awarded.json', 'application/json', JSON.stringify(awardedLongAgo())));
      await page.locator('[data-testid="import-preview"]').waitFor();
      await page.click('[data-testid="import-confirm"]');
      await eventually(async () => Number(await page.locator('[data-testid="strip-overdue"] b').textContent()) === 2, { message: 'two overdue duties in the header' });
      const row = page.locator('[data-testid="case-row"][data-case-id="duty-1"]');
      await row.waitFor();
      assert((await row.locator('[data-testid="row-overdue"]').textContent()).includes('逾期 2'), 'row shows 逾期 2');
      await row.click();
      const goals = page.locator('[data-testid="duty-new-goals"]');
      await goals.waitFor();
      assertEqual(await goals.getAttribute('data-overdue'), 'true', '第十七条 goals overdue');
      await goals.locator('[data-testid="duty-close"]').click();
      await goals.locator('[data-testid="duty-by"]').fill('王科长');
      await goals.locator('[data-testid="duty-done"]').click();
      await eventually(async () => (await goals.getAttribute('data-status')) === 'done', { message: 'goals done' });
      assert((await goals.textContent()).includes('王科长'), 'who closed it');
      await eventually(async () => Number(await page.locator('[data-testid="strip-overdue"] b').textContent()) === 1, { message: 'one overdue left' });
      await page.selectOption('[data-testid="title-use-place"]', 'packaging');
      await page.fill('[data-testid="title-use-where"]', '礼盒外包装');
      await page.click('[data-testid="title-use-add"]');
      const use = page.locator('[data-testid="title-use"]');
      await use.waitFor();
      assertEqual(await use.getAttribute('data-flagged'), 'true', 'packaging use flagged');
      assert((await use.textContent()).includes('不得在包装上标注'), 'says why');
      await page.locator('[data-testid="after-award"]').scrollIntoViewIfNeeded();
      await screenshot(page, 'staff-duties');
      // Kept: after a reload the closed task and the use are still there.
      await page.reload();
      await page.locator('[data-testid="duty-new-goals"]').waitFor({ timeout: 30_000 });
      assertEqual(await page.locator('[data-testid="duty-new-goals"]').getAttribute('data-status'), 'done', 'status kept');
      assertEqual(await page.locator('[data-testid="title-use"]').count(), 1, 'title use kept');
    },
  },
];
