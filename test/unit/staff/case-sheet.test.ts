// @vitest-environment node
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { creditCodeCheckChar } from '../../../src/application/credit-code.ts';
import { parseCasesCsv, WORD_JOINER, caseSheetColumns } from '../../../src/staff/case-sheet.ts';
import { casesToXlsx, parseCasesXlsx } from '../../../src/staff/case-sheet-xlsx.ts';
import { casesToCsv } from '../../../src/staff/export-csv.ts';
import type { StaffCaseRow } from '../../../src/staff/rows.ts';

const code = (first17: string) => first17 + creditCodeCheckChar(first17)!;
/** Codes whose check character is a digit too: the ones Calc and Excel turned into numbers. */
const digitCodes = Array.from({ length: 200 }, (_, i) => code(`9132070000100${String(4000 + i)}`)).filter((c) => /^\d{18}$/.test(c));

const row = (over: Partial<StaffCaseRow> = {}): StaffCaseRow => ({
  id: 'c-1',
  year: 2026,
  kind: 'organization',
  applicantName: '连云港某某制药有限公司',
  creditCode: digitCodes[0]!,
  recommender: '海州区人民政府',
  stage: 'awarded',
  tier: 'award',
  stageSince: '2026-11-20',
  eventCount: 11,
  refusedCount: 1,
  ...over,
});

const rows: StaffCaseRow[] = [
  row(),
  row({ id: 'c-2', creditCode: digitCodes[1]!, stage: 'material-review', tier: null, stageSince: '2026-07-01' }),
  row({ id: 'c-3', kind: 'individual', applicantName: '=HYPERLINK("http://x")', creditCode: null, recommender: '-1+1', tier: 'nomination' }),
  row({ id: 'c-4', creditCode: code('91320700MA1XXXXX0'), recommender: null, stage: 'draft', tier: null, stageSince: null, eventCount: 0, refusedCount: 0 }),
];

const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => fs.existsSync(p));
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'award-sheet-'));
/** LibreOffice Calc headless, own profile (no clash with another running instance). */
function calcConvert(file: string, to: string, infilter?: string): string {
  const args = ['--headless', `-env:UserInstallation=file://${work}/profile`, ...(infilter ? [`--infilter=${infilter}`] : []), '--convert-to', to, '--outdir', path.join(work, 'out'), file];
  const r = spawnSync(soffice!, args, { encoding: 'utf8', timeout: 120_000 });
  const out = path.join(work, 'out', `${path.basename(file, path.extname(file))}.${to.split(':')[0]}`);
  if (!fs.existsSync(out)) throw new Error(`LibreOffice did not convert ${file}: ${r.stderr || r.stdout}`);
  return out;
}
async function readSheet(file: string): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const out: unknown[][] = [];
  wb.worksheets[0]!.eachRow((r) => out.push(caseSheetColumns.map((_, i) => r.getCell(i + 1).value)));
  return out;
}

describe('case list .xlsx (exceljs)', () => {
  it('has Chinese headers, a frozen header row, filters, text codes, date cells and the 第十一条 reward', async () => {
    const bytes = await casesToXlsx(rows);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes.slice().buffer as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).values).toEqual([undefined, ...caseSheetColumns.map((c) => c.zh)]);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.autoFilter).toBeTruthy();
    expect(ws.getCell('D2').value).toBe(digitCodes[0]);
    expect(ws.getCell('D2').numFmt).toBe('@');
    expect(ws.getCell('I2').value).toEqual(new Date('2026-11-20T00:00:00Z'));
    expect(ws.getCell('J2').value).toBe(500000);
    expect(ws.getCell('J3').value).toBe(null);
  });

  it('round-trips through LibreOffice Calc cell for cell, and back into our import', async () => {
    expect(soffice, 'LibreOffice (libreoffice-calc-nogui) must be installed').toBeTruthy();
    const ours = path.join(work, 'cases.xlsx');
    fs.writeFileSync(ours, await casesToXlsx(rows));
    const back = path.join(work, 'calc-cases.xlsx');
    fs.copyFileSync(calcConvert(ours, 'xlsx'), back);
    const before = await readSheet(ours);
    const after = await readSheet(back);
    expect(after.length).toBe(rows.length + 1);
    after.forEach((r, i) => r.forEach((cell, j) => expect(cell ?? null, `row ${i + 1} col ${j + 1}`).toEqual(before[i]![j] ?? null)));
    const parsed = await parseCasesXlsx(fs.readFileSync(back));
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.file.cases.map((c) => c.header.creditCode)).toEqual(rows.map((r) => r.creditCode));
  }, 180_000);

  it('CSV opened by Calc keeps every all-digit credit code as text (no 9.13E+17)', () => {
    const csvFile = path.join(work, 'cases-csv.csv');
    const csvRows = digitCodes.slice(0, 10).map((c, i) => row({ id: `d-${i}`, creditCode: c }));
    fs.writeFileSync(csvFile, casesToCsv(csvRows));
    const converted = calcConvert(csvFile, 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false', 'CSV:44,34,76,1');
    // Calc writes what it read; a code read as a number would come back as 9.13…E+017 or lose digits
    const text = fs.readFileSync(converted, 'utf8');
    for (const c of digitCodes.slice(0, 10)) expect(text).toContain(c);
    expect(text).not.toMatch(/E\+0?17/);
    const parsed = parseCasesCsv(text);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.file.cases.map((c) => c.header.creditCode)).toEqual(digitCodes.slice(0, 10));
  }, 180_000);
});

describe('case list CSV', () => {
  it('round-trips through parseCasesCsv', () => {
    const parsed = parseCasesCsv(casesToCsv(rows));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.file.cases.map((c) => c.header)).toEqual(
      rows.map((r) => ({ id: r.id, year: r.year, kind: r.kind, applicantName: r.applicantName, creditCode: r.creditCode, recommender: r.recommender })),
    );
    expect(parsed.file.cases.every((c) => c.events.length === 0)).toBe(true);
  });

  it('fast-check: no cell starts with = + - @ whatever the applicant and recommender names', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (name, rec) => {
        const csv = casesToCsv([row({ applicantName: name, recommender: rec })]);
        const cells = csv.replace(/^\uFEFF/, '').split('\r\n').filter(Boolean).flatMap((l) => l.match(/"(?:[^"]|"")*"/g) ?? []);
        for (const c of cells) expect(c.slice(1)).not.toMatch(/^[=+\-@\t\r]/);
      }),
      { numRuns: 500 },
    );
    expect(casesToCsv(rows)).toContain(`"${WORD_JOINER}${digitCodes[0]}"`);
  });

  it('refuses a bad file as a whole, in Chinese, naming row and column', () => {
    const csv = casesToCsv(rows).replace(digitCodes[1]!, digitCodes[1]!.slice(0, 17) + 'X');
    const r = parseCasesCsv(csv);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors[0]!.message.zh).toMatch(/第 3 行“统一社会信用代码”列/);
    expect(parseCasesCsv('{"format":"x"}')).toMatchObject({ ok: false, errors: [{ message: { zh: expect.stringContaining('JSON') } }] });
    expect(parseCasesCsv('a,b\r\n1,2\r\n')).toMatchObject({ ok: false, errors: [{ message: { zh: expect.stringContaining('表头缺少') } }] });
  });

  it('refuses a file that is not .xlsx', async () => {
    const r = await parseCasesXlsx(new TextEncoder().encode('not a zip'));
    expect(r).toMatchObject({ ok: false, errors: [{ message: { zh: expect.stringContaining('.xlsx') } }] });
  });
});
