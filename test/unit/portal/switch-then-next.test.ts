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

/**
 * Puts a library switch where the policy checkbox was (`put` returns what the person clicks), turns it on
 * after a long pause, as on a loaded machine, and moves to the next step 5 ms later: only an at-once read
 * of the click can catch it. Returns the policy reading the last snapshot carried.
 */
async function policyAfterClickThenNext(put: (box: HTMLInputElement) => HTMLElement): Promise<unknown> {
  renderStep('a', 'basic', {});
  history.replaceState(null, '', '/app/apply/a/basic');
  const box = [...document.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')].find((i) => i.closest('.el-form-item')?.textContent?.includes('生产经营符合'))!;
  const clicked = put(box);
  const sent: ContentToBackground[] = [];
  running = startAssistant({ doc: document, adapters: [demo as unknown as AssistantAdapter], send: (m) => sent.push(m), debounceMs: 400, missDelayMs: 5 });
  await new Promise((r) => setTimeout(r, 450));
  clicked.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
  await new Promise((r) => setTimeout(r, 5));
  // 下一步: the step is gone
  renderStep('a', 'qualification', {});
  history.replaceState(null, '', '/app/apply/a/qualification');
  await new Promise((r) => setTimeout(r, 900));
  const snap = [...sent].reverse().find((m) => m.type === 'portal/snapshot') as Snapshot;
  return snap.fields.find((f) => f.key === 'applicant.policyCompliant')?.value;
}

describe('a switch turned on right before the step changes is kept', () => {
  it('the click is read once the framework has redrawn, before the step goes', async () => {
    const value = await policyAfterClickThenNext((box) => {
      // a div[role=switch] that flips on click, a tick later
      const sw = document.createElement('div');
      sw.setAttribute('role', 'switch');
      sw.setAttribute('aria-checked', 'false');
      sw.tabIndex = 0;
      sw.addEventListener('click', () => { queueMicrotask(() => sw.setAttribute('aria-checked', 'true')); });
      box.replaceWith(sw);
      return sw;
    });
    expect(value).toBe(true);
  });

  it('Element Plus: the click lands on the drawn track beside the hidden input[role=switch], and is still read', async () => {
    const value = await policyAfterClickThenNext((box) => {
      // Element Plus 2 draws <div class="el-switch" @click> <input type=checkbox role=switch hidden> <span class="el-switch__core"> </div>:
      // the person clicks the track, a sibling of the bound input, and the framework flips the input a tick later
      const sw = document.createElement('div');
      sw.className = 'el-switch';
      const input = document.createElement('input');
      input.type = 'checkbox';
      input.className = 'el-switch__input';
      input.setAttribute('role', 'switch');
      input.setAttribute('aria-checked', 'false');
      const core = document.createElement('span');
      core.className = 'el-switch__core';
      sw.append(input, core);
      sw.addEventListener('click', () => { queueMicrotask(() => { input.checked = true; input.setAttribute('aria-checked', 'true'); sw.classList.add('is-checked'); }); });
      // not inside a <label>: a label would pass the click on to the input, which Element Plus's markup does not have
      (box.closest('label') ?? box).replaceWith(sw);
      return core;
    });
    expect(value).toBe(true);
  });
});
