import type { Binding } from './locate.ts';
import { optionLabel, readTarget } from './read.ts';
import { normalizeLabel } from '../normalize.ts';
import { unfillableReason } from './fillable.ts';

export interface PrefillField {
  key: string;
  type: string;
  valueMap?: Record<string, string | boolean>;
}

export interface PrefillResult {
  filled: string[];
  /** not-empty ones carry what the field reads now (`current`), to which the user's consent is then bound */
  skipped: Array<{ key: string; reason: 'not-on-page' | 'not-empty' | 'unsupported' | 'no-such-option' | 'hidden' | 'not-editable'; current?: string }>;
}

/** The portal's display text for an application value (reverse of the adapter's value map). */
export function displayValue(field: PrefillField | undefined, value: string | boolean): string {
  for (const [text, v] of Object.entries(field?.valueMap ?? {})) if (v === value) return text;
  if (typeof value === 'boolean') return value ? '是' : '否';
  return value;
}

/** The option a select shows as `display` (by its text, normalised), or whose value it is. */
export function optionFor(select: HTMLSelectElement, display: string): HTMLOptionElement | undefined {
  const want = normalizeLabel(display);
  return [...select.options].find((o) => normalizeLabel(o.textContent ?? '') === want || o.value === display);
}

/**
 * Writes through the native value setter (frameworks that track `value` see a real change) and
 * fires input + change, as a person typing would.
 */
export function setNativeValue(el: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement, value: string): void {
  const win = el.ownerDocument.defaultView as (Window & typeof globalThis) | null;
  const proto = !win ? null
    : el instanceof win.HTMLTextAreaElement ? win.HTMLTextAreaElement.prototype
    : el instanceof win.HTMLSelectElement ? win.HTMLSelectElement.prototype
    : win.HTMLInputElement.prototype;
  const setter = proto ? Object.getOwnPropertyDescriptor(proto, 'value')?.set : undefined;
  if (setter) setter.call(el, value);
  else el.value = value;
  el.dispatchEvent(new Event('input', { bubbles: true }));
  el.dispatchEvent(new Event('change', { bubbles: true }));
}

/** What a field reads now, as the consent to replace it is bound to (tables: the JSON of their rows). */
export function currentReading(t: NonNullable<Binding['target']>, columns?: ReadonlyArray<{ key: string; header: string }>): string {
  return String(readTarget(t, columns));
}

/** A kept field, with what it reads now when that fits the message (else the consent stays unbound). */
export function keptAs(key: string, current: string): PrefillResult['skipped'][number] {
  return current.length <= 20_000 ? { key, reason: 'not-empty', current } : { key, reason: 'not-empty' };
}

/** Radios and checkboxes are often styled away by widget libraries: what is seen is their label. */
function fillableCheck(t: NonNullable<Binding['target']>) {
  if (t.kind === 'checkbox') return unfillableReason(t.el, t.el.closest('label') ?? t.el);
  if (t.kind === 'radio-group') {
    const radios = [...t.el.querySelectorAll('input[type="radio"]')];
    if (radios.length > 0 && radios.every((r) => unfillableReason(r, r.closest('label') ?? r) === 'not-editable')) return 'not-editable';
    return unfillableReason(t.el) === 'hidden' ? 'hidden' : null;
  }
  return unfillableReason(t.el);
}

/**
 * Fills bound fields. A non-empty field is left alone unless its key is in `overwrite` and, when
 * `expect` names it, it still reads what the user saw when they agreed; otherwise it is reported as
 * not-empty with what it reads now.
 */
export function applyPrefill(
  values: Record<string, string | boolean>,
  overwrite: readonly string[],
  bindings: readonly Binding[],
  fields: readonly PrefillField[],
  expect: Readonly<Record<string, string>> = {},
): PrefillResult {
  const result: PrefillResult = { filled: [], skipped: [] };
  for (const [key, value] of Object.entries(values)) {
    const b = bindings.find((x) => x.key === key);
    const field = fields.find((f) => f.key === key);
    const t = b?.target;
    if (!t || !t.el.isConnected) { result.skipped.push({ key, reason: 'not-on-page' }); continue; }
    // only what a person can see and edit (issue 15; fillable.ts reads layout: prefill time only)
    const unfillable = fillableCheck(t);
    if (unfillable) { result.skipped.push({ key, reason: unfillable }); continue; }
    const may = overwrite.includes(key) && (!Object.hasOwn(expect, key) || expect[key] === currentReading(t));
    const keep = () => result.skipped.push(keptAs(key, currentReading(t)));
    const display = displayValue(field, value);
    try {
      switch (t.kind) {
        case 'control': {
          const el = t.el as HTMLInputElement | HTMLTextAreaElement;
          if (el.value === display) break; // already what the profile says: nothing to fill or ask about
          if (el.value.trim() !== '' && !may) { keep(); break; }
          setNativeValue(el, display);
          result.filled.push(key);
          break;
        }
        case 'select': {
          const el = t.el as HTMLSelectElement;
          const opt = optionFor(el, display);
          if (!opt) { result.skipped.push({ key, reason: 'no-such-option' }); break; }
          if (el.value === opt.value) break;
          if (el.value !== '' && !may) { keep(); break; }
          setNativeValue(el, opt.value);
          result.filled.push(key);
          break;
        }
        case 'radio-group': {
          const radios = [...t.el.querySelectorAll('input[type="radio"]')] as HTMLInputElement[];
          const want = normalizeLabel(display);
          const radio = radios.find((r) => normalizeLabel(optionLabel(r)) === want || r.value === display);
          if (!radio) { result.skipped.push({ key, reason: 'no-such-option' }); break; }
          if (radio.checked) break;
          if (radios.some((r) => r.checked) && !may) { keep(); break; }
          radio.click();
          result.filled.push(key);
          break;
        }
        case 'checkbox': {
          const el = t.el as HTMLInputElement;
          const want = value === true || (typeof value === 'string' && field?.valueMap?.[value] === true);
          if (el.checked === want) break;
          if (el.checked && !may) { keep(); break; }
          el.click();
          result.filled.push(key);
          break;
        }
        default:
          result.skipped.push({ key, reason: 'unsupported' });
      }
    } catch {
      result.skipped.push({ key, reason: 'unsupported' });
    }
  }
  return result;
}
