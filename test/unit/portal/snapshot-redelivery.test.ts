// A reading the background never took must not count as delivered. At a cold start the content script's
// message can be refused while the extension's service worker is still starting (or stopped mid-answer):
// `runtime.sendMessage` rejects. The assistant used to remember that reading as sent, so an unchanged page
// (the person waiting for the side panel, or a page that never changes, like a static table) never sent it
// again: the panel showed no verdict and the page no badge until something was typed.
import { afterEach, describe, expect, it, vi } from 'vitest';
import demo from '../../../src/portal/adapters/demo-portal.json';
import { startAssistant, type Assistant, type AssistantAdapter } from '../../../src/portal/dom/assistant.ts';
import type { ContentToBackground } from '../../../src/messaging/protocol.ts';
import { renderStep } from './portal-markup.ts';

let running: Assistant | null = null;
afterEach(() => { running?.stop(); running = null; });

const snapshots = (sent: ContentToBackground[]) => sent.filter((m): m is Extract<ContentToBackground, { type: 'portal/snapshot' }> => m.type === 'portal/snapshot');

describe('a reading the background did not take', () => {
  it('is sent again, unchanged page and all, once the background answers', async () => {
    renderStep('a', 'basic', { orgName: '连云港示例有限公司' });
    history.replaceState(null, '', '/app/apply/a/basic');
    const sent: ContentToBackground[] = [];
    let refusals = 2;
    running = startAssistant({
      doc: document,
      adapters: [demo as unknown as AssistantAdapter],
      debounceMs: 5,
      missDelayMs: 5,
      send: (m) => {
        sent.push(m);
        // the service worker is not there yet: Chrome rejects the message
        if (m.type === 'portal/snapshot' && refusals-- > 0) return Promise.reject(new Error('Could not establish connection. Receiving end does not exist.'));
        return Promise.resolve({ ok: true });
      },
    });
    await vi.waitFor(() => expect(snapshots(sent).length).toBe(3), { timeout: 15_000, interval: 20 });
    const [first, , third] = snapshots(sent);
    expect(third!.fields).toEqual(first!.fields);
    expect(third!.fields.find((f) => f.key === 'applicant.name')).toMatchObject({ found: true, value: '连云港示例有限公司' });
  });
});
