/**
 * The prefill driver: what writes into the page's widgets when a person clicks 填入资料 (prefill.ts,
 * prefill-table.ts, drive.ts). Not part of the content script that runs on every portal page: the
 * background injects it as its own file (entrypoints/prefill-driver.ts) into the content script's
 * world just before a prefill, and the content script finds it there (prefill-driver-slot.ts).
 */
import { applyPrefill } from './prefill.ts';
import { prefillTables } from './prefill-table.ts';

export interface PrefillDriver {
  applyPrefill: typeof applyPrefill;
  /** the table fields, through their add-row buttons (after applyPrefill's plain fields) */
  prefillTables: typeof prefillTables;
}

export const prefillDriver: PrefillDriver = { applyPrefill, prefillTables };
