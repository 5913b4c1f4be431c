import { z } from '../core/zod-mini.ts';

/**
 * The extension's message surface: one zod discriminated union per direction (Dark Reader style).
 * Content scripts speak only `ContentToBackground` and hear only `BackgroundToContent`; they never
 * receive drafts or case data, only what they need to draw hints.
 * The content script must stay small, so it imports only the TYPES from here (`import type`), and
 * checks incoming messages with `isBackgroundToContent` (content-guard.ts: no zod in that bundle).
 */

const bilingual = z.strictObject({ zh: z.string().check(z.maxLength(2000)), en: z.string().check(z.maxLength(2000)) });
const fieldKey = z.string().check(z.minLength(1)).check(z.maxLength(120)); // application field path, e.g. "applicant.creditCode"

export const portalPageSchema = z.enum(['application-form', 'application-status', 'recommender-review', 'unknown']);
export type PortalPage = z.infer<typeof portalPageSchema>;

/** One application field as the content script found it on the portal page (values are untrusted text). */
export const fieldReadingSchema = z.strictObject({
  key: fieldKey,
  found: z.boolean(),
  value: z.union([z.string().check(z.maxLength(20_000)), z.boolean(), z.null()]),
  required: z.optional(z.boolean()),
  /** how it was found: "label", "aria", "name", "path" (for the options page's anchor report) */
  via: z.optional(z.string().check(z.maxLength(40))),
  /** the page's value was longer than the limit: `value` is its first 20,000 characters (whole rows for a table) */
  truncated: z.optional(z.literal(true)),
});
export type FieldReading = z.infer<typeof fieldReadingSchema>;

export const attachmentReadingSchema = z.strictObject({
  key: fieldKey,
  present: z.boolean(),
  fileNames: z.array(z.string().check(z.maxLength(300))).check(z.maxLength(50)),
});
export type AttachmentReading = z.infer<typeof attachmentReadingSchema>;

export const statusRowSchema = z.strictObject({
  applicationNo: z.nullable(z.string().check(z.maxLength(100))),
  applicantName: z.string().check(z.maxLength(300)),
  statusText: z.string().check(z.maxLength(300)),
  date: z.nullable(z.string().check(z.maxLength(40))),
  /** read from the status table's kind column when the adapter names one; null = cell missing or unrecognised */
  applicantKind: z.optional(z.nullable(z.enum(['organization', 'individual']))),
});
export type StatusRow = z.infer<typeof statusRowSchema>;

export const contentToBackgroundSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('portal/snapshot'),
    page: portalPageSchema,
    adapterId: z.string().check(z.maxLength(100)),
    url: z.string().check(z.maxLength(2000)),
    fields: z.array(fieldReadingSchema).check(z.maxLength(500)),
    attachments: z.array(attachmentReadingSchema).check(z.maxLength(100)),
    takenAt: z.number(),
  }),
  z.strictObject({
    type: z.literal('portal/status-rows'),
    adapterId: z.string().check(z.maxLength(100)),
    url: z.string().check(z.maxLength(2000)),
    rows: z.array(statusRowSchema).check(z.maxLength(500)),
  }),
  z.strictObject({
    type: z.literal('portal/anchor-miss'),
    adapterId: z.string().check(z.maxLength(100)),
    url: z.string().check(z.maxLength(2000)),
    field: fieldKey,
    tried: z.array(z.string().check(z.maxLength(200))).check(z.maxLength(20)),
  }),
  z.strictObject({
    type: z.literal('portal/picked'),
    field: fieldKey,
    /** the locators proposed for the element the user pointed at, best first */
    locators: z.array(z.strictObject({ kind: z.string().check(z.maxLength(40)), value: z.string().check(z.maxLength(500)) })).check(z.maxLength(10)),
    label: z.nullable(z.string().check(z.maxLength(300))),
  }),
]);
export type ContentToBackground = z.infer<typeof contentToBackgroundSchema>;

export const hintSchema = z.strictObject({
  field: fieldKey,
  status: z.enum(['fail', 'needs-evidence', 'pass']),
  rule: z.string().check(z.maxLength(20)),
  text: bilingual,
  /** the clause as a person cites it (第八条（一）), for the badge */
  cite: z.optional(bilingual),
});
export type Hint = z.infer<typeof hintSchema>;

export const backgroundToContentSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('hints/update'), hints: z.array(hintSchema).check(z.maxLength(200)) }),
  z.strictObject({ type: z.literal('picker/start'), field: fieldKey }),
  z.strictObject({ type: z.literal('picker/cancel') }),
  /** scroll the field into view and focus it (only on the person's click in the panel) */
  z.strictObject({ type: z.literal('field/focus'), field: fieldKey }),
  z.strictObject({
    type: z.literal('prefill/apply'),
    values: z.record(fieldKey, z.union([z.string().check(z.maxLength(20_000)), z.boolean()])),
    /** fields the user agreed may be overwritten; all others are filled only when empty */
    overwrite: z.array(fieldKey).check(z.maxLength(500)),
    /** what each of those fields read when the user agreed: one that changed since is kept and asked about again */
    expect: z.optional(z.record(fieldKey, z.string().check(z.maxLength(20_000)))),
  }),
  z.strictObject({ type: z.literal('snapshot/request') }),
  /** the person chose the applicant kind in the panel because the page's 申报类型 was not found: bind by it */
  z.strictObject({ type: z.literal('kind/choose'), kind: z.nullable(z.enum(['organization', 'individual'])) }),
]);
export type BackgroundToContent = z.infer<typeof backgroundToContentSchema>;

/** The content script's answer to `prefill/apply` (validated: the page it runs in is not trusted). */
export const prefillResultSchema = z.strictObject({
  ok: z.literal(true),
  filled: z.array(fieldKey).check(z.maxLength(500)),
  skipped: z.array(
      z.strictObject({
        key: fieldKey,
        /** hidden / not-editable: a person could not see or edit it, so prefill left it alone (issue 15);
         *  not-taken: written through the widget, but the page did not keep it (issue 11) */
        reason: z.enum(['not-on-page', 'not-empty', 'unsupported', 'no-such-option', 'hidden', 'not-editable', 'not-taken']),
        /** not-empty: what the field reads now, which the user's consent will be bound to */
        current: z.optional(z.string().check(z.maxLength(20_000))),
      }),
    ).check(z.maxLength(500)),
});
export type PrefillResultMessage = z.infer<typeof prefillResultSchema>;

/**
 * The content script's zod-free guard lives in its own module (content-guard.ts), so a bundle can
 * import it without pulling in the schemas above; re-exported here for everything else.
 */
export { isBackgroundToContent } from './content-guard.ts';
