// Issue 16: the staff page's exports for a list that mixes awards: every row in its own case's award
// (stage and tier names, reward), and the JSON cases file keeps each case's award and version.
import { describe, expect, it } from 'vitest';
import { jiangsuGovernor2023, lianyungang2021 } from '../../../src/awards/index.ts';
import { buildCasesFile, parseCasesFile } from '../../../src/staff/cases-file.ts';
import { casesToCsv } from '../../../src/staff/export-csv.ts';
import { casesToXlsx, readXlsxTable } from '../../../src/staff/case-sheet-xlsx.ts';
import { parseCsvTable } from '../../../src/staff/csv.ts';
import type { StaffCaseRow } from '../../../src/staff/rows.ts';
import type { AwardPack } from '../../../src/policy/schema.ts';

const row = (id: string, stage: StaffCaseRow['stage'], tier: StaffCaseRow['tier']): StaffCaseRow => ({
  id, year: 2026, kind: 'organization', applicantName: `${id} 公司`, creditCode: null, recommender: null, stage, tier, stageSince: '2026-09-01', eventCount: 9, refusedCount: 0,
});
const lygAwarded = row('lyg-1', 'awarded', 'award');
const lygApproval = row('lyg-2', 'approval', 'award');
const jsAwarded = row('js-1', 'awarded', 'award');
const jsApproval = row('js-2', 'approval', 'award');
const packs: Record<string, AwardPack> = { 'lyg-1': lianyungang2021, 'lyg-2': lianyungang2021, 'js-1': jiangsuGovernor2023, 'js-2': jiangsuGovernor2023 };
const packOf = (r: StaffCaseRow) => packs[r.id]!;

describe('exports of a mixed Lianyungang + Jiangsu list (issue 16)', () => {
  it('CSV: each row names its stage and tier in its own award’s words; the reward only where its measures give one', () => {
    const table = parseCsvTable(casesToCsv([lygAwarded, lygApproval, jsAwarded, jsApproval], lianyungang2021, packOf));
    const [head, ...rows] = table;
    const col = (name: string) => head!.findIndex((h) => h.startsWith(name));
    const cells = Object.fromEntries(rows.map((r) => [r[0], r]));
    expect(cells['lyg-2']![col('阶段')]).toBe('市政府批准');
    expect(cells['js-2']![col('阶段')]).toBe('批准'); // the Jiangsu measures name no approver we could verify
    expect(cells['lyg-1']![col('奖项')]).toBe('市长质量奖');
    expect(cells['js-1']![col('奖项')]).toBe('省长质量奖');
    const reward = head!.findIndex((h) => h.includes('奖励（元）'));
    expect(cells['lyg-1']![reward]).toBe('500000');
    expect(cells['js-1']![reward]).toBe(''); // unverified: never Lianyungang's amount
    // a mixed list cannot carry one award's article in the reward header
    expect(head![reward]).not.toContain('第十一条');
  });

  it('CSV: a list of one award keeps that award’s article in the reward header', () => {
    const [head] = parseCsvTable(casesToCsv([lygAwarded], lianyungang2021, packOf));
    expect(head!.some((h) => h.startsWith('第十一条奖励（元）'))).toBe(true);
  });

  it('.xlsx: the same per-row names and rewards', async () => {
    const [head, ...rows] = await readXlsxTable(await casesToXlsx([lygApproval, jsApproval, lygAwarded, jsAwarded], lianyungang2021, packOf));
    const col = (name: string) => head!.indexOf(name);
    expect(rows.map((r) => r[col('阶段')])).toEqual(['市政府批准', '批准', '已获奖', '已获奖']);
    expect(rows.map((r) => r[col('奖项')])).toEqual(['市长质量奖', '省长质量奖', '市长质量奖', '省长质量奖']);
    expect(rows.map((r) => r[col('奖励（元）')])).toEqual(['', '', '500000', '']);
  });

  it('JSON cases file: each case keeps its award and version, and the case it was recommended from', () => {
    const text = buildCasesFile(
      [
        { header: { id: 'lyg-1', year: 2026, kind: 'organization', applicantName: '甲公司', award: { awardId: 'lianyungang-mayor', versionId: '2021' } }, events: [] },
        { header: { id: 'js-1', year: 2027, kind: 'organization', applicantName: '甲公司', award: { awardId: 'jiangsu-governor', versionId: '2023' }, recommendedFrom: { caseId: 'lyg-1', article: '第十二条' } }, events: [] },
      ],
      '2026-10-10T00:00:00.000Z',
    );
    const back = parseCasesFile(text);
    expect(back.ok).toBe(true);
    if (!back.ok) return;
    expect(back.file.cases[0]!.header.award).toEqual({ awardId: 'lianyungang-mayor', versionId: '2021' });
    expect(back.file.cases[1]!.header.award).toEqual({ awardId: 'jiangsu-governor', versionId: '2023' });
    expect(back.file.cases[1]!.header.recommendedFrom).toEqual({ caseId: 'lyg-1', article: '第十二条' });
  });
});
