// Section results and the target check shared by every bench section.
import { loadBudgets } from './size-budgets.mjs';

export const timings = () => loadBudgets().timings;

/** A section that could not run: the command still completes and says why. */
export const notMeasured = (id, title, why) => ({ id, title, status: 'not measured', why, tables: [], notes: [], metrics: {} });

export const fmtMs = (ms) => (ms == null || Number.isNaN(ms) ? '–' : ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms >= 1 ? ms.toFixed(2) : ms.toFixed(3));

/** A row for the targets table: [what, measured, target, verdict]. */
export function targetRow(key, value, { format = fmtMs, note = '' } = {}) {
  const t = timings()[key];
  if (!t) return [key, format(value), '–', ''];
  const unit = t.unit === '×' ? '×' : ` ${t.unit}`;
  if (value == null || Number.isNaN(value)) return [t.what, `not measured${note ? `: ${note}` : ''}`, `≤ ${t.target}${unit}`, '–'];
  return [t.what, `${format(value)}${unit}`, `≤ ${t.target}${unit}`, value <= t.target ? 'within target' : `OVER (${(value / t.target).toFixed(1)}× target)`];
}
export const TARGET_HEAD = ['measure', 'measured', 'target', 'verdict'];

export const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const n = s.length; return n ? (n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2) : NaN; };
export const percentile = (xs, p) => { const s = [...xs].sort((a, b) => a - b); if (!s.length) return NaN; const i = Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1); return s[Math.max(0, i)]; };

/** Races a promise against a deadline, so one stuck section cannot hang the whole run. */
export function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([promise, new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms / 1000} s`)), ms); })]).finally(() => clearTimeout(timer));
}
