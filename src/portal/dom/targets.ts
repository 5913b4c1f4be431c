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
 * The last index of a document, kept across changes (issue 19). A MutationObserver on the document
 * queues what changed; indexTargets takes the queue (takeRecords() is synchronous, so a change made
 * just before a scan always counts). Only the attributes the walk reads are observed
 * (INDEX_ATTRIBUTES); a change to one costs a full walk. Elements and text added or removed are
 * applied in place (applyChanges): each target remembers what its description read (the subtrees
 * whose text or control count it read, the parents whose children it stepped through, the ids it
 * looked up), so only the targets that read the changed part are described again; added controls are
 * described and put in document order; radio groups are regrouped (radios only) when a radio, or a
 * count their grouping read, changes. Only whole documents: an element root's labels may live outside it.
 */
interface Memo {
  observer: MutationObserver;
  pending: MutationRecord[];
  /** the next scan walks the whole page */
  full: boolean;
  staticValues: boolean;
  /** the kept index (never handed out: callers get copies) */
  targets: Target[] | null;
  controls: Entry[];
  groups: Entry[];
  tables: Entry[];
  /** element → the targets that read its subtree (text, control count) */
  sub: Map<Element, Entry[]>;
  /** element → the targets that stepped through its children */
  kids: Map<Element, Entry[]>;
  /** id → the targets that looked it up (a label's `for`, aria-labelledby) */
  ids: Map<string, Entry[]>;
  /** label `for` → its labels in document order, kept in place like the targets */
  labelsFor: Map<string, Element[]>;
  /** the containers whose counts the nameless-radio grouping read */
  radioReads: Set<Element>;
  /** every table's data-table / header-only state at the last walk */
  tableState: Map<Element, string>;
  /** data tables and split bodies: controls inside them are cells, not targets */
  dataSet: Set<Element>;
  /** an upper bound on the document's controls */
  controlsSeen: number;
  /** the last walk hit no cap and had no static values: changes may be applied in place */
  localOk: boolean;
  /** updates in place since the last walk (stale dependencies pile up: a walk now and then) */
  local: number;
}
const MAX_PENDING = 2000;
const MAX_LOCAL = 500;

/** One kept target with what it needs to be renewed. */
interface Entry {
  t: Target;
  part: 'control' | 'group' | 'table';
  /** a radio group's radios, in document order */
  members: Element[] | null;
  /** a library select's root (one field per root) */
  widget: Element | null;
  gone: boolean;
}
/** What describing one target read (collected while reads is set). */
interface Reads { sub: Element[]; kids: Element[]; ids: string[] }
let reads: Reads | null = null;
/** What a recorded walk leaves for the memo. */
interface Recorder { labelsFor: Map<string, Element[]> | null; entries: Entry[]; radioReads: Set<Element>; tableState: Map<Element, string>; dataSet: Set<Element>; controls: number; complete: boolean }

function queue(m: Memo, records: readonly MutationRecord[]): void {
  if (m.full || records.length === 0) return;
  for (const r of records) if (r.type === 'attributes') { m.full = true; m.pending = []; return; }
  if (m.pending.length + records.length > MAX_PENDING) { m.full = true; m.pending = []; return; }
  for (const r of records) m.pending.push(r);
}

const memos = new WeakMap<Document, Memo>();

function memoOf(root: Document | Element): Memo | null {
  if (root.nodeType !== 9 || typeof MutationObserver !== 'function') return null;
  const doc = root as Document;
  let memo = memos.get(doc);
  if (!memo) {
    const m: Memo = {
      observer: new MutationObserver((records) => queue(m, records)), pending: [], full: true, staticValues: false, targets: null,
      controls: [], groups: [], tables: [], labelsFor: new Map(), sub: new Map(), kids: new Map(), ids: new Map(), radioReads: new Set(), tableState: new Map(), dataSet: new Set(),
      controlsSeen: 0, localOk: false, local: 0,
    };
    m.observer.observe(doc, { subtree: true, childList: true, attributes: true, attributeFilter: [...INDEX_ATTRIBUTES], characterData: true });
    memos.set(doc, (memo = m));
  }
  return memo;
}

/** Fresh target objects (a caller may change what it got without touching the kept index). */
const copyTargets = (targets: readonly Target[]): Target[] => targets.map((t) => ({ ...t, labels: t.labels.map((l) => ({ ...l })) }));

export function indexTargets(root: Document | Element, options: IndexOptions = {}): Target[] {
  const memo = memoOf(root);
  if (!memo) return walkTargets(root, options);
  const doc = root as Document;
  const staticValues = options.staticValues === true;
  queue(memo, memo.observer.takeRecords());
  if (!memo.full && memo.targets && memo.staticValues === staticValues) {
    if (memo.pending.length === 0) return copyTargets(memo.targets);
    if (memo.localOk && applyChanges(memo, memo.pending, doc)) {
      memo.pending = [];
      return copyTargets(memo.targets);
    }
  }
  const rec: Recorder = { labelsFor: null, entries: [], radioReads: new Set(), tableState: new Map(), dataSet: new Set(), controls: 0, complete: false };
  const targets = walk(doc, options, rec);
  const m = memo;
  Object.assign(m, {
    pending: [], full: false, staticValues, targets, labelsFor: rec.labelsFor ?? new Map(), sub: new Map(), kids: new Map(), ids: new Map(), radioReads: rec.radioReads,
    tableState: rec.tableState, dataSet: rec.dataSet, controlsSeen: rec.controls, localOk: rec.complete && !staticValues, local: 0,
    controls: rec.entries.filter((e) => e.part === 'control'), groups: rec.entries.filter((e) => e.part === 'group'), tables: rec.entries.filter((e) => e.part === 'table'),
  });
  for (const e of rec.entries) register(m, e, (e as Entry & { reads?: Reads }).reads!);
  return copyTargets(targets);
}

function register(m: Memo, e: Entry, r: Reads): void {
  const put = <K>(map: Map<K, Entry[]>, k: K) => { const l = map.get(k); if (l) l.push(e); else map.set(k, [e]); };
  for (const el of r.sub) put(m.sub, el);
  for (const el of r.kids) put(m.kids, el);
  for (const id of r.ids) put(m.ids, id);
}

/** Describes one target afresh, recording what it read. */
function renew(m: Memo, e: Entry, count: (e: Element) => number, labelsFor: LabelsFor, doc: Document): void {
  e.t.labels = [];
  e.t.accName = '';
  const r: Reads = { sub: [], kids: [], ids: [] };
  reads = r;
  try { describeTarget(e.t, count, labelsFor, doc); } finally { reads = null; }
  register(m, e, r);
}

const tableStateOf = (t: Element) => `${isDataTable(t) ? 1 : 0}${headerOnly(t) ? 1 : 0}`;
const inData = (dataSet: ReadonlySet<Element>, el: Element) => {
  if (dataSet.size === 0) return false;
  for (let e = el.parentElement; e; e = e.parentElement) if (dataSet.has(e)) return true;
  return false;
};
const isTable = (n: Node) => n.nodeName === 'TABLE' || n.nodeName === 'table';

/**
 * Applies the queued element and text changes to the kept index in place; false when a change
 * cannot be localised and the caller walks the whole page instead: a table added, removed, or
 * turned into a data table or out of one (or its header-only state changed: the split-table
 * pairing), the caps (MAX_TARGETS, MAX_CONTROLS) reached, a library select root that gains or loses
 * its chosen input, or too many queued changes (MAX_PENDING) or updates in place (MAX_LOCAL).
 */
function applyChanges(m: Memo, records: readonly MutationRecord[], doc: Document): boolean {
  if (++m.local > MAX_LOCAL) return false;
  const affected = new Set<Entry>();
  const mark = (list: Entry[] | undefined) => { if (list) for (const e of list) if (!e.gone) affected.add(e); };
  let regroup = false;
  const added = new Set<Element>();
  const tables = new Set<Element>();
  /** the `for` values of labels added or removed: their lists are renewed */
  const fors = new Set<string>();
  // A node of an added or removed subtree: the targets that read it or looked its id (or a label's
  // `for`) up; a radio regroups; a table is not localised.
  const visit = (el: Element): boolean => {
    if (isTable(el)) return false;
    mark(m.sub.get(el));
    mark(m.kids.get(el));
    if (m.radioReads.has(el)) regroup = true;
    const id = el.getAttribute('id');
    if (id) mark(m.ids.get(id));
    const tag = el.tagName.toUpperCase();
    if (tag === 'LABEL') { const f = forOf(el); if (f) { mark(m.ids.get(f)); fors.add(f); } }
    else if (tag === 'INPUT' && (el.getAttribute('type') ?? '').toLowerCase() === 'radio') regroup = true;
    return true;
  };
  const subtree = (n: Node): boolean => {
    if (n.nodeType !== 1) return true;
    if (!visit(n as Element)) return false;
    const all = (n as Element).getElementsByTagName('*');
    for (let i = 0; i < all.length; i++) if (!visit(all[i]!)) return false;
    return true;
  };
  for (const r of records) {
    // (a node detached since: its removal is a record of its own)
    const at = r.type === 'characterData' ? r.target.parentNode : r.target;
    if (!at) continue;
    mark(m.kids.get(at as Element));
    for (let e: Node | null = at; e; e = e.parentNode) {
      mark(m.sub.get(e as Element));
      if (r.type === 'childList' && m.radioReads.has(e as Element)) regroup = true;
      if (isTable(e)) tables.add(e as Element);
    }
    if (r.type !== 'childList') continue;
    for (let i = 0; i < r.removedNodes.length; i++) if (!subtree(r.removedNodes[i]!)) return false;
    for (let i = 0; i < r.addedNodes.length; i++) { const n = r.addedNodes[i]!; if (n.nodeType === 1) added.add(n as Element); }
  }
  for (const n of added) if (!subtree(n)) return false;
  for (const t of tables) if (m.tableState.get(t) !== tableStateOf(t)) return false;
  for (const f of fors) {
    // the labels still in the page (a label's `for` changed is an attribute: a full walk), and the added ones, in document order
    const list = (m.labelsFor.get(f) ?? []).filter((l) => doc.contains(l));
    for (const n of added) {
      if (!doc.contains(n)) continue;
      if (n.tagName.toUpperCase() === 'LABEL' && forOf(n) === f && !list.includes(n)) list.push(n);
      for (const l of n.getElementsByTagName('label')) if (forOf(l) === f && !list.includes(l)) list.push(l);
    }
    list.sort((a, b) => (a.compareDocumentPosition(b) & 4 ? -1 : 1));
    if (list.length) m.labelsFor.set(f, list);
    else m.labelsFor.delete(f);
  }

  const candidates = new Set<Element>();
  for (const n of added) {
    if (!doc.contains(n)) continue;
    if (n.matches(CONTROL_SELECTOR)) candidates.add(n);
    for (const c of n.querySelectorAll(CONTROL_SELECTOR)) candidates.add(c);
  }
  m.controlsSeen += candidates.size;
  if (m.controlsSeen >= MAX_CONTROLS) return false;
  if (affected.size === 0 && candidates.size === 0 && !regroup) return true;

  const redescribe: Entry[] = [];
  let dropped = false;
  for (const e of affected) {
    if (e.part === 'control') {
      e.gone = dropped = true;
      // another input of its library select may stand for it now (it moved out, or left the page)
      if (e.widget && doc.contains(e.widget) && firstSelect(m, e.widget) !== e.t.el) return false;
      if (doc.contains(e.t.el)) candidates.add(e.t.el);
    } else if (e.part === 'table' || !regroup) redescribe.push(e);
  }
  if (dropped) m.controls = m.controls.filter((e) => !e.gone);

  const cache = new Map<Element, number>();
  const count = (e: Element) => { let n = cache.get(e); if (n === undefined) cache.set(e, (n = (e.matches(CONTROL_SELECTOR) ? 1 : 0) + e.querySelectorAll(CONTROL_SELECTOR).length)); return n; };
  const labelsFor = m.labelsFor;
  for (const el of candidates) {
    if (inData(m.dataSet, el)) continue;
    const kind = controlKind(el);
    if (kind === null) continue;
    if (kind === 'radio') { regroup = true; continue; }
    let widget: Element | null = null;
    if (kind === 'select' && el.tagName !== 'SELECT') {
      widget = librarySelectRoot(el);
      if (widget) {
        // one field per library select: the first of its inputs in document order (as the walk keeps it)
        const first = firstSelect(m, widget);
        if (first !== el) { if (first && candidates.has(first)) continue; return false; }
        if (m.controls.some((e) => e.widget === widget)) return false;
      }
    }
    const e: Entry = { t: { el, kind, labels: [], accName: '', name: el.getAttribute('name') }, part: 'control', members: null, widget, gone: false };
    renew(m, e, count, labelsFor, doc);
    // into document order
    let lo = 0;
    let hi = m.controls.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (m.controls[mid]!.t.el.compareDocumentPosition(el) & 4) lo = mid + 1; else hi = mid; }
    m.controls.splice(lo, 0, e);
  }
  if (m.controls.length >= MAX_TARGETS) return false;
  if (regroup) regroupRadios(m, doc, count, labelsFor, affected);
  for (const e of redescribe) if (!e.gone) renew(m, e, count, labelsFor, doc);
  m.targets = [...m.controls, ...m.groups, ...m.tables].map((e) => e.t);
  return true;
}

/** The input that stands for a library select: its first select input in document order (as the walk keeps it). */
const firstSelect = (m: Memo, widget: Element) => [...widget.querySelectorAll(CONTROL_SELECTOR)].find((c) => !inData(m.dataSet, c) && controlKind(c) === 'select' && c.tagName !== 'SELECT' && librarySelectRoot(c) === widget);

/** The radio groups afresh (radios only, as the walk groups them); a group with the same radios and container keeps its description unless it read a change. */
function regroupRadios(m: Memo, doc: Document, count: (e: Element) => number, labelsFor: LabelsFor, affected: ReadonlySet<Entry>): void {
  const radioReads = new Set<Element>();
  const radiosIn = new Map<Element, number>();
  const radioCount = (e: Element) => { radioReads.add(e); let n = radiosIn.get(e); if (n === undefined) radiosIn.set(e, (n = e.querySelectorAll('input[type="radio"]').length)); return n; };
  const controlCount = (e: Element) => { radioReads.add(e); return count(e); };
  const groups = new Map<string, Element[]>();
  const inputs = doc.getElementsByTagName('input');
  for (let i = 0; i < inputs.length; i++) {
    const el = inputs[i]!;
    if ((el.getAttribute('type') ?? 'text').toLowerCase() !== 'radio' || inData(m.dataSet, el)) continue;
    const group = closestRadioGroup(el) ?? (el.getAttribute('name') ? null : radioContainer(el, controlCount, radioCount));
    const key = group ? `g:${indexOf(group)}` : `n:${el.getAttribute('name') ?? indexOf(el)}`;
    const list = groups.get(key);
    if (list) list.push(el);
    else groups.set(key, [el]);
  }
  const kept = new Map<Element, Entry[]>();
  for (const e of m.groups) if (!affected.has(e)) { const l = kept.get(e.t.el); if (l) l.push(e); else kept.set(e.t.el, [e]); }
  const next: Entry[] = [];
  for (const radios of groups.values()) {
    const first = radios[0]!;
    const container = closestRadioGroup(first) ?? (radios.length > 1 ? commonAncestor(radios) : first.parentElement ?? first);
    const name = first.getAttribute('name');
    const same = kept.get(container)?.find((e) => e.t.name === name && e.members!.length === radios.length && e.members!.every((r, k) => r === radios[k]));
    if (same) { next.push(same); continue; }
    const e: Entry = { t: { el: container, kind: 'radio-group', labels: [], accName: '', name }, part: 'group', members: radios, widget: null, gone: false };
    renew(m, e, count, labelsFor, doc);
    next.push(e);
  }
  const live = new Set(next);
  for (const e of m.groups) if (!live.has(e)) e.gone = true;
  m.groups = next;
  m.radioReads = radioReads;
}

/** The whole walk, never memoised: what indexTargets computes (exported for its parity test). */
export function walkTargets(root: Document | Element, options: IndexOptions = {}): Target[] {
  return walk(root, options, null);
}

type LabelsFor = { get(id: string): Element[] | undefined };

/** label `for` → the labels naming it, in document order */
function labelMap(root: Document | Element): Map<string, Element[]> {
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
  return labelsFor;
}

/** What a control is as a target: its kind, 'radio' (grouped), or null (not a field). */
function controlKind(el: Element): TargetKind | 'radio' | null {
  const tag = el.tagName.toLowerCase();
  const type = tag === 'input' ? (el.getAttribute('type') ?? 'text').toLowerCase() : tag;
  if (SKIP_INPUT_TYPES.has(type) && el.getAttribute('role') !== 'switch') return null;
  // Element UI's switch is a <div role="switch"> around a hidden checkbox: the switch is the one field.
  if (type === 'checkbox' && el.parentElement?.closest('[role="switch"]')) return null;
  if (type === 'radio') return 'radio';
  return type === 'checkbox' || el.getAttribute('role') === 'switch' ? 'checkbox' : type === 'file' ? 'file'
    : tag === 'select' || isCustomSelect(el) ? 'select' : 'control';
}

function walk(root: Document | Element, options: IndexOptions, rec: Recorder | null): Target[] {
  const doc = root.ownerDocument ?? (root as Document);
  const targets: Target[] = [];
  const allTables = root.getElementsByTagName('table');
  const dataTables = [...allTables].filter(isDataTable);
  const dataSet = new Set<Element>(dataTables);
  if (rec) for (let i = 0; i < allTables.length; i++) rec.tableState.set(allTables[i]!, tableStateOf(allTables[i]!));
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
  const labelsFor = labelMap(root);
  if (rec) rec.labelsFor = labelsFor;
  const radioGroups = new Map<string, Element[]>();
  const selectRoots = new Set<Element>();
  const widgets: Array<Element | null> = [];
  // Nameless radios outside a radiogroup (Ant Design Vue, antd): grouped by the container holding only radios.
  const radiosIn = new Map<Element, number>();
  const radioReads = rec?.radioReads;
  const radioCount = (e: Element) => { radioReads?.add(e); let n = radiosIn.get(e); if (n === undefined) radiosIn.set(e, (n = e.querySelectorAll('input[type="radio"]').length)); return n; };
  const controlCount = (e: Element) => (radioReads?.add(e), tree.has(e) ? count(e) : e.querySelectorAll(CONTROL_SELECTOR).length);

  for (let i = 0; i < all.length; i++) {
    const el = all[i]!;
    if (targets.length >= MAX_TARGETS) break;
    if (tree.inDataTable(el)) continue; // our own UI lives in a shadow root: never reached from here
    const kind = controlKind(el);
    if (kind === null) continue;
    if (kind === 'radio') {
      const group = (i < walked ? tree.radioGroupAround(el) : closestRadioGroup(el)) ?? (el.getAttribute('name') ? null : radioContainer(el, controlCount, radioCount));
      const key = group ? `g:${indexOf(group)}` : `n:${el.getAttribute('name') ?? indexOf(el)}`;
      const list = radioGroups.get(key);
      if (list) list.push(el);
      else radioGroups.set(key, [el]);
      continue;
    }
    let widget: Element | null = null;
    if (kind === 'select' && el.tagName !== 'SELECT') {
      // one library select, one field: Element UI 2's multiple filterable select has a filter input and a read-only one
      widget = librarySelectRoot(el);
      if (widget && selectRoots.has(widget)) continue;
      if (widget) selectRoots.add(widget);
    }
    targets.push({ el, kind, labels: [], accName: '', name: el.getAttribute('name') });
    widgets.push(widget);
  }
  const controlTargets = targets.length;
  const members: Element[][] = [];
  for (const radios of radioGroups.values()) {
    const first = radios[0]!;
    const container = (tree.has(first) ? tree.radioGroupAround(first) : closestRadioGroup(first)) ?? (radios.length > 1 ? commonAncestor(radios) : first.parentElement ?? first);
    targets.push({ el: container, kind: 'radio-group', labels: [], accName: '', name: first.getAttribute('name') });
    members.push(radios);
  }
  for (const table of dataTables) {
    if (inDataTable(table) || bodies.has(table)) continue;
    targets.push({ el: table, kind: 'table', labels: [], accName: '', name: null });
  }
  if (rec) {
    for (const d of dataSet) rec.dataSet.add(d);
    rec.controls = all.length;
    rec.complete = all.length < MAX_CONTROLS && controlTargets < MAX_TARGETS;
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

  for (let i = 0; i < targets.length; i++) {
    const t = targets[i]!;
    if (t.kind === 'static') continue;
    if (!rec) { describeTarget(t, count, labelsFor, doc); continue; }
    const r: Reads = { sub: [], kids: [], ids: [] };
    reads = r;
    try { describeTarget(t, count, labelsFor, doc); } finally { reads = null; }
    const part = i < controlTargets ? 'control' : t.kind === 'radio-group' ? 'group' : 'table';
    rec.entries.push(Object.assign({ t, part, members: part === 'group' ? members[i - controlTargets]! : null, widget: part === 'control' ? widgets[i]! : null, gone: false } as Entry, { reads: r }));
  }
  return targets;
}

/** Describes one target (a counted read is kept in `reads` while it is set). */
function describeTarget(t: Target, count: (e: Element) => number, labelsFor: LabelsFor, doc: Document): void {
  const r = reads;
  const counted = r ? (e: Element) => (r.sub.push(e), count(e)) : count;
  r?.sub.push(t.el);
  // a split table's controls live in its body <table>: they count as the table's own
  const body = t.kind === 'table' ? splitBodyOf(t.el) : null;
  // a library select's own inputs (a filter input beside the read-only one) count as the one field's
  const widget = t.kind === 'select' && t.el.tagName !== 'SELECT' ? librarySelectRoot(t.el) : null;
  describe(t, widget ? Math.max(counted(widget), counted(t.el)) : counted(t.el) + (body ? counted(body) : 0), counted, labelsFor, doc);
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

function describe(t: Target, ownControls: number, count: (e: Element) => number, labelsFor: LabelsFor, doc: Document): void {
  const el = t.el;
  // The labelled element may be a wrapper holding only this target (antd puts aria-labelledby on the table's wrapper).
  const labelled: Element[] = [el];
  let up = el.parentElement;
  for (let i = 0; i < 2 && up; i++, up = up.parentElement) {
    if (isFormOrBody(up) || count(up) !== ownControls) break;
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
    if (id) reads?.ids.push(id);
    if (id) for (const lab of labelsFor.get(id) ?? []) { const x = textOf(lab); add(x, 'label-for'); if (x) labelTexts.push(x); }
    const lb = l.getAttribute('aria-labelledby');
    if (lb && !byLabelledBy) {
      byLabelledBy = lb.split(/\s+/).map((ref) => { if (ref) reads?.ids.push(ref); const r = ref ? doc.getElementById(ref) : null; return r ? textOf(r) : ''; }).filter(Boolean).join(' ');
      add(byLabelledBy, 'labelledby');
    }
    if (!ariaLabel) ariaLabel = (l.getAttribute('aria-label') ?? '').trim();
  }
  if (t.kind !== 'radio-group' && t.kind !== 'table') {
    const wrap = labelAbove(el);
    if (wrap && !wrap.hasAttribute('for')) { const x = textOf(wrap); add(x, 'label-wrap'); if (x && t.kind !== 'checkbox') labelTexts.push(x); }
  }
  if (t.kind === 'table') {
    reads?.kids.push(el);
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
    if (reads && cur.parentElement) reads.kids.push(cur.parentElement);
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
    if (reads && cur.parentElement) reads.kids.push(cur.parentElement);
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
  if (reads !== null) reads.sub.push(el);
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
