import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { FIRST_RUN_PAGE, installFirstRun } from '../../../src/messaging/first-run.ts';

const settle = () => new Promise((r) => setTimeout(r, 0));

beforeEach(() => {
  fakeBrowser.reset();
  vi.spyOn(fakeBrowser.tabs, 'create');
});

describe('first-run page (issue 17)', () => {
  it('opens the welcome page once, on install', async () => {
    installFirstRun();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' });
    await settle();
    expect(fakeBrowser.tabs.create).toHaveBeenCalledTimes(1);
    expect(vi.mocked(fakeBrowser.tabs.create).mock.calls[0]![0].url).toContain(FIRST_RUN_PAGE);
  });
  it('not on an update or a browser update', async () => {
    installFirstRun();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update', previousVersion: '0.0.9' });
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'chrome_update' });
    await settle();
    expect(fakeBrowser.tabs.create).not.toHaveBeenCalled();
  });
});
