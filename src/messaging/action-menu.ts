import { browser } from 'wxt/browser';

/**
 * The toolbar icon's right-click menu (issue 5: the staff console opens "from the side panel and the
 * action menu"), plus the options page. Needs only the `contextMenus` permission (no install warning).
 */
export const ACTION_MENU_ITEMS = [
  { id: 'award-pilot/open-staff-console', title: '打开评审工作台 Staff console', page: '/dashboard.html' },
  { id: 'award-pilot/open-options', title: '设置 Options', page: '/options.html' },
] as const;

type MenuContext = 'action' | 'browser_action';
type ContextMenusApi = {
  create(props: { id: string; title: string; contexts: MenuContext[] }, callback?: () => void): unknown;
  removeAll(): Promise<void>;
  onClicked: { addListener(fn: (info: { menuItemId: string | number }) => void): void };
};

function contextMenusApi(): ContextMenusApi | undefined {
  // Firefox for Android has no context menus at all.
  return (browser as unknown as { contextMenus?: ContextMenusApi }).contextMenus;
}

/**
 * Registers the click handler synchronously (a worker woken by a click must find it) and creates the
 * items. MV3 (Chrome): menus outlive the service worker, so they are created once per install/update
 * in runtime.onInstalled. MV2 (Firefox): the background page is persistent and its menus vanish with
 * the browser session, so they are (re)created every time the background starts.
 */
export function installActionMenu(manifestVersion: 2 | 3 = import.meta.env?.MANIFEST_VERSION === 2 ? 2 : 3): void {
  const menus = contextMenusApi();
  if (!menus) return;
  const contexts: MenuContext[] = [manifestVersion === 2 ? 'browser_action' : 'action'];

  const create = () => {
    // removeAll first: an update re-runs onInstalled while the old items still exist (duplicate id error).
    void menus.removeAll().then(() => {
      // Reading lastError in the callback marks a failed create as handled instead of an uncaught error.
      for (const item of ACTION_MENU_ITEMS) menus.create({ id: item.id, title: item.title, contexts }, () => void browser.runtime.lastError);
    });
  };
  if (manifestVersion === 2) create();
  else browser.runtime.onInstalled.addListener(create);

  menus.onClicked.addListener((info) => {
    const item = ACTION_MENU_ITEMS.find((i) => i.id === info.menuItemId);
    if (!item) return; // not ours
    void browser.tabs.create({ url: browser.runtime.getURL(item.page) }).catch(() => undefined);
  });
}
