/**
 * Where the content script finds the prefill driver once the background has injected it
 * (prefill-driver.ts). The slot is a property of the content script's own global: Chrome's isolated
 * world and Firefox's content-script sandbox, which page scripts cannot see or write. Kept free of
 * imports so the content script does not pull the driver in.
 */
import type { PrefillDriver } from './prefill-driver.ts';

/** the injected file, as the background names it to scripting.executeScript */
export const PREFILL_DRIVER_FILE = '/prefill-driver.js';
const SLOT = '__awardPilotPrefillDriver';

export function setPrefillDriver(driver: PrefillDriver): void {
  (globalThis as Record<string, unknown>)[SLOT] = driver;
}

/** the driver if it was injected into this world, else null */
export function loadedPrefillDriver(): PrefillDriver | null {
  const d = (globalThis as Record<string, unknown>)[SLOT] as Partial<PrefillDriver> | undefined;
  return d && typeof d.prefill === 'function' && typeof d.pick === 'function' ? (d as PrefillDriver) : null;
}
