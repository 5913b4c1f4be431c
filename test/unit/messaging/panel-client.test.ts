// Issue 19: the panel protocol's zod schemas load on demand, after the first paint. Every broadcast is still
// sender-checked and zod-validated before the handler sees it; malformed or foreign messages are refused, and
// messages keep their order while the schema loads.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { onBackgroundMessage, preloadProtocol } from '../../../src/messaging/panel-client.ts';
import type { BackgroundToPanel } from '../../../src/messaging/panel-protocol.ts';

beforeEach(() => fakeBrowser.reset());

const fromBackground = () => ({ id: browser.runtime.id, url: browser.runtime.getURL('/background.js') });
const picked = (field: string) => ({ type: 'picker/picked', tabId: 3, adapterId: null, field, locators: [{ kind: 'name', value: field }], label: null });

async function deliver(message: unknown, sender: object): Promise<void> {
  await fakeBrowser.runtime.onMessage.trigger(message, sender as never, () => undefined);
  await preloadProtocol(); // the listener's check was queued on this same promise first, so it has run
}

describe('panel broadcasts: sender-checked and zod-validated, with the schema loaded on demand', () => {
  it('hands a valid message from the background to the handler, in arrival order', async () => {
    const seen: BackgroundToPanel[] = [];
    const stop = onBackgroundMessage((m) => seen.push(m));
    await fakeBrowser.runtime.onMessage.trigger(picked('a'), fromBackground() as never, () => undefined);
    await fakeBrowser.runtime.onMessage.trigger({ type: 'tab-state/changed', tabId: 3, state: null }, fromBackground() as never, () => undefined);
    await deliver(picked('b'), fromBackground());
    expect(seen.map((m) => (m.type === 'picker/picked' ? m.field : m.type))).toEqual(['a', 'tab-state/changed', 'b']);
    stop();
  });

  it('refuses malformed messages: unknown type, extra key, wrong field type, oversized text, non-objects', async () => {
    const seen: unknown[] = [];
    const stop = onBackgroundMessage((m) => seen.push(m));
    const malformed: unknown[] = [
      { type: 'tab-state/evil', tabId: 3 },
      { ...picked('a'), extra: 1 },
      { ...picked('a'), tabId: '3' },
      { ...picked('a'), tabId: -1 },
      { ...picked('a'), field: 'x'.repeat(121) },
      { type: 'tab-state/changed', tabId: 3, state: { tabId: 3 } },
      null,
      'picker/picked',
      [picked('a')],
    ];
    for (const m of malformed) await deliver(m, fromBackground());
    expect(seen).toEqual([]);
    await deliver(picked('ok'), fromBackground()); // the same path does deliver a well-formed one
    expect(seen).toHaveLength(1);
    stop();
  });

  it('refuses a valid message from a tab (content script) or another extension, and after stop', async () => {
    const seen: unknown[] = [];
    const stop = onBackgroundMessage((m) => seen.push(m));
    await deliver(picked('a'), { ...fromBackground(), tab: { id: 3, url: 'https://example.gov.cn/' } });
    await deliver(picked('a'), { id: 'another-extension', url: 'chrome-extension://another-extension/x.html' });
    expect(seen).toEqual([]);
    await deliver(picked('ok'), fromBackground());
    expect(seen).toHaveLength(1);
    stop();
    await deliver(picked('a'), fromBackground());
    expect(seen).toHaveLength(1);
  });
});
