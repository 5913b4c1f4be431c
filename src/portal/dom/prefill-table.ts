import { labelMatches, normalizeLabel } from '../normalize.ts';
import { unfillableReason } from './fillable.ts';
import { currentReading, keptAs, optionFor, setNativeValue, type PrefillResult } from './prefill.ts';
import type { Binding } from './locate.ts';
import type { ReadableColumn } from './read.ts';
import { cellValue, readTable } from './read.ts';
import { bodyRowsOf, cellsOf, headerOnly, headerRowOf, setSplitBody, splitBodyOf } from './table-dom.ts';
import { textOf } from './targets.ts';
import { chooseOption, isDatePicker, typeDate, typeText, waitFor, type DriveOutcome } from './drive.ts';
import { isCustomSelect, splitBody } from './widgets.ts';

/** A table field the adapter says how to grow: the text of its add-row button (+ 添加一行, + 新增). */
export interface TablePrefill {
  key: string;
  columns: readonly ReadableColumn[];
  addRowTexts: readonly string[];
  /** rows to put in, keyed by column key, as the portal shows them */
  rows: Array<Record<string, string>>;
  /** the user agreed to add to a table that already has rows */
  mayAdd: boolean;
}

export type TablePrefillOutcome = 'filled' | 'unchanged' | 'not-empty' | 'unsupported' | 'hidden';

/** How long a platform may take to draw the row its add button asked for (Vue/React re-render on a later tick). */
const ROW_WAIT_MS = 1500;

/** Parses a table prefill value (a JSON array of row objects); anything else is null. */
export function tableRows(value: string | boolean, columns: readonly ReadableColumn[]): Array<Record<string, string>> | null {
  if (typeof value !== 'string') return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return null;
  }
  if (!Array.isArray(parsed)) return null;
  const rows: Array<Record<string, string>> = [];
  for (const row of parsed.slice(0, 50)) {
    if (typeof row !== 'object' || row === null || Array.isArray(row)) return null;
    const out: Record<string, string> = {};
    for (const col of columns) {
      const cell = (row as Record<string, unknown>)[col.key];
      if (typeof cell === 'string' && cell.trim() !== '') out[col.key] = cell;
    }
    if (Object.keys(out).length > 0) rows.push(out);
  }
  return rows;
}

/**
 * The body half of a header-only table, found again here: the prefill driver is a separate script
 * (entrypoints/prefill-driver.ts) with its own copy of table-dom.ts, so the pairing the scan recorded
 * is not visible to it. Without this, rows of el-table or a scrolling antd table read as none.
 */
function bodyHalf(table: Element): Element | null {
  const known = splitBodyOf(table);
  if (known) return known;
  const body = splitBody(table, headerOnly);
  setSplitBody(table, body);
  return body;
}

/**
 * The add-row button beside a table: the nearest one up to eight levels up (antd wraps its table in six), in a box holding only this
 * table. A table drawn as two `<table>`s (header and body, widgets.ts splitBody) counts as one: its
 * body half is not "another table", else the button of el-table or a scrolling antd table is never seen.
 */
export function addRowButton(table: Element, texts: readonly string[]): HTMLElement | null {
  const wanted = texts.map(normalizeLabel).filter(Boolean);
  const body = bodyHalf(table);
  const own = (t: Element) => t === table || t === body || table.contains(t) || !!body?.contains(t);
  let box = table.parentElement;
  for (let level = 0; level < 8 && box; level++, box = box.parentElement) {
    if ([...box.querySelectorAll('table')].some((t) => !own(t))) break;
    for (const b of box.querySelectorAll('button, a, [role="button"]')) {
      if (table.contains(b) || body?.contains(b)) continue;
      const text = normalizeLabel(textOf(b));
      if (text && wanted.some((w) => text.includes(w))) return b as HTMLElement;
    }
  }
  return null;
}

/**
 * Adds the profile's rows to a table: clicks the portal's own add-row button, waits for the row it
 * draws, then types each cell through the native setter. Rows the table already shows are not added
 * twice, and a table with rows of the user's own is left alone unless they agreed (`mayAdd`); even
 * then only new rows are written, never one the user typed. `find` re-locates the table, because a
 * platform may redraw the whole step when a row is added or a cell is typed.
 * 'unchanged': the table already shows every row; 'unsupported' also covers a partial fill.
 */
export async function fillTableRows(job: TablePrefill, findTable: () => Element | null): Promise<TablePrefillOutcome> {
  const find = (): Element | null => {
    const t = findTable();
    if (t) bodyHalf(t);
    return t;
  };
  let table: Element | null = find();
  if (!table) return 'unsupported';
  // only a table a person can see (issue 15: a hidden one could harvest the profile's certificates)
  if (unfillableReason(table) === 'hidden') return 'hidden';
  const existing = readTable(table, job.columns).filter((r) => Object.values(r).some((v) => v !== '' && v !== false));
  const same = (a: Record<string, string | boolean>, b: Record<string, string>) => job.columns.every((c) => normalizeLabel(String(a[c.key] ?? '')) === normalizeLabel(b[c.key] ?? ''));
  const todo = job.rows.filter((row) => !existing.some((e) => same(e, row)));
  if (todo.length === 0) return 'unchanged';
  if (existing.length > 0 && !job.mayAdd) return 'not-empty';
  let added = 0;
  for (const row of todo) {
    // typing the previous row may have redrawn the table: never act on a detached copy
    table = table?.isConnected ? table : find();
    if (!table) break;
    // A blank row the platform already shows (its empty first line) is used before adding another.
    let target = blankRow(table);
    if (!target) {
      const button = addRowButton(table, job.addRowTexts);
      if (!button) break;
      if (unfillableReason(button) === 'hidden') return added > 0 ? 'filled' : 'hidden';
      const rowsBefore = bodyRowsOf(table);
      const editableBefore = editableRows(table).length;
      const valuesBefore = readTable(table, job.columns).map((r) => JSON.stringify(r));
      button.click();
      // antd swaps its "no data" placeholder row for the new one: the count of rows with controls grows, not the rows'
      table = await waitFor((): Element | null => {
        const t = find();
        return t && (bodyRowsOf(t).length > rowsBefore.length || editableRows(t).length > editableBefore) ? t : null;
      }, ROW_WAIT_MS);
      if (!table) break;
      target = blankRow(table) ?? newRow(table, rowsBefore, valuesBefore, job.columns);
    }
    if (!target) break;
    // a platform that keys rows by their content remounts the row on each typed cell: follow it by position
    const at = bodyRowsOf(table).indexOf(target);
    const rowAt = (): Element | null => {
      if (target?.isConnected) return target;
      table = table?.isConnected ? table : find();
      return table && at >= 0 ? bodyRowsOf(table)[at] ?? null : null;
    };
    if (!(await fillRow(table, rowAt, job.columns, row))) break;
    added++;
  }
  return added === todo.length ? 'filled' : 'unsupported';
}

/**
 * The row the add button drew: the one element that was not there before; or, when the platform
 * redrew every row, the first whose content differs from before. Null when that is not clear.
 */
function newRow(table: Element, rowsBefore: readonly Element[], valuesBefore: readonly string[], columns: readonly ReadableColumn[]): Element | null {
  const rows = bodyRowsOf(table);
  const fresh = rows.filter((r) => !rowsBefore.includes(r));
  if (fresh.length === 1) return fresh[0]!;
  const freshEditable = fresh.filter((r) => r.querySelector('input, select, textarea'));
  if (freshEditable.length === 1 && fresh.length < rows.length) return freshEditable[0]!;
  if (fresh.length !== rows.length || rows.length !== valuesBefore.length + 1) return null;
  const now = readTable(table, columns).map((r) => JSON.stringify(r));
  const i = now.findIndex((v, k) => v !== valuesBefore[k]);
  return rows[i < 0 ? rows.length - 1 : i] ?? null;
}

/** Body rows holding a control: the data rows of an editable table (not a placeholder or a measure row). */
function editableRows(table: Element): Element[] {
  return bodyRowsOf(table).filter((tr) => tr.querySelector('input, select, textarea'));
}

function blankRow(table: Element): Element | null {
  for (const tr of bodyRowsOf(table)) {
    const controls = [...tr.querySelectorAll('input, select, textarea')] as HTMLInputElement[];
    if (controls.length > 0 && controls.every((c) => c.type === 'checkbox' ? !c.checked : c.value.trim() === '')) return tr;
  }
  return null;
}

/**
 * Types one row's cells through their widgets (drive.ts): a library select gets its option clicked,
 * a picker its date typed and confirmed. The row counts as written only if every cell shows its value.
 */
async function fillRow(table: Element, rowAt: () => Element | null, columns: readonly ReadableColumn[], row: Record<string, string>): Promise<boolean> {
  const head = headerRowOf(table);
  if (!head) return false;
  const headers = cellsOf(head).map((c) => textOf(c));
  let wrote = false;
  for (const col of columns) {
    const value = row[col.key];
    if (value === undefined) continue;
    const i = headers.findIndex((h) => labelMatches(h, col.header, 'normalized'));
    // the platform may redraw the row after a cell is typed: look the cell up again each time
    const cell = () => { const tr = rowAt(); return i >= 0 && tr ? cellsOf(tr)[i] ?? null : null; };
    const control = cell()?.querySelector('input, select, textarea');
    if (!control) continue;
    let outcome: DriveOutcome;
    if (control.tagName === 'SELECT') {
      const select = control as HTMLSelectElement;
      const option = optionFor(select, value);
      if (!option) return false;
      setNativeValue(select, option.value);
      outcome = select.value === option.value ? 'filled' : 'not-taken';
    } else if (isCustomSelect(control)) outcome = await chooseOption(control, value);
    else if (isDatePicker(control)) outcome = await typeDate(control as HTMLInputElement, value);
    else outcome = await typeText(control as HTMLInputElement, value);
    // the cell redrawn meanwhile: what its new widget shows is what the page kept
    if (outcome === 'not-taken' && !control.isConnected) {
      const now = cell();
      if (now && normalizeLabel(String(cellValue(now))) === normalizeLabel(value)) outcome = 'filled';
    }
    if (outcome !== 'filled') return false;
    wrote = true;
  }
  return wrote;
}

/** The table fields of one 填入资料 (the adapter's fields with `columns`), as the content script hands them over. */
export interface TablesJob {
  tables: ReadonlyArray<{ key: string; columns?: readonly ReadableColumn[]; addRow?: { texts: readonly string[] } }>;
  values: Readonly<Record<string, string | boolean>>;
  overwrite: readonly string[];
  /** what each field read when the person agreed to replace it */
  expect: Readonly<Record<string, string>>;
  /** filled in place: the plain fields' result, then each table's */
  res: PrefillResult;
  /** the content script's latest scan */
  bindings(): readonly Binding[];
  /** a full scan of the page (updates `bindings()`) */
  rescan(): void;
}

/**
 * Fills each table field through its add-row button (fillTableRows), one after another. Moved here
 * from the content script (assistant.ts) so it loads only with the prefill driver (issue 19's budget).
 */
export async function prefillTables(job: TablesJob): Promise<void> {
  const { tables, values, overwrite, expect, res } = job;
  const tableOf = (key: string) => job.bindings().find((b) => b.key === key && b.target?.kind === 'table')?.target?.el ?? null;
  // While waiting for a new row, the bound table is re-checked cheaply; a full scan only when it left the page.
  const find = (key: string) => {
    const el = tableOf(key);
    if (el?.isConnected) return el;
    job.rescan();
    return tableOf(key);
  };
  for (const f of tables) {
    const rows = tableRows(values[f.key]!, f.columns ?? []);
    if (!rows) { res.skipped.push({ key: f.key, reason: 'unsupported' }); continue; }
    if (!tableOf(f.key)) { res.skipped.push({ key: f.key, reason: 'not-on-page' }); continue; }
    const reading = () => {
      const target = job.bindings().find((b) => b.key === f.key)?.target;
      return target ? currentReading(target, f.columns) : '';
    };
    // consent to add rows holds only while the table still reads what the user saw
    const mayAdd = overwrite.includes(f.key) && (!Object.hasOwn(expect, f.key) || expect[f.key] === reading());
    let outcome: TablePrefillOutcome;
    try {
      outcome = await fillTableRows(
        { key: f.key, columns: f.columns ?? [], addRowTexts: f.addRow?.texts ?? [], rows, mayAdd },
        () => find(f.key),
      );
    } catch {
      outcome = 'unsupported'; // the plain fields already written are still reported
    }
    if (outcome === 'filled') res.filled.push(f.key);
    else if (outcome === 'not-empty') res.skipped.push(keptAs(f.key, reading()));
    else if (outcome !== 'unchanged') res.skipped.push({ key: f.key, reason: outcome });
  }
}
