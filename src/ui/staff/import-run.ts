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
      return fail({ zh: `JSON 文件格式有误，无法读取：${err instanceof Error ? err.message : String(err)}`, en: `The JSON file is malformed: ${err instanceof Error ? err.message : String(err)}` });
    }
  } else {
    let table: string[][];
    try {
      table = detected.kind === 'csv' ? parseCsvTable(detected.text) : await readXlsxTable(bytes);
    } catch (err) {
      return fail({ zh: `无法读取 Excel 文件：${String(err)}`, en: `Cannot read the Excel file: ${String(err)}` });
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

/** For a CSV/XLSX, a message about `cases[3].header.year` names the table's row and column instead. */
function atRow(e: CasesFileError, rows: readonly TableRows[]): CasesFileError {
  const m = /^cases\[(\d+)\]\.(?:header\.(\w+)|events\[(\d+)\]\.event\.(\w+))/.exec(e.path);
  if (!m) return e;
  const path = m[2] ? ['cases', Number(m[1]), 'header', m[2]] : ['cases', Number(m[1]), 'events', Number(m[3]), 'event', m[4]!];
  const cell = tableCellOf(path, rows);
  if (!cell) return e;
  // the schema's message may already name its field; the cell says where
  return { path: e.path, message: atCell(cell, e.message) };
}
