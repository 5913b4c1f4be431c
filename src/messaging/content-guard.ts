import type { BackgroundToContent } from './protocol.ts';

// No zod (and no value import of protocol.ts) here: the content-script bundle imports this file.

/**
 * Tiny structural check for the content-script bundle, which must not carry zod. It accepts exactly
 * what `backgroundToContentSchema` accepts (a fast-check property test compares the two), following
 * zod's own rules: strict objects refuse any enumerable key they do not declare (`for…in`, as zod),
 * records must be plain objects and every own enumerable key must be a valid field key.
 */
export function isBackgroundToContent(msg: unknown): msg is BackgroundToContent {
  if (!isObject(msg)) return false;
  switch (msg.type) {
    case 'hints/update':
      return onlyKeys(msg, ['type', 'hints']) && isArrayOf(msg.hints, 200, isHint);
    case 'picker/start':
    case 'field/focus':
      return onlyKeys(msg, ['type', 'field']) && isFieldKey(msg.field);
    case 'picker/cancel':
    case 'snapshot/request':
      return onlyKeys(msg, ['type']);
    case 'prefill/apply':
      return (
        onlyKeys(msg, ['type', 'values', 'overwrite'], ['expect']) &&
        isPrefillValues(msg.values) &&
        isArrayOf(msg.overwrite, 500, isFieldKey) &&
        (msg.expect === undefined || isPrefillValues(msg.expect, true))
      );
    default:
      return false;
  }
}

const FIELD_KEY_MAX = 120;

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** zod's strictObject: every required key present (`in`), no enumerable key beyond the declared (and optional) ones */
function onlyKeys(x: Record<string, unknown>, declared: readonly string[], optional: readonly string[] = []): boolean {
  for (const k of declared) if (!(k in x)) return false;
  for (const k in x) if (!declared.includes(k) && !optional.includes(k)) return false;
  return true;
}

function isText(t: unknown, max: number): t is string {
  return typeof t === 'string' && t.length <= max;
}

function isFieldKey(k: unknown): k is string {
  return typeof k === 'string' && k.length >= 1 && k.length <= FIELD_KEY_MAX;
}

function isArrayOf(a: unknown, max: number, item: (x: unknown) => boolean): boolean {
  if (!Array.isArray(a) || a.length > max) return false;
  for (let i = 0; i < a.length; i++) if (!item(a[i])) return false; // holes count as undefined, as in zod
  return true;
}

/** zod's isPlainObject, which z.record requires */
function isPlainObject(o: unknown): o is Record<PropertyKey, unknown> {
  if (!isObject(o)) return false;
  const ctor = (o as { constructor?: unknown }).constructor;
  if (ctor === undefined || typeof ctor !== 'function') return true;
  const prot = (ctor as { prototype?: unknown }).prototype;
  return isObject(prot) && Object.prototype.hasOwnProperty.call(prot, 'isPrototypeOf');
}

/** z.record(fieldKey, string | boolean), or with `textOnly` z.record(fieldKey, string) */
function isPrefillValues(v: unknown, textOnly = false): boolean {
  if (!isPlainObject(v)) return false;
  for (const key of Reflect.ownKeys(v)) {
    if (key === '__proto__' || !Object.prototype.propertyIsEnumerable.call(v, key)) continue; // skipped by zod too
    if (!isFieldKey(key)) return false;
    const value = v[key];
    if ((textOnly || typeof value !== 'boolean') && !isText(value, 20_000)) return false;
  }
  return true;
}

function isHint(h: unknown): boolean {
  if (!isObject(h) || !onlyKeys(h, ['field', 'status', 'rule', 'text'], ['cite'])) return false;
  return (
    isFieldKey(h.field) && isText(h.rule, 20) &&
    (h.status === 'fail' || h.status === 'needs-evidence' || h.status === 'pass') &&
    isBilingual(h.text) && (h.cite === undefined || isBilingual(h.cite))
  );
}

function isBilingual(t: unknown): boolean {
  return isObject(t) && onlyKeys(t, ['zh', 'en']) && isText(t.zh, 2000) && isText(t.en, 2000);
}
