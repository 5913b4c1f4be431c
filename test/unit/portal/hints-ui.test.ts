// The focus tip must never stand between a person and the next field: it takes no clicks, it is
// placed before it is shown, and it goes beside the field (or above it), not over what comes next.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHintsUi, type HintsUi } from '../../../src/portal/dom/hints-ui.ts';

const tipContent = { heading: '第八条 · 提示 Tip', lines: [{ text: '成立满 3 年' }, { text: 'At least 3 years', tone: 'en' as const }] };
let ui: HintsUi | null = null;
beforeEach(() => {
  // happy-dom has no layout: the tip measures as a real one would (300 × 80 px)
  vi.spyOn(HTMLElement.prototype, 'offsetWidth', 'get').mockReturnValue(300);
  vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockReturnValue(80);
});
afterEach(() => { ui?.destroy(); ui = null; document.body.replaceChildren(); vi.restoreAllMocks(); });

function field(id: string, rect: { left: number; top: number; width: number; height: number }) {
  const el = document.createElement('input');
  el.id = id;
  document.body.append(el);
  el.getBoundingClientRect = () => DOMRect.fromRect({ x: rect.left, y: rect.top, width: rect.width, height: rect.height });
  return el;
}
const tipOf = () => ui!.host.shadowRoot!.querySelector('.tip') as HTMLElement;
const px = (v: string) => Number(v.replace('px', ''));

describe('focus tip placement (hints-ui)', () => {
  it('takes no pointer events: a click meant for a field under it reaches the field', () => {
    ui = createHintsUi(document);
    const css = ui.host.shadowRoot!.querySelector('style')!.textContent!;
    expect(css).toMatch(/\.tip\s*\{[^}]*pointer-events:\s*none/);
  });

  it('is placed as it is shown (no frame at the previous field), to the right of a narrow field', () => {
    Object.defineProperty(document.documentElement, 'clientWidth', { configurable: true, value: 1200 });
    const first = field('a', { left: 100, top: 100, width: 200, height: 32 });
    const second = field('b', { left: 100, top: 300, width: 200, height: 32 });
    vi.spyOn(document, 'elementFromPoint').mockReturnValue(document.body); // nothing beside the fields
    ui = createHintsUi(document);
    ui.showTip(first, tipContent);
    expect(tipOf().hidden).toBe(false);
    expect(tipOf().dataset.place).toBe('right');
    expect(px(tipOf().style.left)).toBeGreaterThanOrEqual(300);
    expect(px(tipOf().style.top)).toBe(100);
    // Straight to the next field: the tip is already there, before any animation frame.
    ui.showTip(second, tipContent);
    expect(px(tipOf().style.top)).toBe(300);
    expect(tipOf().style.visibility).toBe('');
    expect(px(tipOf().style.maxWidth)).toBeGreaterThanOrEqual(260);
  });

  it('goes above the field when the right side holds another field or there is no room; below only at the top edge', () => {
    Object.defineProperty(document.documentElement, 'clientWidth', { configurable: true, value: 1200 });
    const left = field('a', { left: 100, top: 400, width: 200, height: 32 });
    const other = field('c', { left: 600, top: 400, width: 200, height: 32 }); // a two-column form
    vi.spyOn(document, 'elementFromPoint').mockImplementation((x) => (x >= 600 ? other : document.body));
    ui = createHintsUi(document);
    ui.showTip(left, tipContent);
    expect(tipOf().dataset.place).toBe('above');
    expect(px(tipOf().style.top)).toBe(400 - 80 - 6);

    const wide = field('w', { left: 20, top: 400, width: 1100, height: 80 }); // no room beside
    ui.showTip(wide, tipContent);
    expect(tipOf().dataset.place).toBe('above');

    const top = field('t', { left: 20, top: 0, width: 1100, height: 32 }); // nothing fits above
    ui.showTip(top, tipContent);
    expect(tipOf().dataset.place).toBe('below');
    expect(px(tipOf().style.top)).toBeGreaterThanOrEqual(32);
  });

  it('is readable: never narrower than 260 px beside the field', () => {
    Object.defineProperty(document.documentElement, 'clientWidth', { configurable: true, value: 600 });
    const f = field('a', { left: 100, top: 300, width: 250, height: 32 }); // 232 px left on the right
    vi.spyOn(document, 'elementFromPoint').mockReturnValue(document.body);
    ui = createHintsUi(document);
    ui.showTip(f, tipContent);
    expect(tipOf().dataset.place).toBe('above');
    expect(px(tipOf().style.maxWidth)).toBe(440);
  });
});
