// Issue 15 item 2: prefill fills only what a person can see and edit; hidden, transparent, disabled
// and read-only fields are skipped and listed in the report (a page could harvest the profile otherwise).
import { afterEach, describe, expect, it } from 'vitest';
import demo from '../../../src/portal/adapters/demo-portal.json';
import { startAssistant, type Assistant, type AssistantAdapter } from '../../../src/portal/dom/assistant.ts';
import { prefillResultSchema } from '../../../src/messaging/protocol.ts';
import { unfillableReason } from '../../../src/portal/dom/fillable.ts';
import { renderStep } from '../portal/portal-markup.ts';
import { prefillDriver } from '../../../src/portal/dom/prefill-driver.ts';

let running: Assistant | null = null;
afterEach(() => { running?.stop(); running = null; });

const item = (label: string) => [...document.querySelectorAll('.el-form-item')].find((e) => e.querySelector('label')?.textContent === label) as HTMLElement;
const input = (label: string) => item(label).querySelector('input') as HTMLInputElement;

async function prefill(values: Record<string, string | boolean>) {
  history.replaceState(null, '', '/app/apply/a/basic');
  running = startAssistant({ doc: document, adapters: [demo as unknown as AssistantAdapter], send: () => undefined, debounceMs: 5, missDelayMs: 5, prefillDriver: () => prefillDriver });
  return prefillResultSchema.parse(await running.handle({ type: 'prefill/apply', values, overwrite: [] }));
}

describe('prefill fills only what a person can see and edit (issue 15 item 2)', () => {
  const cases: Array<[string, () => void, 'hidden' | 'not-editable']> = [
    ['display:none on the field', () => { input('单位名称').style.display = 'none'; }, 'hidden'],
    ['display:none on its form item', () => { item('单位名称').style.display = 'none'; }, 'hidden'],
    ['visibility:hidden', () => { item('单位名称').style.visibility = 'hidden'; }, 'hidden'],
    ['opacity:0 on an ancestor', () => { item('单位名称').style.opacity = '0'; }, 'hidden'],
    ['the hidden attribute', () => { item('单位名称').hidden = true; }, 'hidden'],
    ['disabled', () => { input('单位名称').disabled = true; }, 'not-editable'],
    ['readonly', () => { input('单位名称').readOnly = true; }, 'not-editable'],
  ];
  for (const [name, hide, reason] of cases) {
    it(`${name}: not filled, listed as ${reason}; the visible field beside it is filled`, async () => {
      renderStep('a', 'basic');
      hide();
      const r = await prefill({ 'applicant.name': '档案名称', 'applicant.creditCode': '91320706MA1Q8K2L3J' });
      expect(input('单位名称').value).toBe('');
      expect(r.skipped).toContainEqual({ key: 'applicant.name', reason });
      expect(r.filled).toEqual(['applicant.creditCode']);
    });
  }

  it('the check reads geometry only where there is layout: off-screen and zero-size count as hidden', () => {
    renderStep('a', 'basic');
    const el = input('单位名称');
    const fakeRect = (r: Partial<DOMRect>) => () => ({ x: 0, y: 0, top: 0, left: 0, right: 0, bottom: 0, width: 0, height: 0, ...r, toJSON() {} }) as DOMRect;
    const html = document.documentElement;
    const htmlRect = html.getBoundingClientRect;
    html.getBoundingClientRect = fakeRect({ width: 1280, height: 900, right: 1280, bottom: 900 });
    try {
      el.getBoundingClientRect = fakeRect({ left: -10000, right: -9800, width: 200, height: 30, top: 10, bottom: 40 });
      expect(unfillableReason(el)).toBe('hidden');
      el.getBoundingClientRect = fakeRect({ left: 10, right: 10, width: 0, height: 0, top: 10, bottom: 10 });
      expect(unfillableReason(el)).toBe('hidden');
      el.getBoundingClientRect = fakeRect({ left: 10, right: 210, width: 200, height: 30, top: 10, bottom: 40 });
      expect(unfillableReason(el)).toBeNull();
    } finally {
      html.getBoundingClientRect = htmlRect;
    }
  });
});
