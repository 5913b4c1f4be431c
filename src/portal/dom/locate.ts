import type { Locator } from '../adapter-schema.ts';
import { labelMatches, type Precision } from '../normalize.ts';
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

function matchesOf(l: LocatorInput, targets: readonly Target[], root: ParentNode): Target[] {
  switch (l.kind) {
    case 'label':
      return targets.filter((t) => t.labels.some((s) => labelMatches(s.text, l.text, l.precision ?? 'normalized')));
    case 'aria':
      return targets.filter((t) => labelMatches(t.accName, l.name, l.precision ?? 'normalized'));
    case 'name':
      return targets.filter((t) => t.name === l.value);
    case 'path': {
      let els: Element[];
      try {
        els = [...root.querySelectorAll(l.css)];
      } catch {
        return []; // a broken selector in an adapter is a miss, not a crash
      }
      if (els.length !== 1) return els.length === 0 ? [] : targets.filter((t) => els.includes(t.el));
      const el = els[0]!;
      return targets.filter((t) => t.el === el || t.el.contains(el));
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
  const typed = targets.filter((t) => allowed.includes(t.kind));
  let candidates: Target[] | null = null;
  const tried: string[] = [];
  for (const l of field.locators) {
    const found = matchesOf(l, typed, root);
    tried.push(`${describeLocator(l)}→${found.length}`);
    if (found.length === 0) continue;
    if (candidates === null) candidates = found;
    else {
      const narrowed: Target[] = candidates.filter((c) => found.includes(c));
      if (narrowed.length > 0) candidates = narrowed; // contradicting evidence is ignored, not trusted
    }
    if (candidates.length === 1) return { key: field.key, status: 'found', target: candidates[0]!, via: l.kind, tried };
  }
  return { key: field.key, status: candidates && candidates.length > 1 ? 'ambiguous' : 'missing', target: null, via: null, tried };
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
