import { browser } from 'wxt/browser';
import { portalAdapterSchema, type PortalAdapter } from '../../portal/adapter-schema.ts';
import { listAdapters } from '../../storage/repos.ts';

/** storage.local key the content script reads saved adapters from (it cannot open IndexedDB). */
export const SAVED_ADAPTERS_KEY = 'portalAdapters';

/** The saved adapters that still validate (IndexedDB is the source of truth; the mirror follows it). */
export async function savedPortalAdapters(): Promise<PortalAdapter[]> {
  const saved: PortalAdapter[] = [];
  for (const r of await listAdapters()) {
    const parsed = portalAdapterSchema.safeParse(r.adapter);
    if (parsed.success) saved.push(parsed.data);
  }
  return saved;
}

/**
 * Copies the saved adapters to storage.local for the content script. Call it after anything that
 * changes the adapters store (editor save, backup restore); without it the portal keeps the old ones.
 */
export async function mirrorSavedAdapters(saved?: PortalAdapter[]): Promise<void> {
  try {
    await browser.storage.local.set({ [SAVED_ADAPTERS_KEY]: saved ?? (await savedPortalAdapters()) });
  } catch {
    // Without the mirror the content script keeps using the shipped adapter; the options page still works.
  }
}
