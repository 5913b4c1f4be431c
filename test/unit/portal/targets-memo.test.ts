// Issue 19: indexTargets keeps the last index of a document while a MutationObserver sees no change.
// Parity: after any sequence of random DOM changes, the (possibly memoised) index equals a fresh walk.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { INDEX_ATTRIBUTES, indexTargets, walkTargets, type Target } from '../../../src/portal/dom/targets.ts';

const shape = (targets: Target[]) => {
  const all = [...document.getElementsByTagName('*')];
  return targets.map((t) => ({ el: all.indexOf(t.el), kind: t.kind, labels: t.labels, accName: t.accName, name: t.name }));
};

const texts = ['单位名称', '成立日期', '是', '否', '', ' 注册资本 '];
const ids = ['a', 'b', 'c', 'd'];
/** attributes the walk never reads: a change to one keeps the memo (INDEX_ATTRIBUTES) */
const IGNORED = ['style', 'value', 'aria-invalid', 'aria-expanded', 'aria-checked', 'data-state', 'tabindex', 'disabled', 'checked', 'aria-describedby'];
const change = fc.oneof(
  fc.record({ op: fc.constant('add-field' as const), label: fc.constantFrom(...texts), id: fc.constantFrom(...ids), wrap: fc.boolean(), type: fc.constantFrom('text', 'radio', 'checkbox', 'hidden') }),
  fc.record({ op: fc.constant('remove' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('text' as const), at: fc.nat(), text: fc.constantFrom(...texts) }),
  // the attributes the walk reads, and ones it does not (style, value, aria-invalid …: those keep the memo)
  fc.record({ op: fc.constant('attr' as const), at: fc.nat(), name: fc.constantFrom('id', 'for', 'aria-label', 'aria-labelledby', 'hidden', 'aria-hidden', 'role', 'name', 'type', 'class', 'title', 'placeholder', 'readonly', 'aria-haspopup', ...IGNORED), value: fc.constantFrom(...ids, 'radiogroup', 'combobox', 'listbox', 'switch', 'table', 'radio', 'checkbox', 'true', 'el-form-item__label', 'el-select', '') }),
  fc.record({ op: fc.constant('drop-attr' as const), at: fc.nat(), name: fc.constantFrom('id', 'for', 'class', 'role', 'type', 'readonly', ...IGNORED) }),
  // text alone: a text node's data, text nodes removed (the memo stays unless the walk read text there)
  fc.record({ op: fc.constant('data' as const), at: fc.nat(), text: fc.constantFrom(...texts) }),
  fc.record({ op: fc.constant('drop-text' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('add-note' as const), at: fc.nat(), text: fc.constantFrom(...texts) }),
  fc.record({ op: fc.constant('none' as const) }),
);

function apply(c: fc.Arbitrary<unknown> extends never ? never : { op: string; [k: string]: unknown }): void {
  const all = [...document.body.getElementsByTagName('*')];
  const pick = (at: unknown) => (all.length ? all[(at as number) % all.length]! : null);
  if (c.op === 'add-field') {
    const label = document.createElement('label');
    label.textContent = c['label'] as string;
    const input = document.createElement('input');
    input.setAttribute('type', c['type'] as string);
    input.setAttribute('id', c['id'] as string);
    if (c['wrap']) label.append(input);
    else label.setAttribute('for', c['id'] as string);
    const item = document.createElement('div');
    item.append(label);
    if (!c['wrap']) item.append(input);
    (pick(0)?.closest('form') ?? document.body).append(item);
  } else if (c.op === 'remove') pick(c['at'])?.remove();
  else if (c.op === 'text') { const el = pick(c['at']); if (el && el.tagName !== 'INPUT') el.append(c['text'] as string); }
  else if (c.op === 'attr') pick(c['at'])?.setAttribute(c['name'] as string, c['value'] as string);
  else if (c.op === 'drop-attr') pick(c['at'])?.removeAttribute(c['name'] as string);
  else if (c.op === 'data' || c.op === 'drop-text') {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const nodes: Text[] = [];
    for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
    const node = nodes.length ? nodes[(c['at'] as number) % nodes.length]! : null;
    if (node && c.op === 'data') node.data = c['text'] as string;
    else node?.remove();
  } else if (c.op === 'add-note') {
    // a validation message beside a field: an element added (a change), then its text changed alone
    const host = pick(c['at']) ?? document.body;
    const note = document.createElement('div');
    host.after(note);
    indexTargets(document);
    note.append(c['text'] as string);
  }
}

describe('indexTargets memo (issue 19)', () => {
  it('equals a fresh walk after any changes, with and without static values (fast-check, 300 runs)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(change, fc.boolean()), { minLength: 1, maxLength: 12 }), (steps) => {
        document.body.replaceChildren(document.createElement('form'));
        for (const [c, staticValues] of steps) {
          apply(c as never);
          expect(shape(indexTargets(document, { staticValues }))).toEqual(shape(walkTargets(document, { staticValues })));
          // twice in a row with nothing changed: the memo answers, still the same
          expect(shape(indexTargets(document, { staticValues }))).toEqual(shape(walkTargets(document, { staticValues })));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a change to an attribute the walk does not read keeps the memo; one it reads does not (issue 19)', () => {
    document.body.replaceChildren();
    const label = document.createElement('label');
    label.textContent = '单位名称';
    const input = document.createElement('input');
    label.append(input);
    document.body.append(label);
    const first = indexTargets(document);
    for (const name of IGNORED) input.setAttribute(name, 'true');
    const again = indexTargets(document);
    expect(again[0]!.el).toBe(first[0]!.el);
    expect(shape(again)).toEqual(shape(walkTargets(document)));
    input.setAttribute('aria-label', '统一社会信用代码');
    expect(indexTargets(document)[0]!.accName).toBe('统一社会信用代码');
  });

  it('INDEX_ATTRIBUTES names every attribute the walk and its helpers read (guard on the sources)', () => {
    const dir = path.resolve(__dirname, '../../../src/portal/dom');
    const read = new Set<string>();
    for (const file of ['targets.ts', 'widgets.ts', 'table-dom.ts']) {
      const text = fs.readFileSync(path.join(dir, file), 'utf8');
      for (const m of text.matchAll(/(?:get|has)Attribute\('([\w-]+)'\)/g)) read.add(m[1]!);
      // attribute selectors, in the quoted selector strings
      for (const q of text.matchAll(/'([^'\n]*)'/g)) for (const m of q[1]!.matchAll(/\[([a-z][\w-]*)(?:[~|^$*]?=[^\]]*)?\]/g)) read.add(m[1]!);
      if (/\.htmlFor\b/.test(text)) read.add('for');
    }
    // widgets.ts also holds the value readers (not part of the walk): the attributes only they read
    // (aria-controls / aria-owns / aria-selected: the chosen options of a select whose tags collapse into “+ N”,
    // read by customSelectText only, which read.ts and drive.ts call, never the walk)
    const valueOnly = new Set(['aria-checked', 'aria-live', 'aria-multiselectable', 'aria-controls', 'aria-owns', 'aria-selected']);
    const missing = [...read].filter((a) => !INDEX_ATTRIBUTES.includes(a) && !valueOnly.has(a));
    expect(missing).toEqual([]);
  });

  it('a text changed where the walk read none keeps the memo; a label\'s text does not (issue 19)', () => {
    document.body.replaceChildren();
    const label = document.createElement('label');
    label.textContent = '单位名称';
    const input = document.createElement('input');
    label.append(input);
    const note = document.createElement('div');
    document.body.append(label, note);
    const first = indexTargets(document);
    note.textContent = '请填写单位名称'; // a text node added: no element
    (note.firstChild as Text).data = '格式不正确';
    const again = indexTargets(document);
    expect(again[0]!.el).toBe(first[0]!.el);
    expect(shape(again)).toEqual(shape(walkTargets(document)));
    (label.firstChild as Text).data = '企业名称';
    expect(indexTargets(document)[0]!.labels).toEqual([{ text: '企业名称', source: 'label-wrap' }]);
  });

  it('hands out copies: changing what a caller got does not change the next scan', () => {
    document.body.replaceChildren();
    const label = document.createElement('label');
    label.textContent = '单位名称';
    label.append(document.createElement('input'));
    document.body.append(label);
    const first = indexTargets(document);
    first[0]!.labels.push({ text: 'x', source: 'proximity' });
    first.pop();
    expect(indexTargets(document).map((t) => t.labels)).toEqual([[{ text: '单位名称', source: 'label-wrap' }]]);
  });
});
