// A library switch (role="switch") toggles without any input or change event: the framework flips its
// state on click and redraws on a later tick. A person who turns it on and clicks 下一步 at once must
// not lose it: the step unmounts the switch before a debounced scan would have read it (seen in the
// Element Plus e2e under load: 生产经营符合…政策 stayed 待填 on the last step).
import { afterEach, describe, expect, it } from 'vitest';
import demo from '../../../src/portal/adapters/demo-portal.json';
import { startAssistant, type Assistant, type AssistantAdapter } from '../../../src/portal/dom/assistant.ts';
import type { ContentToBackground } from '../../../src/messaging/protocol.ts';
import { renderStep } from './portal-markup.ts';

let running: Assistant | null = null;
afterEach(() => { running?.stop(); running = null; });
type Snapshot = Extract<ContentToBackground, { type: 'portal/snapshot' }>;

describe('a switch turned on right before the step changes is kept', () => {
  it('the click is read once the framework has redrawn, before the step goes', async () => {
    renderStep('a', 'basic', {});
    history.replaceState(null, '', '/app/apply/a/basic');
    // replace the policy checkbox by a library switch: a div[role=switch] that flips on click, a tick later
    const box = [...document.querySelectorAll('input[type="checkbox"]')].find((i) => i.closest('.el-form-item')?.textContent?.includes('生产经营符合'))!;
    const sw = document.createElement('div');
    sw.setAttribute('role', 'switch');
    sw.setAttribute('aria-checked', 'false');
    sw.tabIndex = 0;
    sw.addEventListener('click', () => { queueMicrotask(() => sw.setAttribute('aria-checked', 'true')); });
    box.replaceWith(sw);
    const sent: ContentToBackground[] = [];
    // a long pause, as on a loaded machine: only an at-once read can catch the switch
    running = startAssistant({ doc: document, adapters: [demo as unknown as AssistantAdapter], send: (m) => sent.push(m), debounceMs: 400, missDelayMs: 5 });
    await new Promise((r) => setTimeout(r, 450));
    sw.click();
    await new Promise((r) => setTimeout(r, 5));
    // 下一步: the step is gone
    renderStep('a', 'qualification', {});
    history.replaceState(null, '', '/app/apply/a/qualification');
    await new Promise((r) => setTimeout(r, 900));
    const snap = [...sent].reverse().find((m) => m.type === 'portal/snapshot') as Snapshot;
    expect(snap.fields.find((f) => f.key === 'applicant.policyCompliant')?.value).toBe(true);
  });
});
