import { labelMatches } from '../normalize.ts';
import type { Target } from './targets.ts';

export interface ProposedLocator {
  kind: 'label' | 'aria' | 'name' | 'path';
  value: string;
}

/** Generated-looking names and ids (`field_8f3a`, `rc_19`, `el-id-1024-7`) change between loads: never anchors. */
export function looksGenerated(s: string): boolean {
  // a random hex suffix may draw letters only (`rc_beef`): a separator and 4+ hex digits at the end is enough
  return /[_-][0-9a-f]{4,}$/i.test(s) || (/\d/.test(s) && (/[0-9a-f]{4,}/i.test(s) || /[_-]\d+/.test(s) || /\d{3,}/.test(s)));
}

/** The target an element the user pointed at belongs to (a radio's label → its group, a cell → its table). */
export function targetFor(el: Element, targets: readonly Target[]): Target | null {
  let best: Target | null = null;
  for (const t of targets) {
    if (t.el === el) return t;
    if (t.el.contains(el) && (!best || best.el.contains(t.el))) best = t;
  }
  return best;
}

/** Locators for a picked field, best first: label → accessible name → name → structural path; each unique on the page. */
export function proposeLocators(t: Target, targets: readonly Target[], root: ParentNode): { locators: ProposedLocator[]; label: string | null } {
  const out: ProposedLocator[] = [];
  const order = ['label-for', 'labelledby', 'label-cell', 'caption', 'proximity', 'label-wrap'];
  const signals = [...t.labels].sort((a, b) => order.indexOf(a.source) - order.indexOf(b.source));
  for (const s of signals) {
    const n = targets.filter((x) => x.labels.some((y) => labelMatches(y.text, s.text, 'normalized'))).length;
    if (n === 1) { out.push({ kind: 'label', value: displayLabel(s.text) }); break; }
  }
  if (t.accName && targets.filter((x) => labelMatches(x.accName, t.accName, 'normalized')).length === 1) out.push({ kind: 'aria', value: displayLabel(t.accName) });
  if (t.name && !looksGenerated(t.name) && targets.filter((x) => x.name === t.name).length === 1) out.push({ kind: 'name', value: t.name });
  const path = cssPath(t.el);
  try {
    const hits = root.querySelectorAll(path);
    if (hits.length === 1 && hits[0] === t.el) out.push({ kind: 'path', value: path });
  } catch { /* an unusable path is simply not proposed */ }
  return { locators: out.slice(0, 10), label: signals[0] ? displayLabel(signals[0].text) : null };
}

/** A label as a person would write it in an adapter: no required star, no trailing colon. */
export function displayLabel(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replace(/^[*＊]\s*/, '').replace(/\s*[:：]$/, '').trim();
}

/** A structural path from the nearest ancestor with a stable id (or the body), by tag and position only. */
export function cssPath(el: Element): string {
  const parts: string[] = [];
  let cur: Element | null = el;
  while (cur && cur.tagName !== 'BODY' && cur.tagName !== 'HTML') {
    const id = cur.getAttribute('id');
    if (id && /^[A-Za-z][\w-]*$/.test(id) && !looksGenerated(id)) { parts.unshift(`#${id}`); break; }
    const tag = cur.tagName.toLowerCase();
    let n = 1;
    for (let s = cur.previousElementSibling; s; s = s.previousElementSibling) if (s.tagName === cur.tagName) n++;
    parts.unshift(`${tag}:nth-of-type(${n})`);
    cur = cur.parentElement;
  }
  if (!parts[0]?.startsWith('#')) parts.unshift('body');
  return parts.join(' > ').slice(0, 500);
}
