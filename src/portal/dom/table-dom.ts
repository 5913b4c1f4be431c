/** Table structure by child traversal (no reliance on tHead/rows/cells, which some DOMs lack). */
const tag = (el: Element) => el.tagName.toUpperCase();

export function headOf(table: Element): Element | null {
  for (const c of table.children) if (tag(c) === 'THEAD') return c;
  return null;
}

/** Rows of a section or table (looking through tbody/thead/tfoot when given a table). */
export function rowsOf(el: Element): Element[] {
  const out: Element[] = [];
  for (const c of el.children) {
    if (tag(c) === 'TR') out.push(c);
    else if (/^(THEAD|TBODY|TFOOT)$/.test(tag(c))) for (const r of c.children) if (tag(r) === 'TR') out.push(r);
  }
  return out;
}

/** A fixed-header table's body `<table>` (found by the scan, widgets.ts splitBody): its rows are this table's rows. */
const splitBodies = new WeakMap<Element, Element>();
export function setSplitBody(head: Element, body: Element | null): void {
  if (body) splitBodies.set(head, body);
  else splitBodies.delete(head);
}
export function splitBodyOf(head: Element): Element | null {
  const b = splitBodies.get(head);
  return b?.isConnected ? b : null;
}

/** A table with a header and no body rows of its own (the header half of a split table). */
export function headerOnly(t: Element): boolean {
  const head = headOf(t);
  if (!head) return false;
  for (const c of t.children) if (tag(c) === 'TBODY' && rowsOf(c).length > 0) return false;
  return true;
}

export function bodyRowsOf(table: Element): Element[] {
  const split = splitBodyOf(table);
  if (split) return rowsOf(split).filter((r) => r.parentElement === null || tag(r.parentElement) !== 'THEAD');
  const head = headOf(table);
  const all = rowsOf(table);
  if (head) return all.filter((r) => r.parentElement !== head);
  return all.slice(1);
}

export function headerRowOf(table: Element): Element | null {
  const head = headOf(table);
  return (head ? rowsOf(head)[0] : rowsOf(table)[0]) ?? null;
}

export function cellsOf(tr: Element): Element[] {
  return [...tr.children].filter((c) => tag(c) === 'TD' || tag(c) === 'TH');
}

export function isDataTable(t: Element): boolean {
  return headOf(t) !== null || /^(table|grid)$/.test(t.getAttribute('role') ?? '');
}
