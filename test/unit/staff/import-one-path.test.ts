import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { casesFromTable } from '../../../src/staff/import-formats.ts';
import { parseCasesCsv, WORD_JOINER } from '../../../src/staff/case-sheet.ts';
import { toExcelCsv } from '../../../src/staff/csv.ts';
import { prepareImport } from '../../../src/ui/staff/import-run.ts';
import { creditCodeCheckChar } from '../../../src/application/credit-code.ts';

// Issue 14: the event-table import (staff console) and the case-list import (parseCasesCsv / Xlsx) read
// tables through one reader: the same headers, the same cell cleaning, and neither drops events.
// an all-digit code with a valid check character (the case our CSV writer guards)
const CODE = Array.from({ length: 200 }, (_, i) => `9132070000100${4000 + i}`).map((f) => f + creditCodeCheckChar(f)!).find((c) => /^\d{18}$/.test(c))!;
const HEAD = ['编号 ID', '年度 Year', '类型 Kind', '申报主体 Applicant', '统一社会信用代码 Credit code', '推荐单位 Recommender', '事件 Event', '日期 Date', '详情 Detail'];
const events = [
  HEAD,
  ['c-1', '2026', '组织', '连云港港口集团有限公司', `${WORD_JOINER}${CODE}`, '海州区人民政府', '提交申报', '2026-03-02', ''],
  ['c-1', '2026', '组织', '连云港港口集团有限公司', `${WORD_JOINER}${CODE}`, '海州区人民政府', '推荐', '2026-04-01', ''],
];
const enc = (s: string) => new TextEncoder().encode(s);

describe('one table reader for both imports', () => {
  it('an event table keeps a credit code our CSV export wrote as text (U+2060 prefix)', async () => {
    const r = await prepareImport(enc(toExcelCsv(events)));
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.file.cases[0]!.header.creditCode).toBe(CODE);
  });

  it('parseCasesCsv keeps the events of an event table instead of dropping them', () => {
    const r = parseCasesCsv(toExcelCsv(events));
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.file.cases[0]!.events.map((e) => e.event.type)).toEqual(['apply', 'recommend']);
  });

  it('parseCasesCsv reads English-only headers, like the staff import', () => {
    const r = parseCasesCsv(toExcelCsv([['id', 'year', 'kind', 'applicant'], ['c-9', '2026', 'individual', '张三']]));
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.file.cases[0]!.header).toMatchObject({ id: 'c-9', kind: 'individual', applicantName: '张三' });
  });

  it('a wrong cell in an event table names the row and column, in both imports; nothing is produced', async () => {
    const bad = events.map((r, i) => (i > 0 ? r.map((c, j) => (j === 1 ? '二〇二六' : c)) : r));
    const r = parseCasesCsv(toExcelCsv(bad));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]!.message.zh).toMatch(/^第 2 行“年度”列/);
    const staff = await prepareImport(enc(toExcelCsv(bad)));
    expect(staff.ok).toBe(false);
    if (!staff.ok && 'errors' in staff) expect(staff.errors[0]!.message.zh).toMatch(/^第 2 行“年度”列/);
    const badDate = events.map((r, i) => (i === 2 ? r.map((c, j) => (j === 7 ? '2026-02-30' : c)) : r));
    const d = await prepareImport(enc(toExcelCsv(badDate)));
    if (!d.ok && 'errors' in d) expect(d.errors[0]!.message.zh).toMatch(/^第 3 行“日期”列/);
    else throw new Error('a bad date was accepted');
  });

  it('rows of one case that disagree on its columns are refused by row, not silently read from the first', () => {
    const split = events.map((r, i) => (i === 2 ? r.map((c, j) => (j === 1 ? '2025' : c)) : r));
    const r = casesFromTable(split);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatchObject({ path: '第 3 行', message: { zh: expect.stringContaining('与第 2 行不一致') } });
  });

  it('fast-check: for any names, both imports read an event table to the same cases', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ minLength: 1, maxLength: 30 }).filter((x) => x.trim().length > 0 && x.trim() === x), fc.string({ maxLength: 30 }), async (name, rec) => {
        const t = events.map((r, i) => (i === 0 ? r : r.map((c, j) => (j === 3 ? name : j === 5 ? rec : c))));
        const csv = toExcelCsv(t);
        const a = parseCasesCsv(csv);
        const b = await prepareImport(enc(csv));
        expect(a.ok).toBe(b.ok);
        if (a.ok && b.ok) expect(b.file.cases).toEqual(a.file.cases);
      }),
      { numRuns: 200 },
    );
  });
});
