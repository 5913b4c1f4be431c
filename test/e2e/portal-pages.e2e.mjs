// The other portal pages: 我的申报 (status rows → lifecycle events) and 推荐审核 (read-only application).
import { assert, assertEqual, eventually, screenshot } from './harness.mjs';
import { tapMessages, clearTap, latest } from './portal-fields.e2e.mjs';

export const tests = [
  {
    name: 'status page: the status table is read into portal/status-rows (application no, applicant, status text, date)',
    async run(env) {
      await tapMessages(env.sw);
      await clearTap(env.sw);
      const page = await env.context.newPage();
      await page.goto(`${env.portal.url}/app/my-applications`);
      const msg = await eventually(() => latest(env.sw, 'portal/status-rows'), { message: 'status rows sent' });
      const rows = msg.rows.filter((r) => r.applicationNo === 'LYG2026-0012');
      assertEqual(rows.length, 11, 'every status change of LYG2026-0012');
      assertEqual(rows[0].statusText, '待推荐', 'first status');
      assertEqual(rows.at(-1).statusText, '已获奖', 'last status');
      assertEqual(rows.at(-1).date, '2026-11-05', 'date of the award');
      const snap = await latest(env.sw, 'portal/snapshot', '/my-applications');
      assertEqual(snap?.page, 'application-status', 'the page is recognised as the status page');
      await page.close();
    },
  },
  {
    name: 'submitting the form adds a 待推荐 row, which the next status reading carries',
    async run(env) {
      await tapMessages(env.sw);
      await clearTap(env.sw);
      const page = await env.context.newPage();
      await page.goto(`${env.portal.url}/app/apply/a/basic`);
      await page.getByLabel('单位名称').fill('连云港提交测试有限公司');
      for (let i = 0; i < 3; i++) await page.getByRole('button', { name: '下一步' }).click();
      await page.waitForURL('**/attachments');
      await page.getByRole('button', { name: '提交申报' }).click();
      await page.waitForURL('**/my-applications');
      const msg = await eventually(async () => {
        const m = await latest(env.sw, 'portal/status-rows');
        return m?.rows.some((r) => r.applicantName === '连云港提交测试有限公司') ? m : null;
      }, { message: 'status rows with the submitted application' });
      const row = msg.rows.find((r) => r.applicantName === '连云港提交测试有限公司');
      assertEqual(row.statusText, '待推荐', 'new application awaits recommendation');
      assert(/^\d{4}-\d{2}-\d{2}$/.test(row.date), `dated: ${row.date}`);
      await screenshot(page, 'portal-status-page');
      await page.close();
    },
  },
  {
    name: 'recommender review page: read-only values and the attachment list are read (页面只读，逐项核对)',
    async run(env) {
      await tapMessages(env.sw);
      await clearTap(env.sw);
      const page = await env.context.newPage();
      await page.goto(`${env.portal.url}/app/review/LYG2026-0015`);
      await page.getByRole('button', { name: '签署推荐' }).waitFor();
      const snap = await eventually(async () => {
        const s = await latest(env.sw, 'portal/snapshot', '/review/');
        return s?.fields.find((f) => f.key === 'applicant.establishedOn')?.found ? s : null;
      }, { message: 'review snapshot' });
      assertEqual(snap.page, 'recommender-review', 'page kind');
      const v = (k) => snap.fields.find((f) => f.key === k)?.value;
      assertEqual(v('applicant.kind'), '组织', 'kind');
      assertEqual(v('applicant.creditCode'), '91320706MA1Q8K2L3J', 'credit code');
      assertEqual(v('applicant.establishedOn'), '2024年09月01日', 'date as displayed');
      assertEqual(v('applicant.productLevel'), '国内先进', 'product level');
      assertEqual(JSON.parse(v('applicant.qualityStaff')).length, 2, 'two years of quality staff');
      assertEqual(v('applicant.accidents'), '[]', 'empty accidents table read as no rows');
      const att = (k) => snap.attachments.find((a) => a.key === k);
      assert(att('business-licence')?.present, '营业执照 uploaded');
      assertEqual(att('self-evaluation-report')?.present, false, '自评报告 未上传 is not present');
      // 8(1): established 2024-09-01 is less than 3 years before today → a red badge beside the value.
      await eventually(() => page.evaluate(() => !!document.querySelector('award-pilot-hints')?.shadowRoot?.querySelector('.badges[data-field="applicant.establishedOn"]:not([hidden]) .badge[data-tone="fail"]')), { message: 'red badge on the review page' });
      await screenshot(page, 'portal-review-page');
      await page.close();
    },
  },
];
