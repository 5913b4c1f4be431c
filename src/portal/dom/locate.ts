import type { Locator } from '../adapter-schema.ts';
import { normalizeLabel, preparedMatches, squashSpace, type Precision } from '../normalize.ts';
import type { Target, TargetKind } from './targets.ts';

/** The part of an adapter field the locator needs (plain data: the content script carries no zod). */
export interface LocatableField {
  key: string;
  type: string;
  locators: ReadonlyArray<LocatorInput>;
}
export type LocatorInput =
  | { kind: 'label'; text: string; precision?: Precision }
  | { kind: 'aria'; name: string; precision?: Precision }
  | { kind: 'name'; value: string }
  | { kind: 'path'; css: string };

export type BindingStatus = 'found' | 'missing' | 'ambiguous' | 'conflict';

export interface Binding {
  key: string;
  status: BindingStatus;
  target: Target | null;
  /** which locator kind bound it */
  via: Locator['kind'] | null;
  /** what was tried, for the anchor-miss report: `label:成立日期→0`, `name:x→2` */
  tried: string[];
}

/** Which target kinds can hold a value of each adapter value type. */
const COMPATIBLE: Record<string, readonly TargetKind[]> = {
  text: ['control', 'static'],
  date: ['control', 'static'],
  integer: ['control', 'static'],
  select: ['select', 'radio-group', 'static'],
  multiselect: ['select', 'static'],
  cascader: ['select', 'static'],
  boolean: ['radio-group', 'checkbox', 'select', 'static'],
  group: ['radio-group', 'checkbox', 'select', 'static'],
  table: ['table', 'static'],
  file: ['file', 'static'],
};

export function describeLocator(l: LocatorInput): string {
  switch (l.kind) {
    case 'label': return `label(${l.precision ?? 'normalized'}):${l.text}`;
    case 'aria': return `aria(${l.precision ?? 'normalized'}):${l.name}`;
    case 'name': return `name:${l.value}`;
    case 'path': return `path:${l.css}`;
  }
}

/**
 * Normalised label text, computed once per target (targets live for one scan) and once per
 * adapter locator (the adapter's objects live as long as the adapter): the locator × target loop
 * then compares plain strings instead of normalising (NFKC + regexes) on every pair.
 */
interface TargetTexts { labels: Map<Precision, string[]>; acc: Map<Precision, string> }
const targetTexts = new WeakMap<Target, TargetTexts>();
const wantedTexts = new WeakMap<LocatorInput, { from: string; precision: Precision; text: string }>();

function prepared(text: string, precision: Precision): string {
  return precision === 'exact' ? squashSpace(text) : normalizeLabel(text);
}
function textsOf(t: Target): TargetTexts {
  let x = targetTexts.get(t);
  if (!x) targetTexts.set(t, (x = { labels: new Map(), acc: new Map() }));
  return x;
}
function labelTexts(t: Target, precision: Precision): string[] {
  const x = textsOf(t);
  let list = x.labels.get(precision);
  if (!list) x.labels.set(precision, (list = t.labels.map((s) => prepared(s.text, precision))));
  return list;
}
function accText(t: Target, precision: Precision): string {
  const x = textsOf(t);
  let a = x.acc.get(precision);
  if (a === undefined) x.acc.set(precision, (a = prepared(t.accName, precision)));
  return a;
}
function wantedText(l: LocatorInput & { kind: 'label' | 'aria' }, precision: Precision): string {
  const from = l.kind === 'label' ? l.text : l.name;
  const hit = wantedTexts.get(l);
  // (checked against the source text: an adapter being edited may change a locator in place)
  if (hit && hit.from === from && hit.precision === precision) return hit.text;
  const text = prepared(from, precision);
  wantedTexts.set(l, { from, precision, text });
  return text;
}

/**
 * `normalized` (the usual precision) is an equality test: one map per scan from each normalised
 * label (and accessible name) to its targets, in page order, turns each lookup into O(1).
 */
interface NormalizedIndex { size: number; labels: Map<string, Target[]>; acc: Map<string, Target[]> }
const normalizedIndexes = new WeakMap<readonly Target[], NormalizedIndex>();
function normalizedIndex(all: readonly Target[]): NormalizedIndex {
  let x = normalizedIndexes.get(all);
  if (x && x.size === all.length) return x;
  x = { size: all.length, labels: new Map(), acc: new Map() };
  const add = (m: Map<string, Target[]>, key: string, t: Target) => {
    if (!key) return; // empty text never matches
    const list = m.get(key);
    if (!list) m.set(key, [t]);
    else if (list[list.length - 1] !== t) list.push(t);
  };
  for (const t of all) {
    for (const c of labelTexts(t, 'normalized')) add(x.labels, c, t);
    add(x.acc, accText(t, 'normalized'), t);
  }
  normalizedIndexes.set(all, x);
  return x;
}

/** The targets that can hold a value type, once per scan and type (not once per field). */
const typedCache = new WeakMap<readonly Target[], { size: number; byType: Map<string, Target[]> }>();
function typedTargets(all: readonly Target[], type: string, allowed: readonly TargetKind[]): Target[] {
  let c = typedCache.get(all);
  if (!c || c.size !== all.length) typedCache.set(all, (c = { size: all.length, byType: new Map() }));
  let list = c.byType.get(type);
  if (!list) c.byType.set(type, (list = all.filter((t) => allowed.includes(t.kind))));
  return list;
}

function matchesOf(l: LocatorInput, typed: () => Target[], root: ParentNode, all: readonly Target[], allowed: readonly TargetKind[]): Target[] {
  switch (l.kind) {
    case 'label': {
      const precision = l.precision ?? 'normalized';
      const w = wantedText(l, precision);
      if (precision === 'normalized') return w ? (normalizedIndex(all).labels.get(w) ?? []).filter((t) => allowed.includes(t.kind)) : [];
      return typed().filter((t) => labelTexts(t, precision).some((c) => preparedMatches(c, w, precision)));
    }
    case 'aria': {
      const precision = l.precision ?? 'normalized';
      const w = wantedText(l, precision);
      if (precision === 'normalized') return w ? (normalizedIndex(all).acc.get(w) ?? []).filter((t) => allowed.includes(t.kind)) : [];
      return typed().filter((t) => preparedMatches(accText(t, precision), w, precision));
    }
    case 'name':
      return typed().filter((t) => t.name === l.value);
    case 'path': {
      let els: Element[];
      try {
        els = [...root.querySelectorAll(l.css)];
      } catch {
        return []; // a broken selector in an adapter is a miss, not a crash
      }
      if (els.length !== 1) return els.length === 0 ? [] : typed().filter((t) => els.includes(t.el));
      const el = els[0]!;
      return typed().filter((t) => t.el === el || t.el.contains(el));
    }
  }
}

/**
 * Binds one field: locators are tried in order; each one that finds candidates narrows the set
 * left by the previous ones. Exactly one candidate binds; two or more is a miss ("ambiguous"),
 * never a guess (PostHog's lesson: inference that always finds *something* shows tips on the wrong element).
 */
export function locateField(field: LocatableField, targets: readonly Target[], root: ParentNode): Binding {
  const allowed = COMPATIBLE[field.type] ?? [];
  let candidates: Target[] | null = null;
  const tried: string[] = [];
  let via: Locator['kind'] | null = null;
  for (const l of field.locators) {
    const found = matchesOf(l, () => typedTargets(targets, field.type, allowed), root, targets, allowed);
    tried.push(`${describeLocator(l)}→${found.length}`);
    if (found.length === 0) continue;
    if (candidates === null) candidates = found;
    else {
      const narrowed: Target[] = candidates.filter((c) => found.includes(c));
      if (narrowed.length > 0) candidates = narrowed; // contradicting evidence is ignored, not trusted
    }
    via = l.kind;
    if (candidates.length === 1) return { key: field.key, status: 'found', target: candidates[0]!, via, tried };
  }
  if (candidates && candidates.length > 1) {
    // A copy the page hides is not the field a person fills (issue 15: a hidden duplicate turned
    // 不符合 into 待补充). Only a tie between one shown copy and hidden ones is broken this way.
    const shown = candidates.filter((c) => !hiddenByMarkup(c.el));
    if (shown.length === 1) return { key: field.key, status: 'found', target: shown[0]!, via, tried: [...tried, 'hidden copies set aside'] };
    return { key: field.key, status: 'ambiguous', target: null, via: null, tried };
  }
  return { key: field.key, status: 'missing', target: null, via: null, tried };
}

/**
 * Hidden by the page's own markup: the `hidden` attribute, `inert`, `aria-hidden`, or an inline
 * display:none / visibility:hidden on the element or an ancestor. Reads attributes only, never
 * computed style or layout, so a scan still causes no reflow.
 */
function hiddenByMarkup(el: Element): boolean {
  for (let node: Element | null = el; node; node = node.parentElement) {
    if (node.hasAttribute('hidden') || node.hasAttribute('inert') || node.getAttribute('aria-hidden') === 'true') return true;
    const style = (node as HTMLElement).style as CSSStyleDeclaration | undefined;
    if (style && (style.display === 'none' || style.visibility === 'hidden' || style.visibility === 'collapse')) return true;
  }
  return false;
}

/** Binds every field; an element claimed by two fields binds neither (a conflict is reported, not guessed). */
export function locateFields(fields: readonly LocatableField[], targets: readonly Target[], root: ParentNode): Binding[] {
  const bindings = fields.map((f) => locateField(f, targets, root));
  const claims = new Map<Element, number>();
  for (const b of bindings) if (b.target) claims.set(b.target.el, (claims.get(b.target.el) ?? 0) + 1);
  for (const b of bindings) {
    if (b.target && (claims.get(b.target.el) ?? 0) > 1) {
      b.status = 'conflict';
      b.target = null;
      b.via = null;
    }
  }
  return bindings;
}
