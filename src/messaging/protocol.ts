import { z } from 'zod';

/**
 * The extension's message surface: one zod discriminated union per direction (Dark Reader style).
 * Content scripts speak only `ContentToBackground` and hear only `BackgroundToContent`; they never
 * receive drafts or case data, only what they need to draw hints.
 * The content script must stay small, so it imports only the TYPES from here (`import type`), and
 * checks incoming messages with `isBackgroundToContent` below (no zod at run time in that bundle).
 */

const bilingual = z.strictObject({ zh: z.string().max(2000), en: z.string().max(2000) });
const fieldKey = z.string().min(1).max(120); // application field path, e.g. "applicant.creditCode"

export const portalPageSchema = z.enum(['application-form', 'application-status', 'recommender-review', 'unknown']);
export type PortalPage = z.infer<typeof portalPageSchema>;

/** One application field as the content script found it on the portal page (values are untrusted text). */
export const fieldReadingSchema = z.strictObject({
  key: fieldKey,
  found: z.boolean(),
  value: z.union([z.string().max(20_000), z.boolean(), z.null()]),
  required: z.boolean().optional(),
  /** how it was found: "label", "aria", "name", "path" (for the options page's anchor report) */
  via: z.string().max(40).optional(),
});
export type FieldReading = z.infer<typeof fieldReadingSchema>;

export const attachmentReadingSchema = z.strictObject({
  key: fieldKey,
  present: z.boolean(),
  fileNames: z.array(z.string().max(300)).max(50),
});
export type AttachmentReading = z.infer<typeof attachmentReadingSchema>;

export const statusRowSchema = z.strictObject({
  applicationNo: z.string().max(100).nullable(),
  applicantName: z.string().max(300),
  statusText: z.string().max(300),
  date: z.string().max(40).nullable(),
});
export type StatusRow = z.infer<typeof statusRowSchema>;

export const contentToBackgroundSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('portal/snapshot'),
    page: portalPageSchema,
    adapterId: z.string().max(100),
    url: z.string().max(2000),
    fields: z.array(fieldReadingSchema).max(500),
    attachments: z.array(attachmentReadingSchema).max(100),
    takenAt: z.number(),
  }),
  z.strictObject({
    type: z.literal('portal/status-rows'),
    adapterId: z.string().max(100),
    url: z.string().max(2000),
    rows: z.array(statusRowSchema).max(500),
  }),
  z.strictObject({
    type: z.literal('portal/anchor-miss'),
    adapterId: z.string().max(100),
    url: z.string().max(2000),
    field: fieldKey,
    tried: z.array(z.string().max(200)).max(20),
  }),
  z.strictObject({
    type: z.literal('portal/picked'),
    field: fieldKey,
    /** the locators proposed for the element the user pointed at, best first */
    locators: z.array(z.strictObject({ kind: z.string().max(40), value: z.string().max(500) })).max(10),
    label: z.string().max(300).nullable(),
  }),
]);
export type ContentToBackground = z.infer<typeof contentToBackgroundSchema>;

export const hintSchema = z.strictObject({
  field: fieldKey,
  status: z.enum(['fail', 'needs-evidence', 'pass']),
  rule: z.string().max(20),
  text: bilingual,
});
export type Hint = z.infer<typeof hintSchema>;

export const backgroundToContentSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('hints/update'), hints: z.array(hintSchema).max(200) }),
  z.strictObject({ type: z.literal('picker/start'), field: fieldKey }),
  z.strictObject({ type: z.literal('picker/cancel') }),
  z.strictObject({
    type: z.literal('prefill/apply'),
    values: z.record(fieldKey, z.union([z.string().max(20_000), z.boolean()])),
    /** fields the user agreed may be overwritten; all others are filled only when empty */
    overwrite: z.array(fieldKey).max(500),
  }),
  z.strictObject({ type: z.literal('snapshot/request') }),
]);
export type BackgroundToContent = z.infer<typeof backgroundToContentSchema>;

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

const FIELD_KEY_MAX = 120;

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** zod's strictObject: every required key present (`in`), no enumerable key beyond the declared ones */
function onlyKeys(x: Record<string, unknown>, declared: readonly string[]): boolean {
  for (const k of declared) if (!(k in x)) return false;
  for (const k in x) if (!declared.includes(k)) return false;
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

function isHint(h: unknown): boolean {
  if (!isObject(h) || !onlyKeys(h, ['field', 'status', 'rule', 'text'])) return false;
  const text = h.text;
  return (
    isFieldKey(h.field) && isText(h.rule, 20) &&
    (h.status === 'fail' || h.status === 'needs-evidence' || h.status === 'pass') &&
    isObject(text) && onlyKeys(text, ['zh', 'en']) && isText(text.zh, 2000) && isText(text.en, 2000)
  );
}
