// The expert pool and the review package (issue 18): the office registers experts in 专家库, the staff
// console suggests a group without the expert who works for the applicant, saves it and hands one expert
// a review package; in a separate browser profile the expert opens the package (identity taken from it,
// scorebook tied to the case), declares 回避, scores and exports; the office's import matches the case by id.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { assert, assertEqual, eventually, launchWithExtension, ROOT, SCREENSHOTS } from './harness.mjs';

const APP = path.join(ROOT, 'test/fixtures/applications/eligible-organization.json');
const NAME = JSON.parse(fs.readFileSync(APP, 'utf8')).applicant.name;
const file = (name, text) => ({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
async function viewShot(page, name) {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
}

const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
/** Serious or critical axe findings in the page, or inside one element of it. */
async function seriousViolations(page, include = null) {
  await page.evaluate(AXE_SOURCE);
  const found = await page.evaluate(async (inc) => {
    const r = await globalThis.axe.run(inc ? { include: [[inc]] } : document, { rules: { 'color-contrast': { enabled: true } } });
    if (r.passes.length + r.violations.length < 5) return [{ id: 'nothing-checked', impact: 'critical', nodes: [] }];
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  }, include);
  return found.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

async function addExpert(page, { name, fields, affiliation }) {
  await page.getByRole('button', { name: '添加专家' }).click();
  const form = page.locator('.expert-form');
  await form.getByLabel('姓名').fill(name);
  await form.getByLabel(/专业领域/).fill(fields);
  await form.getByLabel('工作单位').fill(affiliation);
  await form.getByRole('button', { name: '保存' }).click();
  await page.locator(`tr[data-expert="${name}"]`).waitFor();
}

export const tests = [
  {
    name: 'pool → group without conflicts → package → expert opens it in another profile → scorebook matched by case id',
    async run(env) {
      const dash = await env.context.newPage();
      await dash.setViewportSize({ width: 1366, height: 768 });
      await dash.goto(env.extUrl('dashboard.html'));
      await dash.locator('[data-testid="summary-strip"]').waitFor();
      const cases = { format: 'lyg-award/cases@1', cases: [{ header: { id: 'case-pkg-1', year: 2026, kind: 'organization', applicantName: NAME, creditCode: null, recommender: '海州区' }, events: [{ type: 'apply', on: '2026-06-01', kind: 'organization' }, { type: 'recommend', on: '2026-06-10', by: '海州区' }, { type: 'accept', on: '2026-06-20' }].map((event) => ({ event, recordedBy: 'seed' })) }] };
      await dash.click('[data-testid="import-open"]');
      await dash.setInputFiles('[data-testid="import-file"]', file('cases.json', JSON.stringify(cases)));
      await dash.click('[data-testid="import-confirm"]');
      await eventually(async () => Number(await dash.locator('[data-testid="count-material-review"]').textContent()) === 1, { message: 'case in material review' });

      // 专家库
      const pool = await env.context.newPage();
      await pool.setViewportSize({ width: 1366, height: 768 });
      await pool.goto(env.extUrl('experts.html#pool'));
      await pool.getByTestId('pool-empty').waitFor();
      await pool.getByRole('button', { name: '添加专家' }).click();
      await pool.locator('.expert-form').getByRole('button', { name: '保存' }).click();
      assert((await pool.getByRole('alert').textContent()).includes('请填写专家姓名'), 'a nameless expert is refused in Chinese');
      await pool.locator('.expert-form').getByLabel('姓名').fill('孙专家');
      await pool.locator('.expert-form').getByLabel(/地区代码/).fill('3207');
      await pool.locator('.expert-form').getByRole('button', { name: '保存' }).click();
      assert((await pool.getByRole('alert').textContent()).includes('6 位数字'), 'a short region code is refused');
      await pool.locator('.expert-form').getByRole('button', { name: '取消' }).click();
      assertEqual(await pool.getByTestId('pool-empty').count(), 1, 'nothing saved after refusals');
      await addExpert(pool, { name: '王专家', fields: '机械制造、质量管理', affiliation: '南京质量协会' });
      await addExpert(pool, { name: '李专家', fields: '化工', affiliation: '江苏海洋大学' });
      await addExpert(pool, { name: '赵专家', fields: '机械制造', affiliation: NAME });
      await viewShot(pool, 'experts-pool');
      const poolA11y = await seriousViolations(pool);
      assertEqual(poolA11y.length, 0, `axe on 专家库: ${JSON.stringify(poolA11y)}`);

      // the staff console: the group, without 赵专家 (same affiliation), and the package for 王专家
      await dash.locator('[data-testid="case-row"]').first().click();
      const group = dash.getByTestId('expert-group');
      await group.waitFor();
      await group.locator('[data-excluded="赵专家"]').waitFor();
      assert((await group.locator('[data-excluded="赵专家"]').textContent()).includes('与申报方同一单位'), 'the conflict is named');
      await group.getByLabel('专业领域').fill('机械制造');
      await group.getByTestId('save-expert-group').click();
      await group.getByText('已保存专家组').waitFor();
      await group.getByTestId('package-material').setInputFiles(file('notes.json', '{"a":1}'));
      assert((await group.getByRole('alert').textContent()).includes('既不是申报书'), 'a wrong file is named in Chinese');
      // the group size is the office's choice, said from the award's data
      assert((await group.getByTestId('group-size-note').textContent()).includes('默认 3 人是市质量发展委员会办公室的工作安排'), 'the group size is named as the office’s choice');
      // the applicant's application and self-evaluation workbook go into the package
      const workbook = { format: 'lyg-award/self-evaluation-workbook@1', applicantKind: 'organization', applicantName: NAME, percents: { '4.1.2': 70, '4.7.2': 55 } };
      await group.getByTestId('package-material').setInputFiles([
        { name: 'application.json', mimeType: 'application/json', buffer: fs.readFileSync(APP) },
        file('self-evaluation.json', JSON.stringify(workbook)),
      ]);
      await group.scrollIntoViewIfNeeded();
      const [download] = await Promise.all([dash.waitForEvent('download'), group.getByRole('button', { name: '导出材料包：王专家' }).click()]);
      const pkgText = fs.readFileSync(await download.path(), 'utf8');
      assertEqual(JSON.parse(pkgText).format, 'lyg-award/review-package@1', 'package format');
      assert(download.suggestedFilename().startsWith('评审材料包-'), `package file name: ${download.suggestedFilename()}`);
      await group.getByText(/已于 .* 导出/).waitFor();
      // shown in China time, whatever the machine's zone: the package's UTC moment + 8 h
      const issuedUtc = new Date(JSON.parse(pkgText).createdAt);
      const china = new Date(issuedUtc.getTime() + 8 * 3600_000).toISOString();
      const shown = (await group.getByText(/已于 .* 导出/).textContent()).match(/已于 (\S+ \S+) 导出/)[1];
      assertEqual(shown, `${china.slice(0, 10)} ${china.slice(11, 16)}`, 'export time in China time');
      await viewShot(dash, 'staff-expert-group');
      const groupA11y = await seriousViolations(dash, '[data-testid="expert-group"]');
      assertEqual(groupA11y.length, 0, `axe on the case's 专家评审: ${JSON.stringify(groupA11y)}`);
      await pool.reload();
      await eventually(async () => (await pool.locator('tr[data-expert="王专家"]').textContent()).includes(NAME), { message: 'the pool shows the assignment' });

      // the expert, in a profile of their own, opens the package without typing who they are
      const expertEnv = await launchWithExtension();
      let scorebookText;
      try {
        const page = await expertEnv.context.newPage();
        const errors = [];
        page.on('pageerror', (e) => errors.push(String(e)));
        await page.goto(expertEnv.extUrl('experts.html'));
        await page.getByText('或打开办公室发来的评审材料包').waitFor();
        await page.setInputFiles('input[type=file]', file('pkg.json', pkgText.replace('"王专家"', '"王专家2"')));
        assert((await page.getByRole('alert').textContent()).includes('校验和不符'), 'a changed package is refused');
        await page.setInputFiles('input[type=file]', file(download.suggestedFilename(), pkgText));
        await page.getByTestId('book-case').waitFor();
        assert((await page.getByTestId('book-case').textContent()).includes('case-pkg-1'), 'the scorebook names the case');
        assert((await page.locator('.ws').textContent()).includes('专家：王专家（南京质量协会）'), 'identity taken from the package');
        await page.getByLabel('本人与该申报方不存在需要回避的关系').check();
        await page.getByRole('button', { name: '确认声明' }).click();
        await page.selectOption('select[aria-label="4.1.2 得分率"]', '60');
        await eventually(async () => (await page.locator('.saved[data-dirty="no"]').count()) === 1 && (await page.getByText('已自动保存').count()) === 1, { timeout: 8000, message: 'autosave' });
        // the applicant's own percents travel with the package and stay after a reload
        const selfNote = () => page.locator('text=申报方自评 70%').count();
        await eventually(async () => (await selfNote()) === 1, { message: 'the applicant’s 70% beside 4.1.2' });
        await page.reload();
        await page.getByTestId('book-case').waitFor();
        await eventually(async () => (await page.locator('select[aria-label="4.1.2 得分率"]').inputValue()) === '60', { message: 'the score is kept after a reload' });
        await eventually(async () => (await selfNote()) === 1, { message: 'the applicant’s self-evaluation is kept after a reload' });
        await viewShot(page, 'experts-workspace-from-package');
        const [sb] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /导出评分册/ }).click()]);
        scorebookText = fs.readFileSync(await sb.path(), 'utf8');
        const data = JSON.parse(scorebookText).data;
        assertEqual(data.subject.caseId, 'case-pkg-1', 'scorebook case id');
        assert(data.version >= 3, `the scorebook's version rose with each save (${data.version})`);
        assertEqual(errors.length, 0, `page errors: ${errors.join('; ')}`);
      } finally {
        await expertEnv.context.close();
        fs.rmSync(expertEnv.userDataDir, { recursive: true, force: true });
      }

      // the office imports it: matched by the case id
      const office = await env.context.newPage();
      await office.goto(env.extUrl('experts.html#office'));
      await office.setInputFiles('input[type=file]', file('sb.json', scorebookText));
      await office.getByRole('button', { name: /确认导入 1 份/ }).click();
      await office.getByRole('button', { name: NAME }).waitFor();
    },
  },
];
