/**
 * Widget drivers: how the component libraries portals are built with (Element UI / Element Plus,
 * Ant Design / Ant Design Vue, Formily on either, and look-alikes such as iView, Arco, TDesign,
 * Naive UI) draw a control, found by their stable markers — ARIA roles and attributes, and the
 * libraries' BEM-style class-name *suffixes* (`*-select`, `*-upload-list-item`, `*__label`) — never
 * by a page's CSS path. Structure and text only: nothing here reads layout.
 *
 * - custom select / cascader: an `<input>` that is a combobox with a list popup, or sits inside a
 *   `*-select` / `*-cascader` root; its value is the text shown (input value, else the selection
 *   text beside it, placeholders left out; several chosen = their tags joined with 、).
 * - switch: `role="switch"` (a `<button>` in antd), read from `aria-checked`.
 * - radios with no name and no radiogroup: grouped by the container that holds only radios.
 * - split tables: a header-only `<table>` and the body `<table>` the library draws beside it.
 * - upload lists: the file names the library lists (`*-upload-list-item`, `<li>`), by their name
 *   element or title, not the status text around them.
 * - form-item labels: a `<div>`/`<td>` whose class ends in `label`, beside the control's container.
 */

const SELECT_ROOT = /(^|\s)[a-z]+(-[a-z]+)*-(select|cascader)(\s|$)/;
const SELECT_PARTS = /(^|\s)[a-z]+(-[a-z]+)*-(select|cascader)[-_]/;
const LIST_POPUP = /^(listbox|tree|grid|true)$/;

const cls = (e: Element): string => {
  const c = e.getAttribute('class');
  return c ?? '';
};

/** The closest element (self included, ≤ `levels` up) whose class list matches. */
function closestClass(el: Element, re: RegExp, levels: number): Element | null {
  let e: Element | null = el;
  for (let i = 0; i <= levels && e; i++, e = e.parentElement) if (re.test(cls(e))) return e;
  return null;
}

/** Is this input a library's select (or cascader) whose shown value lives beside it? */
export function isCustomSelect(input: Element): boolean {
  if (input.tagName !== 'INPUT') return false;
  const role = input.getAttribute('role');
  if (role === 'combobox' && (input.hasAttribute('readonly') || LIST_POPUP.test(input.getAttribute('aria-haspopup') ?? ''))) return true;
  if (role === 'combobox' || role === 'spinbutton') return false; // a date picker (dialog popup) or a number
  return closestClass(input, SELECT_ROOT, 4) !== null || closestClass(input, SELECT_PARTS, 3) !== null;
}

/** The library's `*-select` / `*-cascader` element around an input, if it has one. */
export const librarySelectRoot = (input: Element): Element | null => closestClass(input, SELECT_ROOT, 8);

/** The widget root of a custom select (the `*-select` element), or the input's grandparent. */
export function selectRoot(input: Element): Element {
  return librarySelectRoot(input) ?? input.parentElement?.parentElement ?? input;
}

const PLACEHOLDER = /placeholder/i;
const SELECTED = /transparent/i;
function isPlaceholder(e: Element): boolean {
  const c = cls(e);
  if (!PLACEHOLDER.test(c)) return false;
  // Element Plus keeps the chosen text in `__placeholder` and greys the real placeholder `is-transparent`.
  return SELECTED.test(c) || !/(item|selected)/i.test(c);
}
const TAG = /(^|\s)[a-z]+(-[a-z]+)*(-tag|__tags-text|-selection-item)(\s|$)/;

/** The text a person sees in a custom select: several chosen values joined with 、. */
/** A library's option list or its popper (`el-select-dropdown`, `ant-select-dropdown`, `el-popper`). */
const OPTION_LIST = /(^|\s)[a-z]+(-[a-z]+)*(-dropdown|-popper|__popper)(\s|$)/;
export function customSelectText(input: Element): string {
  const own = String((input as HTMLInputElement).value ?? '').trim();
  const root = selectRoot(input);
  const multiple = /multiple/.test(cls(root)) || root.querySelector('[aria-multiselectable="true"]') !== null;
  if (!multiple && own && input.hasAttribute('readonly')) return own;
  const tags: string[] = [];
  const parts: string[] = [];
  walkText(root, (e) => {
    if (TAG.test(cls(e))) { const t = plainText(e); if (t && !tags.includes(t)) { tags.push(t); parts.push(t); } return false; }
    // an option list not yet moved to <body> (Element UI 2 appends it there only when first opened): not the choice
    if (e.getAttribute('role') === 'listbox' || OPTION_LIST.test(cls(e))) return false;
    return !isPlaceholder(e);
  }, parts);
  // tags collapsed into a count (“+ 2”, collapse-tags / maxTagCount): the shown tags are not the choice; read the
  // chosen options of the list the combobox controls (ARIA), or nothing when that list is not drawn: never a guess
  if (tags.some((t) => COLLAPSED.test(t))) {
    // as many as the tags and their count say, or unknown (antd's accessible list draws only a few options)
    const count = tags.reduce((n, t) => n + (COLLAPSED.test(t) ? Number(/\d+/.exec(t)![0]) : 1), 0);
    const chosen = chosenInList(input).find((c) => c.length === count);
    return chosen ? chosen.join('、') : '';
  }
  // several tags shown: a multiple select whose root does not say so (Element Plus keeps that on its teleported list)
  if (multiple || tags.length > 1) return tags.join('、');
  const shown = parts.join('').replace(/\s+/g, ' ').trim();
  if (shown && shown !== (input.getAttribute('placeholder') ?? '').trim()) return shown;
  return own;
}

const COLLAPSED = /^\+\s*\d+\s*(\.\.\.|…)?$/;
/**
 * The options marked chosen in the list(s) an input names in aria-controls / aria-owns, and, as a second
 * reading, the drawn options marked chosen elsewhere in that list's own popup (antd's accessible list holds
 * only a window of options; its drawn list holds them all while the list is short). The caller takes a
 * reading only when it has as many as the tags say.
 */
function chosenInList(input: Element): string[][] {
  const ids = `${input.getAttribute('aria-controls') ?? ''} ${input.getAttribute('aria-owns') ?? ''}`.split(/\s+/).filter(Boolean);
  const own: string[] = [];
  const drawn: string[] = [];
  const add = (out: string[], o: Element) => { const t = plainText(o) || (o.getAttribute('title') ?? '').trim(); if (t && !out.includes(t)) out.push(t); };
  for (const id of ids) {
    const list = input.ownerDocument.getElementById(id);
    if (!list) continue;
    for (const o of list.querySelectorAll('[role="option"][aria-selected="true"]')) add(own, o);
    const popup = list.parentElement && closestClass(list.parentElement, OPTION_LIST, 3);
    for (const o of popup?.querySelectorAll('[aria-selected="true"]') ?? []) if (!list.contains(o)) add(drawn, o);
  }
  return [own, drawn];
}

/** Pre-order text walk; `enter(e)` false skips an element's subtree. Skips inputs, hidden, aria-hidden and live-region parts. */
function walkText(root: Element, enter: (e: Element) => boolean, out: string[], budget = { n: 400 }): void {
  for (let n: Node | null = root.firstChild; n && budget.n-- > 0; n = n.nextSibling) {
    if (n.nodeType === 3) out.push(n.nodeValue ?? '');
    else if (n.nodeType === 1) {
      const e = n as Element;
      // (an aria-live region repeats the choice for screen readers: antd adds one while the select has focus)
      if (/^(INPUT|SCRIPT|STYLE|TEMPLATE|svg|SVG)$/.test(e.tagName) || e.hasAttribute('hidden') || e.getAttribute('aria-hidden') === 'true' || e.hasAttribute('aria-live')) continue;
      if (enter(e)) walkText(e, enter, out, budget);
    }
  }
}
function plainText(e: Element): string {
  const out: string[] = [];
  walkText(e, () => true, out);
  return out.join('').replace(/\s+/g, ' ').trim();
}

/** A switch that is not a checkbox input (antd's `<button role="switch">`): ticked when aria-checked. */
export function isSwitch(el: Element): boolean {
  return el.getAttribute('role') === 'switch';
}
export function switchOn(el: Element): boolean {
  if (el.tagName === 'INPUT') return (el as HTMLInputElement).checked === true;
  return el.getAttribute('aria-checked') === 'true';
}

/**
 * A nameless radio outside any radiogroup: its group is the closest container (≤ 5 levels up)
 * holding it and other radios and no other control — the library's group element.
 */
export function radioContainer(radio: Element, controlsIn: (e: Element) => number, radiosIn: (e: Element) => number): Element | null {
  let e = radio.parentElement;
  for (let i = 0; i < 5 && e; i++, e = e.parentElement) {
    const radios = radiosIn(e);
    if (radios !== controlsIn(e)) return null;
    if (radios > 1) return e;
  }
  return null;
}

/** The body table drawn beside a header-only table (Element's and antd's fixed-header tables), if any. */
export function splitBody(head: Element, isHeaderOnly: (t: Element) => boolean): Element | null {
  if (!isHeaderOnly(head)) return null;
  let box: Element | null = head.parentElement;
  for (let i = 0; i < 3 && box; i++, box = box.parentElement) {
    const tables = box.getElementsByTagName('table');
    if (tables.length < 2) continue;
    for (let k = 0; k < tables.length; k++) {
      const t = tables[k]!;
      if (t !== head && !isHeaderOnly(t) && !t.contains(head) && !head.contains(t)) return t;
    }
    return null;
  }
  return null;
}

const LIST_ITEM = /(^|\s)[a-z]+(-[a-z]+)*(-upload-list-item|-upload-list__item|-upload-file)(\s|$)/;
const NAME_PART = /name|title/i;
/** The file names an upload's list shows, in the box around the file input. */
export function uploadListNames(box: Element, max = 50): string[] {
  const names: string[] = [];
  const items: Element[] = [];
  const all = box.getElementsByTagName('*');
  for (let i = 0; i < all.length && i < 3000; i++) {
    const e = all[i]!;
    if (LIST_ITEM.test(cls(e)) || e.tagName === 'LI') {
      if (!items.some((x) => x.contains(e))) items.push(e);
    }
  }
  for (const it of items) {
    if (names.length >= max) break;
    let name = '';
    const parts = it.getElementsByTagName('*');
    for (let i = 0; i < parts.length && !name; i++) {
      const p = parts[i]!;
      if (NAME_PART.test(cls(p))) name = (p.getAttribute('title') ?? '').trim() || plainText(p);
    }
    if (!name) name = (it.getAttribute('title') ?? '').trim() || (it.querySelector('a') ? plainText(it.querySelector('a')!) : plainText(it));
    if (name && !names.includes(name)) names.push(name);
  }
  return names;
}

/** Class tokens a library gives its form-item label cell (`el-form-item__label`, `ant-form-item-label`, `form-table__label`). */
export const LABEL_CELL = /(^|\s)[\w-]*(__|-)label(\s|$)/;
export const isLabelCell = (e: Element): boolean => LABEL_CELL.test(cls(e));
