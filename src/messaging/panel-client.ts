import { browser } from 'wxt/browser';
import { bi } from '../core/i18n.ts';
import { backgroundToPanelSchema, type BackgroundToPanel, type PanelReply, type PanelToBackground } from './panel-protocol.ts';
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
 * Background → extension pages broadcasts. Only our own extension's non-tab contexts (the service
 * worker) are heard, and only messages of the panel protocol; everything else is ignored.
 */
export function onBackgroundMessage(handler: (message: BackgroundToPanel) => void): () => void {
  const origin = browser.runtime.getURL('/');
  const listener = (message: unknown, sender: { id?: string; url?: string; tab?: unknown }) => {
    if (sender.tab || !isExtensionPage(sender as never, browser.runtime.id, origin)) return undefined;
    const parsed = backgroundToPanelSchema.safeParse(message);
    if (parsed.success) handler(parsed.data);
    return undefined; // not answering: leaves the reply to the background's own listener
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}
