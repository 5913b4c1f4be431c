/**
 * Label text normalisation shared by the locator engine (content script) and the pure adapter
 * functions. Dependency-free on purpose: the content script bundle must stay small.
 */
export type Precision = 'exact' | 'normalized' | 'contains';

/** Whitespace collapsed and trimmed: what `exact` compares. */
export function squashSpace(text: string): string {
  return text.replace(/[\s\u00a0\u3000]+/g, ' ').trim();
}

/**
 * NFKC (full-width → half-width), no whitespace, no required-field marks (`*`, `（必填）`), no trailing
 * colon, lower case: low-code platforms decorate the same label differently between releases.
 */
const memo = new Map<string, string>();

export function normalizeLabel(text: string): string {
  const hit = memo.get(text);
  if (hit !== undefined) return hit;
  const out = normalizeUncached(text);
  if (memo.size > 5000) memo.clear();
  memo.set(text, out);
  return out;
}

function normalizeUncached(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\s\u00a0\u3000]+/g, '')
    .replace(/[（(]\s*(必填|required)\s*[)）]/gi, '')
    .replace(/[:：]+$/, '')
    .replace(/^\*+|\*+$/g, '')
    .replace(/[:：]+$/, '')
    .toLowerCase();
}

/** Does a label signal match the wanted text at this precision? Empty text never matches. */
export function labelMatches(candidate: string, wanted: string, precision: Precision): boolean {
  const prep = precision === 'exact' ? squashSpace : normalizeLabel;
  return preparedMatches(prep(candidate), prep(wanted), precision);
}

/**
 * `labelMatches` on texts already prepared for this precision (`squashSpace` for exact,
 * `normalizeLabel` otherwise): lets the locator prepare each text once, not once per pair.
 */
export function preparedMatches(candidate: string, wanted: string, precision: Precision): boolean {
  if (!candidate || !wanted) return false;
  if (precision === 'exact') return candidate === wanted;
  return precision === 'normalized' ? candidate === wanted : candidate.includes(wanted);
}

/**
 * A portal date in one of the unambiguous forms low-code date pickers use (`2024-03-05`,
 * `2024/3/5`, `2024.3.5`, `2024年3月5日`) as `YYYY-MM-DD`; anything else is returned unchanged so
 * validation can name it (we never guess a date). Status tables often print a time of day after the
 * date (`2024-03-05 14:30:00`, portal time = China time): the calendar date is kept, the time dropped.
 */
export function normalizePortalDate(raw: string): string {
  const t = raw.normalize('NFKC').trim();
  const m = /^(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})\s*日?(?:(?:\s+|T)(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d{1,3})?)?)?$/.exec(t);
  if (!m) return raw.trim();
  return `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
}
