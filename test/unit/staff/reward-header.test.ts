// @vitest-environment node
// Issue 16: the case list's reward column names the award's own reward article (连云港: 第十一条), read from
// its data; files written with the old fixed header (第十一条奖励（元）) still import.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parseCasesCsv } from '../../../src/staff/case-sheet.ts';
import { casesToXlsx, parseCasesXlsx } from '../../../src/staff/case-sheet-xlsx.ts';
import { casesToCsv } from '../../../src/staff/export-csv.ts';
import type { StaffCaseRow } from '../../../src/staff/rows.ts';
import { creditCodeCheckChar } from '../../../src/application/credit-code.ts';
import { policyPackSchema, type PolicyPack } from '../../../src/policy/schema.ts';
import { countyAward } from '../awards/county-pack.ts';

const county = policyPackSchema.parse({ ...countyAward, rewards: { ...countyAward.rewards, higherAwards: [], source: { article: '第二十条', ref: '11' } } }) as PolicyPack;
const row: StaffCaseRow = { id: 'c-1', year: 2026, kind: 'organization', applicantName: '测试县示范精工有限公司', creditCode: '91320700MA1XXXXX0' + creditCodeCheckChar('91320700MA1XXXXX0')!, recommender: '县工信局', stage: 'awarded', tier: 'award', stageSince: '2026-11-20', eventCount: 11, refusedCount: 0 };

const csvHeader = (csv: string) => csv.replace(/^\uFEFF/, '').split(/\r?\n/)[0]!;

describe('the reward column comes from the award’s data (issue 16)', () => {
  it('CSV: 连云港 writes 第十一条, the county its 第二十条', () => {
    expect(csvHeader(casesToCsv([row]))).toContain('第十一条奖励（元） Reward (CNY)');
    const header = csvHeader(casesToCsv([row], county));
    expect(header).toContain('第二十条奖励（元） Reward (CNY)');
    expect(header).not.toContain('第十一条');
  });
  it('xlsx: the county’s header row names 第二十条', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await casesToXlsx([row], county)) as never);
    const headers = (wb.worksheets[0]!.getRow(1).values as unknown[]).slice(1);
    expect(headers).toContain('第二十条奖励（元）');
    expect(headers.join()).not.toContain('第十一条');
  });
  it('files with the old header and with the new one both import', async () => {
    const oldCsv = casesToCsv([row]);
    expect(csvHeader(oldCsv)).toContain('第十一条奖励（元）');
    for (const csv of [oldCsv, casesToCsv([row], county)]) {
      const r = parseCasesCsv(csv);
      expect(r.ok ? r.file.cases.map((c) => c.header.applicantName) : r.errors).toEqual(['测试县示范精工有限公司']);
    }
    for (const bytes of [await casesToXlsx([row]), await casesToXlsx([row], county)]) {
      const r = await parseCasesXlsx(bytes);
      expect(r.ok ? r.file.cases.map((c) => c.header.applicantName) : r.errors).toEqual(['测试县示范精工有限公司']);
    }
  });
});
