import { z } from '../core/zod-mini.ts';
import { attachmentReadingSchema, fieldReadingSchema, hintSchema, portalPageSchema } from './protocol.ts';

/**
 * Messages between extension pages (side panel, options, staff page) and the background.
 * Only extension pages may send these (sender checks in senders.ts); content scripts never can,
 * so privileged actions (picker, prefill from the stored profile) are unreachable from a portal page.
 */

const bilingual = z.strictObject({ zh: z.string().check(z.maxLength(2000)), en: z.string().check(z.maxLength(2000)) });
const fieldKey = z.string().check(z.minLength(1)).check(z.maxLength(120));
const tabId = z.number().check(z.int()).check(z.nonnegative());

export const panelToBackgroundSchema = z.discriminatedUnion('type', [
  /**
   * the state of one tab; without `tabId`: the active tab of the sender's window. `followLatest`: a
   * panel page opened as a tab of its own (development, tests) follows the latest portal tab instead.
   */
  z.strictObject({
    type: z.literal('panel/get-tab-state'),
    tabId: z.optional(tabId),
    windowId: z.optional(z.number().check(z.int())),
    followLatest: z.optional(z.boolean()),
  }),
  /** start the field picker on a portal tab, to re-anchor `field` (adapter editing) */
  z.strictObject({ type: z.literal('panel/start-picker'), tabId, field: fieldKey, adapterId: z.optional(z.string().check(z.maxLength(100))) }),
  z.strictObject({ type: z.literal('panel/cancel-picker'), tabId }),
  /** fill empty portal fields from the stored profile (never overwrites what the user typed) */
  z.strictObject({
    type: z.literal('panel/prefill'),
    tabId,
    profileId: z.optional(z.string().check(z.minLength(1)).check(z.maxLength(100))),
    /** fields already holding text that the user, having been shown them, agreed to overwrite */
    overwrite: z.optional(z.array(fieldKey).check(z.maxLength(500))),
    /** what those fields read in the report the user agreed to (the content script checks they still do) */
    expect: z.optional(z.record(fieldKey, z.string().check(z.maxLength(20_000)))),
  }),
  /** scroll to and focus a field on the portal page (a next action the person clicked: issue 13) */
  z.strictObject({ type: z.literal('panel/focus-field'), tabId, field: fieldKey }),
  /** the person's choice of applicant kind when the page's 申报类型 cannot be found (null: withdraw it) */
  z.strictObject({ type: z.literal('panel/choose-kind'), tabId, kind: z.nullable(z.enum(['organization', 'individual'])) }),
  /** ask the content script for a fresh reading */
  z.strictObject({ type: z.literal('panel/refresh'), tabId }),
]);
export type PanelToBackground = z.infer<typeof panelToBackgroundSchema>;

export const findingViewSchema = z.strictObject({
  rule: z.string().check(z.maxLength(20)),
  status: z.enum(['pass', 'fail', 'needs-evidence']),
  message: bilingual,
  /** the message without its citation and status, for the clause list and the draft opinion */
  detail: bilingual,
  evidence: z.array(z.string().check(z.maxLength(500))).check(z.maxLength(50)),
  /** each unmet fact on its own line, with its own status and field (failures first) */
  problems: z.optional(z.array(
      z.strictObject({
        status: z.enum(['fail', 'needs-evidence']),
        text: bilingual,
        field: z.optional(fieldKey),
        missing: z.optional(z.literal(true)),
      }),
    ).check(z.maxLength(30))),
});
export type FindingView = z.infer<typeof findingViewSchema>;

export const precheckViewSchema = z.strictObject({
  verdict: z.enum(['eligible', 'ineligible', 'incomplete']),
  findings: z.array(findingViewSchema).check(z.maxLength(50)),
  /** fields whose value could not be read (bad credit code, not a date …): left out of the check */
  inputErrors: z.array(z.strictObject({ path: z.string().check(z.maxLength(200)), message: bilingual })).check(z.maxLength(200)),
  kind: z.nullable(z.enum(['organization', 'individual'])),
  submittedOn: z.nullable(z.string().check(z.maxLength(10))),
  /** the measures the check used (issue 16): award, version in force on the submission date, document */
  measures: z.optional(z.strictObject({
      awardId: z.string().check(z.maxLength(100)),
      versionId: z.string().check(z.maxLength(100)),
      name: bilingual,
      label: bilingual,
      title: bilingual,
      document: z.string().check(z.maxLength(200)),
    })),
});
export type PrecheckView = z.infer<typeof precheckViewSchema>;

/** What the background knows about one portal tab (kept in memory and in storage.session). */
export const tabStateSchema = z.strictObject({
  tabId,
  url: z.string().check(z.maxLength(2000)),
  page: portalPageSchema,
  adapterId: z.string().check(z.maxLength(100)),
  takenAt: z.number(),
  /** background clock when the reading arrived (a tab that reloads onto a non-portal page is forgotten) */
  receivedAt: z.optional(z.number()),
  fields: z.array(fieldReadingSchema).check(z.maxLength(500)),
  attachments: z.array(attachmentReadingSchema).check(z.maxLength(100)),
  /** null when the page carries no application (status page) or the reading could not be checked */
  precheck: z.nullable(precheckViewSchema),
  hints: z.array(hintSchema).check(z.maxLength(200)),
  /** the draft the reading was saved to */
  draftId: z.nullable(z.string().check(z.maxLength(200))),
  /** the draft's version this tab last wrote: its next reading is saved on top of exactly that (issue 15) */
  draftVersion: z.optional(z.number().check(z.int()).check(z.gte(0))),
  /** cases whose events were read off this tab (status page) */
  caseIds: z.array(z.string().check(z.maxLength(200))).check(z.maxLength(500)),
  picker: z.nullable(z.strictObject({ field: fieldKey, adapterId: z.nullable(z.string().check(z.maxLength(100))) })),
  /** the applicant kind the person chose in the panel because the page's 申报类型 was not found (issue 11); the page's own answer wins */
  chosenKind: z.optional(z.nullable(z.enum(['organization', 'individual']))),
});
export type TabState = z.infer<typeof tabStateSchema>;

export const backgroundToPanelSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('tab-state/changed'), tabId, state: z.nullable(tabStateSchema) }),
  /** the user pointed at an element with the picker; the adapter editor applies the locators */
  z.strictObject({
    type: z.literal('picker/picked'),
    tabId,
    adapterId: z.nullable(z.string().check(z.maxLength(100))),
    field: fieldKey,
    locators: z.array(z.strictObject({ kind: z.string().check(z.maxLength(40)), value: z.string().check(z.maxLength(500)) })).check(z.maxLength(10)),
    label: z.nullable(z.string().check(z.maxLength(300))),
  }),
]);
export type BackgroundToPanel = z.infer<typeof backgroundToPanelSchema>;

/** Replies from the background to a panel request. */
export type PanelReply =
  | { ok: true; state?: TabState | null; tabId?: number | null; focused?: boolean }
  | { ok: false; error: { zh: string; en: string } };
