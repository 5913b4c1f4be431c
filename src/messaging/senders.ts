/**
 * Sender checks for runtime messages (CWE-346): every handler asks one of these BEFORE it looks
 * at the message. Content-script messages must come from our own extension, from a tab whose page
 * is a granted portal origin; panel messages only from our own extension pages.
 */

/** The parts of `runtime.MessageSender` the checks read (so tests can build senders by hand). */
export interface SenderLike {
  id?: string;
  url?: string;
  origin?: string;
  tab?: { id?: number; url?: string } | undefined;
  frameId?: number;
}

/**
 * Does `url` match a WebExtension match pattern (`http://127.0.0.1/*`, `https://*.gov.cn/*`)?
 * Host permission patterns ignore the port, as the browser does.
 */
export function matchesPattern(url: string, pattern: string): boolean {
  if (pattern === '<all_urls>') return /^(https?|wss?|file|ftp):/.test(url);
  const m = /^(\*|https?|wss?|file|ftp):\/\/([^/]*)(\/.*)$/.exec(pattern);
  if (!m) return false;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  const [, scheme, host, pathPattern] = m as unknown as [string, string, string, string];
  const urlScheme = u.protocol.slice(0, -1);
  if (scheme === '*' ? urlScheme !== 'http' && urlScheme !== 'https' : scheme !== urlScheme) return false;
  if (host !== '*') {
    if (host.startsWith('*.')) {
      const base = host.slice(2);
      if (u.hostname !== base && !u.hostname.endsWith(`.${base}`)) return false;
    } else if (u.hostname !== host) return false;
  }
  const re = new RegExp(`^${pathPattern.split('*').map(escapeRegExp).join('.*')}$`);
  return re.test(u.pathname + u.search);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function isPortalUrl(url: string | undefined, portalPatterns: readonly string[]): boolean {
  if (!url) return false;
  return portalPatterns.some((p) => matchesPattern(url, p));
}

/** A content script of ours, running in a tab on a granted portal origin. Returns the tab id. */
export function contentScriptTab(sender: SenderLike, runtimeId: string, portalPatterns: readonly string[]): number | null {
  return contentScriptPage(sender, runtimeId, portalPatterns)?.tabId ?? null;
}

/** Longest page URL kept (the tab-state schema's bound) */
const MAX_PAGE_URL = 2000;

/**
 * The tab and page of a content script of ours on a granted portal origin. The page URL is the one
 * the browser reports for the sender, never the URL a message claims (a compromised content
 * script could claim any page).
 */
export function contentScriptPage(sender: SenderLike, runtimeId: string, portalPatterns: readonly string[]): { tabId: number; url: string } | null {
  if (!sender || sender.id !== runtimeId) return null;
  const tabId = sender.tab?.id;
  if (typeof tabId !== 'number' || tabId < 0) return null;
  const pageUrl = sender.url ?? sender.tab?.url;
  if (!pageUrl || !isPortalUrl(pageUrl, portalPatterns)) return null;
  return { tabId, url: pageUrl.slice(0, MAX_PAGE_URL) };
}

/**
 * One of our own extension pages (side panel, options, staff page). An extension page opened as a
 * tab has `sender.tab`, but then the tab shows our own origin too; a content script never has an
 * extension-origin `sender.url`.
 */
export function isExtensionPage(sender: SenderLike, runtimeId: string, extensionOrigin: string): boolean {
  if (!sender || sender.id !== runtimeId) return false;
  const origin = extensionOrigin.endsWith('/') ? extensionOrigin : `${extensionOrigin}/`;
  if (!sender.url?.startsWith(origin)) return false;
  if (sender.tab?.url !== undefined && !sender.tab.url.startsWith(origin)) return false;
  return true;
}
