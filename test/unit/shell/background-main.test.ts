import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startBackground } from '../../../src/messaging/background-main.ts';
import type { BackgroundServices } from '../../../src/messaging/router.ts';
import { TabStateStore, type SessionArea } from '../../../src/messaging/tab-state-store.ts';
import { core, eligibleOrganization, panelSender, portalSender, snapshot } from './fixtures.ts';

beforeEach(() => {
  fakeBrowser.reset();
  vi.spyOn(fakeBrowser.sidePanel, 'setPanelBehavior').mockResolvedValue(undefined);
  vi.spyOn(fakeBrowser.permissions.onAdded, 'addListener').mockImplementation(() => undefined);
  vi.spyOn(fakeBrowser.permissions.onRemoved, 'addListener').mockImplementation(() => undefined);
});

function services(): BackgroundServices {
  return {
    runtimeId: fakeBrowser.runtime.id,
    extensionOrigin: fakeBrowser.runtime.getURL('/'),
    portalPatterns: () => ['http://127.0.0.1/*'],
    core,
    store: new TabStateStore(fakeBrowser.storage.session as unknown as SessionArea),
    sendToTab: vi.fn(async () => undefined),
    broadcast: vi.fn(async () => undefined),
    activeTabId: async () => 7,
    saveDraft: vi.fn(async () => undefined),
    recordStatusRows: async () => [],
    recordAnchorMiss: async () => undefined,
    profileValues: async () => null,
  };
}

/** Delivers a runtime message with a chosen sender, as the browser would, and waits for the reply. */
async function deliver(message: unknown, sender: object): Promise<unknown> {
  let reply: unknown;
  const replied = new Promise<void>((resolve) => {
    void fakeBrowser.runtime.onMessage.trigger(message, sender, (r: unknown) => {
      reply = r;
      resolve();
    });
  });
  await replied;
  return reply;
}

describe('background wiring', () => {
  it('opens the side panel from the toolbar action on Chrome', async () => {
    await startBackground(async () => services());
    expect(fakeBrowser.sidePanel.setPanelBehavior).toHaveBeenCalledWith({ openPanelOnActionClick: true });
  });

  it('answers a portal snapshot and then the panel, through runtime.onMessage', async () => {
    const s = services();
    await startBackground(async () => s);
    expect(await deliver(snapshot(eligibleOrganization()), portalSender(7))).toEqual({ ok: true });
    expect(s.sendToTab).toHaveBeenCalledWith(7, { type: 'hints/update', hints: [] });
    expect(await deliver({ type: 'panel/get-tab-state' }, panelSender())).toMatchObject({ ok: true, state: { precheck: { verdict: 'eligible' } } });
  });

  it('refuses a message from a foreign sender through the same listener', async () => {
    const s = services();
    await startBackground(async () => s);
    expect(await deliver(snapshot(eligibleOrganization()), { id: 'intruder', url: 'http://127.0.0.1/', tab: { id: 7 } })).toMatchObject({ ok: false });
    expect(s.sendToTab).not.toHaveBeenCalled();
  });
});
