/**
 * The demo adapter as the content script ships it: only what runs in the page (locators, value
 * maps for prefill, table columns, bilingual focus tips, page patterns, status-table headers).
 * Status-event maps, attachment names/articles and the adapter's display name stay with the
 * extension pages, which use the full demo-portal.json. Pure and dependency-free.
 * demo-portal.content.json is this function's output, checked in (a unit test keeps it in sync;
 * regenerate with `npx tsx src/portal/adapters/write-content-adapter.ts`).
 */
type Json = Record<string, unknown>;

export function contentAdapter(adapter: Json): Json {
  const statusTable = adapter.statusTable as Json;
  return {
    id: adapter.id,
    pages: adapter.pages,
    fields: (adapter.fields as Json[]).map((f) => {
      const out: Json = { ...f, locators: (f.locators as Json[]).map(compactLocator) };
      if (Array.isArray(f.columns)) out.columns = (f.columns as Json[]).map((c) => ({ key: c.key, header: c.header }));
      return out;
    }),
    attachments: (adapter.attachments as Json[]).map((a) => {
      const { label: _label, article: _article, ...rest } = a;
      return { ...rest, locators: (a.locators as Json[]).map(compactLocator) };
    }),
    statusTable: { headers: statusTable.headers },
  };
}

/** `normalized` is the locator's default precision (src/portal/dom/locate.ts): no need to ship it. */
function compactLocator(l: Json): Json {
  if (l.precision !== 'normalized') return l;
  const { precision: _p, ...rest } = l;
  return rest;
}
