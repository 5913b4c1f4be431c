import type { BackgroundToContent, Hint } from '../../messaging/protocol.ts';

/**
 * Zod-free check of background → content messages for the content-script bundle: importing
 * protocol.ts at run time pulls its zod schemas in (top-level calls are not tree-shaken, +100 kB).
 * Accepts EXACTLY what `backgroundToContentSchema` accepts (property tests compare the two both
 * ways), following zod's own rules: strict objects refuse any enumerable key they do not declare
 * (`for…in`, as zod), records must be plain objects and every own enumerable key a valid field key.
 */
export function isMessageForContent(msg: unknown): msg is BackgroundToContent {
  if (!isObject(msg)) return false;
  switch (msg.type) {
    case 'hints/update':
      return onlyKeys(msg, ['type', 'hints']) && isArrayOf(msg.hints, 200, isHint);
    case 'picker/start':
      return onlyKeys(msg, ['type', 'field']) && isFieldKey(msg.field);
    case 'picker/cancel':
    case 'snapshot/request':
      return onlyKeys(msg, ['type']);
    case 'prefill/apply':
      return onlyKeys(msg, ['type', 'values', 'overwrite']) && isPrefillValues(msg.values) && isArrayOf(msg.overwrite, 500, isFieldKey);
    default:
      return false;
  }
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** zod's strictObject: every declared key present, no enumerable key (own or inherited) beyond them */
function onlyKeys(x: Record<string, unknown>, declared: readonly string[]): boolean {
  for (const k of declared) if (!(k in x)) return false;
  for (const k in x) if (!declared.includes(k)) return false;
  return true;
}

const isText = (t: unknown, max: number): t is string => typeof t === 'string' && t.length <= max;
const isFieldKey = (k: unknown): k is string => typeof k === 'string' && k.length >= 1 && k.length <= 120;

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

function isPrefillValues(v: unknown): boolean {
  if (!isPlainObject(v)) return false;
  for (const key of Reflect.ownKeys(v)) {
    if (key === '__proto__' || !Object.prototype.propertyIsEnumerable.call(v, key)) continue; // skipped by zod too
    if (!isFieldKey(key)) return false;
    const value = v[key];
    if (typeof value !== 'boolean' && !isText(value, 20_000)) return false;
  }
  return true;
}

function isHint(h: unknown): h is Hint {
  if (!isObject(h) || !onlyKeys(h, ['field', 'status', 'rule', 'text'])) return false;
  const text = h.text;
  return (
    isFieldKey(h.field) && isText(h.rule, 20) &&
    (h.status === 'fail' || h.status === 'needs-evidence' || h.status === 'pass') &&
    isObject(text) && onlyKeys(text, ['zh', 'en']) && isText(text.zh, 2000) && isText(text.en, 2000)
  );
}
