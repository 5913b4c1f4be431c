import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { caseStages } from '../../../machines/case.stages.ts';
import { dutyTasks } from '../../../src/staff/duties.ts';
import { buildYearReport, yearReportDocx, yearReportXlsx } from '../../../src/staff/year-report.ts';

const counts = Object.fromEntries(caseStages.map((s) => [s, 0])) as Record<(typeof caseStages)[number], number>;
counts.awarded = 2;
counts.committee = 3;
const tally = (used: number, max: number) => ({ max, maxIndividuals: 1, used, left: max - used, organizations: used, individuals: 0, caseIds: [] });
const reportInput: Parameters<typeof buildYearReport>[0] = {
  year: 2026,
  today: '2027-10-01',
  stageCounts: counts,
  summary: { year: 2026, award: tally(2, 3), nomination: tally(0, 5), violations: [], pools: [] },
  quotaArticle: '第四条',
  rewards: { items: [{ tier: 'award', kind: 'organization', yuan: 500000, article: '第十一条', label: { zh: '', en: '' }, recalled: false, caseId: 'c1', applicantName: '港口集团' }], totalYuan: 500000 },
  rewardArticle: '第十一条',
  bans: [{ caseId: 'c9', applicant: '某公司', kind: 'organization', cause: 'disqualified-false-material', article: '第十四条', from: '2026-05-20', until: '2029-05-19', mayApplyFrom: '2029-05-20', message: { zh: '', en: '' } },
         { caseId: 'c8', applicant: '旧案', kind: 'organization', cause: 'revoked-fraud', article: '第十四条', from: '2024-01-02', until: '2027-01-01', mayApplyFrom: '2027-01-02', message: { zh: '', en: '' } }],
  duties: [{ applicantName: '港口集团', tasks: dutyTasks({ year: 2026, tier: 'award', awardedOn: '2026-09-20' }, { tasks: { 'new-goals': { status: 'done', closedBy: '王科长', closedOn: '2026-11-01' } }, titleUses: [] }, '2027-10-01') }],
};
const report = buildYearReport(reportInput);

describe('年度评审工作报告', () => {
  it('counts stages, quotas against 第四条, rewards, bans issued this year only, duties done and overdue', () => {
    expect(report.title).toBe('2026年度连云港市市长质量奖评审工作报告');
    expect(report.sections[0]!.title).toContain('共 5 件');
    expect(report.sections[0]!.rows).toEqual([['市质量发展委员会审议', 3], ['已获奖', 2]]);
    expect(report.sections[1]!.rows[0]).toEqual(['市长质量奖', 2, 3, 2, 0, '未超出']);
    expect(report.sections[2]!.rows.at(-1)).toEqual(['合计', '', 500000, '']);
    expect(report.sections[3]!.rows).toHaveLength(1);
    expect(report.sections[4]!.title).toContain('办结 1 项，逾期 4 项');
  });

  it('writes a .docx Word reads (document.xml holds the title and the tables)', async () => {
    const files = unzipSync(await yearReportDocx(report));
    const xml = strFromU8(files['word/document.xml']!);
    expect(xml).toContain('2026年度连云港市市长质量奖评审工作报告');
    expect(xml).toContain('获奖后监督事项');
    expect((xml.match(/<w:tbl>/g) ?? []).length).toBe(5);
  });

  it('writes an .xlsx with one sheet per section, numbers as numbers', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await yearReportXlsx(report)).buffer as ArrayBuffer);
    expect(wb.worksheets).toHaveLength(5);
    const quotas = wb.worksheets[1]!;
    expect(quotas.getRow(3).getCell(2).value).toBe(2);
    expect(quotas.getRow(2).getCell(1).value).toBe('奖项');
  });
});

/**
 * Issue 14's wording pass: the report in each language, headings as an award office writes them — plain 公文
 * Chinese with the office's words (禁申与锁定, 获奖后监督事项, 已办结, 到期日), and English that is not a
 * translation of the Chinese (no 一、 numbering, no full-width brackets, articles cited as "Art. 4").
 */
describe('年度评审工作报告: headings per language', () => {
  const en = buildYearReport({ ...reportInput, lang: 'en' });
  it('Chinese: 公文 headings, sheet names and the office\'s words', () => {
    expect(report.sections.map((s) => s.title)).toEqual([
      '一、各阶段案件数（共 5 件）',
      '二、获奖与提名名额（第四条）',
      '三、奖励情况（第十一条）',
      '四、本年度作出的禁申与锁定（第十四条—第十六条，共 1 项）',
      '五、获奖后监督事项（已办结 1 项，逾期 4 项）',
    ]);
    expect(report.sections.map((s) => s.sheet)).toEqual(['各阶段案件数', '获奖与提名名额', '奖励情况', '禁申与锁定', '获奖后监督事项']);
    expect(report.sections[4]!.head).toContain('到期日');
    expect(report.asOf).toBe('统计截至2027年10月1日');
    expect(report.sections[4]!.rows.map((r) => r[4])).toContain('已办结');
  });
  it('English: natural headings, no Chinese anywhere, articles as Art. N', () => {
    expect(en.title).toBe('Lianyungang Mayor Quality Award: Review Report 2026');
    expect(en.asOf).toBe('Figures as of 1 October 2027');
    expect(en.sections.map((s) => s.title)).toEqual([
      '1. Cases by stage (5 in all)',
      '2. Awards and nominations against the quotas (Art. 4)',
      '3. Rewards (Art. 11)',
      '4. Bans and locks issued this year (Arts 14–16; 1 in all)',
      '5. Duties after the award (1 done, 4 overdue)',
    ]);
    // names of applicants and of the clerk who closed a duty are data, written as they were entered
    const text = JSON.stringify([en.title, en.asOf, en.none, en.sections.map((s) => [s.title, s.sheet, s.head, s.rows.map((r) => r.filter((v, j) => !['Winner', 'Applicant', 'Closed by'].includes(s.head[j]!)))])]);
    expect(text).not.toMatch(/[\u3000-\u303F\u4E00-\u9FFF\uFF00-\uFFEF]/);
    expect(en.sections[3]!.rows[0]!.slice(1, 3)).toEqual(['Disqualified for false material', 'Art. 14']);
  });
  it('sheet names are valid in Excel in both languages (≤ 31 characters, none of : \\ / ? * [ ])', async () => {
    for (const r of [report, en]) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load((await yearReportXlsx(r)).buffer as ArrayBuffer);
      expect(wb.worksheets.map((s) => s.name)).toEqual(r.sections.map((s, i) => `${i + 1} ${s.sheet}`));
      for (const s of wb.worksheets) expect(s.name).toMatch(/^[^:\\/?*[\]]{1,31}$/);
    }
  });
  it('the English .docx holds the English title and says None. for an empty section', async () => {
    const empty = buildYearReport({ ...reportInput, bans: [], lang: 'en' });
    const xml = strFromU8(unzipSync(await yearReportDocx(empty))['word/document.xml']!);
    expect(xml).toContain('Lianyungang Mayor Quality Award: Review Report 2026');
    expect(xml).toContain('None.');
    expect(xml).not.toContain('无。');
  });
});

describe('年度评审工作报告 .docx columns', () => {
  // LibreOffice broke "Approv|ed", "Nominati|on" and "2026-05-|20" when columns were shared by content alone
  it('every column is wide enough for its longest header word, date and number (10.5 pt ≈ 125 twips a Latin character, plus cell margins), in a page-wide table', async () => {
    for (const lang of ['en', 'zh'] as const) {
      const r = buildYearReport({ ...reportInput, lang });
      const xml = strFromU8(unzipSync(await yearReportDocx(r))['word/document.xml']!);
      const tables = [...xml.matchAll(/<w:tblGrid>(.*?)<\/w:tblGrid>/g)].map((m) => [...m[1]!.matchAll(/w:w="(\d+)"/g)].map((g) => Number(g[1])));
      const withRows = r.sections.filter((s) => s.rows.length);
      expect(tables).toHaveLength(withRows.length);
      withRows.forEach((s, t) => {
        const cols = tables[t]!;
        expect(cols).toHaveLength(s.head.length);
        expect(cols.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(9000 + cols.length);
        s.head.forEach((h, j) => {
          const latin = [h, ...s.rows.map((row) => (typeof row[j] === 'number' ? row[j]!.toLocaleString('en-GB') : String(row[j] ?? '')))]
            .flatMap((v) => v.split(/[\s/]+/))
            .filter((w) => /^[\x20-\x7E]+$/.test(w));
          const longest = Math.max(0, ...latin.map((w) => w.length));
          expect(cols[j], `${lang} "${s.title}" column ${h}`).toBeGreaterThanOrEqual(125 * longest + 260);
        });
      });
    }
  });
});

describe('年度评审工作报告 .xlsx numbers', () => {
  it('counts and yuan are numbers shown with thousands separators', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await yearReportXlsx(report)).buffer as ArrayBuffer);
    const cell = wb.worksheets[2]!.getRow(3).getCell(3);
    expect(cell.value).toBe(500000);
    expect(cell.numFmt).toBe('#,##0');
  });
});
