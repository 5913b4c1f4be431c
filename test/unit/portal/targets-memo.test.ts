// Issue 19: indexTargets keeps the last index of a document while a MutationObserver sees no change.
// Parity: after any sequence of random DOM changes, the (possibly memoised) index equals a fresh walk.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { indexTargets, walkTargets, type Target } from '../../../src/portal/dom/targets.ts';

const shape = (targets: Target[]) => {
  const all = [...document.getElementsByTagName('*')];
  return targets.map((t) => ({ el: all.indexOf(t.el), kind: t.kind, labels: t.labels, accName: t.accName, name: t.name }));
};

const texts = ['单位名称', '成立日期', '是', '否', '', ' 注册资本 '];
const ids = ['a', 'b', 'c', 'd'];
const change = fc.oneof(
  fc.record({ op: fc.constant('add-field' as const), label: fc.constantFrom(...texts), id: fc.constantFrom(...ids), wrap: fc.boolean(), type: fc.constantFrom('text', 'radio', 'checkbox', 'hidden') }),
  fc.record({ op: fc.constant('remove' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('text' as const), at: fc.nat(), text: fc.constantFrom(...texts) }),
  fc.record({ op: fc.constant('attr' as const), at: fc.nat(), name: fc.constantFrom('id', 'for', 'aria-label', 'aria-labelledby', 'hidden', 'aria-hidden', 'role', 'name', 'type', 'class', 'title', 'placeholder'), value: fc.constantFrom(...ids, 'radiogroup', 'true', 'el-form-item__label', '') }),
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
