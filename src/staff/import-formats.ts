import type { Bilingual } from '../core/i18n.ts';
import { CASES_FILE_FORMAT } from './cases-file.ts';
import { caseEventLabels, formerCaseEventLabels } from './event-labels.ts';
import { applicantKindLabels, caseTierLabels } from './rows.ts';

/**
 * What a file handed to the staff import is, read from its content (magic bytes, first characters),
 * never from its name; and the reading of an event table (from csv.ts's parseCsvTable or
 * case-sheet-xlsx.ts's readXlsxTable) into the cases-file shape (`lyg-award/cases@1`, validated
 * afterwards by cases-file.ts like a JSON file).
 *
 * Table layout: one row per event; the case columns repeat on each row of a case (a row with no
 * event is a case with none yet). Headers may be Chinese, English or both ("编号 ID").
 *
 * This is the one table reader: the staff console's import (import-run.ts) and the case-list readers
 * parseCasesCsv / parseCasesXlsx (case-sheet.ts, issue 12) both go through casesFromTable, so they take
 * the same headers, clean cells the same way (our CSV writer's U+2060 before all-digit codes) and keep
 * the events when the table has them. They differ only on a case list with stages and no events:
 * the staff import refuses it (the stages cannot be rebuilt), the case-list readers take the headers.
 */
export type DetectedFormat = { kind: 'json' | 'csv'; text: string } | { kind: 'xlsx' } | { kind: 'other'; what: Bilingual };

const b = (zh: string, en: string): Bilingual => ({ zh, en });
const not = (zh: string, en: string) => ({ kind: 'other' as const, what: b(`这是${zh}，不是案件文件（可导入 JSON、CSV 或 XLSX）。`, `This is ${en}, not a cases file (JSON, CSV or XLSX can be imported).`) });

const starts = (bytes: Uint8Array, sig: number[]) => sig.every((v, i) => bytes[i] === v);

/** ZIP members name the Office kind: xl/ (Excel), word/ (Word), ppt/ (PowerPoint). */
function zipKind(bytes: Uint8Array): 'xlsx' | 'docx' | 'pptx' | 'odf' | 'zip' {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, Math.min(bytes.length, 1 << 20)));
  const tail = new TextDecoder('latin1').decode(bytes.subarray(Math.max(0, bytes.length - (1 << 16))));
  const names = head + tail;
  if (names.includes('xl/')) return 'xlsx';
  if (names.includes('word/')) return 'docx';
  if (names.includes('ppt/')) return 'pptx';
  if (names.includes('mimetypeapplication/vnd.oasis')) return 'odf';
  return 'zip';
}

export function detectFormat(bytes: Uint8Array): DetectedFormat {
  if (bytes.length === 0) return { kind: 'other', what: b('文件是空的，未导入。', 'The file is empty; nothing was imported.') };
  if (starts(bytes, [0x25, 0x50, 0x44, 0x46])) return not('一个 PDF 文件', 'a PDF file');
  if (starts(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    const k = zipKind(bytes);
    if (k === 'xlsx') return { kind: 'xlsx' };
    if (k === 'docx') return not('一个 Word 文档（.docx）', 'a Word document (.docx)');
    if (k === 'pptx') return not('一个 PowerPoint 演示文稿（.pptx）', 'a PowerPoint file (.pptx)');
    if (k === 'odf') return not('一个 OpenDocument 文件（请在 WPS 或 LibreOffice 中另存为 .xlsx）', 'an OpenDocument file (save it as .xlsx)');
    return not('一个 ZIP 压缩包（请先解压）', 'a ZIP archive (unpack it first)');
  }
  if (starts(bytes, [0xd0, 0xcf, 0x11, 0xe0])) return not('一个旧版 Office 文件（.xls / .doc），请另存为 .xlsx 后再导入', 'an old Office file (.xls / .doc); save it as .xlsx first');
  if (starts(bytes, [0x89, 0x50, 0x4e, 0x47])) return not('一张 PNG 图片', 'a PNG image');
  if (starts(bytes, [0xff, 0xd8, 0xff])) return not('一张 JPEG 图片', 'a JPEG image');
  if (starts(bytes, [0x47, 0x49, 0x46, 0x38])) return not('一张 GIF 图片', 'a GIF image');
  if (starts(bytes, [0x1f, 0x8b])) return not('一个 gzip 压缩文件（请先解压）', 'a gzip archive (unpack it first)');
  if (starts(bytes, [0x52, 0x61, 0x72, 0x21]) || starts(bytes, [0x37, 0x7a, 0xbc, 0xaf])) return not('一个 RAR / 7z 压缩包（请先解压）', 'a RAR / 7z archive (unpack it first)');
  let text: string;
  if (starts(bytes, [0xff, 0xfe]) || starts(bytes, [0xfe, 0xff])) text = new TextDecoder(bytes[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(bytes.subarray(2));
  else {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      const nul = bytes.subarray(0, 4096).includes(0);
      return nul
        ? not('一个二进制文件', 'a binary file')
        : { kind: 'other', what: b('文件不是 UTF-8 编码（可能是 GBK）。请在 Excel 中“另存为 CSV UTF-8”，或直接导入 .xlsx。', 'The file is not UTF-8 (perhaps GBK). Save it as “CSV UTF-8” in Excel, or import the .xlsx.') };
    }
    if (text.includes('\u0000')) return not('一个二进制文件', 'a binary file');
  }
  text = text.replace(/^\uFEFF/, '');
  const first = text.trimStart()[0];
  if (first === '{' || first === '[') return { kind: 'json', text };
  if (first === '<') return not(/^\s*<(!doctype html|html)/i.test(text) ? '一个网页（HTML）文件' : '一个 XML 文件', /^\s*<(!doctype html|html)/i.test(text) ? 'a web page (HTML)' : 'an XML file');
  const line = text.split(/\r?\n/, 1)[0] ?? '';
  if (/[,\t;]/.test(line)) return { kind: 'csv', text };
  return not('一个纯文本文件（不是 CSV 表格）', 'a plain text file (not a CSV table)');
}

type Column = 'id' | 'year' | 'kind' | 'applicantName' | 'creditCode' | 'recommender' | 'event' | 'on' | 'detail' | 'recordedBy' | 'stage';
const aliases: Record<Column, string[]> = {
  id: ['编号', '案件编号', 'id', 'case id'],
  year: ['年度', 'year'],
  kind: ['类型', '申报主体类型', 'kind'],
  applicantName: ['申报主体', '申报主体名称', '名称', 'applicant', 'applicantname'],
  creditCode: ['统一社会信用代码', '信用代码', 'credit code', 'creditcode'],
  recommender: ['推荐单位', 'recommender'],
  event: ['事件', 'event', 'type'],
  on: ['日期', '事件日期', 'date', 'on'],
  detail: ['详情', '事件参数', 'detail'],
  recordedBy: ['记录人', 'recorded by', 'recordedby'],
  stage: ['阶段', 'stage'],
};

function columnOf(header: string): Column | null {
  const h = header.trim().toLowerCase();
  for (const [col, names] of Object.entries(aliases) as [Column, string[]][]) {
    if (names.some((n) => h === n || h.startsWith(`${n} `) || h.endsWith(` ${n}`))) return col;
  }
  return null;
}

const byLabel = (labels: Record<string, Bilingual>, value: string): string | null => {
  const v = value.trim();
  for (const [code, l] of Object.entries(labels)) if (v === code || v === l.zh || v.toLowerCase() === l.en.toLowerCase()) return code;
  return null;
};

/** An event named as files exported before the wording pass name it ("Apply", 完成现场评审). */
const formerEventCode = (value: string): string | null => {
  const v = value.trim().toLowerCase();
  for (const [code, names] of Object.entries(formerCaseEventLabels)) if (names?.some((n) => n.toLowerCase() === v)) return code;
  return null;
};

const reasonLabels: Record<string, Bilingual> = { fraud: b('骗取荣誉', 'fraud'), incident: b('重大事故', 'incident') };

/** Where each case came from in the table (1-based line numbers), to name rows in messages. */
export interface TableRows {
  header: number;
  events: number[];
}
export type TableResult = { ok: true; data: unknown; rows: number; caseRows: TableRows[] } | { ok: false; errors: { path: string; message: Bilingual }[] };

/** U+2060 WORD JOINER: case-sheet.ts's CSV writes it before an all-digit code so spreadsheets keep it as text. */
const WORD_JOINER = '\u2060';
export const cellText = (v: string | null | undefined): string => (v ?? '').replace(/^\uFEFF/, '').trim().replace(new RegExp(`^${WORD_JOINER}+`), '').trim();

const columnNames: Record<string, Bilingual> = {
  id: b('编号', 'id'), year: b('年度', 'year'), kind: b('类型', 'kind'), applicantName: b('申报主体', 'applicant'), creditCode: b('统一社会信用代码', 'credit code'),
  recommender: b('推荐单位', 'recommender'), type: b('事件', 'event'), on: b('日期', 'date'), by: b('详情', 'detail'), tier: b('详情', 'detail'), reason: b('详情', 'detail'),
};

/**
 * A validation path of the cases-file shape (`cases[3].header.year`, `cases[3].events[1].event.on`)
 * as the table's row and column, or null when the path is not about one cell.
 */
export function tableCellOf(path: readonly PropertyKey[], rows: readonly TableRows[]): { row: number; column: Bilingual } | null {
  const [root, index, part, k, , field] = path;
  if (root !== 'cases' || typeof index !== 'number' || !rows[index]) return null;
  if (part === 'header') return { row: rows[index]!.header, column: columnNames[String(k)] ?? b(String(k), String(k)) };
  if (part === 'events' && typeof k === 'number' && rows[index]!.events[k] !== undefined) {
    return { row: rows[index]!.events[k]!, column: columnNames[String(field ?? 'type')] ?? b(String(field), String(field)) };
  }
  return null;
}

/**
 * Where an import error is, as a person reads it, or null when the message already says where (or nowhere):
 * a table's `第 3 行` → row 3; a cases-file path `cases[3].events[1].event.on` → 第 4 个案件第 2 条事件的“日期”.
 */
export function placeOfError(path: string): Bilingual | null {
  const line = /^第 (\d+) 行$/.exec(path);
  if (line) return b(path, `row ${line[1]}`);
  const m = /^cases\[(\d+)\](?:\.header\.(\w+)|\.events\[(\d+)\](?:\.event\.(\w+))?)?/.exec(path);
  if (!m) return path ? b(path, path) : null;
  const n = Number(m[1]) + 1;
  const col = (k: string | undefined) => (k ? columnNames[k] ?? b(k, k) : null);
  if (m[3] !== undefined) {
    const e = Number(m[3]) + 1;
    const c = col(m[4]);
    return c ? b(`第 ${n} 个案件第 ${e} 条事件的“${c.zh}”`, `case ${n}, event ${e}, ${c.en}`) : b(`第 ${n} 个案件第 ${e} 条事件`, `case ${n}, event ${e}`);
  }
  const c = col(m[2]);
  return c ? b(`第 ${n} 个案件的“${c.zh}”`, `case ${n}, ${c.en}`) : b(`第 ${n} 个案件`, `case ${n}`);
}

/** A message located at a table cell: "第 3 行“年度”列：…". */
export function atCell(cell: { row: number; column: Bilingual }, m: Bilingual): Bilingual {
  return { zh: `第 ${cell.row} 行“${cell.column.zh}”列：${m.zh}`, en: `row ${cell.row}, column ${cell.column.en}: ${m.en}` };
}

/**
 * A table (header row first) to the cases-file shape. Values are passed on as typed; cases-file.ts validates them.
 * `caseList: 'headers'` reads a case list (stages, no events) as case headers with empty logs instead of refusing it.
 */
export function casesFromTable(table: readonly (readonly string[])[], opts: { caseList?: 'refuse' | 'headers' } = {}): TableResult {
  const [head, ...body] = table;
  if (!head) return { ok: false, errors: [{ path: '', message: b('表格是空的，未导入。', 'The table is empty; nothing was imported.') }] };
  const cols = head.map(columnOf);
  const at = (c: Column) => cols.indexOf(c);
  const missing = (['id', 'year', 'kind', 'applicantName'] as Column[]).filter((c) => at(c) < 0);
  if (at('event') < 0 && at('stage') >= 0 && opts.caseList !== 'headers')
    return { ok: false, errors: [{ path: '', message: b('这是案件列表导出（只有阶段，没有事件记录），无法还原案件流程。请导入 JSON 文件，或每行一个事件的表格（含“事件”“日期”列）。', 'This is a case list export (stages only, no events): the cases cannot be rebuilt from it. Import the JSON file, or a table with one event per row (“event” and “date” columns).') }] };
  if (missing.length)
    return { ok: false, errors: [{ path: '', message: b(`表头缺少必需的列：${missing.map((c) => aliases[c][0]).join('、')}。`, `The header row lacks required columns: ${missing.map((c) => aliases[c].at(-1)).join(', ')}.`) }] };
  const cases = new Map<string, { header: Record<string, unknown>; events: { event: Record<string, unknown>; recordedBy: string }[]; rows: TableRows }>();
  const errors: { path: string; message: Bilingual }[] = [];
  body.forEach((r, i) => {
    const line = i + 2;
    const get = (c: Column) => (at(c) >= 0 ? cellText(r[at(c)]) : '');
    const id = get('id');
    if (!id) return void errors.push({ path: `第 ${line} 行`, message: b('缺少案件编号', 'no case id') });
    let c = cases.get(id);
    if (!c) {
      const kind = byLabel(applicantKindLabels, get('kind')) ?? get('kind');
      const year = /^\d{4}$/.test(get('year')) ? Number(get('year')) : get('year');
      c = { header: { id, year, kind, applicantName: get('applicantName'), creditCode: get('creditCode') || null, recommender: get('recommender') || null }, events: [], rows: { header: line, events: [] } };
      cases.set(id, c);
    } else {
      // the case columns repeat on every row of a case: a row that says otherwise is a mistake, not a rename
      for (const col of ['year', 'kind', 'applicantName', 'creditCode'] as Column[]) {
        if (at(col) < 0) continue;
        const first = table[c.rows.header - 1]?.[at(col)];
        if (cellText(first) !== get(col)) {
          return void errors.push({ path: `第 ${line} 行`, message: b(`案件 ${id} 的“${aliases[col][0]}”与第 ${c.rows.header} 行不一致（同一案件的各行应相同）`, `case ${id}: “${aliases[col].at(-1)}” differs from row ${c.rows.header} (every row of a case must agree)`) });
        }
      }
    }
    const type = get('event');
    if (!type) return;
    const code = byLabel(caseEventLabels, type) ?? formerEventCode(type);
    if (!code) return void errors.push({ path: `第 ${line} 行`, message: b(`无法识别的事件“${type}”`, `unknown event “${type}”`) });
    const event: Record<string, unknown> = { type: code, on: get('on') };
    const detail = get('detail');
    if (code === 'apply') event.kind = byLabel(applicantKindLabels, detail) ?? c.header.kind;
    if (code === 'recommend') event.by = detail || c.header.recommender || '';
    if (code === 'propose') event.tier = byLabel(caseTierLabels, detail) ?? detail;
    if (code === 'revoke') event.reason = byLabel(reasonLabels, detail) ?? detail;
    c.events.push({ event, recordedBy: get('recordedBy') || 'import' });
    c.rows.events.push(line);
  });
  if (errors.length) return { ok: false, errors: errors.slice(0, 50) };
  const list = [...cases.values()];
  return { ok: true, data: { format: CASES_FILE_FORMAT, cases: list.map(({ header, events }) => ({ header, events })) }, rows: body.length, caseRows: list.map((c) => c.rows) };
}
