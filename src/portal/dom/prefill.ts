import type { Binding } from './locate.ts';
import { optionLabel } from './read.ts';
import { normalizeLabel } from '../normalize.ts';

export interface PrefillField {
  key: string;
  type: string;
  valueMap?: Record<string, string | boolean>;
}

export interface PrefillResult {
  filled: string[];
  skipped: Array<{ key: string; reason: 'not-on-page' | 'not-empty' | 'unsupported' | 'no-such-option' }>;
}

/** The portal's display text for an application value (reverse of the adapter's value map). */
export function displayValue(field: PrefillField | undefined, value: string | boolean): string {
  for (const [text, v] of Object.entries(field?.valueMap ?? {})) if (v === value) return text;
  if (typeof value === 'boolean') return value ? '是' : '否';
  return value;
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

/** Fills bound fields; a non-empty field is left alone unless its key is in `overwrite`. */
export function applyPrefill(
  values: Record<string, string | boolean>,
  overwrite: readonly string[],
  bindings: readonly Binding[],
  fields: readonly PrefillField[],
): PrefillResult {
  const result: PrefillResult = { filled: [], skipped: [] };
  for (const [key, value] of Object.entries(values)) {
    const b = bindings.find((x) => x.key === key);
    const field = fields.find((f) => f.key === key);
    const t = b?.target;
    if (!t || !t.el.isConnected) { result.skipped.push({ key, reason: 'not-on-page' }); continue; }
    const may = overwrite.includes(key);
    const display = displayValue(field, value);
    try {
      switch (t.kind) {
        case 'control': {
          const el = t.el as HTMLInputElement | HTMLTextAreaElement;
          if (el.value === display) break; // already what the profile says: nothing to fill or ask about
          if (el.value.trim() !== '' && !may) { result.skipped.push({ key, reason: 'not-empty' }); break; }
          setNativeValue(el, display);
          result.filled.push(key);
          break;
        }
        case 'select': {
          const el = t.el as HTMLSelectElement;
          const want = normalizeLabel(display);
          const opt = [...el.options].find((o) => normalizeLabel(o.textContent ?? '') === want || o.value === display);
          if (!opt) { result.skipped.push({ key, reason: 'no-such-option' }); break; }
          if (el.value === opt.value) break;
          if (el.value !== '' && !may) { result.skipped.push({ key, reason: 'not-empty' }); break; }
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
          if (radios.some((r) => r.checked) && !may) { result.skipped.push({ key, reason: 'not-empty' }); break; }
          radio.click();
          result.filled.push(key);
          break;
        }
        case 'checkbox': {
          const el = t.el as HTMLInputElement;
          const want = value === true || (typeof value === 'string' && field?.valueMap?.[value] === true);
          if (el.checked === want) break;
          if (el.checked && !may) { result.skipped.push({ key, reason: 'not-empty' }); break; }
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
