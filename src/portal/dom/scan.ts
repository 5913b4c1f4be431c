import type { AttachmentReading, FieldReading } from '../../messaging/protocol.ts';
import type { Bilingual } from '../../core/i18n.ts';
import { locateField, locateFields, type Binding, type LocatableField } from './locate.ts';
import { fileNames, readField, readTarget } from './read.ts';
import { indexTargets, type Target } from './targets.ts';

/** The adapter as plain data (the JSON shape; the content script doesn't run zod). */
export interface ScanAdapterField extends LocatableField {
  applicantKind?: 'organization' | 'individual';
  step?: string;
  required?: boolean;
  valueMap?: Record<string, string | boolean>;
  columns?: ReadonlyArray<{ key: string; header: string }>;
  /** tables: the text of the portal's add-row button (prefill adds rows with it) */
  addRow?: { texts: readonly string[] };
  tip?: { article: string; text: Bilingual };
}
export interface ScanAdapterAttachment {
  key: string;
  label: Bilingual;
  applicantKind?: 'organization' | 'individual';
  locators: LocatableField['locators'];
  required?: boolean;
}
export interface ScanAdapter {
  id: string;
  fields: ReadonlyArray<ScanAdapterField>;
  attachments: ReadonlyArray<ScanAdapterAttachment>;
}

export type ApplicantKind = 'organization' | 'individual';

export interface ScanResult {
  /** the applicant kind as read (or remembered); null when unknown */
  kind: ApplicantKind | null;
  /** the kind whose fields were looked for: `kind`, or when unknown the kind whose own fields this page shows */
  layoutKind: ApplicantKind | null;
  targets: Target[];
  /** field bindings (attachments use their key, prefixed `attachment:`) */
  bindings: Binding[];
  fields: FieldReading[];
  attachments: AttachmentReading[];
}

const KIND_KEY = 'applicant.kind';

export function applies(f: { applicantKind?: ApplicantKind }, kind: ApplicantKind | null): boolean {
  return !f.applicantKind || kind === null || f.applicantKind === kind;
}

/** The applicant kind a kind reading stands for, through the adapter's value map. */
export function kindOf(adapter: ScanAdapter, raw: string | boolean | null | undefined): ApplicantKind | null {
  if (typeof raw !== 'string' || !raw.trim()) return null;
  const f = adapter.fields.find((x) => x.key === KIND_KEY);
  const v = f?.valueMap?.[raw.trim()];
  return v === 'organization' || v === 'individual' ? v : null;
}

/**
 * One pass over the page: index targets, find the applicant kind (or use the remembered one when
 * the kind question is on another step), bind the fields that apply, read their raw values.
 */
export function scanPage(root: Document | Element, adapter: ScanAdapter, options: { staticValues?: boolean; kindHint?: ApplicantKind | null } = {}): ScanResult {
  const targets = indexTargets(root, { staticValues: options.staticValues });
  const kindField = adapter.fields.find((f) => f.key === KIND_KEY);
  let kind = options.kindHint ?? null;
  let kindBinding: Binding | null = null;
  if (kindField) {
    kindBinding = locateField(kindField, targets, root);
    if (kindBinding.target) kind = kindOf(adapter, readTarget(kindBinding.target)) ?? kind;
  }
  // Kind unknown (e.g. the page was reloaded on a later step): organisation and headed-organisation
  // fields share labels, so look for each kind's own fields and follow the kind the page shows.
  // Only a clear difference decides; a tie leaves it unknown.
  let layoutKind = kind;
  if (layoutKind === null) {
    const own = (k: ApplicantKind) => locateFields(adapter.fields.filter((f) => f.applicantKind === k), targets, root).filter((b) => b.target).length;
    const org = own('organization');
    const ind = own('individual');
    if (org !== ind) layoutKind = org > ind ? 'organization' : 'individual';
  }
  const fields = adapter.fields.filter((f) => f.key !== KIND_KEY && applies(f, layoutKind));
  const atts = adapter.attachments.filter((a) => applies(a, layoutKind));
  const all: LocatableField[] = [
    ...(kindField ? [kindField] : []),
    ...fields,
    ...atts.map((a) => ({ key: `attachment:${a.key}`, type: 'file', locators: a.locators })),
  ];
  const bindings = locateFields(all, targets, root);
  const byKey = new Map(bindings.map((b) => [b.key, b]));
  const readings: FieldReading[] = [];
  for (const f of kindField ? [kindField, ...fields] : fields) {
    const b = byKey.get(f.key);
    if (!b?.target) {
      readings.push({ key: f.key, found: false, value: null, required: f.required ?? false });
      continue;
    }
    let capped: ReturnType<typeof readField>;
    try {
      capped = readField(b.target, f.columns);
    } catch {
      capped = { value: null };
    }
    readings.push({ key: f.key, found: true, value: capped.value, required: f.required ?? false, via: b.via ?? undefined, ...(capped.truncated ? { truncated: true as const } : {}) });
  }
  const attachments: AttachmentReading[] = atts.map((a) => {
    const b = byKey.get(`attachment:${a.key}`);
    const names = b?.target ? fileNames(b.target) : [];
    return { key: a.key, present: names.length > 0, fileNames: names.map((n) => n.slice(0, 300)) };
  });
  return { kind, layoutKind, targets, bindings, fields: readings, attachments };
}
