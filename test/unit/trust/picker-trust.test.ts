// Issue 15 item 3: the field picker obeys only the person (trusted events); a page script's synthetic
// click on a decoy is ignored, and the released in-page UI is a closed shadow root the page cannot walk.
import { afterEach, describe, expect, it } from 'vitest';
import demo from '../../../src/portal/adapters/demo-portal.json';
import { prefillDriver } from '../../../src/portal/dom/prefill-driver.ts';
import { startAssistant, type Assistant, type AssistantAdapter } from '../../../src/portal/dom/assistant.ts';
import { createHintsUi } from '../../../src/portal/dom/hints-ui.ts';
import type { ContentToBackground } from '../../../src/messaging/protocol.ts';
import { renderStep } from '../portal/portal-markup.ts';

let running: Assistant | null = null;
afterEach(() => { running?.stop(); running = null; });

describe('picker trusts only the person (issue 15 item 3)', () => {
  it('a scripted click on a decoy while the picker is open picks nothing and leaves the picker open', () => {
    renderStep('a', 'basic');
    history.replaceState(null, '', '/app/apply/a/basic');
    const sent: ContentToBackground[] = [];
    running = startAssistant({ doc: document, adapters: [demo as unknown as AssistantAdapter], send: (m) => sent.push(m), debounceMs: 5, missDelayMs: 5, prefillDriver: () => prefillDriver });
    running.handle({ type: 'picker/start', field: 'applicant.name' });
    const decoy = [...document.querySelectorAll('input')].find((i) => i.closest('.el-form-item')?.querySelector('label')?.textContent === '单位地址')!;
    const click = new MouseEvent('click', { bubbles: true, cancelable: true });
    expect(click.isTrusted).not.toBe(true); // scripted: never trusted (the real click path is test/e2e/portal-picker.e2e.mjs)
    decoy.dispatchEvent(click);
    expect(sent.filter((m) => m.type === 'portal/picked')).toEqual([]);
    // a scripted Escape does not cancel either (the page cannot steer the picker at all)
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    running.handle({ type: 'picker/cancel' });
  });

  it('the in-page UI can be a closed shadow root: nothing for page scripts to read, still drawn', () => {
    const ui = createHintsUi(document, { shadowMode: 'closed' });
    // the picker's banner (prefill driver) goes into the closed root too
    const stop = prefillDriver.pick({ doc: document, ui: () => ui, targets: [], banner: '请点击字段', picked: () => undefined, stopped: () => undefined });
    expect(ui.host.isConnected).toBe(true);
    expect(ui.host.shadowRoot).toBeNull();
    stop();
    ui.destroy();
  });

  it('the release build uses the closed shadow root (open only in tests and the demo build)', async () => {
    const { HINTS_SHADOW_MODE } = await import('../../../src/portal/dom/hints-ui.ts');
    expect(HINTS_SHADOW_MODE('production')).toBe('closed');
    expect(HINTS_SHADOW_MODE('demo')).toBe('open');
  });
});
