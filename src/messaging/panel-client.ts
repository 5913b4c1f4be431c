import { browser } from 'wxt/browser';
import { bi } from '../core/i18n.ts';
import type { BackgroundToPanel, PanelReply, PanelToBackground } from './panel-protocol.ts';
import { isExtensionPage } from './senders.ts';

/** Extension pages → background: one request, one typed reply (never throws). */
export async function askBackground(message: PanelToBackground): Promise<PanelReply & Record<string, unknown>> {
  try {
    const reply = (await browser.runtime.sendMessage(message)) as (PanelReply & Record<string, unknown>) | undefined;
    return reply ?? { ok: false, error: bi('后台没有响应', 'the background did not answer') };
  } catch {
    return { ok: false, error: bi('无法连接扩展后台，请重新打开侧边栏', 'cannot reach the extension background; reopen the side panel') };
  }
}

/**
 * The panel protocol's schemas (and zod with them), loaded once on first use: a page paints before zod has
 * loaded, and `preloadProtocol()` starts the load right after the first paint (issue 19).
 */
let protocol: Promise<typeof import('./panel-protocol.ts')> | null = null;
export function preloadProtocol(): Promise<typeof import('./panel-protocol.ts')> {
  // a failed load is not kept: the next message tries again
  return (protocol ??= import('./panel-protocol.ts').catch((e: unknown) => {
    protocol = null;
    throw e;
  }));
}

/**
 * Background → extension pages broadcasts. Only our own extension's non-tab contexts (the service
 * worker) are heard, and only messages of the panel protocol; everything else is ignored. Each message
 * is checked against the protocol's zod schema before the handler sees it; messages that arrive while
 * the schema loads wait for it and reach the handler in the order they came.
 */
export function onBackgroundMessage(handler: (message: BackgroundToPanel) => void): () => void {
  const origin = browser.runtime.getURL('/');
  let live = true;
  const listener = (message: unknown, sender: { id?: string; url?: string; tab?: unknown }) => {
    if (sender.tab || !isExtensionPage(sender as never, browser.runtime.id, origin)) return undefined;
    void preloadProtocol().then(
      ({ backgroundToPanelSchema }) => {
        const parsed = backgroundToPanelSchema.safeParse(message);
        if (parsed.success && live) handler(parsed.data);
      },
      () => undefined, // the schema could not load: nothing unchecked reaches the handler
    );
    return undefined; // not answering: leaves the reply to the background's own listener
  };
  browser.runtime.onMessage.addListener(listener);
  return () => {
    live = false;
    browser.runtime.onMessage.removeListener(listener);
  };
}
