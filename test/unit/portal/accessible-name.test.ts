// Our accessible-name subset (targets.ts) against dom-accessibility-api, the reference implementation
// of the W3C accname algorithm. The content script cannot ship the library (size budget, and it reads
// computed style during a scan), so the library is the test oracle instead. Names are compared the way
// the locator compares them (normalizeLabel: no spaces, no required marks, no trailing colon).
import { computeAccessibleName } from 'dom-accessibility-api';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { indexTargets } from '../../../src/portal/dom/targets.ts';
import { normalizeLabel } from '../../../src/portal/normalize.ts';
import { portalSteps, renderStep } from './portal-markup.ts';

describe('accessible name: our subset agrees with dom-accessibility-api', () => {
  for (const variant of ['a', 'b'] as const) {
    for (const kind of ['组织', '个人']) {
      it(`demo portal variant ${variant.toUpperCase()}, ${kind}: every control of every step`, () => {
        let compared = 0;
        for (const step of portalSteps) {
          renderStep(variant, step.id, { kind });
          for (const t of indexTargets(document)) {
            if (t.kind !== 'control' && t.kind !== 'select' && t.kind !== 'checkbox') continue;
            const reference = normalizeLabel(computeAccessibleName(t.el));
            const ours = normalizeLabel(t.accName);
            const where = `${step.id}: ${t.el.outerHTML.slice(0, 120)}`;
            if (t.kind === 'checkbox') {
              // One deliberate difference: a checkbox's wrapping label is its option text ("是，本单位/本人确认",
              // the same on every checkbox), so when the name comes from <label>s ours keeps the question and
              // leaves the option text out. With aria-labelledby both take the referenced text only.
              const option = normalizeLabel(t.el.closest('label')?.textContent ?? '');
              const fromLabels = !t.el.hasAttribute('aria-labelledby') && !t.el.hasAttribute('aria-label');
              expect(reference, where).toBe(fromLabels ? ours + option : ours);
            } else {
              expect(ours, where).toBe(reference);
            }
            compared++;
          }
        }
        expect(compared).toBeGreaterThanOrEqual(8); // the individual form has the fewest: 8
      });
    }
  }

  it('on generated text inputs named every way a low-code platform names them (fast-check)', () => {
    const text = fc.constantFrom('单位名称', '成立日期', 'Credit code', '联系人', '注册资本（万元）', '*年度营业收入：', '质量 负责人');
    const naming = fc.record({
      labelFor: fc.option(text, { nil: undefined }),
      wrap: fc.option(text, { nil: undefined }),
      ariaLabel: fc.option(text, { nil: undefined }),
      labelledBy: fc.option(fc.array(text, { minLength: 1, maxLength: 2 }), { nil: undefined }),
      title: fc.option(text, { nil: undefined }),
      placeholder: fc.option(text, { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.array(naming, { minLength: 1, maxLength: 6 }), (fields) => {
        const form = document.createElement('form');
        fields.forEach((f, i) => {
          const item = document.createElement('div');
          const input = document.createElement('input');
          input.id = `f_${i}`;
          if (f.ariaLabel) input.setAttribute('aria-label', f.ariaLabel);
          if (f.title) input.title = f.title;
          if (f.placeholder) input.placeholder = f.placeholder;
          if (f.labelledBy) {
            const ids = f.labelledBy.map((t, j) => {
              const span = document.createElement('span');
              span.id = `lb_${i}_${j}`;
              span.textContent = t;
              item.append(span);
              return span.id;
            });
            input.setAttribute('aria-labelledby', ids.join(' '));
          }
          if (f.labelFor) {
            const label = document.createElement('label');
            label.htmlFor = input.id;
            label.textContent = f.labelFor;
            item.append(label);
          }
          if (f.wrap) {
            const wrap = document.createElement('label');
            wrap.append(f.wrap, input);
            item.append(wrap);
          } else {
            item.append(input);
          }
          form.append(item);
        });
        document.body.replaceChildren(form);
        for (const t of indexTargets(document)) {
          const reference = computeAccessibleName(t.el);
          // Second deliberate difference: with nothing else, the placeholder names the field (HTML-AAM's last
          // step, and what Chromium does); dom-accessibility-api 0.7 stops before it and gives ''.
          const expected = reference === '' ? (t.el.getAttribute('placeholder') ?? '') : reference;
          expect(normalizeLabel(t.accName), t.el.outerHTML).toBe(normalizeLabel(expected));
        }
      }),
      { numRuns: 1000 },
    );
  });
});
