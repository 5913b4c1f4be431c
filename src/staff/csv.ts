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

/**
 * The way back from toExcelCsv or a sheet saved by Excel/Calc: RFC 4180 fields (quotes, doubled quotes,
 * CRLF or LF), the separator (comma, tab or semicolon) taken from the first line, the BOM and blank rows
 * dropped, and excelCsvCell's `'` formula guard undone.
 */
export function parseCsvTable(csv: string): string[][] {
  const text = csv.replace(/^\uFEFF/, '');
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const count = (ch: string) => firstLine.split(ch).length;
  const sep = [',', '\t', ';'].reduce((best, ch) => (count(ch) > count(best) ? ch : best), ',');
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') (cell += '"'), i++;
        else quoted = false;
      } else cell += ch;
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === sep) row.push(cell), (cell = '');
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cell), rows.push(row), (row = []), (cell = '');
    } else cell += ch;
  }
  if (cell !== '' || row.length) row.push(cell), rows.push(row);
  return rows.map((r) => r.map((c) => (/^'[=+\-@\t\r]/.test(c) ? c.slice(1) : c))).filter((r) => r.some((c) => c.trim() !== ''));
}
