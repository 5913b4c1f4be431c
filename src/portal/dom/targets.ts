/**
 * The field index: every form control (or radio group, data table, read-only value cell) on the
 * page with its label signals, each kept with its source (Bitwarden style). Reads only DOM
 * structure and text, never layout, so a scan causes no reflow.
 */

export type TargetKind = 'control' | 'select' | 'radio-group' | 'checkbox' | 'table' | 'file' | 'static';
export type SignalSource = 'label-for' | 'label-wrap' | 'labelledby' | 'proximity' | 'label-cell' | 'caption' | 'form-item';

export interface LabelSignal {
  text: string;
  source: SignalSource;
}

export interface Target {
  /** the element values are read from (input, select, group container, table, value cell) */
  el: Element;
  kind: TargetKind;
  labels: LabelSignal[];
  /** accessible name, accname precedence subset: aria-labelledby > aria-label > label > title > placeholder */
  accName: string;
  /** `name` attribute (radio groups: the radios' shared name) */
  name: string | null;
}

import { isDataTable, headerOnly, setSplitBody, splitBodyOf } from './table-dom.ts';
import { isCustomSelect, isLabelCell, librarySelectRoot, radioContainer, splitBody } from './widgets.ts';

/** Form controls: native ones plus ARIA switches (antd draws a switch as a `<button role="switch">`). */
export const CONTROL_SELECTOR = 'input, select, textarea, [role="switch"]';
const SKIP_INPUT_TYPES = new Set(['hidden', 'submit', 'button', 'reset', 'image']);
/** our own UI host: never indexed */
export const UI_HOST_TAG = 'award-pilot-hints';
const MAX_TARGETS = 1000;
const MAX_CONTROLS = 5000;
const MAX_LABEL = 200;

export interface IndexOptions {
  /** also index read-only label/value pairs (th/td, dt/dd): recommender review pages */
  staticValues?: boolean;
}

/**
 * Every attribute the walk reads (here, in widgets.ts and table-dom.ts: getAttribute, hasAttribute,
 * reflecting properties, attribute selectors). A change to any other attribute (style, value,
 * aria-expanded, aria-invalid, data-*: what libraries toggle while one types, validates or opens a
 * list) cannot change the index, so it keeps the memo (issue 19). A guard test reads the sources
 * for attribute names missing here.
 */
export const INDEX_ATTRIBUTES: readonly string[] = ['aria-haspopup', 'aria-hidden', 'aria-label', 'aria-labelledby', 'class', 'for', 'hidden', 'id', 'name', 'placeholder', 'readonly', 'role', 'title', 'type'];

/**
 * The last index of a document, kept while a MutationObserver on it has seen no change (elements,
 * attributes or text): a rescan of an unchanged page (every snapshot, every keystroke) hands out a
 * copy instead of walking the page again (issue 19); only the attributes the walk reads count as a
 * change (INDEX_ATTRIBUTES), and a text only where the walk read text (changesIndex). takeRecords() is synchronous, so a change made
 * just before a scan is always seen. Only whole documents: an element root's labels may live outside it.
 */
interface Memo {
  observer: MutationObserver;
  changed: boolean;
  staticValues: boolean;
  targets: Target[] | null;
  /** every element whose text the last walk read (textOf): a text change elsewhere keeps the memo */
  textRead: Set<Element>;
}

/** Elements textOf reads while indexTargets walks (null outside that walk). */
let textReads: Set<Element> | null = null;

/**
 * Can these changes alter the index? Only text changes (a text node's data, or text nodes alone
 * added or removed: no element) under no element the last walk read text from cannot: the walk
 * reads text only through textOf, and counts, structure and attributes are untouched. Anything
 * else (an element added or removed, an attribute it reads) counts as a change (issue 19).
 */
function changesIndex(records: readonly MutationRecord[], memo: Memo): boolean {
  for (const r of records) {
    let under: Node | null;
    if (r.type === 'characterData') under = r.target.parentNode;
    else if (r.type === 'childList' && onlyText(r.addedNodes) && onlyText(r.removedNodes)) under = r.target;
    else return true;
    if (!under) return true;
    for (let e: Node | null = under; e; e = e.parentNode) if (memo.textRead.has(e as Element)) return true;
  }
  return false;
}
const onlyText = (nodes: NodeList) => {
  for (let i = 0; i < nodes.length; i++) { const t = nodes[i]!.nodeType; if (t !== 3 && t !== 8) return false; }
  return true;
};
const memos = new WeakMap<Document, Memo>();

function memoOf(root: Document | Element): Memo | null {
  if (root.nodeType !== 9 || typeof MutationObserver !== 'function') return null;
  const doc = root as Document;
  let memo = memos.get(doc);
  if (!memo) {
    const m: Memo = { observer: new MutationObserver((records) => { if (!m.changed && changesIndex(records, m)) m.changed = true; }), changed: true, staticValues: false, targets: null, textRead: new Set() };
    m.observer.observe(doc, { subtree: true, childList: true, attributes: true, attributeFilter: [...INDEX_ATTRIBUTES], characterData: true });
    memos.set(doc, (memo = m));
  }
  return memo;
}

/** Fresh target objects (a caller may change what it got without touching the kept index). */
const copyTargets = (targets: readonly Target[]): Target[] => targets.map((t) => ({ ...t, labels: t.labels.map((l) => ({ ...l })) }));

export function indexTargets(root: Document | Element, options: IndexOptions = {}): Target[] {
  const memo = memoOf(root);
  const staticValues = options.staticValues === true;
  if (memo) {
    const records = memo.observer.takeRecords();
    if (!memo.changed && records.length > 0 && changesIndex(records, memo)) memo.changed = true;
    if (!memo.changed && memo.targets && memo.staticValues === staticValues) return copyTargets(memo.targets);
  }
  if (!memo) return walkTargets(root, options);
  const textRead = new Set<Element>();
  textReads = textRead;
  let targets: Target[];
  try {
    targets = walkTargets(root, options);
  } finally {
    textReads = null;
  }
  Object.assign(memo, { changed: false, staticValues, targets: copyTargets(targets), textRead });
  return targets;
}

/** The whole walk, never memoised: what indexTargets computes (exported for its parity test). */
export function walkTargets(root: Document | Element, options: IndexOptions = {}): Target[] {
  const doc = root.ownerDocument ?? (root as Document);
  const targets: Target[] = [];
  const allTables = root.getElementsByTagName('table');
  const dataTables = [...allTables].filter(isDataTable);
  const dataSet = new Set<Element>(dataTables);
  // A library's fixed-header table is two <table>s: the header one stands for both, its body's controls are cells.
  const bodies = new Set<Element>();
  for (const t of dataTables) {
    const body = splitBody(t, headerOnly);
    setSplitBody(t, body);
    if (body) { bodies.add(body); dataSet.add(body); }
  }
  const inDataTable = (el: Element) => {
    if (dataSet.size === 0) return false;
    for (let e = el.parentElement; e; e = e.parentElement) if (dataSet.has(e)) return true;
    return false;
  };
  // Controls per element (self included), counted once bottom-up: later "does this container hold
  // another field?" questions are O(1) instead of a subtree query each.
  const tree = new AncestorTree(dataSet);
  const all = root.querySelectorAll(CONTROL_SELECTOR);
  const walked = Math.min(all.length, MAX_CONTROLS);
  // A hostile page with huge numbers of controls gets a bounded scan (fields past the cap are not read).
  for (let i = 0; i < walked; i++) tree.addControl(all[i]!);
  tree.sumCounts();
  const count = (e: Element) => tree.count(e);
  const labelsFor = new Map<string, Element[]>();
  // (live tag collections: the browser keeps them between scans of an unchanged page; plain index loops)
  const labels = root.getElementsByTagName('label');
  for (let i = 0; i < labels.length; i++) {
    const l = labels[i]!;
    const f = forOf(l);
    if (!f) continue;
    const list = labelsFor.get(f);
    if (list) list.push(l);
    else labelsFor.set(f, [l]);
  }
  const radioGroups = new Map<string, Element[]>();
  const selectRoots = new Set<Element>();
  // Nameless radios outside a radiogroup (Ant Design Vue, antd): grouped by the container holding only radios.
  const radiosIn = new Map<Element, number>();
  const radioCount = (e: Element) => { let n = radiosIn.get(e); if (n === undefined) radiosIn.set(e, (n = e.querySelectorAll('input[type="radio"]').length)); return n; };
  const controlCount = (e: Element) => (tree.has(e) ? count(e) : e.querySelectorAll(CONTROL_SELECTOR).length);

  for (let i = 0; i < all.length; i++) {
    const el = all[i]!;
    if (targets.length >= MAX_TARGETS) break;
    if (tree.inDataTable(el)) continue; // our own UI lives in a shadow root: never reached from here
    const tag = el.tagName.toLowerCase();
    const type = tag === 'input' ? (el.getAttribute('type') ?? 'text').toLowerCase() : tag;
    if (SKIP_INPUT_TYPES.has(type) && el.getAttribute('role') !== 'switch') continue;
    // Element UI's switch is a <div role="switch"> around a hidden checkbox: the switch is the one field.
    if (type === 'checkbox' && el.parentElement?.closest('[role="switch"]')) continue;
    if (type === 'radio') {
      const group = (i < walked ? tree.radioGroupAround(el) : closestRadioGroup(el)) ?? (el.getAttribute('name') ? null : radioContainer(el, controlCount, radioCount));
      const key = group ? `g:${indexOf(group)}` : `n:${el.getAttribute('name') ?? indexOf(el)}`;
      const list = radioGroups.get(key);
      if (list) list.push(el);
      else radioGroups.set(key, [el]);
      continue;
    }
    const kind: TargetKind = type === 'checkbox' || el.getAttribute('role') === 'switch' ? 'checkbox' : type === 'file' ? 'file'
      : tag === 'select' || isCustomSelect(el) ? 'select' : 'control';
    if (kind === 'select' && tag !== 'select') {
      // one library select, one field: Element UI 2's multiple filterable select has a filter input and a read-only one
      const widget = librarySelectRoot(el);
      if (widget && selectRoots.has(widget)) continue;
      if (widget) selectRoots.add(widget);
    }
    targets.push({ el, kind, labels: [], accName: '', name: el.getAttribute('name') });
  }
  for (const radios of radioGroups.values()) {
    const first = radios[0]!;
    const container = (tree.has(first) ? tree.radioGroupAround(first) : closestRadioGroup(first)) ?? (radios.length > 1 ? commonAncestor(radios) : first.parentElement ?? first);
    targets.push({ el: container, kind: 'radio-group', labels: [], accName: '', name: first.getAttribute('name') });
  }
  for (const table of dataTables) {
    if (inDataTable(table) || bodies.has(table)) continue;
    targets.push({ el: table, kind: 'table', labels: [], accName: '', name: null });
  }
  if (options.staticValues) {
    for (const cell of root.querySelectorAll('th, dt')) {
      const value = cell.nextElementSibling;
      if (!value || !/^(TD|DD)$/.test(value.tagName) || value.querySelector(CONTROL_SELECTOR) || value.querySelector('table')) continue;
      if (inDataTable(cell)) continue;
      const text = textOf(cell);
      if (!text) continue;
      targets.push({ el: value, kind: 'static', labels: [{ text, source: 'label-cell' }], accName: text, name: null });
    }
  }

  for (const t of targets) {
    if (t.kind === 'static') continue;
    // a split table's controls live in its body <table>: they count as the table's own
    const body = t.kind === 'table' ? splitBodyOf(t.el) : null;
    // a library select's own inputs (a filter input beside the read-only one) count as the one field's
    const widget = t.kind === 'select' && t.el.tagName !== 'SELECT' ? librarySelectRoot(t.el) : null;
    describe(t, widget ? Math.max(count(widget), count(t.el)) : count(t.el) + (body ? count(body) : 0), count, labelsFor, doc);
  }
  return targets;
}

/**
 * Where an element sits in the current scan's AncestorTree, checked against the tree's own list:
 * a slot left by an earlier scan never counts. (One tree at a time: indexTargets is synchronous.)
 */
const SLOT = Symbol('award-pilot-tree');
type Slotted = Element & { [SLOT]?: number };

/**
 * The controls' ancestors, each element entered once (a slot read only until a walk up meets an
 * element already known); counts are then summed bottom-up over integer parent links, once. The slot is a property on the
 * element's wrapper instead of a Map entry: in the content script's isolated world the page never
 * sees it, and in Chromium it costs about half of Map.set/get on DOM wrappers. The enclosing <label>
 * is asked per target (labelAbove), not kept per tree node: a tag read on every ancestor cost more.
 */
class AncestorTree {
  private readonly nodes: Element[] = [];
  private readonly parent: number[] = [];
  private readonly counts: number[] = [];
  /** controls inside a data table (none when the page has no data table) */
  private readonly tabled: Set<Element> | null = null;
  constructor(dataTables: ReadonlySet<Element>) {
    if (dataTables.size === 0) return;
    this.tabled = new Set();
    for (const t of dataTables) for (const c of t.querySelectorAll(CONTROL_SELECTOR)) this.tabled.add(c);
  }

  private slot(el: Element): number {
    const i = (el as Slotted)[SLOT];
    return i !== undefined && this.nodes[i] === el ? i : -1;
  }
  addControl(control: Element): void {
    this.counts[this.enter(control)]!++;
  }
  /** Once every control is in: each count becomes its subtree's total (parents precede their children in `nodes`). */
  sumCounts(): void {
    for (let i = this.nodes.length - 1; i > 0; i--) {
      const p = this.parent[i]!;
      if (p >= 0) this.counts[p]! += this.counts[i]!;
    }
  }
  has(el: Element): boolean {
    return this.slot(el) >= 0;
  }
  count(el: Element): number {
    const i = this.slot(el);
    return i < 0 ? 0 : this.counts[i]!;
  }
  /** the closest role="radiogroup" strictly above `el` (each element's role read at most once per scan) */
  radioGroupAround(el: Element): Element | null {
    const i = this.slot(el);
    return i < 0 ? null : this.groupAbove(i);
  }
  private readonly group: Array<Element | null | undefined> = [];
  private groupAbove(i: number): Element | null {
    // Climb to the first element whose answer is known (or the top), then fill the path down:
    // iterative, so a hostile page's very deep nesting cannot overflow the stack.
    const path: number[] = [];
    let j = i;
    let g: Element | null = null;
    for (;;) {
      const known = this.group[j];
      if (known !== undefined) { g = known; break; }
      path.push(j);
      const p = this.parent[j]!;
      if (p < 0) { g = null; break; }
      if (this.nodes[p]!.getAttribute('role') === 'radiogroup') { g = this.nodes[p]!; break; }
      j = p;
    }
    // Every element on the path has `g` as its closest radio group above (none lies between).
    for (const k of path) this.group[k] = g;
    return g;
  }
  /** is this control inside a data table (any control, walked or not) */
  inDataTable(el: Element): boolean {
    return this.tabled !== null && this.tabled.has(el);
  }

  private enter(el: Element): number {
    const chain: Element[] = [];
    let top = -1;
    for (let e: Element | null = el; e; e = e.parentElement) {
      const known = this.slot(e);
      if (known >= 0) { top = known; break; }
      chain.push(e);
    }
    let p = top;
    for (let k = chain.length - 1; k >= 0; k--) {
      const node = chain[k]! as Slotted;
      const i = this.nodes.length;
      this.nodes.push(node);
      this.parent.push(p);
      this.counts.push(0);
      node[SLOT] = i;
      p = i;
    }
    return p;
  }
}

function describe(t: Target, ownControls: number, count: (e: Element) => number, labelsFor: Map<string, Element[]>, doc: Document): void {
  const el = t.el;
  // The labelled element may be a wrapper holding only this target (antd puts aria-labelledby on the table's wrapper).
  const labelled: Element[] = [el];
  let up = el.parentElement;
  for (let i = 0; i < 2 && up; i++, up = up.parentElement) {
    if (count(up) !== ownControls || isFormOrBody(up)) break;
    labelled.push(up);
  }
  // Every text added comes from textOf (or joins its results with one space): squashed and trimmed
  // already, so only a text long enough to be cut needs the full treatment. (The few signals per
  // target make a linear dedupe cheapest.)
  const add = (text: string, source: SignalSource) => {
    const s = text.length <= MAX_LABEL ? text : text.replace(/\s+/g, ' ').trim().slice(0, MAX_LABEL);
    if (s && !t.labels.some((l) => l.source === source && l.text === s)) t.labels.push({ text: s, source });
  };
  let byLabelledBy = '';
  let ariaLabel = '';
  const labelTexts: string[] = [];
  for (const l of labelled) {
    const id = l.getAttribute('id');
    if (id) for (const lab of labelsFor.get(id) ?? []) { const x = textOf(lab); add(x, 'label-for'); if (x) labelTexts.push(x); }
    const lb = l.getAttribute('aria-labelledby');
    if (lb && !byLabelledBy) {
      byLabelledBy = lb.split(/\s+/).map((ref) => { const r = ref ? doc.getElementById(ref) : null; return r ? textOf(r) : ''; }).filter(Boolean).join(' ');
      add(byLabelledBy, 'labelledby');
    }
    if (!ariaLabel) ariaLabel = (l.getAttribute('aria-label') ?? '').trim();
  }
  if (t.kind !== 'radio-group' && t.kind !== 'table') {
    const wrap = labelAbove(el);
    if (wrap && !wrap.hasAttribute('for')) { const x = textOf(wrap); add(x, 'label-wrap'); if (x && t.kind !== 'checkbox') labelTexts.push(x); }
  }
  if (t.kind === 'table') {
    const cap = [...el.children].find((c) => c.tagName.toUpperCase() === 'CAPTION');
    if (cap) add(textOf(cap), 'caption');
  }
  let hasStrongLabel = t.labels.some((s) => s.source === 'label-for' || s.source === 'labelledby' || s.source === 'caption' || (s.source === 'label-wrap' && t.kind !== 'checkbox'));
  if (!hasStrongLabel) {
    // The form item's label cell (a <div>/<td> whose class ends in `label`), beside the container holding only this field.
    const cell = formItemLabel(el, ownControls, count);
    if (cell) { add(cell, 'form-item'); hasStrongLabel = true; }
  }
  if (!hasStrongLabel) {
    const near = proximityLabel(el, ownControls, count);
    if (near) add(near, 'proximity');
  }
  t.accName = squash(byLabelledBy || ariaLabel || labelTexts.join(' ') || el.getAttribute('title') || el.getAttribute('placeholder') || '');
}

/** The text of the label cell of the form item around `start` (its class ends in `label`: widgets.ts). */
function formItemLabel(start: Element, ownControls: number, count: (e: Element) => number): string {
  let cur: Element | null = start;
  for (let level = 0; level < 14 && cur; level++) {
    let sib = cur.previousElementSibling;
    for (let n = 0; n < 3 && sib; n++, sib = sib.previousElementSibling) {
      if (count(sib) > 0) return '';
      if (isLabelCell(sib)) return textOf(sib, 200);
    }
    const parent: Element | null = cur.parentElement;
    if (!parent || isFormOrBody(parent) || count(parent) > ownControls) return '';
    cur = parent;
  }
  return '';
}

/** The closest <label> strictly above `el`: one native climb per target. */
function labelAbove(el: Element): Element | null {
  const up = el.parentElement;
  return up ? up.closest('label') : null;
}

const isFormOrBody = (e: Element) => { const tag = e.tagName; return tag === 'FORM' || tag === 'BODY'; };

/** The nearest preceding text in the same form item (left or above), without crossing into another field. */
function proximityLabel(start: Element, ownControls: number, count: (e: Element) => number): string {
  let cur: Element | null = start;
  for (let level = 0; level < 6 && cur; level++) {
    let sib = cur.previousElementSibling;
    for (let n = 0; n < 2 && sib; n++, sib = sib.previousElementSibling) {
      if (count(sib) > 0) return '';
      const text = textOf(sib);
      if (text && text.length <= 100) return text;
    }
    const parent: Element | null = cur.parentElement;
    if (!parent || isFormOrBody(parent) || count(parent) > ownControls) return '';
    cur = parent;
  }
  return '';
}

const NO_TEXT_TAGS = new Set(['SELECT', 'OPTION', 'TEXTAREA', 'SCRIPT', 'STYLE', 'TEMPLATE', 'INPUT']);
const UI_HOST_TAG_UPPER = UI_HOST_TAG.toUpperCase();

/** Whitespace runs to one space, trimmed; most label texts need nothing, and a test is cheaper than a replace. */
const squash = (text: string) => (/^\s|\s$|\s\s|[^\S ]/.test(text) ? text.replace(/\s+/g, ' ').trim() : text);

/**
 * A label's `for` through its reflecting property (the browser's fast path: no attribute-name
 * lookup), or getAttribute where the element is not an HTML label. Same value either way. (Only
 * labels: on a <form>, any property read may resolve a control's name instead.)
 */
function forOf(label: Element): string | null {
  const v: unknown = (label as HTMLLabelElement).htmlFor;
  return typeof v === 'string' ? v : label.getAttribute('for');
}

/** Elements whose text textOf leaves out. */
function textless(e: Element): boolean {
  const tag = e.tagName;
  return NO_TEXT_TAGS.has(tag) || tag === UI_HOST_TAG_UPPER || tag === UI_HOST_TAG || e.hasAttribute('hidden') || e.getAttribute('aria-hidden') === 'true';
}

/** Visible-ish own text: skips controls, options, scripts and hidden parts; bounded. */
export function textOf(el: Element, max = 300): string {
  if (textReads !== null) textReads.add(el);
  if (textless(el)) return '';
  let out = '';
  // Pre-order walk by sibling and parent links (no closure, no recursion, no NodeList iterator),
  // stopping once `max` is passed.
  let node: Node | null = el.firstChild;
  let depth = 0; // (how far below el: no parentNode read to learn that the walk is back at el)
  while (node && out.length <= max) {
    const type = node.nodeType;
    if (type === 3) out += node.nodeValue ?? '';
    else if (type === 1) {
      const first: Node | null = node.firstChild;
      if (first && !textless(node as Element)) { node = first; depth++; continue; }
    }
    let next: Node | null = node.nextSibling;
    while (!next && depth > 0) {
      node = node!.parentNode;
      depth--;
      next = node ? node.nextSibling : null;
    }
    node = next;
  }
  return squash(out).slice(0, max);
}


function commonAncestor(els: Element[]): Element {
  let anc: Element = els[0]!.parentElement ?? els[0]!;
  while (anc.parentElement && !els.every((e) => anc.contains(e))) anc = anc.parentElement;
  return anc;
}

let counter = 0;
const ids = new WeakMap<Element, number>();
function indexOf(el: Element): number {
  let n = ids.get(el);
  if (n === undefined) ids.set(el, (n = ++counter));
  return n;
}

/** Parent walks instead of `closest(selector)`: no selector parsing in the hot loop. */
export function closestTag(el: Element, tag: string): Element | null {
  for (let e: Element | null = el; e; e = e.parentElement) if (e.tagName.toUpperCase() === tag) return e;
  return null;
}

function closestRadioGroup(el: Element): Element | null {
  for (let e: Element | null = el.parentElement; e; e = e.parentElement) if (e.getAttribute('role') === 'radiogroup') return e;
  return null;
}
