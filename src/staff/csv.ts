/**
 * CSV that Excel opens correctly: UTF-8 with a BOM (so Chinese is not read as GBK), CRLF line
 * ends (RFC 4180), every field quoted, and cells that a spreadsheet would run as a formula
 * (= + - @, also tab and CR at the start) prefixed with a single quote (OWASP CSV injection).
 */
export const EXCEL_CSV_BOM = '\uFEFF';
export const EXCEL_CSV_EOL = '\r\n';

const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell: text made formula-safe, then quoted with inner quotes doubled. */
export function excelCsvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '""';
  let text = String(value);
  // Numbers we write ourselves (a year, a count) are data, never a formula; only text is guarded.
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

/** A whole table: BOM, then one CRLF-terminated line per row. */
export function toExcelCsv(rows: readonly (readonly (string | number | boolean | null | undefined)[])[]): string {
  return EXCEL_CSV_BOM + rows.map((row) => row.map(excelCsvCell).join(',') + EXCEL_CSV_EOL).join('');
}
