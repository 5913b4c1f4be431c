import { afterEach, describe, expect, it } from 'vitest';
import demo from '../../../src/portal/adapters/demo-portal.json';
import { startAssistant, type Assistant, type AssistantAdapter } from '../../../src/portal/dom/assistant.ts';
import type { ContentToBackground, Hint } from '../../../src/messaging/protocol.ts';
import { renderStep } from './portal-markup.ts';

// Issue 19, counted (never timed): what is sent when, and what the hint layer writes.
let running: Assistant | null = null;
afterEach(() => { running?.stop(); running = null; });

/** A pause far longer than any test: a snapshot sent before it ends was sent without it. */
const LONG = 60_000;
function start(step = 'basic') {
  renderStep('a', step, { orgName: '连云港示例有限公司' });
  history.replaceState(null, '', `/app/apply/a/${step}`);
  const sent: ContentToBackground[] = [];
  running = startAssistant({ doc: document, adapters: [demo as unknown as AssistantAdapter], send: (m) => sent.push(m), debounceMs: LONG, missDelayMs: LONG });
  const snapshots = () => sent.filter((m): m is Extract<ContentToBackground, { type: 'portal/snapshot' }> => m.type === 'portal/snapshot');
  return { a: running, snapshots };
}
const control = (label: string) => {
  const l = [...document.querySelectorAll('label')].find((x) => x.textContent?.includes(label))!;
  return (l.htmlFor ? document.getElementById(l.htmlFor) : l.closest('.el-form-item')?.querySelector('input, select')) as HTMLInputElement | HTMLSelectElement;
};
const valueOf = (snaps: ReturnType<ReturnType<typeof start>['snapshots']>, key: string) => snaps.at(-1)?.fields.find((f) => f.key === key)?.value;

describe('committed values are checked at once, typing after its pause (issue 19)', () => {
  it('a select is sent at once, without the pause', () => {
    const { snapshots } = start('qualification');
    const before = snapshots().length;
    const sel = control('主导产品技术和质量指标水平') as HTMLSelectElement;
    sel.selectedIndex = 3; // 省内先进 (option values are the portal's codes)
    sel.dispatchEvent(new Event('input', { bubbles: true }));
    sel.dispatchEvent(new Event('change', { bubbles: true }));
    expect(snapshots().length).toBe(before + 1);
    expect(valueOf(snapshots(), 'applicant.productLevel')).toBe('省内先进');
  });

  it('a radio is sent at once, and its change after its input scans nothing twice', () => {
    const { snapshots } = start();
    const before = snapshots().length;
    const yes = [...document.querySelectorAll<HTMLInputElement>('input[type=radio]')].find((r) => r.closest('.el-form-item')?.textContent?.includes('登记注册') && r.value === '否')!;
    yes.checked = true;
    yes.dispatchEvent(new Event('input', { bubbles: true }));
    expect(snapshots().length).toBe(before + 1);
    expect(valueOf(snapshots(), 'applicant.registeredInLianyungang')).toBe('否');
    yes.dispatchEvent(new Event('change', { bubbles: true }));
    expect(snapshots().length).toBe(before + 1);
  });

  it('typing waits for its pause; leaving the field sends it at once', () => {
    const { snapshots } = start();
    const before = snapshots().length;
    const date = control('成立日期') as HTMLInputElement;
    date.focus();
    date.value = '2020-01-01';
    date.dispatchEvent(new Event('input', { bubbles: true }));
    expect(snapshots().length).toBe(before); // still inside the pause
    date.blur();
    expect(snapshots().length).toBe(before + 1);
    expect(valueOf(snapshots(), 'applicant.establishedOn')).toBe('2020-01-01');
  });
});

describe('an unchanged hint set writes nothing to the page (issue 19)', () => {
  const hints: Hint[] = [
    { field: 'applicant.establishedOn', status: 'fail', rule: '8.1', text: { zh: '第八条（一）：不满 3 年', en: 'Art. 8(1): under 3 years' }, cite: { zh: '第八条（一）', en: 'Art. 8(1)' } },
    { field: 'applicant.name', status: 'needs-evidence', rule: '8.4', text: { zh: '需证明', en: 'needs evidence' }, cite: { zh: '第八条（四）', en: 'Art. 8(4)' } },
  ];
  it('the same hints again, or a rescan that finds the same badges: no DOM write in the shadow root', async () => {
    const { a } = start();
    a.handle({ type: 'hints/update', hints });
    const root = document.querySelector('award-pilot-hints')!.shadowRoot!;
    await new Promise((r) => requestAnimationFrame(() => r(null))); // the first layout is written
    const writes: MutationRecord[] = [];
    const mo = new MutationObserver((rs) => writes.push(...rs));
    mo.observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
    a.handle({ type: 'hints/update', hints: structuredClone(hints) });
    a.scanNow();
    await new Promise((r) => requestAnimationFrame(() => r(null)));
    await new Promise((r) => setTimeout(r, 0));
    mo.disconnect();
    expect(writes).toEqual([]);
    expect(root.querySelectorAll('.badge').length).toBeGreaterThan(0);
  });

  it('a changed hint set is drawn', async () => {
    const { a } = start();
    a.handle({ type: 'hints/update', hints });
    const root = document.querySelector('award-pilot-hints')!.shadowRoot!;
    a.handle({ type: 'hints/update', hints: hints.slice(1) });
    expect(root.querySelector('.badges[data-field="applicant.establishedOn"] .badge')?.getAttribute('data-tone')).toBe('required');
  });
});
