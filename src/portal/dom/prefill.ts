import type { Binding } from './locate.ts';
import { readTarget } from './read.ts';
import { chooseCascade, chooseOption, chooseOptions, isDatePicker, pickRadio, setToggle, setValue, typeDate, typeText, type DriveOutcome } from './drive.ts';
import { isSwitch, selectRoot, switchOn } from './widgets.ts';
import { normalizeLabel } from '../normalize.ts';
import { unfillableReason } from './fillable.ts';
import { splitList } from '../list-value.ts';

export interface PrefillField {
  key: string;
  type: string;
  valueMap?: Record<string, string | boolean>;
}

export interface PrefillResult {
  filled: string[];
  /** not-empty ones carry what the field reads now (`current`), to which the user's consent is then bound */
  skipped: Array<{ key: string; reason: 'not-on-page' | 'not-empty' | 'unsupported' | 'no-such-option' | 'hidden' | 'not-editable' | 'not-taken'; current?: string }>;
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

/** Writes through the native value setter and fires input + change, as a person typing would (drive.ts). */
export const setNativeValue = setValue;

/** What a field reads now, as the consent to replace it is bound to (tables: the JSON of their rows). */
export function currentReading(t: NonNullable<Binding['target']>, columns?: ReadonlyArray<{ key: string; header: string }>): string {
  return String(readTarget(t, columns));
}

/** A kept field, with what it reads now when that fits the message (else the consent stays unbound). */
export function keptAs(key: string, current: string): PrefillResult['skipped'][number] {
  return current.length <= 20_000 ? { key, reason: 'not-empty', current } : { key, reason: 'not-empty' };
}

/** The element a person sees as the field: a styled-away radio's or checkbox's label, a library widget's box. */
function visibleBox(t: NonNullable<Binding['target']>): Element {
  const el = t.el;
  if (t.kind === 'checkbox') return el.closest('label') ?? (el.tagName === 'INPUT' && isSwitch(el) ? el.parentElement ?? el : el);
  if (t.kind === 'select' && el.tagName !== 'SELECT') return selectRoot(el);
  if (isDatePicker(el)) return el.parentElement ?? el;
  return el;
}

const DISABLED_BOX = /(^|\s)(is-disabled|[a-z]+(-[a-z]+)*-disabled)(\s|$)/;

/** Radios and checkboxes are often styled away by widget libraries: what is seen is their label. */
function fillableCheck(t: NonNullable<Binding['target']>) {
  if (t.kind === 'radio-group') {
    const radios = [...t.el.querySelectorAll('input[type="radio"]')];
    if (radios.length > 0 && radios.every((r) => unfillableReason(r, r.closest('label') ?? r) === 'not-editable')) return 'not-editable';
    return unfillableReason(t.el) === 'hidden' ? 'hidden' : null;
  }
  const box = visibleBox(t);
  if (box === t.el) return unfillableReason(t.el);
  // a library select or picker keeps its input read-only (the list or calendar is how a person edits it)
  const widget = (t.kind === 'select' || isDatePicker(t.el)) && t.kind !== 'checkbox';
  if (widget) {
    if ((t.el as HTMLInputElement).disabled === true || DISABLED_BOX.test(box.getAttribute('class') ?? '')) return 'not-editable';
    return unfillableReason(box);
  }
  return unfillableReason(t.el, box);
}

/** What a widget shows now, compared with what prefill would write. */
function shows(t: NonNullable<Binding['target']>, display: string): boolean {
  return normalizeLabel(String(readTarget(t))) === normalizeLabel(display);
}

/**
 * Fills bound fields through their widgets, as a person would (drive.ts), one after another. A
 * non-empty field is left alone unless its key is in `overwrite` and, when `expect` names it, it
 * still reads what the user saw when they agreed; otherwise it is reported as not-empty with what it
 * reads now. A value the widget does not show afterwards is reported as not taken, never as filled.
 */
export async function applyPrefill(
  values: Record<string, string | boolean>,
  overwrite: readonly string[],
  bindings: readonly Binding[],
  fields: readonly PrefillField[],
  expect: Readonly<Record<string, string>> = {},
): Promise<PrefillResult> {
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
    let outcome: DriveOutcome | 'kept' | 'same' | 'unsupported';
    try {
      outcome = await write(t, display, value, field, may);
    } catch {
      result.skipped.push({ key, reason: 'unsupported' });
      continue;
    }
    if (outcome === 'kept') keep();
    else if (outcome === 'filled') result.filled.push(key);
    else if (outcome !== 'same') result.skipped.push({ key, reason: outcome });
  }
  return result;
}

/**
 * A multiple select or a cascader: the profile keeps a list (a JSON list of application values;
 * a multiple select's mapped back to the portal's texts). 'same' when the widget already shows it.
 */
async function writeList(t: NonNullable<Binding['target']>, field: PrefillField & { type: 'multiselect' | 'cascader' }, value: string | boolean, may: boolean): Promise<DriveOutcome | 'kept' | 'same' | 'unsupported'> {
  if (typeof value !== 'string') return 'unsupported';
  const wanted = splitList(field.type, value).map((v) => (field.type === 'multiselect' ? displayValue(field, v) : v));
  const now = splitList(field.type, String(readTarget(t)));
  const eq = (a: string, b: string) => normalizeLabel(a) === normalizeLabel(b);
  const same = field.type === 'cascader' ? now.length === wanted.length && now.every((x, i) => eq(x, wanted[i]!))
    : now.length === wanted.length && wanted.every((w) => now.some((x) => eq(x, w)));
  if (same) return 'same';
  if (now.length > 0 && !may) return 'kept';
  if (t.el.tagName === 'SELECT') {
    const el = t.el as HTMLSelectElement;
    if (field.type === 'cascader' || !el.multiple) return 'unsupported';
    const options = wanted.map((w) => optionFor(el, w));
    if (options.some((o) => !o)) return 'no-such-option';
    for (const o of el.options) o.selected = options.includes(o);
    el.dispatchEvent(new Event('input', { bubbles: true }));
    el.dispatchEvent(new Event('change', { bubbles: true }));
    return options.every((o) => o!.selected) ? 'filled' : 'not-taken';
  }
  return field.type === 'cascader' ? chooseCascade(t.el, wanted) : chooseOptions(t.el, wanted);
}

/** One field: 'same' when it already reads the value, 'kept' when it holds another and may not be replaced. */
async function write(t: NonNullable<Binding['target']>, display: string, value: string | boolean, field: PrefillField | undefined, may: boolean): Promise<DriveOutcome | 'kept' | 'same' | 'unsupported'> {
  switch (t.kind) {
    case 'control': {
      const el = t.el as HTMLInputElement | HTMLTextAreaElement;
      if (el.value === display) return 'same'; // already what the profile says: nothing to fill or ask about
      if (el.value.trim() !== '' && !may) return 'kept';
      return isDatePicker(el) ? typeDate(el as HTMLInputElement, display) : typeText(el, display);
    }
    case 'select': {
      if (field?.type === 'multiselect' || field?.type === 'cascader') return writeList(t, { ...field, type: field.type }, value, may);
      if (t.el.tagName !== 'SELECT') {
        if (shows(t, display)) return 'same';
        if (String(readTarget(t)).trim() !== '' && !may) return 'kept';
        return chooseOption(t.el, display);
      }
      const el = t.el as HTMLSelectElement;
      const opt = optionFor(el, display);
      if (!opt) return 'no-such-option';
      if (el.value === opt.value) return 'same';
      if (el.value !== '' && !may) return 'kept';
      setNativeValue(el, opt.value);
      return el.value === opt.value ? 'filled' : 'not-taken';
    }
    case 'radio-group': {
      if (shows(t, display)) return 'same';
      if (String(readTarget(t)) !== '' && !may) return 'kept';
      return pickRadio(t.el, display);
    }
    case 'checkbox': {
      const want = value === true || (typeof value === 'string' && field?.valueMap?.[value] === true);
      const on = switchOn(t.el);
      if (on === want) return 'same';
      if (on && !may) return 'kept';
      return setToggle(t.el, want);
    }
    default:
      return 'unsupported';
  }
}
