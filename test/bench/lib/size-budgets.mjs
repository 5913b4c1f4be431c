// Compares a measured build (sizes.mjs) with test/bench/budgets.json.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { KiB, kib } from './sizes.mjs';

export const BUDGETS_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'budgets.json');
export const loadBudgets = () => JSON.parse(fs.readFileSync(BUDGETS_FILE, 'utf8'));

/** One row per budget: {key, what, gz, raw, files, maxKiB, status: 'ok'|'over'|'absent'}. */
export function checkSizes(measured, budgets = loadBudgets()) {
  return Object.entries(budgets.sizes).map(([key, b]) => {
    let part;
    if (key === 'total') part = measured.total;
    else {
      const s = measured.surfaces.find((x) => x.id === (b.surface ?? key));
      part = s ? s[b.part] : null;
    }
    if (!part || (part.files.length === 0 && key !== 'total')) return { key, what: b.what, maxKiB: b.maxKiB, status: 'absent', gz: 0, raw: 0, files: [] };
    return { key, what: b.what, maxKiB: b.maxKiB, gz: part.gz, raw: part.raw, files: part.files, status: part.gz <= b.maxKiB * KiB ? 'ok' : 'over' };
  });
}

export function sizeRows(rows) {
  return rows.map((r) => [
    r.key,
    r.what,
    r.status === 'absent' ? '–' : String(r.files.length),
    r.status === 'absent' ? '–' : kib(r.raw),
    r.status === 'absent' ? '–' : kib(r.gz),
    String(r.maxKiB),
    r.status === 'ok' ? `ok (${Math.round((r.gz / (r.maxKiB * KiB)) * 100)}%)` : r.status === 'over' ? `OVER by ${kib(r.gz - r.maxKiB * KiB)} KiB` : 'not in build',
  ]);
}
export const SIZE_HEAD = ['budget', 'what', 'files', 'raw KiB', 'gz KiB', 'max gz KiB', 'status'];
export const SIZE_ALIGN = ['l', 'l', 'r', 'r', 'r', 'r', 'l'];
