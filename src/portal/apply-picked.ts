import type { Bilingual } from '../core/i18n.ts';
import { fieldLabel } from '../application/labels.ts';
import { portalAdapterSchema, type Locator, type PortalAdapter } from './adapter-schema.ts';

/** A locator as the on-page picker reports it (kind + value); the kind is not trusted. */
export interface PickedLocator {
  kind: string;
  value: string;
}

/** Picked locators as adapter locators, in order; unknown kinds are dropped. */
export function pickedToLocators(picked: readonly PickedLocator[]): Locator[] {
  const out: Locator[] = [];
  for (const p of picked) {
    if (p.kind === 'label') out.push({ kind: 'label', text: p.value, precision: 'normalized' });
    else if (p.kind === 'aria') out.push({ kind: 'aria', name: p.value, precision: 'normalized' });
    else if (p.kind === 'name') out.push({ kind: 'name', value: p.value });
    else if (p.kind === 'path') out.push({ kind: 'path', css: p.value });
  }
  return out;
}

/** `field` is the display name of the field; `adapter` is the input unchanged when `ok` is false. */
export type ApplyPickedResult =
  | { ok: true; adapter: PortalAdapter; field: Bilingual }
  | { ok: false; adapter: PortalAdapter; field: Bilingual; error: Bilingual };

/** Most locators kept per field: enough fallbacks without letting repeated picks grow the adapter forever. */
const MAX_LOCATORS = 10;

/**
 * The adapter with the picked locators first, in the picker's order, for `field` (its old locators
 * kept after, without duplicates; other fields untouched), validated by the adapter schema.
 * `applicantKind` picks one entry when a key has one per kind (单位名称 / 姓名 are both applicant.name).
 * Anything refused returns the adapter unchanged with a zh + en message naming the field.
 */
export function applyPickedLocators(
  adapter: PortalAdapter,
  field: string,
  picked: readonly PickedLocator[],
  applicantKind?: 'organization' | 'individual',
): ApplyPickedResult {
  const name = fieldLabel(field);
  const refuse = (error: Bilingual): ApplyPickedResult => ({ ok: false, adapter, field: name, error });
  const targets = adapter.fields.filter((f) => f.key === field && (applicantKind === undefined || f.applicantKind === undefined || f.applicantKind === applicantKind));
  if (!targets.length) {
    return refuse({
      zh: `适配器“${adapter.name.zh}”中没有字段“${name.zh}”（${field}），定位未更改`,
      en: `Adapter “${adapter.name.en}” has no field “${name.en}” (${field}); locators unchanged`,
    });
  }
  const fresh = pickedToLocators(picked);
  if (!fresh.length) {
    return refuse({
      zh: `所选元素没有可用的定位（标签、无障碍名称、name 或路径），字段“${name.zh}”未更改`,
      en: `The picked element has no usable locator (label, accessible name, name or path); “${name.en}” unchanged`,
    });
  }
  const same = (a: Locator, b: Locator) => JSON.stringify(a) === JSON.stringify(b);
  const fields = adapter.fields.map((f) => {
    if (!targets.includes(f)) return f;
    const rest = f.locators.filter((l) => !fresh.some((n) => same(n, l)));
    return { ...f, locators: [...fresh, ...rest].slice(0, MAX_LOCATORS) };
  });
  const r = portalAdapterSchema.safeParse({ ...adapter, fields });
  if (!r.success) {
    const issue = r.error.issues[0];
    const [zh, en] = issue?.message.includes(' / ') ? (issue.message.split(' / ', 2) as [string, string]) : [issue?.message ?? '', issue?.message ?? ''];
    return refuse({
      zh: `字段“${name.zh}”的新定位无效，未更改：${zh}`,
      en: `The new locator of “${name.en}” is invalid; nothing changed: ${en}`,
    });
  }
  return { ok: true, adapter: r.data, field: name };
}
