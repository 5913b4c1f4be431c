// 自评 tab end to end in Chromium: score items in the side panel page (360 px wide), export the Word report
// (captured as a real download), read word/document.xml, reload and find the typed text again, print view.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { assert, assertEqual, eventually, screenshot, SCREENSHOTS } from './harness.mjs';

/** A screenshot of what the user sees (the viewport), not the whole page. */
async function view(page, name) {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
}

const STRENGTH = '高层领导每月主持质量例会，评审 12 项关键指标';
const OFI = '领导绩效评价尚未覆盖中层';
const PROFILE = '连云港示例装备有限公司成立于 2012 年，主营港口起重装备。';

async function openTab(context, extUrl) {
  const page = await context.newPage();
  await page.setViewportSize({ width: 360, height: 720 });
  await page.goto(extUrl('sidepanel.html'));
  const tab = page.locator('#tab-self-evaluation');
  let mounted = false;
  try {
    await tab.waitFor({ timeout: 5000 });
    mounted = true;
  } catch {
    mounted = false;
  }
  assert(mounted, 'the side panel shows a 自评 tab (#tab-self-evaluation)');
  await tab.click();
  await page.locator('[data-testid="self-evaluation"][data-kind="organization"]').waitFor({ timeout: 10_000 });
  return page;
}

async function noSideScroll(page, where) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert(overflow <= 0, `no horizontal scroll at 360 px in ${where} (overflow ${overflow}px)`);
}

async function score(page, id, band, step) {
  const cat = page.locator(`[data-testid="category-${id.split('.').slice(0, 2).join('.')}"]`);
  if (!(await cat.evaluate((d) => d.open))) await cat.locator(':scope > summary').click();
  const item = page.locator(`[data-testid="item-${id}"]`);
  if (!(await item.evaluate((d) => d.open))) await item.locator(':scope > summary').click();
  await item.locator(`[data-testid="band-${id}-${band}"]`).click();
  await item.locator(`[data-testid="step-${id}-${step}"]`).check();
}

export const tests = [
  {
    name: 'score items, export the .docx (download), reload keeps the text',
    async run({ context, extUrl }) {
      const page = await openTab(context, extUrl);
      await score(page, '4.1.2', '50-65', 60); // 30
      await score(page, '4.4.2', '30-45', 45); // 27
      await score(page, '4.7.2', '70-85', 75); // 60
      await score(page, '4.7.4', '10-25', 15); // 12
      const expectedTotal = 30 + 27 + 60 + 12;
      await eventually(async () => (await page.getByTestId('total-score').textContent()) === String(expectedTotal), { message: `total ${expectedTotal}` });

      const strengths = page.getByTestId('strengths-4.1.2');
      await strengths.fill(STRENGTH);
      await page.getByTestId('improvements-4.1.2').fill(OFI);
      await page.getByTestId('improvements-4.1.2').blur();
      await page.getByTestId('item-4.1.2').evaluate((el) => el.scrollIntoView({ block: 'center' }));
      await view(page, 'self-evaluation-item-360');
      await page.getByTestId('band-meaning').first().evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await view(page, 'self-evaluation-item-notes-360');
      await screenshot(page, 'self-evaluation-scores-360');

      await noSideScroll(page, 'scores');

      await page.getByTestId('view-profile').click();
      await page.getByTestId('profile-description').fill(PROFILE);
      await eventually(async () => (await page.getByTestId('profile-count').textContent()).includes(' / 3000'), { message: 'profile counter' });
      const count = await page.getByTestId('profile-count').textContent();
      assert(count.startsWith(`${[...PROFILE.replace(/\s/g, '')].length} / 3000`), `profile count shows the characters typed: ${count}`);

      await page.getByTestId('view-charts').click();
      await page.getByTestId('radar-chart').waitFor();
      await page.getByTestId('radar-chart').evaluate((el) => el.scrollIntoView({ block: 'center' }));
      await view(page, 'self-evaluation-charts-360');
      await noSideScroll(page, 'charts');

      await page.getByTestId('view-report').click();
      await page.getByTestId('applicant-name').fill('连云港示例装备有限公司');
      await page.getByTestId('applicant-name').blur();
      const lengthText = await page.getByTestId('report-length').textContent();
      assert(/\d+ \/ 30000 字/.test(lengthText), `report length shown against the cap: ${lengthText}`);

      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-docx').click()]);
      assert(download.suggestedFilename().endsWith('.docx'), `a .docx is downloaded (${download.suggestedFilename()})`);
      const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'selfeval-')), 'report.docx');
      await download.saveAs(file);
      const files = unzipSync(new Uint8Array(fs.readFileSync(file)));
      const xml = strFromU8(files['word/document.xml']);
      assert(xml.includes(`总分：${expectedTotal} / 1000`), `word/document.xml shows the total ${expectedTotal}`);
      assert(xml.includes('>高层领导的作用<'), 'the item rows are in the scores table');
      assert(xml.includes(STRENGTH) && xml.includes(OFI), 'strengths and OFIs are in the report');
      assert(xml.includes(PROFILE), 'the profile is in the report');
      assert(Object.keys(files).some((f) => f.startsWith('word/charts/')), 'the radar chart is embedded');
      await page.getByTestId('export-message').waitFor();
      await view(page, 'self-evaluation-report-360');
      await noSideScroll(page, 'report');

      await page.reload();
      await page.locator('#tab-self-evaluation').click();
      await page.locator('[data-testid="self-evaluation"][data-kind="organization"]').waitFor();
      assertEqual(await page.getByTestId('total-score').textContent(), String(expectedTotal), 'total after reload');
      await page.locator('[data-testid="item-4.1.2"] > summary').click();
      assertEqual(await page.getByTestId('strengths-4.1.2').inputValue(), STRENGTH, 'strengths after reload');
      assertEqual(await page.getByTestId('improvements-4.1.2').inputValue(), OFI, 'OFIs after reload');
      await page.getByTestId('view-profile').click();
      assertEqual(await page.getByTestId('profile-description').inputValue(), PROFILE, 'profile after reload');
      await page.close();
    },
  },
  {
    name: 'typed text survives closing the page right after typing',
    async run({ context, extUrl }) {
      const page = await openTab(context, extUrl);
      await page.getByTestId('view-report').click();
      await page.getByTestId('applicant-name').fill('关闭前输入 typed before close');
      await page.close({ runBeforeUnload: true });
      const again = await openTab(context, extUrl);
      await again.getByTestId('view-report').click();
      await eventually(async () => (await again.getByTestId('applicant-name').inputValue()) === '关闭前输入 typed before close', { message: 'applicant name kept' });
      await again.close();
    },
  },
  {
    name: 'rounds: save 2025, change a score, the delta table shows the movement',
    async run({ context, extUrl }) {
      const page = await openTab(context, extUrl);
      await page.getByTestId('view-rounds').click();
      await page.getByTestId('round-name').fill('2025');
      await page.getByTestId('round-save').click();
      await page.getByText('已保存轮次 2025').waitFor();
      await page.getByTestId('view-scores').click();
      await score(page, '4.4.2', '50-65', 65); // 27 → 39
      await page.getByTestId('view-rounds').click();
      await page.getByTestId('round-name').fill('2026');
      await page.getByTestId('round-before').selectOption({ label: '2025' });
      const total = await page.getByTestId('delta-total').textContent();
      assert(total.includes('+12'), `delta total shows +12: ${total}`);
      await page.getByTestId('delta-table').evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await view(page, 'self-evaluation-rounds-360');
      await noSideScroll(page, 'rounds');
      await page.close();
    },
  },
  {
    name: 'print view shows the report with charts, print CSS',
    async run({ context, extUrl }) {
      const page = await context.newPage();
      await page.setViewportSize({ width: 900, height: 1200 });
      await page.goto(extUrl('report.html?kind=organization'));
      await page.getByTestId('print-report').waitFor();
      const total = await page.getByTestId('print-total').textContent();
      assert(/^总分：\d+(\.\d+)? \/ 1000$/.test(total.trim()), `print view shows the total, in Chinese only: ${total}`);
      assert(await page.locator('svg[data-testid="radar-chart"]').count() === 1, 'radar chart drawn');
      await screenshot(page, 'self-evaluation-print-view');
      await page.emulateMedia({ media: 'print' });
      assert(!(await page.locator('.se-toolbar').isVisible()), 'the print button is hidden when printing');
      const pdf = await page.pdf({ format: 'A4' }).catch(() => null);
      if (pdf) fs.writeFileSync(path.join(path.dirname(await screenshot(page, 'self-evaluation-print-media')), 'self-evaluation-report.pdf'), pdf);
      await page.close();
    },
  },
  {
    name: 'individual applicants: 第九条 dimensions in the print view',
    async run({ context, extUrl }) {
      // The side panel takes the kind from the portal page; here the individual workbook is stored directly
      // (the tab's individual view is covered by the component test).
      const page = await context.newPage();
      await page.setViewportSize({ width: 360, height: 720 });
      await page.goto(extUrl('report.html?kind=individual'));
      await page.getByText('还没有自评数据').waitFor();
      await page.evaluate(() => new Promise((resolve, reject) => {
        const open = indexedDB.open('award-pilot');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('selfEvaluations', 'readwrite');
          tx.objectStore('selfEvaluations').put({
            id: 'selfeval:individual:current', round: 'current', updatedAt: new Date().toISOString(),
            data: {
              format: 'lyg-award/self-evaluation-workbook@1', applicantKind: 'individual', applicantName: '王工',
              individual: { headsOrganization: false, qualityWorkSince: '2014-03-01', dimensions: { '9.3': { self: 'meets', narrative: '主持起重机焊接工艺改进，一次合格率由 92% 升至 99%', evidenceReady: ['results'], evidenceNotes: '' } } },
            },
          });
          tx.oncomplete = () => { open.result.close(); resolve(); };
          tx.onerror = () => reject(tx.error);
        };
      }));
      await page.reload();
      await page.getByTestId('print-report').waitFor();
      const text = await page.getByTestId('print-report').textContent();
      assert(text.includes('第九条(一)') && text.includes('第九条(三)'), 'the 第九条 conditions are listed');
      assert(!text.includes('第九条(四)'), '第九条(四) is left out for someone who heads no organisation');
      assert(text.includes('一次合格率由 92% 升至 99%'), 'the narrative is shown');
      await view(page, 'self-evaluation-individual-print-360');
      await page.close();
    },
  },
  {
    name: 'individual: 第九条 self-evaluation in the full-tab editor, kept after reload',
    async run({ context, extUrl }) {
      const page = await context.newPage();
      await page.setViewportSize({ width: 360, height: 800 });
      await page.goto(extUrl('report.html?kind=individual&mode=edit'));
      await page.locator('[data-testid="self-evaluation"][data-kind="individual"]').waitFor();
      for (const id of ['9.1', '9.2', '9.3']) await page.getByTestId(`dimension-${id}`).waitFor();
      assert(await page.getByTestId('dimension-9.4').count() === 0, '第九条(四) hidden until the applicant heads an organisation');
      await page.getByTestId('heads-organization').check();
      await page.getByTestId('dimension-9.4').waitFor();
      await page.getByTestId('work-since').fill('2015-03-01');
      await page.getByTestId('years-met').waitFor();
      const met = await page.getByTestId('years-met').textContent();
      assert(met.includes('已满 10 年'), `10 years reached since 2015-03-01: ${met}`);
      await page.getByTestId('narrative-9.3').fill('牵头编制 3 项焊接团体标准，推广到 11 家企业');
      await page.getByTestId('evidence-9.3-results').check();
      await page.getByTestId('narrative-9.3').blur();
      const readiness = await page.getByTestId('individual-readiness').textContent();
      assert(readiness.includes('1 / 12'), `evidence readiness counts 1 of 12: ${readiness}`);
      await noSideScroll(page, 'individual');
      await page.getByTestId('dimension-9.3').evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await view(page, 'self-evaluation-individual-360');
      await page.reload();
      await page.getByTestId('narrative-9.3').waitFor();
      assertEqual(await page.getByTestId('narrative-9.3').inputValue(), '牵头编制 3 项焊接团体标准，推广到 11 家企业', 'narrative after reload');
      assert(await page.getByTestId('evidence-9.3-results').isChecked(), 'evidence tick kept after reload');
      await page.close();
    },
  },
  {
    name: 'the side panel follows edits made in the full-tab editor',
    async run({ context, extUrl }) {
      const panel = await openTab(context, extUrl);
      const editor = await context.newPage();
      await editor.goto(extUrl('report.html?kind=organization&mode=edit'));
      await editor.locator('[data-testid="self-evaluation"][data-kind="organization"]').waitFor();
      await editor.getByTestId('view-report').click();
      await editor.getByTestId('applicant-name').fill('同步测试 Sync check');
      await editor.getByTestId('applicant-name').blur();
      await panel.getByTestId('view-report').click();
      await eventually(async () => (await panel.getByTestId('applicant-name').inputValue()) === '同步测试 Sync check', { message: 'the panel shows the name typed in the editor' });
      await editor.close();
      await panel.close();
    },
  },
];
