// Cold start of a fresh browser: the portal page's content script can read storage.local before the
// background has written the shipped adapters there (seen in the e2e logs: the content script read 0 adapters
// 0.6 s before the service worker started). It then depends on the storage change to learn them. A change
// that lands while the content script is still between its reads and its listener was lost, and the page
// stayed silent for good: no reading, no badges, no verdict in the side panel (the skeleton / next-actions /
// portal-hints flake). Here the background's write lands between the content script's two reads.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import contentScript from '../../../entrypoints/portal.content/index.ts';
import demoPortal from '../../../src/portal/adapters/demo-portal.content.json';
import { SHIPPED_ADAPTERS_KEY } from '../../../src/portal/adapters/shipped-mirror.ts';

const invalidated: (() => void)[] = [];
const ctx = { get isInvalid() { return false; }, onInvalidated: (fn: () => void) => invalidated.push(fn) };

beforeEach(() => {
  fakeBrowser.reset();
  (window as unknown as { happyDOM: { setURL(u: string): void } }).happyDOM.setURL('http://127.0.0.1:4173/app/apply/a/basic');
  document.body.innerHTML = '';
  const label = document.createElement('label');
  label.htmlFor = 'n';
  label.textContent = '单位名称';
  const input = document.createElement('input');
  input.id = 'n';
  input.value = '连云港示范精工有限公司';
  document.body.append(label, input);
});

afterEach(() => {
  for (const fn of invalidated.splice(0)) fn();
  document.body.innerHTML = '';
});

const snapshotsSent = (send: { mock: { calls: unknown[][] } }) => send.mock.calls.filter(([m]) => (m as { type?: string }).type === 'portal/snapshot').length;

describe('content script at a cold start', () => {
  it('reads the form once the background mirrors the shipped adapters, even when the write lands between its own reads', async () => {
    const send = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue({ ok: true } as never);
    const local = fakeBrowser.storage.local;
    const realGet = local.get.bind(local);
    let reads = 0;
    let mirrored!: Promise<void>;
    vi.spyOn(local, 'get').mockImplementation((async (keys: never) => {
      const got = await realGet(keys);
      // the service worker starts late and writes the shipped adapters right after the first read was served
      if (++reads === 1) mirrored = local.set({ [SHIPPED_ADAPTERS_KEY]: [demoPortal] });
      else await mirrored;
      return got;
    }) as never);

    await contentScript.main(ctx as never);
    // the change was made; whatever the content script does with it, give it time to read again
    await vi.waitFor(() => expect(snapshotsSent(send)).toBeGreaterThan(0), { timeout: 15_000, interval: 20 });
  });

  it('with the adapters already mirrored, the first scan sends a reading (control)', async () => {
    const send = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue({ ok: true } as never);
    await fakeBrowser.storage.local.set({ [SHIPPED_ADAPTERS_KEY]: [demoPortal] });
    await contentScript.main(ctx as never);
    await vi.waitFor(() => expect(snapshotsSent(send)).toBeGreaterThan(0), { timeout: 15_000, interval: 20 });
  });
});
