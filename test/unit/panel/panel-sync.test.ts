// The side panel must always come to show its tab's latest reading (issue 11's cold-start flake). Two ways it
// did not, each ordered here the bad way with a fake runtime:
// - its first request reached no background (the service worker not there yet, or stopped): the panel showed
//   an error and asked again only on the next broadcast, which never came while the page stayed unchanged;
// - two requests crossed (panel opening + tab switch): the older answer, arriving last, replaced the newer one.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { TabState } from '../../../src/messaging/panel-protocol.ts';
import { connection, refreshTabState, startPanelSync, tabState } from '../../../src/ui/panel/state.ts';

const reading = (tabId: number, takenAt: number): TabState => ({
  tabId, url: 'http://127.0.0.1/app/apply/a/basic', page: 'application-form', adapterId: 'demo-portal', takenAt,
  fields: [], attachments: [], precheck: null, hints: [], draftId: null, caseIds: [], picker: null,
});

let stop: (() => void) | undefined;
beforeEach(() => {
  fakeBrowser.reset();
  tabState.value = null;
  connection.value = 'loading';
});
afterEach(() => { stop?.(); stop = undefined; });

describe('side panel sync', () => {
  it('asks again when its first request reached no background, and shows the tab once it answers', async () => {
    let calls = 0;
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async () => {
      if (++calls === 1) throw new Error('Could not establish connection. Receiving end does not exist.');
      return { ok: true, state: reading(5, 1), tabId: 5 };
    }) as never);
    stop = await startPanelSync();
    await vi.waitFor(() => expect(tabState.value?.tabId).toBe(5), { timeout: 15_000, interval: 20 });
    expect(connection.value).toBe('ready');
  });

  it('an older answer arriving after a newer one does not replace it', async () => {
    const answers: ((r: unknown) => void)[] = [];
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((() => new Promise((resolve) => answers.push(resolve))) as never);
    const first = refreshTabState();
    const second = refreshTabState();
    answers[1]!({ ok: true, state: reading(5, 2), tabId: 5 });
    await second;
    answers[0]!({ ok: true, state: null, tabId: 5 });
    await first;
    expect(tabState.value?.takenAt).toBe(2);
  });
});
