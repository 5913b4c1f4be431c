import { browser } from 'wxt/browser';
import { createBackgroundServices } from './background-services.ts';
import { createRouter, type BackgroundServices, type Router } from './router.ts';
import { mirrorShippedAdapters } from '../portal/adapters/shipped-mirror.ts';
import { watchPortalPermissions } from '../permissions/portal-origins.ts';

const LEFT_PORTAL_AFTER_MS = 4000;

/**
 * Installs the background's listeners synchronously (an MV3 service worker woken by a message must
 * find its listener registered in the first turn); the services load once and are awaited per message.
 */
export function startBackground(makeServices: () => Promise<BackgroundServices & { refreshPortalPatterns?(): Promise<void> }> = createBackgroundServices) {
  // the content script reads the shipped portal adapters from storage.local (it no longer bundles them)
  void mirrorShippedAdapters();
  const ready = makeServices().then((services) => ({ services, router: createRouter(services) }));
  const withRouter = <T>(fn: (r: Router, s: BackgroundServices & { refreshPortalPatterns?(): Promise<void> }) => Promise<T>) => ready.then(({ router, services }) => fn(router, services));

  browser.runtime.onMessage.addListener((message: unknown, sender: unknown, sendResponse: (reply: unknown) => void) => {
    // Broadcasts meant for extension pages also reach other pages, never the worker itself; ignore echoes.
    if (typeof message === 'object' && message !== null && ((message as { type?: unknown }).type === 'tab-state/changed' || (message as { type?: unknown }).type === 'picker/picked')) return undefined;
    void withRouter((r) => r.handle(message, sender as never)).then(sendResponse, () =>
      sendResponse({ ok: false, error: { zh: '处理消息时出错', en: 'the message could not be handled' } }),
    );
    return true; // reply comes asynchronously
  });

  browser.tabs.onRemoved.addListener((tabId: number) => void withRouter((r) => r.forgetTab(tabId)));
  // A portal tab that (re)loads sends a fresh reading within a second; one that went elsewhere does not.
  browser.tabs.onUpdated.addListener((tabId: number, info: { status?: string }) => {
    if (info.status !== 'loading') return;
    const since = Date.now();
    setTimeout(() => void withRouter((r) => r.forgetIfStale(tabId, since)), LEFT_PORTAL_AFTER_MS);
  });

  // Portal origins granted (or revoked) at run time change which senders count as the portal, and
  // where the content script is registered (src/permissions). A named import, not the eager glob this
  // was while src/permissions had not landed: a glob keeps the whole module, page-only exports too (issue 19).
  const refresh = () => void withRouter((_r, s) => s.refreshPortalPatterns?.() ?? Promise.resolve());
  watchPortalPermissions(undefined, refresh);

  // Chrome: the toolbar icon opens the side panel. Firefox has sidebar_action (from WXT) instead.
  const sidePanel = (browser as unknown as { sidePanel?: { setPanelBehavior(o: { openPanelOnActionClick: boolean }): Promise<void> } }).sidePanel;
  if (sidePanel?.setPanelBehavior) void sidePanel.setPanelBehavior({ openPanelOnActionClick: true }).catch(() => undefined);

  return ready;
}
