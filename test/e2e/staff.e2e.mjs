// The staff page (dashboard.html): seed 30 cases by JSON import, filter, open a case, record a
// decision, see the statechart's current stage and the counts move; exports; bans; 10,000 cases.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { assert, assertEqual, eventually, screenshot } from './harness.mjs';
import { manyCases, quotaCases, seedCases } from './staff-seed.mjs';

/** RFC 4180 rows (quoted fields, doubled quotes, CRLF), enough to read what LibreOffice Calc writes. */
function csvRows(text) {
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (ch === '"') quoted = false; else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { row.push(cell); cell = ''; }
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cell); rows.push(row); row = []; cell = '';
    } else cell += ch;
  }
  if (cell || row.length) { row.push(cell); rows.push(row); }
  return rows;
}

const json = (data, name = 'cases.json') => ({ name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(data)) });

async function openDashboard(env) {
  const page = await env.context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(env.extUrl('dashboard.html'));
  await page.locator('[data-testid="summary-strip"]').waitFor();
  return { page, errors };
}

const count = async (page, stage) => Number(await page.locator(`[data-testid="count-${stage}"]`).textContent());
const listCount = (page) => page.locator('[data-testid="list-count"]').textContent();

async function importFile(page, data, name) {
  await page.click('[data-testid="import-open"]');
  await page.setInputFiles('[data-testid="import-file"]', json(data, name));
}

let shared;

/** Dates relative to today in China (the page's "today"), so the test holds on any day. */
const chinaDay = (offsetDays = 0) => new Date(Date.now() + 8 * 3_600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);

/** Clears the filters if any are set (the button only shows then). */
async function clearFilters(page) {
  const btn = page.locator('[data-testid="filter-clear"]');
  if (await btn.count()) await btn.click();
}

export const tests = [
  {
    name: 'import 30 cases: preview first, then one write; counts per stage',
    async run(env) {
      shared = await openDashboard(env);
      const { page } = shared;
      await page.locator('[data-testid="empty-list"]').waitFor();
      await importFile(page, seedCases(), 'seed.json');
      const preview = page.locator('[data-testid="import-preview"]');
      await preview.waitFor();
      assert((await preview.textContent()).includes('将导入 30 个案件'), 'preview says 30 cases will be imported');
      await screenshot(page, 'staff-import-preview');
      // Nothing is written before confirming.
      assertEqual(await page.locator('[data-testid="case-row"]').count(), 0, 'rows before confirming');
      await page.click('[data-testid="import-confirm"]');
      await eventually(async () => (await listCount(page)).includes('共 30 件'), { message: '30 cases listed' });
      assertEqual(await count(page, 'committee'), 4, 'committee count');
      assertEqual(await count(page, 'awarded'), 2, 'awarded count');
      assertEqual(await count(page, 'disqualified'), 1, 'disqualified count');
      assertEqual(await count(page, 'recommendation'), 5, 'recommendation count (3 + 2 with a refused event)');
      await screenshot(page, 'staff-list');
    },
  },
  {
    name: 'a bad import file is refused with a zh/en message and writes nothing',
    async run() {
      const { page } = shared;
      const bad = seedCases();
      bad.cases = bad.cases.slice(0, 3).map((c) => ({ ...c, header: { ...c.header, id: `${c.header.id}-x` } }));
      bad.cases[2].events.push({ event: { type: 'apply', on: '2026-02-30', kind: 'organization' }, recordedBy: 'seed' });
      await importFile(page, bad, 'bad.json');
      const errs = page.locator('[data-testid="import-errors"]');
      await errs.waitFor();
      const text = await errs.textContent();
      // one language at a time (issue 13): a Chinese browser gets the refusal in Chinese only
      assert(text.includes('未导入任何内容') && !text.includes('nothing was imported'), `refusal in the browser's language: ${text}`);
      // the place in people's words (issue 14): the case and event, never a field path
      assert(/第 3 个案件第 \d+ 条事件的“日期”/.test(text) && !text.includes('cases['), `names the case, event and field: ${text}`);
      assert(await page.locator('[data-testid="import-confirm"]').isDisabled(), 'confirm disabled');
      await screenshot(page, 'staff-import-refused');
      await page.click('[data-testid="import-dialog"] button:has-text("取消")');
      assert((await listCount(page)).includes('共 30 件'), 'still 30 cases');
    },
  },
  {
    name: 'filters: text, stage chip, kind, recommender',
    async run() {
      const { page } = shared;
      await page.fill('[data-testid="filter-text"]', '恒瑞');
      await eventually(async () => (await page.locator('[data-testid="case-row"]').count()) >= 1 && (await listCount(page)).includes('共 3 件'), { message: 'text filter' });
      await page.click('[data-testid="filter-clear"]');
      await page.click('[data-testid="chip-committee"]');
      await eventually(async () => (await listCount(page)).includes('共 4 件'), { message: 'stage chip filters to 4' });
      await page.selectOption('[data-testid="filter-kind"]', 'individual');
      await eventually(async () => (await listCount(page)).includes('共 1 件'), { message: 'kind filter' });
      await page.selectOption('[data-testid="filter-kind"]', '');
      await page.selectOption('[data-testid="filter-recommender"]', '海州区人民政府');
      const n = Number((await listCount(page)).match(/共 (\d+) 件/)[1]);
      assert(n >= 0 && n < 4, `recommender narrows the committee list (${n})`);
      await page.click('[data-testid="filter-clear"]');
      await page.click('[data-testid="chip-committee"]');
      await eventually(async () => (await listCount(page)).includes('共 4 件'), { message: 'committee again' });
    },
  },
  {
    name: 'open a case, record committee approval: diagram moves to publicity, counts change',
    async run() {
      const { page } = shared;
      const before = { committee: await count(page, 'committee'), publicity: await count(page, 'publicity') };
      const row = page.locator('[data-testid="case-row"]').first();
      const id = await row.getAttribute('data-case-id');
      await row.click();
      const view = page.locator('[data-testid="case-view"]');
      await view.waitFor();
      assertEqual(await view.getAttribute('data-case-id'), id, 'opened case');
      assertEqual(await page.locator('[data-testid="lifecycle-diagram"]').getAttribute('data-current-stage'), 'committee', 'diagram current stage');
      // Only the events the machine accepts now are offered.
      const offered = await page.locator('[data-testid="record-type"] option').evaluateAll((os) => os.map((o) => o.value).filter(Boolean));
      assertEqual(offered.slice().sort().join(','), ['committee-approve', 'committee-reject', 'false-material-found', 'withdraw'].sort().join(','), 'offered events');
      await screenshot(page, 'staff-case-committee');
      await page.selectOption('[data-testid="record-type"]', 'committee-approve');
      const postedOn = chinaDay(-1);
      await page.fill('[data-testid="record-on"]', postedOn);
      await page.click('[data-testid="record-submit"]');
      await eventually(async () => (await page.locator('[data-testid="lifecycle-diagram"]').getAttribute('data-current-stage')) === 'publicity', { message: 'diagram shows publicity' });
      assertEqual(await page.locator('[data-testid="case-stage"]').getAttribute('data-stage'), 'publicity', 'stage pill');
      assertEqual(await count(page, 'committee'), before.committee - 1, 'committee count down');
      assertEqual(await count(page, 'publicity'), before.publicity + 1, 'publicity count up');
      const deadline = await page.locator('[data-testid="publicity-deadline"]').textContent();
      // 第十条(五): posted yesterday, 7 days → may end 6 days from today.
      assert(deadline.includes(chinaDay(6)) && deadline.includes('还剩 6 天'), `publicity countdown: ${deadline}`);
      assert((await page.locator('[data-testid="history-row"]').last().textContent()).includes('审议通过'), 'history lists the decision');
      // The path taken is drawn bold on the diagram.
      assert(await page.locator('[data-edge="committee:committee-approve:publicity"].taken').count() === 1, 'edge highlighted');
      // History and diagram are linked: pointing at a history row marks its transition.
      await page.locator('[data-testid="history-row"]').nth(1).hover();
      await eventually(async () => (await page.locator('[data-edge="recommendation:recommend:qualification-review"].hl').count()) === 1, { message: 'hovered history row marks its edge' });
      await screenshot(page, 'staff-case-linked');
      await page.mouse.move(5, 5);
      await screenshot(page, 'staff-case-publicity');

      // Publicity too short: the machine refuses and nothing is written (第十条(五)).
      const rows = await page.locator('[data-testid="history"] tbody tr').count();
      await page.selectOption('[data-testid="record-type"]', 'publicity-end');
      await page.fill('[data-testid="record-on"]', chinaDay(0));
      await page.click('[data-testid="record-submit"]');
      const err = page.locator('[data-testid="record-error"]');
      await err.waitFor();
      assert((await err.textContent()).includes('第十条'), `refusal cites the article: ${await err.textContent()}`);
      assertEqual(await page.locator('[data-testid="history"] tbody tr').count(), rows, 'nothing appended');
      await screenshot(page, 'staff-case-refused');
    },
  },
  {
    name: 'an awarded case shows what follows the award: title use (第十八条), duties (第十七条), next award (第十二条), revocation (第十四/十五条)',
    async run() {
      const { page } = shared;
      await clearFilters(page);
      await page.click('[data-testid="chip-awarded"]');
      const row = page.locator('[data-testid="case-row"]').first();
      await row.waitFor();
      await row.click();
      await eventually(async () => (await page.locator('[data-testid="case-stage"]').getAttribute('data-stage')) === 'awarded', { message: 'an awarded case open' });
      const after = page.getByTestId('after-award');
      await after.waitFor();
      const text = await after.innerText();
      for (const article of ['第十八条', '第十七条', '第十二条', '第十四条 / 第十五条']) assert(text.includes(article), `after-award cites ${article}`);
      assert(/\d{4}年度连云港市市长质量奖/.test(text), `the title carries the award year: ${text.slice(0, 120)}`);
      const offered = await page.locator('[data-testid="record-type"] option').evaluateAll((os) => os.map((o) => o.value).filter(Boolean));
      assertEqual(offered.join(','), 'revoke', 'only revocation can follow an award');
      await screenshot(page, 'staff-case-awarded');
      await clearFilters(page);
    },
  },
  {
    name: 'a refused event in the log is shown with its reason; persisted events survive a reload',
    async run() {
      const { page } = shared;
      await clearFilters(page);
      await page.click('[data-testid="chip-recommendation"]');
      await page.fill('[data-testid="filter-text"]', '30');
      await eventually(async () => (await listCount(page)).includes('共 1 件'), { message: 'case 30' });
      await page.locator('[data-testid="case-row"]').first().click();
      const refused = page.locator('[data-testid="history-refused"]');
      await refused.waitFor();
      assert((await refused.textContent()).includes('未生效'), 'refused row');
      assert((await page.locator('[data-testid="refused-list"]').textContent()).includes('受理'), 'refused events listed beside the diagram');
      await screenshot(page, 'staff-case-refused-log');
      await page.reload();
      await page.locator('[data-testid="case-view"]').waitFor();
      await eventually(async () => (await count(page, 'publicity')) === 3, { message: 'recorded approval persisted (publicity 3)' });
    },
  },
  {
    name: 'new case: a banned applicant is refused citing 第十四条; a clean one opens',
    async run() {
      const { page } = shared;
      const seed = seedCases();
      const banned = seed.cases.find((c) => c.events.some((e) => e.event.type === 'false-material-found'));
      await page.click('[data-testid="new-case"]');
      await page.fill('[data-testid="new-name"]', banned.header.applicantName);
      await page.fill('[data-testid="new-code"]', banned.header.creditCode);
      const ban = page.locator('[data-testid="new-case-ban"]');
      await ban.waitFor();
      const text = await ban.textContent();
      assert(text.includes('第十四条') && text.includes('2029-05-20'), `ban cites article and last day: ${text}`);
      assert(await page.locator('[data-testid="new-submit"]').isDisabled(), 'create disabled');
      await screenshot(page, 'staff-new-case-banned');
      await page.fill('[data-testid="new-name"]', '连云港新申报企业有限公司');
      await page.fill('[data-testid="new-code"]', '91320700MA1Y8QW11N');
      await page.click('[data-testid="new-submit"]');
      const err = page.locator('[data-testid="new-case-error"]');
      const opened = page.locator('[data-testid="case-view"] h2:has-text("连云港新申报企业有限公司")');
      await eventually(async () => (await err.count()) > 0 || (await opened.count()) > 0, { message: 'either refused for a bad code or opened' });
      if (await err.count()) {
        assert((await err.textContent()).includes('GB 32100'), 'bad check character explained');
        const { creditCode } = await import('./staff-seed.mjs');
        await page.fill('[data-testid="new-code"]', creditCode(777));
        await page.click('[data-testid="new-submit"]');
      }
      await opened.waitFor();
      assertEqual(await page.locator('[data-testid="case-stage"]').getAttribute('data-stage'), 'draft', 'new case is a draft');
    },
  },
  {
    name: 'year overview (quotas, rewards, deadline) and the bans list',
    async run() {
      const { page } = shared;
      await page.click('[data-testid="tab-year"]');
      const award = await page.locator('[data-testid="quota-award"]').textContent();
      assert(award.includes('已用 1 / 3') && award.includes('第四条'), `award quota: ${award}`);
      const nom = await page.locator('[data-testid="quota-nomination"]').textContent();
      assert(nom.includes('已用 1 / 5'), `nomination quota: ${nom}`);
      const total = await page.locator('[data-testid="rewards-total"]').textContent();
      assert(total.includes('650,000 元'), `rewards total 500,000 + 150,000: ${total}`);
      await page.click('[data-testid="deadline-edit"]');
      await page.fill('[data-testid="deadline-input"]', chinaDay(35));
      await page.click('[data-testid="deadline-save"]');
      await eventually(async () => (await page.locator('[data-testid="application-deadline"]').textContent()).includes('还剩 35 天'), { message: 'deadline countdown' });
      await screenshot(page, 'staff-year');
      await page.click('[data-testid="tab-bans"]');
      const bans = page.locator('[data-testid="ban-row"]');
      await bans.first().waitFor();
      const text = await page.locator('[data-testid="bans-panel"]').textContent();
      assert(text.includes('第十四条') && text.includes('第十六条'), `bans list articles: ${text}`);
      await screenshot(page, 'staff-bans');
      await page.click('[data-testid="tab-cases"]');
    },
  },
  {
    name: 'CSV export opens in Excel (BOM, CRLF, Chinese) and JSON export re-imports',
    async run() {
      const { page } = shared;
      await clearFilters(page);
      const [csvDl] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="export-csv"]')]);
      const csv = fs.readFileSync(await csvDl.path(), 'utf8');
      assert(csv.charCodeAt(0) === 0xfeff, 'BOM');
      assert(csv.includes('"申报主体 Applicant"') && csv.includes('\r\n'), 'headers and CRLF');
      assertEqual(csv.split('\r\n').filter(Boolean).length, 32, 'header + 31 cases');
      const [jsonDl] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="export-json"]')]);
      const file = JSON.parse(fs.readFileSync(await jsonDl.path(), 'utf8'));
      assertEqual(file.format, 'lyg-award/cases@1', 'format');
      assertEqual(file.cases.length, 31, 'cases exported');
      // Re-importing the export skips every existing id: logs are append-only, never merged.
      await importFile(page, file, 'export.json');
      await page.locator('[data-testid="import-preview"]').waitFor();
      assert((await page.locator('[data-testid="import-preview"]').textContent()).includes('31 个案件编号已存在'), 'existing case numbers skipped');
      await page.click('[data-testid="import-dialog"] button:has-text("取消")');
    },
  },
  {
    name: '导出 Excel: the downloaded .xlsx read back by exceljs and by LibreOffice Calc, cell for cell',
    async run() {
      const { page, errors } = shared;
      await clearFilters(page);
      const [dl] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="export-xlsx"]')]);
      assert(/^质量奖案件-cases-\d{4}-\d{8}\.xlsx$/.test(dl.suggestedFilename()), `xlsx file name: ${dl.suggestedFilename()}`);
      const work = fs.mkdtempSync(path.join(os.tmpdir(), 'staff-xlsx-'));
      try {
        const file = path.join(work, 'cases.xlsx');
        fs.copyFileSync(await dl.path(), file);
        // exceljs reads what the button wrote
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.readFile(file);
        const ws = wb.worksheets[0];
        assertEqual(ws.name, '案件', 'sheet name');
        const header = ws.getRow(1).values.slice(1);
        for (const h of ['申报主体', '统一社会信用代码', '阶段', '第十一条奖励（元）']) assert(header.some((x) => String(x).includes(h)), `header ${h} in ${header.join('|')}`);
        assertEqual(ws.views[0]?.state, 'frozen', 'header row frozen');
        assertEqual(ws.views[0]?.ySplit, 1, 'one frozen row');
        assert(ws.autoFilter, 'filters on the header row');
        assertEqual(ws.rowCount, 32, 'header + 31 cases (the list on screen)');
        const col = (name) => header.findIndex((x) => String(x).includes(name)) + 1;
        const [cId, cCode, cSince, cReward] = [col('编号'), col('统一社会信用代码'), col('进入阶段日期'), col('第十一条奖励')];
        assert(cId > 0 && cCode > 0 && cSince > 0 && cReward > 0, `columns found: ${header.join('|')}`);
        const seeded = new Map(seedCases().cases.map((c) => [c.header.id, c.header]));
        let codes = 0;
        let dates = 0;
        let rewards = 0;
        for (let r = 2; r <= ws.rowCount; r++) {
          const row = ws.getRow(r);
          const id = String(row.getCell(cId).value);
          const want = seeded.get(id);
          const code = row.getCell(cCode).value;
          if (want?.creditCode) {
            assertEqual(code, want.creditCode, `row ${r}: the credit code is the same text`);
            assertEqual(row.getCell(cCode).numFmt, '@', `row ${r}: the code cell is text-typed`);
            codes++;
          }
          const since = row.getCell(cSince).value;
          if (since !== null && since !== undefined) { assert(since instanceof Date, `row ${r}: 进入阶段日期 is a date cell (${since})`); dates++; }
          const reward = row.getCell(cReward).value;
          if (reward !== null && reward !== undefined) { assert(typeof reward === 'number' && reward > 0, `row ${r}: reward is a number (${reward})`); rewards++; }
        }
        assert(codes >= 20 && dates >= 20 && rewards >= 1, `codes ${codes}, dates ${dates}, rewards ${rewards}`);

        // LibreOffice Calc opens the same file: every cell it shows equals what exceljs read
        const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => fs.existsSync(p));
        assert(soffice, 'LibreOffice (libreoffice-calc-nogui) must be installed');
        const r = spawnSync(soffice, ['--headless', `-env:UserInstallation=file://${work}/profile`, '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1', '--outdir', path.join(work, 'out'), file], { encoding: 'utf8', timeout: 120_000 });
        const out = path.join(work, 'out', 'cases.csv');
        assert(fs.existsSync(out), `Calc converted the file: ${r.stderr || r.stdout}`);
        const calc = csvRows(fs.readFileSync(out, 'utf8')).filter((row) => row.some(Boolean));
        assertEqual(calc.length, ws.rowCount, 'Calc sees every row');
        const shown = (v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v === null || v === undefined ? '' : String(v));
        for (let i = 0; i < calc.length; i++) {
          for (let j = 0; j < header.length; j++) {
            const ours = shown(ws.getRow(i + 1).getCell(j + 1).value);
            // Calc shows numbers in the cell's format (#,##0): compare without the thousands separators
            const theirs = j + 1 === cReward ? calc[i][j].replace(/,/g, '') : calc[i][j];
            assertEqual(theirs ?? '', ours, `row ${i + 1} column ${header[j]}: Calc shows what was written`);
          }
        }
        assert(!calc.flat().some((c) => /E\+\d/.test(c)), 'no code turned into a number in Calc');
        assertEqual(errors.length, 0, `page errors: ${errors.join('; ')}`);
      } finally {
        fs.rmSync(work, { recursive: true, force: true });
      }
    },
  },
  {
    name: '第四条 quota: the year replay refuses the 4th Mayor-award approval, and the form refuses a 5th',
    async run() {
      const { page } = shared;
      await importFile(page, quotaCases(), 'quota.json');
      await page.locator('[data-testid="import-preview"]').waitFor();
      await page.click('[data-testid="import-confirm"]');
      await eventually(async () => (await page.locator('[data-testid="year-select"]').inputValue()) === '2027', { message: 'year 2027 selected' });
      await eventually(async () => (await listCount(page)).includes('共 5 件'), { message: '5 cases in 2027' });
      // The year replay runs in a worker: wait for it.
      await eventually(async () => (await count(page, 'awarded')) === 3, { message: 'three awarded: the 4th approval is refused' });
      assertEqual(await count(page, 'approval'), 2, 'two wait for approval (the refused one and the 5th)');
      assert((await page.locator('[data-testid="strip-award"]').textContent()).includes('4'), 'summarizeYear counts the 4 recorded approvals');
      await page.fill('[data-testid="filter-text"]', '名额测试企业4');
      await page.locator('[data-testid="case-row"]').first().click();
      const refused = page.locator('[data-testid="history-refused"]');
      await refused.waitFor();
      assert((await refused.textContent()).includes('第四条'), `refusal cites 第四条: ${await refused.textContent()}`);
      await screenshot(page, 'staff-quota-refused');
      await page.fill('[data-testid="filter-text"]', '名额测试企业5');
      await page.locator('[data-testid="case-row"]').first().click();
      await eventually(async () => (await page.locator('[data-testid="case-view"]').getAttribute('data-case-id')) === 'quota-2027-5', { message: 'case 5 open' });
      await page.selectOption('[data-testid="record-type"]', 'government-approve');
      await page.fill('[data-testid="record-on"]', '2027-10-01');
      await page.click('[data-testid="record-submit"]');
      const err = page.locator('[data-testid="record-error"]');
      await err.waitFor();
      assert((await err.textContent()).includes('第四条'), `form refusal cites 第四条: ${await err.textContent()}`);
      await page.click('[data-testid="tab-year"]');
      assert((await page.locator('[data-testid="quota-violations"]').textContent()).includes('第四条'), 'violation shown on the year overview');
      await screenshot(page, 'staff-quota-year');
      await page.click('[data-testid="tab-cases"]');
      await clearFilters(page);
    },
  },
  {
    name: '10,000 cases: the list stays virtual while scrolling',
    async run() {
      const { page, errors } = shared;
      await importFile(page, manyCases(10_000), 'bulk.json');
      await page.locator('[data-testid="import-preview"]').waitFor({ timeout: 60_000 });
      await page.click('[data-testid="import-confirm"]');
      await eventually(async () => (await listCount(page)).includes('共 10000 件'), { timeout: 60_000, message: '10,000 listed (year 2025)' });
      const rendered = () => page.locator('[data-testid="case-row"]').count();
      assert((await rendered()) < 60, `rendered rows at top: ${await rendered()}`);
      const list = page.locator('.vlist');
      for (const top of [40_000, 200_000, 10_000_000]) {
        await list.evaluate((el, y) => (el.scrollTop = y), top);
        await eventually(async () => (await rendered()) > 0, { message: 'rows after scroll' });
        assert((await rendered()) < 60, `rendered rows after scrolling to ${top}: ${await rendered()}`);
      }
      await eventually(async () => (await page.locator('[data-case-id="bulk-9999"]').count()) === 1, { message: 'last case rendered at the bottom' });
      await screenshot(page, 'staff-10000');
      assertEqual(errors.length, 0, `page errors: ${errors.join('\n')}`);
    },
  },
];
