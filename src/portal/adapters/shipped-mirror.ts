import { browser } from 'wxt/browser';
import { SHIPPED_ADAPTER_FILES, SHIPPED_ADAPTERS_DIR } from './shipped-files.ts';

/**
 * storage.local key under which the background puts the shipped adapters for the content script.
 * The content script no longer bundles them (≈5 KiB gz of its 20 KiB budget went to the widget
 * drivers instead); it reads them from the extension's own storage, like the saved ones.
 */
export const SHIPPED_ADAPTERS_KEY = 'portalAdaptersShipped';

/** Reads one of the package's own JSON files (`adapters/…`, copied there by wxt.config.ts). */
export async function readShippedAdapterFile(file: string): Promise<unknown> {
  const res = await fetch(browser.runtime.getURL(`/${SHIPPED_ADAPTERS_DIR}/${file}` as '/'));
  if (!res.ok) throw new Error(`${file}: ${res.status}`);
  return res.json();
}

/**
 * Written on every background start, so an updated extension's adapters replace the old copy: the
 * compact copies (content-adapter.ts), read from the package rather than bundled in the worker.
 */
export async function mirrorShippedAdapters(read: (file: string) => Promise<unknown> = readShippedAdapterFile): Promise<void> {
  try {
    const compact = await Promise.all(SHIPPED_ADAPTER_FILES.map((f) => read(f.content)));
    await browser.storage.local.set({ [SHIPPED_ADAPTERS_KEY]: compact });
  } catch {
    // storage or the package file unavailable: the portal pages get no adapter and stay untouched
  }
}
