import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { indexTargets } from '../../../src/portal/dom/targets.ts';
import { locateField, locateFields, type LocatorInput, type LocatableField } from '../../../src/portal/dom/locate.ts';
import type { Target } from '../../../src/portal/dom/targets.ts';
import { labelMatches } from '../../../src/portal/normalize.ts';
import { readTarget } from '../../../src/portal/dom/read.ts';
import { scanPage } from '../../../src/portal/dom/scan.ts';
import demo from '../../../src/portal/adapters/demo-portal.json';

// Random DOM trees built with createElement only: random tags, labels, ids (including duplicates
// and ids that other labels point at), names, aria attributes and nesting.
type Node = { tag: string; text?: string; id?: string; forId?: string; name?: string; type?: string; ariaLabel?: string; labelledby?: string; role?: string; children: Node[] };
const words = ['成立日期', '单位名称', '成立日期：', '*成立日期', '是', '否', '', ' ', '注册商标数量', 'x', '<b>', '"', '\\', '\u3000'];
const ids = ['a', 'b', 'c', 'field_8f3a', '', '1', 'x y', '"q"', 'a\\b'];
const tags = ['div', 'span', 'label', 'input', 'select', 'textarea', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'dl', 'dt', 'dd', 'form', 'option', 'caption', 'ul', 'li', 'p'];
function nodeAt(depth: number): fc.Arbitrary<Node> {
  return fc.record({
    tag: fc.constantFrom(...tags),
    text: fc.option(fc.constantFrom(...words), { nil: undefined }),
    id: fc.option(fc.constantFrom(...ids), { nil: undefined }),
    forId: fc.option(fc.constantFrom(...ids), { nil: undefined }),
    name: fc.option(fc.constantFrom('n1', 'n2', 'r'), { nil: undefined }),
    type: fc.option(fc.constantFrom('text', 'radio', 'checkbox', 'file', 'date', 'hidden', 'number', 'bogus'), { nil: undefined }),
    ariaLabel: fc.option(fc.constantFrom(...words), { nil: undefined }),
    labelledby: fc.option(fc.constantFrom(...ids, 'a b', 'missing'), { nil: undefined }),
    role: fc.option(fc.constantFrom('radiogroup', 'grid', 'table', 'presentation'), { nil: undefined }),
    children: depth <= 0 ? fc.constant([]) : fc.array(nodeAt(depth - 1), { maxLength: 3 }),
  }, { requiredKeys: ['tag', 'children'] }) as fc.Arbitrary<Node>;
}
const nodeArb = nodeAt(3);

function build(n: Node): Element {
  const el = document.createElement(n.tag);
  if (n.id !== undefined) el.setAttribute('id', n.id);
  if (n.forId !== undefined && n.tag === 'label') el.setAttribute('for', n.forId);
  if (n.name !== undefined) el.setAttribute('name', n.name);
  if (n.type !== undefined && n.tag === 'input') el.setAttribute('type', n.type);
  if (n.ariaLabel !== undefined) el.setAttribute('aria-label', n.ariaLabel);
  if (n.labelledby !== undefined) el.setAttribute('aria-labelledby', n.labelledby);
  if (n.role !== undefined) el.setAttribute('role', n.role);
  if (n.text !== undefined) el.append(document.createTextNode(n.text));
  for (const c of n.children) {
    try { el.append(build(c)); } catch { /* some nestings are refused by the DOM: fine */ }
  }
  return el;
}

const locatorArb: fc.Arbitrary<LocatorInput> = fc.oneof(
  fc.record({ kind: fc.constant('label' as const), text: fc.constantFrom(...words.filter(Boolean)), precision: fc.constantFrom('exact' as const, 'normalized' as const, 'contains' as const) }),
  fc.record({ kind: fc.constant('aria' as const), name: fc.constantFrom(...words.filter(Boolean)), precision: fc.constantFrom('exact' as const, 'normalized' as const, 'contains' as const) }),
  fc.record({ kind: fc.constant('name' as const), value: fc.constantFrom('n1', 'n2', 'r') }),
  fc.record({ kind: fc.constant('path' as const), css: fc.constantFrom('div > input', 'input', '#a', '[[broken', 'table', ':nth-child(2)', 'label input', 'x::y') }),
);
const typeArb = fc.constantFrom('text', 'date', 'integer', 'select', 'boolean', 'group', 'table', 'file');

describe('locator properties (random DOM)', () => {
  it('never throws on random HTML: index, locate, read and a whole-page scan', () => {
    fc.assert(fc.property(fc.array(nodeArb, { maxLength: 5 }), fc.array(fc.record({ key: fc.constantFrom('k1', 'k2', 'k3'), type: typeArb, locators: fc.array(locatorArb, { minLength: 1, maxLength: 4 }) }), { maxLength: 4 }), fc.boolean(), (trees, fields, staticValues) => {
      document.body.replaceChildren(...trees.map(build));
      const targets = indexTargets(document, { staticValues });
      const bindings = locateFields(fields, targets, document);
      for (const b of bindings) if (b.target) readTarget(b.target, [{ key: 'a', header: '成立日期' }]);
      scanPage(document, demo as never, { staticValues });
      expect(bindings).toHaveLength(fields.length);
    }), { numRuns: 1500 });
  }, 120_000);

  it('never binds a field when two candidates tie on every locator', () => {
    fc.assert(fc.property(nodeArb, fc.constantFrom('成立日期', '单位名称', '注册商标数量'), fc.constantFrom('for', 'wrap', 'labelledby', 'aria'), fc.constantFrom('exact' as const, 'normalized' as const, 'contains' as const), (noise, label, tie, precision) => {
      document.body.replaceChildren();
      // Two identical, well-formed fields, then random noise after them (noise placed before the
      // first twin could legitimately label it by proximity, which would break the tie).
      for (let i = 0; i < 2; i++) {
        const item = document.createElement('div');
        const input = document.createElement('input');
        input.id = `twin${i}`;
        input.name = 'twin';
        if (tie === 'for') { const l = document.createElement('label'); l.htmlFor = input.id; l.textContent = label; item.append(l, input); }
        else if (tie === 'wrap') { const l = document.createElement('label'); l.textContent = label; l.append(input); item.append(l); }
        else if (tie === 'labelledby') { const s = document.createElement('span'); s.id = `lbl${i}`; s.textContent = label; input.setAttribute('aria-labelledby', s.id); item.append(s, input); }
        else { input.setAttribute('aria-label', label); item.append(input); }
        document.body.append(item);
      }
      try { document.body.append(build(noise)); } catch { /* ignore */ }
      const targets = indexTargets(document);
      const locators: LocatorInput[] = [{ kind: 'label', text: label, precision }, { kind: 'aria', name: label, precision }, { kind: 'name', value: 'twin' }];
      const b = locateField({ key: 'k', type: 'text', locators }, targets, document);
      if (b.target) {
        // Bound only if the noise made exactly one twin unique — impossible: twins are identical.
        expect((b.target.el as HTMLElement).id.startsWith('twin')).toBe(false);
      }
      const twins = targets.filter((t) => t.el.id === 'twin0' || t.el.id === 'twin1');
      expect(twins).toHaveLength(2);
      expect(b.target === null || !twins.includes(b.target)).toBe(true);
    }), { numRuns: 1000 });
  }, 120_000);

  it('one element is never bound to two fields (conflict → neither)', () => {
    document.body.replaceChildren();
    const l = document.createElement('label');
    l.textContent = '成立日期';
    l.append(document.createElement('input'));
    document.body.append(l);
    const t = indexTargets(document);
    const bs = locateFields([
      { key: 'a', type: 'date', locators: [{ kind: 'label', text: '成立日期' }] },
      { key: 'b', type: 'date', locators: [{ kind: 'label', text: '成立', precision: 'contains' }] },
    ], t, document);
    expect(bs.map((b) => b.status)).toEqual(['conflict', 'conflict']);
  });
});

// The plain definition the locator's caches and per-scan label index must agree with: every
// locator × target pair compared afresh with labelMatches.
const COMPATIBLE_REF: Record<string, readonly string[]> = {
  text: ['control', 'static'], date: ['control', 'static'], integer: ['control', 'static'],
  select: ['select', 'radio-group', 'static'], boolean: ['radio-group', 'checkbox', 'select', 'static'],
  group: ['radio-group', 'checkbox', 'select', 'static'], table: ['table', 'static'], file: ['file', 'static'],
};
function referenceLocate(field: LocatableField, targets: readonly Target[], root: ParentNode): Element | null {
  const typed = targets.filter((t) => (COMPATIBLE_REF[field.type] ?? []).includes(t.kind));
  let candidates: Target[] | null = null;
  for (const l of field.locators) {
    let found: Target[];
    if (l.kind === 'label') found = typed.filter((t) => t.labels.some((s) => labelMatches(s.text, l.text, l.precision ?? 'normalized')));
    else if (l.kind === 'aria') found = typed.filter((t) => labelMatches(t.accName, l.name, l.precision ?? 'normalized'));
    else if (l.kind === 'name') found = typed.filter((t) => t.name === l.value);
    else {
      let els: Element[];
      try { els = [...root.querySelectorAll(l.css)]; } catch { els = []; }
      found = els.length === 1 ? typed.filter((t) => t.el === els[0] || t.el.contains(els[0]!)) : typed.filter((t) => els.includes(t.el));
    }
    if (found.length === 0) continue;
    const narrowed: Target[] = candidates === null ? found : candidates.filter((c) => found.includes(c));
    if (candidates === null || narrowed.length > 0) candidates = narrowed;
    if (candidates.length === 1) return candidates[0]!.el;
  }
  return null;
}

describe('locator caches (normalised text once per target and per locator)', () => {
  it('bind exactly what comparing every pair afresh binds, scan after scan with the same locator objects', () => {
    const fieldArb = fc.record({ key: fc.constant('k'), type: typeArb, locators: fc.array(locatorArb, { minLength: 1, maxLength: 4 }) });
    fc.assert(fc.property(fc.array(nodeArb, { maxLength: 5 }), fc.array(fieldArb, { minLength: 1, maxLength: 3 }), fc.boolean(), (trees, fields, staticValues) => {
      document.body.replaceChildren(...trees.map(build));
      for (let scan = 0; scan < 2; scan++) {
        const targets = indexTargets(document, { staticValues });
        for (const f of fields) expect(locateField(f, targets, document).target?.el ?? null).toBe(referenceLocate(f, targets, document));
      }
    }), { numRuns: 1000 });
  }, 120_000);

  it('an adapter locator edited in place (options page) is matched with its new text', () => {
    document.body.replaceChildren();
    for (const text of ['成立日期', '单位名称']) {
      const l = document.createElement('label');
      l.textContent = text;
      l.append(document.createElement('input'));
      document.body.append(l);
    }
    const locator = { kind: 'label' as const, text: '成立日期：' };
    const field = { key: 'k', type: 'date', locators: [locator] };
    expect(locateField(field, indexTargets(document), document).target?.labels[0]?.text).toBe('成立日期');
    locator.text = '*单位名称';
    expect(locateField(field, indexTargets(document), document).target?.labels[0]?.text).toBe('单位名称');
  });
});
