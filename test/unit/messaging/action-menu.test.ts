import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ACTION_MENU_ITEMS, installActionMenu } from '../../../src/messaging/action-menu.ts';

type Created = { id: string; title: string; contexts: string[] };
let created: Created[];
let clicked: ((info: { menuItemId: string | number }) => void) | undefined;

beforeEach(() => {
  fakeBrowser.reset();
  created = [];
  clicked = undefined;
  // fakeBrowser has no in-memory context menus: a tiny one that, like Chrome, refuses duplicate ids.
  vi.spyOn(fakeBrowser.contextMenus, 'removeAll').mockImplementation(async () => void (created = []));
  vi.spyOn(fakeBrowser.contextMenus, 'create').mockImplementation(((props: Created, done?: () => void) => {
    if (created.some((c) => c.id === props.id)) throw new Error(`duplicate id ${props.id}`);
    created.push(props);
    done?.();
    return props.id;
  }) as never);
  vi.spyOn(fakeBrowser.contextMenus.onClicked, 'addListener').mockImplementation(((fn: typeof clicked) => void (clicked = fn)) as never);
  vi.spyOn(fakeBrowser.tabs, 'create');
});

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('action (toolbar icon) context menu', () => {
  it('Chrome MV3: creates 评审工作台 and 设置 on the action, once installed', async () => {
    installActionMenu(3);
    expect(created).toEqual([]); // nothing until onInstalled: MV3 menus outlive the worker
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' });
    await settle();
    expect(created).toEqual([
      { id: 'award-pilot/open-staff-console', title: '打开评审工作台 Staff console', contexts: ['action'] },
      { id: 'award-pilot/open-options', title: '设置 Options', contexts: ['action'] },
    ]);
  });

  it('Chrome MV3: an update re-runs onInstalled without a duplicate-id error', async () => {
    installActionMenu(3);
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' });
    await settle();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update', previousVersion: '0.0.9' });
    await settle();
    expect(created.map((c) => c.id)).toEqual(ACTION_MENU_ITEMS.map((i) => i.id));
  });

  it('Firefox MV2: creates the items on browser_action at every background start', async () => {
    installActionMenu(2);
    await settle();
    expect(created.map((c) => c.contexts)).toEqual([['browser_action'], ['browser_action']]);
  });

  it('a click on 评审工作台 opens dashboard.html, on 设置 opens options.html', async () => {
    installActionMenu(3);
    clicked!({ menuItemId: 'award-pilot/open-staff-console' });
    clicked!({ menuItemId: 'award-pilot/open-options' });
    await settle();
    expect(fakeBrowser.tabs.create).toHaveBeenNthCalledWith(1, { url: 'chrome-extension://test-extension-id/dashboard.html' });
    expect(fakeBrowser.tabs.create).toHaveBeenNthCalledWith(2, { url: 'chrome-extension://test-extension-id/options.html' });
    expect((await fakeBrowser.tabs.query({})).map((t) => t.url).filter(Boolean)).toEqual([
      'chrome-extension://test-extension-id/dashboard.html',
      'chrome-extension://test-extension-id/options.html',
    ]);
  });

  it('ignores menu items that are not ours', async () => {
    installActionMenu(3);
    clicked!({ menuItemId: 'someone-else/item' });
    clicked!({ menuItemId: 0 });
    clicked!({ menuItemId: 'award-pilot/open-staff-console-x' });
    await settle();
    expect(fakeBrowser.tabs.create).not.toHaveBeenCalled();
  });
});
