import type { Target } from './targets.ts';
import { closestTag, textOf } from './targets.ts';
import { labelMatches } from '../normalize.ts';
import { bodyRowsOf, cellsOf, headerRowOf } from './table-dom.ts';
import { customSelectText, isCustomSelect, switchOn, uploadListNames } from './widgets.ts';

/** The longest value a snapshot carries per field (the protocol's limit, messaging/protocol.ts). */
export const FIELD_VALUE_MAX = 20_000;

/**
 * A reading capped to FIELD_VALUE_MAX: a longer text is cut and marked `truncated`, so one long field
 * never makes the background refuse the whole snapshot. A table reading (a JSON array of rows) keeps
 * whole rows, so it stays valid JSON (a text is only sliced; a table is parsed to cut between rows).
 */
export function capReading(value: string | boolean | null, table: boolean): { value: string | boolean | null; truncated?: true } {
  if (typeof value !== 'string' || value.length <= FIELD_VALUE_MAX) return { value };
  if (!table) return { value: value.slice(0, FIELD_VALUE_MAX), truncated: true };
  let rows: unknown;
  try {
    rows = JSON.parse(value);
  } catch {
    rows = null;
  }
  const kept: string[] = [];
  let size = 2;
  if (Array.isArray(rows)) {
    for (const row of rows) {
      const json = JSON.stringify(row);
      if (size + json.length + 1 > FIELD_VALUE_MAX) break;
      kept.push(json);
      size += json.length + 1;
    }
  }
  return { value: `[${kept.join(',')}]`, truncated: true };
}

export interface ReadableColumn {
  key: string;
  header: string;
}

/**
 * The raw value of a bound target: text for inputs, the chosen option's text for selects and
 * radio groups, `true` for a ticked checkbox ('' when unticked), and for tables a JSON array of row objects keyed by the
 * adapter's column keys (cell text as typed). Conversion happens in `snapshotToApplication`.
 */
/** What a scan or a change carries for a bound field: its reading, capped (see capReading). */
export function readField(t: Target, columns?: readonly ReadableColumn[]): { value: string | boolean | null; truncated?: true } {
  return capReading(readTarget(t, columns), t.kind === 'table');
}

export function readTarget(t: Target, columns?: readonly ReadableColumn[]): string | boolean {
  const el = t.el;
  switch (t.kind) {
    case 'checkbox':
      // An unticked declaration box (or switch) is "not declared yet" (unknown), not a declared "no".
      return switchOn(el) ? true : '';
    case 'select':
      return el.tagName === 'SELECT' ? selectText(el as HTMLSelectElement) : customSelectText(el);
    case 'radio-group': {
      const checked = [...el.querySelectorAll('input[type="radio"]')].find((r) => (r as HTMLInputElement).checked);
      return checked ? optionLabel(checked) : '';
    }
    case 'table':
      return JSON.stringify(readTable(el, columns ?? []));
    case 'static': {
      const text = textOf(el, 2000);
      // A read-only view shows an empty list as 无/暂无; that is "no rows", a fact.
      return columns && NONE.test(text) ? '[]' : text;
    }
    case 'file':
      return fileNames(t).join('\n');
    case 'control':
      return String((el as HTMLInputElement).value ?? '');
  }
}

function selectText(sel: HTMLSelectElement): string {
  // several chosen (a native multiple select): their texts joined with 、, as a library's tags read
  if (sel.multiple) return [...sel.options].filter((o) => o.selected && o.value).map((o) => (o.textContent ?? '').trim()).join('、');
  if (!sel.value) return '';
  const opt = sel.selectedOptions?.[0] ?? sel.options[sel.selectedIndex];
  return opt ? (opt.textContent ?? '').trim() : '';
}

/** The text a person sees next to a radio button. */
export function optionLabel(radio: Element): string {
  const wrap = closestTag(radio, 'LABEL');
  const text = wrap ? textOf(wrap) : '';
  if (text) return text;
  const id = radio.getAttribute('id');
  const forLabel = id ? radio.ownerDocument.querySelector(`label[for="${CSS_escape(id)}"]`) : null;
  return (forLabel ? textOf(forLabel) : '') || (radio.getAttribute('value') ?? '');
}

function CSS_escape(s: string): string {
  return s.replace(/["\\]/g, '\\$&');
}

/** Rows of a data table as objects keyed by column key; headers matched by normalised text. */
export function readTable(table: Element, columns: readonly ReadableColumn[]): Array<Record<string, string | boolean>> {
  const headRow = headerRowOf(table);
  if (!headRow) return [];
  const headers = cellsOf(headRow).map((c) => textOf(c));
  const index = columns.map((col) => {
    const exact = headers.findIndex((h) => labelMatches(h, col.header, 'normalized'));
    return [col.key, exact] as const;
  });
  const bodyRows = bodyRowsOf(table);
  const rows: Array<Record<string, string | boolean>> = [];
  for (const tr of bodyRows.slice(0, 200)) {
    const cells = cellsOf(tr);
    // the library's "暂无数据" row (one cell across the table) and hidden measuring rows are no rows
    if (tr.getAttribute('aria-hidden') === 'true' || (cells.length === 1 && headers.length > 1 && !cells[0]!.querySelector('input, select, textarea'))) continue;
    const row: Record<string, string | boolean> = {};
    for (const [key, i] of index) {
      if (i < 0) continue;
      const cell = cells[i];
      if (!cell) continue;
      row[key] = cellValue(cell);
    }
    rows.push(row);
  }
  return rows;
}

/** What a table cell shows: its control's value (a library select's shown text), else its text. */
export function cellValue(cell: Element): string | boolean {
  const control = cell.querySelector('input, select, textarea, [role="switch"]');
  if (!control) return textOf(cell);
  if (control.tagName === 'SELECT') return selectText(control as HTMLSelectElement);
  if (isCustomSelect(control)) return customSelectText(control);
  const type = (control.getAttribute('type') ?? '').toLowerCase();
  if (type === 'checkbox' || control.getAttribute('role') === 'switch') return switchOn(control);
  return String((control as HTMLInputElement).value ?? '');
}

const NOT_UPLOADED = /^(未上传|无|暂无|-+|—+)$/;
const NONE = /^(无|暂无|没有|-+|—+)$/;

/** File names of an upload field: the input's chosen files plus the platform's "uploaded" list beside it. */
export function fileNames(t: Target): string[] {
  if (t.kind === 'static') {
    const text = textOf(t.el, 1000);
    return text && !NOT_UPLOADED.test(text) ? [text] : [];
  }
  const names: string[] = [];
  const files = (t.el as HTMLInputElement).files;
  if (files) for (let i = 0; i < files.length && i < 50; i++) names.push(files[i]!.name);
  // The library's list of chosen/uploaded files beside the input (its file input is emptied after a choice).
  let box: Element | null = t.el.parentElement;
  for (let level = 0; level < 4 && box; level++, box = box.parentElement) {
    if (box.querySelectorAll('input, select, textarea').length > 1) break;
    const listed = uploadListNames(box);
    if (listed.length) {
      for (const n of listed) if (!names.includes(n)) names.push(n);
      break;
    }
  }
  return names.slice(0, 50);
}
