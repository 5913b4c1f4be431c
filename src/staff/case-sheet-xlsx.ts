import { defaultPolicy } from '../policy/lianyungang-2021.ts';
import type { PolicyPack } from '../policy/schema.ts';
import { applicantKindLabels, type StaffCaseRow } from './rows.ts';
import { rowLabelsFor, sharedRewardHeader, type PackOfRow } from './row-award.ts';
import type { ParseCasesFileResult } from './cases-file.ts';
import { bad, caseSheetColumns, fromTable } from './case-sheet.ts';

/**
 * The .xlsx side of the case list (see case-sheet.ts), apart so that pages which do not offer it never
 * bundle exceljs. exceljs is imported on demand.
 */
const isoToUtcDate = (iso: string): Date => new Date(`${iso}T00:00:00Z`);

/**
 * The case list as .xlsx (exceljs, loaded on demand): Chinese headers, frozen header row, filters; with
 * `packOf`, each row in its own case's award (a mixed list: issue 16).
 */
export async function casesToXlsx(rows: readonly StaffCaseRow[], policy: PolicyPack = defaultPolicy, packOf?: PackOfRow): Promise<Uint8Array> {
  const labels = rowLabelsFor(policy, packOf);
  const reward = sharedRewardHeader(rows, policy, packOf);
  const columns = caseSheetColumns.map((c) => (c.key === 'reward' ? { ...c, zh: reward.zh } : c));
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('案件', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ header: c.zh, key: c.key, width: c.width }));
  ws.getRow(1).font = { bold: true };
  for (const r of rows) {
    const row = ws.addRow({
      id: r.id,
      year: r.year,
      applicantName: r.applicantName,
      creditCode: r.creditCode ?? null,
      kind: applicantKindLabels[r.kind].zh,
      recommender: r.recommender ?? null,
      stage: labels(r).stage.zh,
      tier: labels(r).tier?.zh ?? null,
      stageSince: r.stageSince ? isoToUtcDate(r.stageSince) : null,
      reward: labels(r).reward,
      eventCount: r.eventCount,
      refusedCount: r.refusedCount,
    });
    row.getCell('creditCode').numFmt = '@';
    row.getCell('stageSince').numFmt = 'yyyy-mm-dd';
    row.getCell('reward').numFmt = '#,##0';
  }
  ws.getColumn('creditCode').numFmt = '@';
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** The first worksheet of an .xlsx as text cells (dates as YYYY-MM-DD); exceljs is loaded only here. */
export async function readXlsxTable(bytes: Uint8Array): Promise<string[][]> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  const sheet = wb.worksheets[0];
  if (!sheet) return [];
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = [];
    for (let i = 1; i <= sheet.columnCount; i++) {
      const v = row.getCell(i).value;
      cells.push(v instanceof Date ? v.toISOString().slice(0, 10) : v === null || v === undefined ? '' : typeof v === 'object' ? row.getCell(i).text : String(v));
    }
    rows.push(cells);
  });
  return rows;
}

/** A case list .xlsx (first sheet) → the same result as parseCasesFile. Never throws. */
export async function parseCasesXlsx(bytes: Uint8Array | ArrayBuffer): Promise<ParseCasesFileResult> {
  let table: string[][];
  try {
    table = await readXlsxTable(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes));
  } catch {
    return bad('不是有效的 .xlsx 文件（可能已损坏，或是旧版 .xls）。', 'not a valid .xlsx file (damaged, or an old .xls).');
  }
  return fromTable(table);
}
