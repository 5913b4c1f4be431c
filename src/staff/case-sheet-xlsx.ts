import { defaultPolicy, type PolicyPack } from '../policy/index.ts';
import { applicantKindLabels, caseStageLabels, caseTierLabels, type StaffCaseRow } from './rows.ts';
import type { ParseCasesFileResult } from './cases-file.ts';
import { bad, caseSheetColumns, fromTable, rowRewardYuan, type Cell } from './case-sheet.ts';

/**
 * The .xlsx side of the case list (see case-sheet.ts), apart so that pages which do not offer it never
 * bundle exceljs. exceljs is imported on demand.
 */
const isoToUtcDate = (iso: string): Date => new Date(`${iso}T00:00:00Z`);

/** The case list as .xlsx (exceljs, loaded on demand): Chinese headers, frozen header row, filters. */
export async function casesToXlsx(rows: readonly StaffCaseRow[], policy: PolicyPack = defaultPolicy): Promise<Uint8Array> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('案件', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = caseSheetColumns.map((c) => ({ header: c.zh, key: c.key, width: c.width }));
  ws.getRow(1).font = { bold: true };
  for (const r of rows) {
    const row = ws.addRow({
      id: r.id,
      year: r.year,
      applicantName: r.applicantName,
      creditCode: r.creditCode ?? null,
      kind: applicantKindLabels[r.kind].zh,
      recommender: r.recommender ?? null,
      stage: caseStageLabels[r.stage].zh,
      tier: r.tier ? caseTierLabels[r.tier].zh : null,
      stageSince: r.stageSince ? isoToUtcDate(r.stageSince) : null,
      reward: rowRewardYuan(r, policy),
      eventCount: r.eventCount,
      refusedCount: r.refusedCount,
    });
    row.getCell('creditCode').numFmt = '@';
    row.getCell('stageSince').numFmt = 'yyyy-mm-dd';
    row.getCell('reward').numFmt = '#,##0';
  }
  ws.getColumn('creditCode').numFmt = '@';
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: caseSheetColumns.length } };
  return new Uint8Array(await wb.xlsx.writeBuffer());
}


/** A case list .xlsx (first sheet) → the same result as parseCasesFile. Never throws. */
export async function parseCasesXlsx(bytes: Uint8Array | ArrayBuffer): Promise<ParseCasesFileResult> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load((bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes)).slice().buffer as ArrayBuffer);
  } catch {
    return bad('不是有效的 .xlsx 文件（可能已损坏，或是旧版 .xls）。', 'not a valid .xlsx file (damaged, or an old .xls).');
  }
  const ws = wb.worksheets[0];
  if (!ws) return bad('工作簿里没有工作表。', 'the workbook has no sheet.');
  const table: Cell[][] = [];
  ws.eachRow({ includeEmpty: false }, (row) => {
    const cells: Cell[] = [];
    for (let c = 1; c <= Math.max(row.cellCount, caseSheetColumns.length); c++) {
      const v = row.getCell(c).value as unknown;
      cells.push(
        v === null || v === undefined
          ? null
          : v instanceof Date
            ? v.toISOString().slice(0, 10)
            : typeof v === 'object'
              ? String((v as { text?: unknown; result?: unknown }).text ?? (v as { result?: unknown }).result ?? '')
              : (v as string | number),
      );
    }
    table.push(cells);
  });
  return fromTable(table);
}
