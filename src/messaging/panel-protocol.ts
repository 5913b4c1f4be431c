import { z } from 'zod';
import { attachmentReadingSchema, fieldReadingSchema, hintSchema, portalPageSchema } from './protocol.ts';

/**
 * Messages between extension pages (side panel, options, staff page) and the background.
 * Only extension pages may send these (sender checks in senders.ts); content scripts never can,
 * so privileged actions (picker, prefill from the stored profile) are unreachable from a portal page.
 */

const bilingual = z.strictObject({ zh: z.string().max(2000), en: z.string().max(2000) });
const fieldKey = z.string().min(1).max(120);
const tabId = z.number().int().nonnegative();

export const panelToBackgroundSchema = z.discriminatedUnion('type', [
  /**
   * the state of one tab; without `tabId`: the active tab of the sender's window. `followLatest`: a
   * panel page opened as a tab of its own (development, tests) follows the latest portal tab instead.
   */
  z.strictObject({
    type: z.literal('panel/get-tab-state'),
    tabId: tabId.optional(),
    windowId: z.number().int().optional(),
    followLatest: z.boolean().optional(),
  }),
  /** start the field picker on a portal tab, to re-anchor `field` (adapter editing) */
  z.strictObject({ type: z.literal('panel/start-picker'), tabId, field: fieldKey, adapterId: z.string().max(100).optional() }),
  z.strictObject({ type: z.literal('panel/cancel-picker'), tabId }),
  /** fill empty portal fields from the stored profile (never overwrites what the user typed) */
  z.strictObject({
    type: z.literal('panel/prefill'),
    tabId,
    profileId: z.string().min(1).max(100).optional(),
    /** fields already holding text that the user, having been shown them, agreed to overwrite */
    overwrite: z.array(fieldKey).max(500).optional(),
    /** what those fields read in the report the user agreed to (the content script checks they still do) */
    expect: z.record(fieldKey, z.string().max(20_000)).optional(),
  }),
  /** scroll to and focus a field on the portal page (a next action the person clicked: issue 13) */
  z.strictObject({ type: z.literal('panel/focus-field'), tabId, field: fieldKey }),
  /** the person's choice of applicant kind when the page's 申报类型 cannot be found (null: withdraw it) */
  z.strictObject({ type: z.literal('panel/choose-kind'), tabId, kind: z.enum(['organization', 'individual']).nullable() }),
  /** ask the content script for a fresh reading */
  z.strictObject({ type: z.literal('panel/refresh'), tabId }),
]);
export type PanelToBackground = z.infer<typeof panelToBackgroundSchema>;

export const findingViewSchema = z.strictObject({
  rule: z.string().max(20),
  status: z.enum(['pass', 'fail', 'needs-evidence']),
  message: bilingual,
  /** the message without its citation and status, for the clause list and the draft opinion */
  detail: bilingual,
  evidence: z.array(z.string().max(500)).max(50),
  /** each unmet fact on its own line, with its own status and field (failures first) */
  problems: z
    .array(
      z.strictObject({
        status: z.enum(['fail', 'needs-evidence']),
        text: bilingual,
        field: fieldKey.optional(),
        missing: z.literal(true).optional(),
      }),
    )
    .max(30)
    .optional(),
});
export type FindingView = z.infer<typeof findingViewSchema>;

export const precheckViewSchema = z.strictObject({
  verdict: z.enum(['eligible', 'ineligible', 'incomplete']),
  findings: z.array(findingViewSchema).max(50),
  /** fields whose value could not be read (bad credit code, not a date …): left out of the check */
  inputErrors: z.array(z.strictObject({ path: z.string().max(200), message: bilingual })).max(200),
  kind: z.enum(['organization', 'individual']).nullable(),
  submittedOn: z.string().max(10).nullable(),
  /** the measures the check used (issue 16): award, version in force on the submission date, document */
  measures: z
    .strictObject({
      awardId: z.string().max(100),
      versionId: z.string().max(100),
      name: bilingual,
      label: bilingual,
      title: bilingual,
      document: z.string().max(200),
    })
    .optional(),
});
export type PrecheckView = z.infer<typeof precheckViewSchema>;

/** What the background knows about one portal tab (kept in memory and in storage.session). */
export const tabStateSchema = z.strictObject({
  tabId,
  url: z.string().max(2000),
  page: portalPageSchema,
  adapterId: z.string().max(100),
  takenAt: z.number(),
  /** background clock when the reading arrived (a tab that reloads onto a non-portal page is forgotten) */
  receivedAt: z.number().optional(),
  fields: z.array(fieldReadingSchema).max(500),
  attachments: z.array(attachmentReadingSchema).max(100),
  /** null when the page carries no application (status page) or the reading could not be checked */
  precheck: precheckViewSchema.nullable(),
  hints: z.array(hintSchema).max(200),
  /** the draft the reading was saved to */
  draftId: z.string().max(200).nullable(),
  /** the draft's version this tab last wrote: its next reading is saved on top of exactly that (issue 15) */
  draftVersion: z.number().int().min(0).optional(),
  /** cases whose events were read off this tab (status page) */
  caseIds: z.array(z.string().max(200)).max(500),
  picker: z.strictObject({ field: fieldKey, adapterId: z.string().max(100).nullable() }).nullable(),
  /** the applicant kind the person chose in the panel because the page's 申报类型 was not found (issue 11); the page's own answer wins */
  chosenKind: z.enum(['organization', 'individual']).nullable().optional(),
});
export type TabState = z.infer<typeof tabStateSchema>;

export const backgroundToPanelSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('tab-state/changed'), tabId, state: tabStateSchema.nullable() }),
  /** the user pointed at an element with the picker; the adapter editor applies the locators */
  z.strictObject({
    type: z.literal('picker/picked'),
    tabId,
    adapterId: z.string().max(100).nullable(),
    field: fieldKey,
    locators: z.array(z.strictObject({ kind: z.string().max(40), value: z.string().max(500) })).max(10),
    label: z.string().max(300).nullable(),
  }),
]);
export type BackgroundToPanel = z.infer<typeof backgroundToPanelSchema>;

/** Replies from the background to a panel request. */
export type PanelReply =
  | { ok: true; state?: TabState | null; tabId?: number | null; focused?: boolean }
  | { ok: false; error: { zh: string; en: string } };
