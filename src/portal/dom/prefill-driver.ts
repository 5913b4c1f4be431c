/**
 * The prefill driver: what writes into the page's widgets when a person clicks 填入资料 (prefill.ts,
 * prefill-table.ts, drive.ts), and the field picker with its locator proposal (picker.ts, propose.ts). Not part of the content script that runs on every portal page: the
 * background injects it as its own file (entrypoints/prefill-driver.ts) into the content script's
 * world just before a prefill, and the content script finds it there (prefill-driver-slot.ts).
 */
import type { Binding } from './locate.ts';
import { applyPrefill, type PrefillField, type PrefillResult } from './prefill.ts';
import { prefillTables, type TablesJob } from './prefill-table.ts';
import { startPicker } from './picker.ts';

export interface PrefillDriver {
  /** 填入资料: the plain fields (applyPrefill), then the table fields through their add-row buttons */
  prefill: typeof prefill;
  /** the picker: highlight, banner, and locators for the element a person clicks (loaded before picker/start) */
  pick: typeof startPicker;
}

export interface PrefillJob {
  values: Record<string, string | boolean>;
  overwrite: readonly string[];
  /** what each field read when the person agreed to replace it */
  expect: Readonly<Record<string, string>>;
  /** the content script's latest scan (read again while a table waits for its new row) */
  bindings(): readonly Binding[];
  /** the adapter's fields */
  fields: TablesJob['tables'] & readonly PrefillField[];
  /** a full scan of the page (updates `bindings()`) */
  rescan(): void;
}

/** One 填入资料, moved here from the content script (assistant.ts) so it loads only with the driver. */
export async function prefill(job: PrefillJob): Promise<PrefillResult> {
  const { values, overwrite, expect, bindings, rescan } = job;
  const tables = job.fields.filter((f) => f.columns && Object.hasOwn(values, f.key));
  const scalars = Object.fromEntries(Object.entries(values).filter(([key]) => !tables.some((f) => f.key === key)));
  const res = await applyPrefill(scalars, overwrite, bindings(), job.fields, expect);
  if (tables.length > 0) await prefillTables({ tables, values, overwrite, expect, res, bindings, rescan });
  return res;
}

export const prefillDriver: PrefillDriver = { prefill, pick: startPicker };
