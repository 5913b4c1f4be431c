/**
 * The field index: every form control (or radio group, data table, read-only value cell) on the
 * page with its label signals, each kept with its source (Bitwarden style). Reads only DOM
 * structure and text, never layout, so a scan causes no reflow.
 */

export type TargetKind = 'control' | 'select' | 'radio-group' | 'checkbox' | 'table' | 'file' | 'static';
export type SignalSource = 'label-for' | 'label-wrap' | 'labelledby' | 'proximity' | 'label-cell' | 'caption';

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

import { isDataTable } from './table-dom.ts';

export const CONTROL_SELECTOR = 'input, select, textarea';
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

export function indexTargets(root: Document | Element, options: IndexOptions = {}): Target[] {
  const doc = root.ownerDocument ?? (root as Document);
  const targets: Target[] = [];
  const dataTables = [...root.querySelectorAll('table')].filter(isDataTable);
  const dataSet = new Set<Element>(dataTables);
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
  const count = (e: Element) => tree.count(e);
  const labelsFor = new Map<string, Element[]>();
  for (const l of root.querySelectorAll('label[for]')) {
    const f = l.getAttribute('for');
    if (!f) continue;
    const list = labelsFor.get(f);
    if (list) list.push(l);
    else labelsFor.set(f, [l]);
  }
  const radioGroups = new Map<string, Element[]>();

  for (let i = 0; i < all.length; i++) {
    const el = all[i]!;
    if (targets.length >= MAX_TARGETS) break;
    if (i < walked ? tree.inDataTable(el) : inDataTable(el)) continue; // our own UI lives in a shadow root: never reached from here
    const tag = el.tagName.toLowerCase();
    const type = tag === 'input' ? (el.getAttribute('type') ?? 'text').toLowerCase() : tag;
    if (SKIP_INPUT_TYPES.has(type)) continue;
    if (type === 'radio') {
      const group = i < walked ? tree.radioGroupAround(el) : closestRadioGroup(el);
      const key = group ? `g:${indexOf(group)}` : `n:${el.getAttribute('name') ?? indexOf(el)}`;
      const list = radioGroups.get(key);
      if (list) list.push(el);
      else radioGroups.set(key, [el]);
      continue;
    }
    const kind: TargetKind = type === 'checkbox' ? 'checkbox' : type === 'file' ? 'file' : tag === 'select' ? 'select' : 'control';
    targets.push({ el, kind, labels: [], accName: '', name: el.getAttribute('name') });
  }
  for (const radios of radioGroups.values()) {
    const first = radios[0]!;
    const container = (tree.has(first) ? tree.radioGroupAround(first) : closestRadioGroup(first)) ?? commonAncestor(radios);
    targets.push({ el: container, kind: 'radio-group', labels: [], accName: '', name: first.getAttribute('name') });
  }
  for (const table of dataTables) {
    if (inDataTable(table)) continue;
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

  for (const t of targets) if (t.kind !== 'static') describe(t, count(t.el), count, labelsFor, doc, tree, walked === all.length);
  return targets;
}

/**
 * The controls' ancestors, each element entered once (a Map lookup only until a walk up meets an
 * element already known); counts then climb integer parent links. Per element it also keeps the
 * closest enclosing <label> and whether a data table encloses it, so no later question walks the DOM.
 */
class AncestorTree {
  private readonly index = new Map<Element, number>();
  private readonly nodes: Element[] = [];
  private readonly parent: number[] = [];
  private readonly counts: number[] = [];
  private readonly label: Array<Element | null> = [];
  private readonly tabled: boolean[] = [];
  constructor(private readonly dataTables: ReadonlySet<Element>) {}

  addControl(control: Element): void {
    for (let i = this.enter(control); i >= 0; i = this.parent[i]!) this.counts[i]!++;
  }
  has(el: Element): boolean {
    return this.index.has(el);
  }
  count(el: Element): number {
    const i = this.index.get(el);
    return i === undefined ? 0 : this.counts[i]!;
  }
  /** the closest <label> strictly above `el` */
  labelAround(el: Element): Element | null {
    const i = this.index.get(el);
    return i === undefined ? null : this.label[i]!;
  }
  /** the closest role="radiogroup" strictly above `el` (each element's role read at most once per scan) */
  radioGroupAround(el: Element): Element | null {
    const i = this.index.get(el);
    return i === undefined ? null : this.groupAbove(i);
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
  inDataTable(el: Element): boolean {
    const i = this.index.get(el);
    return i !== undefined && this.tabled[i]!;
  }

  private enter(el: Element): number {
    const chain: Element[] = [];
    let top = -1;
    for (let e: Element | null = el; e; e = e.parentElement) {
      const known = this.index.get(e);
      if (known !== undefined) { top = known; break; }
      chain.push(e);
    }
    let p = top;
    for (let k = chain.length - 1; k >= 0; k--) {
      const node = chain[k]!;
      const up = p >= 0 ? this.nodes[p]! : null;
      const i = this.nodes.length;
      this.nodes.push(node);
      this.parent.push(p);
      this.counts.push(0);
      this.label.push(up ? (up.tagName.toUpperCase() === 'LABEL' ? up : this.label[p]!) : null);
      this.tabled.push(up ? this.dataTables.has(up) || this.tabled[p]! : false);
      this.index.set(node, i);
      p = i;
    }
    return p;
  }
}

function describe(t: Target, ownControls: number, count: (e: Element) => number, labelsFor: Map<string, Element[]>, doc: Document, tree: AncestorTree, walkedAll: boolean): void {
  const el = t.el;
  // The labelled element may be a wrapper holding only this target (antd puts aria-labelledby on the table's wrapper).
  const labelled: Element[] = [el];
  let up = el.parentElement;
  for (let i = 0; i < 2 && up; i++, up = up.parentElement) {
    if (count(up) !== ownControls || up.tagName === 'FORM' || up.tagName === 'BODY') break;
    labelled.push(up);
  }
  // (texts from textOf are already squashed; the few signals per target make a linear dedupe cheapest)
  const add = (text: string, source: SignalSource) => {
    const s = text.replace(/\s+/g, ' ').trim().slice(0, MAX_LABEL);
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
    const wrap = walkedAll || tree.has(el) ? tree.labelAround(el) : closestTag(el, 'LABEL');
    if (wrap && !wrap.hasAttribute('for')) { const x = textOf(wrap); add(x, 'label-wrap'); if (x && t.kind !== 'checkbox') labelTexts.push(x); }
  }
  if (t.kind === 'table') {
    const cap = [...el.children].find((c) => c.tagName.toUpperCase() === 'CAPTION');
    if (cap) add(textOf(cap), 'caption');
  }
  const hasStrongLabel = t.labels.some((s) => s.source === 'label-for' || s.source === 'labelledby' || s.source === 'caption' || (s.source === 'label-wrap' && t.kind !== 'checkbox'));
  if (!hasStrongLabel) {
    const near = proximityLabel(el, ownControls, count);
    if (near) add(near, 'proximity');
  }
  t.accName = (byLabelledBy || ariaLabel || labelTexts.join(' ') || el.getAttribute('title') || el.getAttribute('placeholder') || '').replace(/\s+/g, ' ').trim();
}

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
    if (!parent || parent.tagName === 'FORM' || parent.tagName === 'BODY' || count(parent) > ownControls) return '';
    cur = parent;
  }
  return '';
}

const NO_TEXT_TAGS = new Set(['SELECT', 'OPTION', 'TEXTAREA', 'SCRIPT', 'STYLE', 'TEMPLATE', 'INPUT']);
const UI_HOST_TAG_UPPER = UI_HOST_TAG.toUpperCase();

/** Visible-ish own text: skips controls, options, scripts and hidden parts; bounded. */
export function textOf(el: Element, max = 300): string {
  let out = '';
  const walk = (node: Node) => {
    if (out.length > max) return;
    if (node.nodeType === 3) { out += node.nodeValue ?? ''; return; }
    if (node.nodeType !== 1) return;
    const e = node as Element;
    const tag = e.tagName;
    if (NO_TEXT_TAGS.has(tag) || tag === UI_HOST_TAG_UPPER || tag === UI_HOST_TAG) return;
    if (e.hasAttribute('hidden') || e.getAttribute('aria-hidden') === 'true') return;
    for (let c = e.firstChild; c; c = c.nextSibling) walk(c); // (sibling links: no NodeList iterator)
  };
  walk(el);
  return out.replace(/\s+/g, ' ').trim().slice(0, max);
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
