import fc from 'fast-check';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { toExcelCsv } from '../../../src/staff/csv.ts';
import { casesFromTable, detectFormat } from '../../../src/staff/import-formats.ts';
import { parseCsvTable } from '../../../src/staff/csv.ts';
import { readXlsxTable } from '../../../src/staff/case-sheet-xlsx.ts';
import { prepareImport } from '../../../src/ui/staff/import-run.ts';

const enc = (s: string) => new TextEncoder().encode(s);
const HEAD = ['编号 ID', '年度 Year', '类型 Kind', '申报主体 Applicant', '统一社会信用代码 Credit code', '推荐单位 Recommender', '事件 Event', '日期 Date', '详情 Detail', '记录人 Recorded by'];
const rows = [
  HEAD,
  ['c-1', '2026', '组织', '连云港港口集团有限公司', '', '海州区人民政府', '提交申报', '2026-03-02', '', '王科长'],
  ['c-1', '2026', '组织', '连云港港口集团有限公司', '', '海州区人民政府', '推荐', '2026-04-01', '', '王科长'],
  ['c-2', '2026', '个人', '张三', '', '', '', '', '', ''],
];

describe('import: what a file is, by its content', () => {
  it('names files that are not cases files, in Chinese and English', () => {
    expect(detectFormat(enc('%PDF-1.7\n…'))).toMatchObject({ kind: 'other', what: { zh: expect.stringContaining('这是一个 PDF 文件，不是案件文件') } });
    expect(detectFormat(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2]))).toMatchObject({ what: { zh: expect.stringContaining('PNG 图片') } });
    expect(detectFormat(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0]))).toMatchObject({ what: { zh: expect.stringContaining('.xls') } });
    expect(detectFormat(new Uint8Array([0x50, 0x4b, 3, 4, ...enc('word/document.xml')]))).toMatchObject({ what: { zh: expect.stringContaining('Word 文档') } });
    expect(detectFormat(enc('<!DOCTYPE html><html>'))).toMatchObject({ what: { zh: expect.stringContaining('网页') } });
    expect(detectFormat(new Uint8Array([0xc4, 0xe3, 0xba, 0xc3, 0x2c, 0x41]))).toMatchObject({ what: { zh: expect.stringContaining('GBK') } }); // "你好," in GBK
    expect(detectFormat(new Uint8Array())).toMatchObject({ kind: 'other' });
  });

  it('tells JSON, CSV (with a BOM) and XLSX apart', async () => {
    expect(detectFormat(enc('\uFEFF  {"format":1}')).kind).toBe('json');
    expect(detectFormat(enc(toExcelCsv(rows))).kind).toBe('csv');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('cases').addRows(rows);
    const xlsx = new Uint8Array(await wb.xlsx.writeBuffer());
    expect(detectFormat(xlsx).kind).toBe('xlsx');
  });
});

describe('import: CSV and XLSX tables to the cases-file shape', () => {
  it('CSV cells round-trip through our own Excel-safe writer (quotes, commas, newlines, formula guard)', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', '中', ',', '"', '\n', ' ', '=', '-', '1'), maxLength: 12 }).filter((s) => s.trim() !== '');
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 8 }), (table) => {
        const back = parseCsvTable(toExcelCsv(table).replace(/^\uFEFF/, ''));
        expect(back).toEqual(table);
      }),
    );
  });

  it('groups rows by case id, maps Chinese labels to codes, and a case row with no event has none', () => {
    const r = casesFromTable(rows);
    expect(r.ok).toBe(true);
    const data = (r as { data: { cases: { header: { id: string; kind: string }; events: { event: { type: string; by?: string; kind?: string } }[] }[] } }).data;
    expect(data.cases.map((c) => c.header.id)).toEqual(['c-1', 'c-2']);
    expect(data.cases[0]!.events.map((e) => e.event.type)).toEqual(['apply', 'recommend']);
    expect(data.cases[0]!.events[0]!.event.kind).toBe('organization');
    expect(data.cases[0]!.events[1]!.event.by).toBe('海州区人民政府');
    expect(data.cases[1]!.header.kind).toBe('individual');
    expect(data.cases[1]!.events).toEqual([]);
  });

  it('refuses our case-list export (stages, no events) with a reason, and unknown events by row', () => {
    const list = casesFromTable([['编号 ID', '年度 Year', '申报主体 Applicant', '类型 Kind', '阶段 Stage'], ['x', '2026', 'A', '组织', '推荐']]);
    expect(list.ok).toBe(false);
    expect((list as { errors: { message: { zh: string } }[] }).errors[0]!.message.zh).toContain('案件列表导出');
    const bad = casesFromTable([HEAD, ['c-1', '2026', '组织', 'A', '', '', '飞升', '2026-01-01', '', '']]);
    expect((bad as { errors: { path: string }[] }).errors[0]!.path).toBe('第 2 行');
  });

  it('an XLSX with the same rows reads the same as the CSV', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('cases').addRows(rows);
    const table = await readXlsxTable(new Uint8Array(await wb.xlsx.writeBuffer()));
    expect(casesFromTable(table)).toEqual(casesFromTable(rows));
  });
});

describe('import pipeline: validate in slices with progress; cancel leaves nothing', () => {
  it('a CSV becomes a validated cases file; progress counts the cases', async () => {
    const seen: number[] = [];
    const r = await prepareImport(enc(toExcelCsv(rows)), { onProgress: (p) => seen.push(p.done) });
    expect(r.ok && r.format).toBe('csv');
    expect(r.ok && r.file.cases).toHaveLength(2);
    expect(seen.at(-1)).toBe(2);
  });

  it('a PDF is refused by name; a cancelled run reports cancelled', async () => {
    const pdf = await prepareImport(enc('%PDF-1.4'));
    expect(!pdf.ok && 'errors' in pdf && pdf.errors[0]!.message.zh).toContain('PDF');
    const ctl = new AbortController();
    ctl.abort();
    const many = { format: 'lyg-award/cases@1', cases: Array.from({ length: 1200 }, (_, i) => ({ header: { id: `b-${i}`, year: 2026, kind: 'organization', applicantName: `企业${i}` }, events: [] })) };
    expect(await prepareImport(enc(JSON.stringify(many)), { signal: ctl.signal })).toEqual({ ok: false, cancelled: true });
  });

  it('errors in a later slice keep their position in the whole file', async () => {
    const many = { format: 'lyg-award/cases@1', cases: Array.from({ length: 700 }, (_, i) => ({ header: { id: `b-${i}`, year: i === 612 ? 1900 : 2026, kind: 'organization', applicantName: `企业${i}` }, events: [] })) };
    const r = await prepareImport(enc(JSON.stringify(many)));
    expect(!r.ok && 'errors' in r && r.errors[0]!.path).toBe('cases[612].header.year');
  });
});
