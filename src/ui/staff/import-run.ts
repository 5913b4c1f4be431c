import type { Bilingual } from '../../core/i18n.ts';
import { parseCasesFile, type CasesFile, type CasesFileError } from '../../staff/cases-file.ts';
import { atCell, casesFromTable, detectFormat, tableCellOf, type TableRows } from '../../staff/import-formats.ts';
import { parseCsvTable } from '../../staff/csv.ts';
import { readXlsxTable } from '../../staff/case-sheet-xlsx.ts';

/**
 * The import pipeline up to the preview: detect what the file is, read it (JSON / CSV / XLSX), validate
 * in slices with progress and a cancel between slices. Nothing is written here; the write is one
 * transaction at the end (import-cases.ts commitImport).
 * CSV and XLSX readers produce the cases-file shape, so every format is validated by the same schema.
 */
export interface ImportProgress {
  phase: 'read' | 'check' | 'write';
  done: number;
  total: number;
}

export type PrepareResult =
  | { ok: true; file: CasesFile; format: 'json' | 'csv' | 'xlsx' }
  | { ok: false; errors: CasesFileError[] }
  | { ok: false; cancelled: true };

const SLICE = 500;
const pause = () => new Promise<void>((r) => setTimeout(r, 0));

export const cancelledMessage: Bilingual = { zh: '已取消导入，未写入任何数据。', en: 'Import cancelled; nothing was written.' };

export async function prepareImport(bytes: Uint8Array, opts: { signal?: AbortSignal; onProgress?: (p: ImportProgress) => void } = {}): Promise<PrepareResult> {
  const { signal, onProgress } = opts;
  const fail = (message: Bilingual): PrepareResult => ({ ok: false, errors: [{ path: '', message }] });
  const detected = detectFormat(bytes);
  if (detected.kind === 'other') return fail(detected.what);
  let data: unknown;
  let caseRows: TableRows[] | null = null;
  if (detected.kind === 'json') {
    try {
      data = JSON.parse(detected.text);
    } catch (err) {
      return fail(brokenJson(detected.text, err));
    }
  } else {
    let table: string[][];
    try {
      table = detected.kind === 'csv' ? parseCsvTable(detected.text) : await readXlsxTable(bytes);
    } catch (err) {
      return fail(
        detected.kind === 'csv'
          ? { zh: 'CSV 表格无法读取（可能已损坏），未导入任何内容。', en: 'The CSV table cannot be read (it may be damaged); nothing was imported.' }
          : { zh: '这个 Excel 文件无法读取（可能已损坏或设了密码），未导入任何内容。请在 Excel 或 WPS 中打开后重新另存为 .xlsx 再导入。', en: 'This Excel file cannot be read (it may be damaged or password-protected); nothing was imported. Open it in Excel or WPS, save it again as .xlsx and import that.' },
      );
    }
    const r = casesFromTable(table);
    if (!r.ok) return r;
    data = r.data;
    caseRows = r.caseRows;
  }
  if (signal?.aborted) return { ok: false, cancelled: true };
  // The envelope first (format, cases array), then the cases in slices.
  const all = (data as { cases?: unknown } | null)?.cases;
  const envelope = parseCasesFile({ ...(data as object), cases: [] });
  if (!envelope.ok || !Array.isArray(all)) return envelope.ok ? fail({ zh: '文件中没有案件列表（cases）。', en: 'The file has no cases list.' }) : envelope;
  const errors: CasesFileError[] = [];
  const cases: CasesFile['cases'] = [];
  const seen = new Map<string, number>();
  onProgress?.({ phase: 'check', done: 0, total: all.length });
  for (let i = 0; i < all.length; i += SLICE) {
    const slice = parseCasesFile({ ...(data as object), cases: all.slice(i, i + SLICE) });
    if (slice.ok) {
      slice.file.cases.forEach((c, j) => {
        const first = seen.get(c.header.id);
        if (first !== undefined) errors.push({ path: `cases[${i + j}].header.id`, message: { zh: `案件编号重复：${c.header.id}（与第 ${first + 1} 个案件相同）`, en: `duplicate case id: ${c.header.id} (same as case ${first + 1})` } });
        else seen.set(c.header.id, i + j);
        cases.push(c);
      });
    } else {
      for (const e of slice.errors) errors.push({ ...e, path: e.path.replace(/^cases\[(\d+)\]/, (_, n: string) => `cases[${Number(n) + i}]`) });
    }
    if (errors.length >= 50) break;
    onProgress?.({ phase: 'check', done: Math.min(all.length, i + SLICE), total: all.length });
    await pause();
    if (signal?.aborted) return { ok: false, cancelled: true };
  }
  if (errors.length) return { ok: false, errors: errors.slice(0, 50).map((e) => (caseRows ? atRow(e, caseRows) : e)) };
  return { ok: true, file: { ...envelope.file, cases }, format: detected.kind };
}

/**
 * A JSON file that does not parse, said without the parser's own words: the line and column where it
 * breaks when the parser gives a position, or that the file stops short.
 */
export function brokenJson(text: string, err: unknown): Bilingual {
  const said = err instanceof Error ? err.message : '';
  const at = /position (\d+)/.exec(said);
  const lc = /line (\d+) column (\d+)/.exec(said);
  let place: { line: number; column: number } | null = lc ? { line: Number(lc[1]), column: Number(lc[2]) } : null;
  if (!place && at) {
    const before = text.slice(0, Number(at[1]));
    const lines = before.split('\n');
    place = { line: lines.length, column: lines[lines.length - 1]!.length + 1 };
  }
  if (place) return { zh: `JSON 文件第 ${place.line} 行第 ${place.column} 个字符处格式有误，无法读取，未导入任何内容。`, en: `The JSON file is malformed at line ${place.line}, character ${place.column}; nothing was imported.` };
  return { zh: 'JSON 文件不完整或已损坏（可能只保存了一部分），无法读取，未导入任何内容。', en: 'The JSON file is incomplete or damaged (perhaps only partly saved); nothing was imported.' };
}

/** For a CSV/XLSX, a message about `cases[3].header.year` names the table's row and column instead. */
function atRow(e: CasesFileError, rows: readonly TableRows[]): CasesFileError {
  const m = /^cases\[(\d+)\]\.(?:header\.(\w+)|events\[(\d+)\]\.event\.(\w+))/.exec(e.path);
  if (!m) return e;
  const path = m[2] ? ['cases', Number(m[1]), 'header', m[2]] : ['cases', Number(m[1]), 'events', Number(m[3]), 'event', m[4]!];
  const cell = tableCellOf(path, rows);
  if (!cell) return e;
  // the schema's message may already name its field; the cell says where
  return { path: '', message: atCell(cell, e.message) };
}
