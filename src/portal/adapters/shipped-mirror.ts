import { browser } from 'wxt/browser';
// The compact copy (content-adapter.ts): only what runs in the page.
import demoPortal from './demo-portal.content.json';

/**
 * storage.local key under which the background puts the shipped adapters for the content script.
 * The content script no longer bundles them (≈5 KiB gz of its 20 KiB budget went to the widget
 * drivers instead); it reads them from the extension's own storage, like the saved ones.
 */
export const SHIPPED_ADAPTERS_KEY = 'portalAdaptersShipped';

/** Written on every background start, so an updated extension's adapters replace the old copy. */
export async function mirrorShippedAdapters(): Promise<void> {
  try {
    await browser.storage.local.set({ [SHIPPED_ADAPTERS_KEY]: [demoPortal] });
  } catch {
    // storage unavailable: the portal pages get no adapter and stay untouched
  }
}
