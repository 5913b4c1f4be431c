import type { UrlPattern } from './adapter-schema.ts';

export type PortalPageKind = 'application-form' | 'application-status' | 'recommender-review' | 'unknown';

const PAGE_ORDER = ['application-form', 'application-status', 'recommender-review'] as const;

/** `*` matches any run of characters; everything else is literal. */
export function globToRegExp(glob: string): RegExp {
  const body = glob.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*');
  return new RegExp(`^${body}$`);
}

/** An origin glob: `*` stays within one host label run or the port (never crosses ':' or '/'). */
export function originMatches(origin: string, glob: string): boolean {
  const body = glob.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('[^/:]*');
  return new RegExp(`^${body}$`).test(origin);
}

export function urlMatches(url: URL, pattern: UrlPattern): boolean {
  // Scheme, host and port (issue 15): a pattern with no origin matches nothing.
  if (typeof pattern.origin !== 'string' || !originMatches(url.origin, pattern.origin)) return false;
  if (pattern.host !== undefined && !globToRegExp(pattern.host).test(url.host)) return false;
  return globToRegExp(pattern.path).test(url.pathname);
}

/** Which page of the portal's workflow a URL is, per the adapter; `unknown` when none matches or the URL is bad. */
export function matchPortalPage(url: string | URL, adapter: { pages: Readonly<Record<(typeof PAGE_ORDER)[number], ReadonlyArray<UrlPattern>>> }): PortalPageKind {
  let parsed: URL;
  try {
    parsed = typeof url === 'string' ? new URL(url) : url;
  } catch {
    return 'unknown';
  }
  for (const page of PAGE_ORDER) {
    if (adapter.pages[page].some((p) => urlMatches(parsed, p))) return page;
  }
  return 'unknown';
}
