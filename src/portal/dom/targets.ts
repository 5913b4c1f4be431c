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
  // another field?" questions are O(1) instead of a subtree query each. The same one walk up from
  // each control also notes its closest <label> and whether it sits in a data table.
  const counts = new Map<Element, number>();
  const wrapping = new Map<Element, Element>();
  const tabled = new Set<Element>();
  const all = root.querySelectorAll(CONTROL_SELECTOR);
  const walked = Math.min(all.length, MAX_CONTROLS);
  // A hostile page with huge numbers of controls gets a bounded scan (fields past the cap are not read).
  for (let i = 0; i < walked; i++) {
    const control = all[i]!;
    counts.set(control, (counts.get(control) ?? 0) + 1);
    let label: Element | null = null;
    let inTable = false;
    for (let e = control.parentElement; e; e = e.parentElement) {
      counts.set(e, (counts.get(e) ?? 0) + 1);
      if (!label && e.tagName.toUpperCase() === 'LABEL') label = e;
      if (!inTable && dataSet.size && dataSet.has(e)) inTable = true;
    }
    if (label) wrapping.set(control, label);
    if (inTable) tabled.add(control);
  }
  const count = (e: Element) => counts.get(e) ?? 0;
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
    if (i < walked ? tabled.has(el) : inDataTable(el)) continue; // our own UI lives in a shadow root: never reached from here
    const tag = el.tagName.toLowerCase();
    const type = tag === 'input' ? (el.getAttribute('type') ?? 'text').toLowerCase() : tag;
    if (SKIP_INPUT_TYPES.has(type)) continue;
    if (type === 'radio') {
      const group = closestRadioGroup(el);
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
    const container = closestRadioGroup(first) ?? commonAncestor(radios);
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

  for (const t of targets) if (t.kind !== 'static') describe(t, count(t.el), count, labelsFor, doc, wrapping, walked === all.length);
  return targets;
}

function describe(t: Target, ownControls: number, count: (e: Element) => number, labelsFor: Map<string, Element[]>, doc: Document, wrapping: Map<Element, Element>, walkedAll: boolean): void {
  const el = t.el;
  // The labelled element may be a wrapper holding only this target (antd puts aria-labelledby on the table's wrapper).
  const labelled: Element[] = [el];
  let up = el.parentElement;
  for (let i = 0; i < 2 && up; i++, up = up.parentElement) {
    if (count(up) !== ownControls || up.tagName === 'FORM' || up.tagName === 'BODY') break;
    labelled.push(up);
  }
  const seen = new Set<string>();
  const add = (text: string, source: SignalSource) => {
    const s = text.replace(/\s+/g, ' ').trim().slice(0, MAX_LABEL);
    if (s && !seen.has(`${source}|${s}`)) {
      seen.add(`${source}|${s}`);
      t.labels.push({ text: s, source });
    }
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
    const wrap = wrapping.get(el) ?? (walkedAll ? null : closestTag(el, 'LABEL'));
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

/** Visible-ish own text: skips controls, options, scripts and hidden parts; bounded. */
export function textOf(el: Element, max = 300): string {
  let out = '';
  const walk = (node: Node) => {
    if (out.length > max) return;
    if (node.nodeType === 3) { out += node.nodeValue ?? ''; return; }
    if (node.nodeType !== 1) return;
    const e = node as Element;
    if (/^(SELECT|OPTION|TEXTAREA|SCRIPT|STYLE|TEMPLATE|INPUT)$/.test(e.tagName)) return;
    if (e.hasAttribute('hidden') || e.getAttribute('aria-hidden') === 'true' || e.tagName.toLowerCase() === UI_HOST_TAG) return;
    for (const c of e.childNodes) walk(c);
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
