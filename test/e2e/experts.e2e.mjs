// The expert panel (issue 18): two experts score the same application in separate browser profiles and
// export their scorebooks; the office profile imports both (preview first), settles the flagged item,
// records the material review and the site visit (the case moves), and the 评审报告 .docx is read back.
import fs from 'node:fs';
import path from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { assert, assertEqual, eventually, launchWithExtension, ROOT, SCREENSHOTS, screenshot } from './harness.mjs';

/** What a person sees without scrolling (the full pages are 7,000 px long). */
async function viewShot(page, name) {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
}

const ITEMS = ['4.1.2', '4.1.3', '4.1.4', '4.2.2', '4.2.3', '4.3.2', '4.3.3', '4.4.2', '4.4.3', '4.4.4', '4.4.5', '4.4.6', '4.4.7', '4.5.2', '4.5.3', '4.6.2', '4.6.3', '4.7.2', '4.7.3', '4.7.4', '4.7.5', '4.7.6', '4.7.7'];
const APP = path.join(ROOT, 'test/fixtures/applications/eligible-organization.json');
const NAME = JSON.parse(fs.readFileSync(APP, 'utf8')).applicant.name;
const file = (name, text) => ({ name, mimeType: 'application/json', buffer: Buffer.from(text) });

async function expertScores(name, percents, { shots = false } = {}) {
  const env = await launchWithExtension();
  try {
    const page = await env.context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(env.extUrl('experts.html'));
    await page.getByLabel('姓名').fill(name);
    await page.getByRole('button', { name: '确定' }).click();
    await page.getByText('还没有打开的申报材料').waitFor();
    if (shots) {
      await screenshot(page, 'experts-workspace-empty');
      await page.setInputFiles('input[type=file]', file('notes.json', '{"hello": 1}'));
      await page.getByRole('alert').waitFor();
      assert((await page.getByRole('alert').textContent()).includes('不是评审材料包'), 'a wrong file is refused in Chinese');
      await screenshot(page, 'experts-workspace-error');
    }
    await page.setInputFiles('input[type=file]', { name: 'application.json', mimeType: 'application/json', buffer: fs.readFileSync(APP) });
    // 回避 first: no score field exists before the declaration
    await page.getByText('回避声明').waitFor();
    assertEqual(await page.locator('select[aria-label="4.1.2 得分率"]').count(), 0, 'no scoring before 回避');
    await page.getByRole('button', { name: '确认声明' }).click();
    assert((await page.getByRole('alert').textContent()).includes('请先选择'), 'declaring needs a choice');
    await page.getByLabel('本人与该申报方不存在需要回避的关系').check();
    await page.getByRole('button', { name: '确认声明' }).click();
    for (const [i, id] of ITEMS.entries()) {
      await page.selectOption(`select[aria-label="${id} 得分率"]`, String(percents(i)));
      if (shots && i === 11) {
        await page.locator('textarea[aria-label="4.1.2 优势"]').fill('高层领导每月评审关键绩效指标');
        await eventually(() => page.getByText('已自动保存').count(), { message: 'autosave' });
        await page.locator('select[aria-label="4.4.6 得分率"]').scrollIntoViewIfNeeded();
        await viewShot(page, 'experts-workspace-half');
      }
    }
    await page.locator('textarea[aria-label="4.1.2 现场核实要点"]').fill(`${name}：查看领导层月度绩效评审记录`);
    // autosave within 2 s of typing, then the reload shows everything again (nothing typed is lost)
    const typed = Date.now();
    await eventually(async () => (await page.locator('.saved[data-dirty="no"]').count()) === 1, { timeout: 6000, message: 'autosave' });
    const savedAfter = Date.now() - typed;
    await eventually(async () => {
      await page.reload();
      await page.locator('select[aria-label="4.7.7 得分率"]').waitFor();
      return (await page.locator('textarea[aria-label="4.1.2 现场核实要点"]').inputValue()).includes('月度绩效评审') && (await page.locator('select[aria-label="4.7.7 得分率"]').inputValue()) === String(percents(22));
    }, { timeout: 6000, message: 'scores survive a reload' });
    console.log(`    autosave of the last keystroke seen after ${savedAfter} ms`);
    if (shots) {
      await page.evaluate(() => scrollTo(0, 0));
      await page.setViewportSize({ width: 400, height: 900 });
      await viewShot(page, 'experts-workspace-400px');
      await page.emulateMedia({ colorScheme: 'dark' });
      await page.setViewportSize({ width: 1280, height: 900 });
      await viewShot(page, 'experts-workspace-dark');
      await page.emulateMedia({ colorScheme: 'light' });
    }
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /导出评分册/ }).click()]);
    const text = fs.readFileSync(await download.path(), 'utf8');
    assertEqual(JSON.parse(text).format, 'lyg-award/scorebook@1', 'scorebook format');
    assertEqual(errors.length, 0, `page errors: ${errors.join('; ')}`);
    return { name: download.suggestedFilename(), text };
  } finally {
    await env.context.close();
    fs.rmSync(env.userDataDir, { recursive: true, force: true });
  }
}

export const tests = [
  {
    name: 'two experts in two profiles; the office imports, merges, records; the case moves; the report reads back',
    async run(env) {
      // the office registers the case (accepted, so it is in material review)
      const dash = await env.context.newPage();
      await dash.goto(env.extUrl('dashboard.html'));
      await dash.locator('[data-testid="summary-strip"]').waitFor();
      const cases = { format: 'lyg-award/cases@1', cases: [{ header: { id: 'case-exp-1', year: 2026, kind: 'organization', applicantName: NAME, creditCode: null, recommender: '海州区' }, events: [{ type: 'apply', on: '2026-06-01', kind: 'organization' }, { type: 'recommend', on: '2026-06-10', by: '海州区' }, { type: 'accept', on: '2026-06-20' }].map((event) => ({ event, recordedBy: 'seed' })) }] };
      await dash.click('[data-testid="import-open"]');
      await dash.setInputFiles('[data-testid="import-file"]', file('cases.json', JSON.stringify(cases)));
      await dash.click('[data-testid="import-confirm"]');
      await eventually(async () => Number(await dash.locator('[data-testid="count-material-review"]').textContent()) === 1, { message: 'case in material review' });
      assertEqual(await dash.locator('[data-testid="open-expert-panel"]').count(), 1, 'the staff console links to the expert panel');

      const a = await expertScores('王专家', (i) => 50 + (i % 3) * 5, { shots: true });
      const b = await expertScores('李专家', (i) => (i === 0 ? 85 : 50 + (i % 3) * 5)); // 4.1.2: 50 vs 85 → flagged

      const page = await env.context.newPage();
      await page.goto(env.extUrl('experts.html#office'));
      // a damaged file: preview refuses, nothing is written
      await page.setInputFiles('input[type=file]', [file(a.name, a.text), file('b-damaged.json', b.text.replace('"percent": 85', '"percent": 90'))]);
      await page.getByText('本次没有导入任何内容').waitFor();
      assert((await page.locator('.preview').textContent()).includes('校验和不符'), 'checksum refusal shown');
      await screenshot(page, 'experts-office-refused');
      await page.getByRole('button', { name: '取消' }).click();
      assertEqual(await page.getByText('还没有导入评分册').count(), 1, 'nothing imported after a refusal');
      await page.setInputFiles('input[type=file]', [file(a.name, a.text), file(b.name, b.text)]);
      await page.getByRole('button', { name: /确认导入 2 份/ }).click();
      await page.getByRole('button', { name: NAME }).click();
      await page.locator('tr.flag').first().waitFor();
      assertEqual(await page.locator('tr.flag').count(), 1, 'one item flagged (spread 35 > 20)');
      const pass = page.getByRole('button', { name: '资料审查通过' });
      assert(await pass.isDisabled(), 'material review cannot be recorded with an open item');
      await page.selectOption('select[aria-label="4.1.2 合议得分率"]', '65');
      await page.getByLabel('4.1.2 合议理由').fill('现场前合议：方法系统，展开尚有差距');
      await page.locator('tr.flag button', { hasText: '确定' }).click();
      await eventually(async () => (await page.locator('tr.flag').count()) === 0, { message: 'flag settled' });
      await page.locator('table.cons').scrollIntoViewIfNeeded();
      await viewShot(page, 'experts-office-consensus');
      await pass.click();
      await page.getByText('现场核实清单').waitFor();
      await page.selectOption('select[aria-label="4.1.2 核实结果"]', 'partly');
      await page.selectOption('select[aria-label="4.1.2 调整后得分率"]', '60');
      await page.getByLabel('4.1.2 现场发现').fill('评审记录只覆盖半年');
      await page.locator('.finding button', { hasText: '记录' }).click();
      await page.getByText('已记录：部分核实').waitFor();
      await page.getByRole('button', { name: '记录现场评审完成' }).click();
      await eventually(async () => (await page.locator('.panels').textContent()).includes('complete-site-review'), { message: 'site review recorded' });
      await viewShot(page, 'experts-office-site');

      await dash.reload();
      await dash.locator('[data-testid="summary-strip"]').waitFor();
      await eventually(async () => Number(await dash.locator('[data-testid="count-comprehensive-evaluation"]').textContent()) === 1, { message: 'the case moved to comprehensive evaluation' });

      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '评审报告 (.docx)' }).click()]);
      const xml = strFromU8(unzipSync(fs.readFileSync(await download.path()))['word/document.xml']).replace(/<[^>]+>/g, '');
      for (const s of ['评审报告', NAME, '王专家', '李专家', '资料审查：通过', '评审记录只覆盖半年', '现场前合议']) assert(xml.includes(s), `report contains ${s}`);

      // the office's 综合评价报告: ranking, the quotas with their article and the proposed list, in the award's own words
      const [summary] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '综合评价报告 (.docx)' }).click()]);
      const sx = strFromU8(unzipSync(fs.readFileSync(await summary.path()))['word/document.xml']).replace(/<[^>]+>/g, '');
      for (const s of ['综合评价报告', '连云港市市长质量奖 · 市质量发展委员会办公室', '名额依第四条', '市长质量奖每年不超过 3 个', `市长质量奖：${NAME}`]) assert(sx.includes(s), `综合评价报告 contains ${s}`);
    },
  },
];
