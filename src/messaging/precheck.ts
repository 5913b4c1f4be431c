import type { Bilingual } from '../core/i18n.ts';
import type { FieldReading, Hint } from './protocol.ts';
import type { FindingView, PrecheckView } from './panel-protocol.ts';

/** The pure-core functions the pre-check needs (injected, so the router is testable with fakes). */
export interface PrecheckCore {
  /** 第八条（一） / Art. 8(1) for a rule reference, as the award the application is judged by numbers it (issue 16) */
  cite(rule: string, application?: never, adapterId?: string): Bilingual;
  /** the person's name for a field path (application label catalogue) */
  fieldLabel(path: string): Bilingual;
  /** raw application JSON from a portal reading (portal helper's snapshotToApplication) */
  toApplication(fields: FieldReading[], adapterId: string): unknown;
  parseApplication(input: unknown): { ok: true; application: unknown } | { ok: false; errors: { path: string; message: Bilingual }[] };
  /** `adapterId` names the portal adapter, which names its award: the background judges by that award's version in force. */
  evaluateEligibility(application: never, adapterId?: string): { verdict: PrecheckView['verdict']; findings: readonly FindingLike[] };
  fieldsForRule: Readonly<Record<string, readonly string[]>>;
  /** the measures `evaluateEligibility` judged by, shown in the panel (issue 16); optional for fakes */
  measures?(application: never, adapterId?: string): NonNullable<PrecheckView['measures']>;
}

interface FindingLike {
  rule: string;
  status: FindingView['status'];
  message: Bilingual;
  detail: Bilingual;
  evidence: readonly string[];
  fields?: readonly string[];
  problems?: readonly ProblemLike[];
}

interface ProblemLike {
  status: 'fail' | 'needs-evidence';
  text: Bilingual;
  field?: string;
  missing?: boolean;
}

export interface PrecheckResult {
  precheck: PrecheckView | null;
  hints: Hint[];
  /**
   * The reading converted to raw application JSON (`toApplication`'s answer, before any repair): the
   * draft the router saves, so one reading is converted once (issue 19). Absent when it could not be converted.
   */
  application?: unknown;
}

const MAX_REPAIRS = 5;
/** the protocol's per-field limit (content script: portal/dom/read.ts FIELD_VALUE_MAX) */
const FIELD_VALUE_MAX = 20_000;

/**
 * Reading → application → 第八条/第九条 pre-check → hints for the portal badges.
 * A value that cannot be read (bad credit code, not a date) becomes a hint on its field and is left
 * out of the check, so the rest of the form is still checked as the user types.
 */
export function runPrecheck(core: PrecheckCore, fields: FieldReading[], adapterId: string, chosenKind: 'organization' | 'individual' | null = null): PrecheckResult {
  let raw: unknown;
  try {
    raw = core.toApplication(fields, adapterId);
  } catch {
    return { precheck: null, hints: [] };
  }
  // 申报类型 not read off the page: the kind the person chose in the panel stands in (the page's answer wins)
  const applicantRaw = (raw as { applicant?: Record<string, unknown> } | null)?.applicant;
  if (chosenKind && applicantRaw && typeof applicantRaw === 'object' && applicantRaw.kind === undefined) applicantRaw.kind = chosenKind;
  const converted = { application: raw };
  // A value longer than the snapshot limit was cut by the content script: the rules see only its start.
  const inputErrors: { path: string; message: Bilingual }[] = fields
    .filter((f) => f.truncated)
    .map((f) => ({ path: f.key, message: { zh: `内容过长，只读取了前 ${FIELD_VALUE_MAX} 字，请核对本栏`, en: `Too long: only the first ${FIELD_VALUE_MAX} characters were read; check this entry` } }));
  // A field the page did not show (no reading found): say so by name, not how its value should look.
  const notFound = new Set(fields.filter((f) => !f.found).map((f) => f.key));
  const problem = (e: { path: string; message: Bilingual }): Bilingual => {
    if (!notFound.has(e.path)) return { zh: e.message.zh, en: e.message.en };
    const label = core.fieldLabel(e.path);
    return { zh: `${label.zh}：未在申报表中找到，请在表单中选择或填写`, en: `${label.en}: not found on the application form; choose or fill it in on the form` };
  };
  let candidate = structuredClone(raw);
  let parsed = core.parseApplication(candidate);
  for (let i = 0; !parsed.ok && i < MAX_REPAIRS; i++) {
    const errors = parsed.errors;
    let removed = 0;
    for (const e of errors) {
      // copied key by key: the strict tab-state schema refuses anything extra a core error might carry
      if (!inputErrors.some((x) => x.path === e.path)) inputErrors.push({ path: e.path, message: problem(e) });
      if (removeFact(candidate, e.path)) removed++;
    }
    if (removed === 0) break;
    parsed = core.parseApplication(candidate);
  }
  const readingKeys = new Set(fields.map((f) => f.key));
  const errorHints: Hint[] = inputErrors.map((e) => {
    const field = readingKeyFor(e.path, readingKeys);
    // rule "input": the badge says 填写有误 (the value cannot be read), not a clause failing
    return { field, status: 'fail', rule: 'input', text: e.message };
  });
  if (!parsed.ok) return { precheck: null, hints: dedupe(errorHints), ...converted };

  const application = parsed.application;
  const evaluated = core.evaluateEligibility(application as never, adapterId);
  // A fact left out because it could not be read was given, just wrongly: the clause says so
  // ("成立日期填写有误"), never 未填写.
  const unreadable = new Set(inputErrors.map((e) => factKey(e.path)));
  const report = { ...evaluated, findings: evaluated.findings.map((f) => restateUnreadable(f, unreadable, (p) => core.fieldLabel(p))) };
  const findings: FindingView[] = report.findings.map((f) => ({
    rule: f.rule,
    status: f.status,
    message: { zh: f.message.zh, en: f.message.en },
    detail: { zh: f.detail.zh, en: f.detail.en },
    evidence: [...f.evidence],
    ...(f.problems
      ? {
          problems: f.problems.slice(0, 30).map((p) => ({
            status: p.status,
            text: { zh: p.text.zh, en: p.text.en },
            ...(p.field ? { field: p.field } : {}),
            ...(p.missing ? { missing: true } : {}),
          })),
        }
      : {}),
  }));
  const applicant = (application as { applicant?: { kind?: string } }).applicant;
  const precheck: PrecheckView = {
    // An entry left out of the check (bad credit code, unreadable date) is not a fact the rules saw:
    // the form cannot be called eligible until it reads, so an all-pass report stays 待补充.
    verdict: report.verdict === 'eligible' && inputErrors.length > 0 ? 'incomplete' : report.verdict,
    findings,
    inputErrors,
    kind: applicant?.kind === 'individual' ? 'individual' : applicant?.kind === 'organization' ? 'organization' : null,
    submittedOn: typeof (application as { submittedOn?: unknown }).submittedOn === 'string' ? (application as { submittedOn: string }).submittedOn : null,
    ...(core.measures ? { measures: core.measures(application as never, adapterId) } : {}),
  };
  const found = new Set(fields.filter((f) => f.found).map((f) => f.key));
  const hints: Hint[] = [...errorHints];
  for (const finding of report.findings) {
    if (finding.status === 'pass') continue;
    for (const field of culprits(core, application, finding)) {
      if (!found.has(field)) continue; // only fields on this page can carry a badge
      if (hints.some((h) => h.field === field)) continue; // a field shows its most urgent problem only
      // The field's own fact, not the whole clause (the focus tip speaks of the focused field only).
      const own = finding.problems?.find((p) => p.field !== undefined && factKey(p.field) === field);
      const cite = core.cite(finding.rule, application as never, adapterId);
      const text = own
        ? { zh: `${cite.zh}：${own.text.zh}`, en: `${cite.en}: ${own.text.en}` }
        : { zh: finding.message.zh, en: finding.message.en };
      hints.push({ field, status: finding.status, rule: finding.rule, text, cite: { zh: cite.zh, en: cite.en } });
    }
  }
  return { precheck, hints: dedupe(hints), ...converted };
}

/**
 * Which fields a finding is about: the core names them (`Finding.fields`: the facts behind a `fail`, the
 * date that is too recent, not the boxes ticked beside it; behind `needs-evidence`, the facts not given),
 * so nothing is parsed or evaluated again to find them (issue 19; a property test checks this against
 * the old what-if search, which removed each fact and re-ran the clause). Needs evidence: the fields
 * still empty; failing: the fields given.
 */
function culprits(core: PrecheckCore, application: unknown, finding: FindingLike): string[] {
  const fields = finding.fields ?? core.fieldsForRule[finding.rule] ?? [];
  if (finding.status === 'needs-evidence') return fields.filter((f) => getFact(application, f) == null);
  return fields.filter((f) => getFact(application, f) != null);
}

/** Rewrites a finding's "not given" lines for facts that were given but could not be read. */
function restateUnreadable<F extends FindingLike>(f: F, unreadable: ReadonlySet<string>, labelOf: (field: string) => Bilingual): F {
  if (unreadable.size === 0 || !f.problems?.some((p) => p.missing && p.field && unreadable.has(factKey(p.field)))) return f;
  let detail = f.detail;
  let message = f.message;
  const problems = f.problems.map((p) => {
    if (!p.missing || !p.field || !unreadable.has(factKey(p.field))) return p;
    const text = {
      zh: `“${labelOf(p.field).zh}”填写有误，改正后才能核对`,
      en: `“${labelOf(p.field).en}” cannot be read: correct it to have it checked`,
    };
    detail = { zh: detail.zh.replace(p.text.zh, text.zh), en: detail.en.replace(p.text.en, text.en) };
    message = { zh: message.zh.replace(p.text.zh, text.zh), en: message.en.replace(p.text.en, text.en) };
    return { status: p.status, text, field: p.field };
  });
  return { ...f, detail, message, problems };
}

/** `applicant.accidents[0].date` → `applicant.accidents` (facts are whole top-level values). */
function factKey(path: string): string {
  const parts = path.replace(/\[\d+\]/g, '').split('.');
  return parts[0] === 'applicant' ? parts.slice(0, 2).join('.') : (parts[0] ?? path);
}

function readingKeyFor(path: string, readingKeys: Set<string>): string {
  if (readingKeys.has(path)) return path;
  const key = factKey(path);
  return key;
}

function getFact(obj: unknown, path: string): unknown {
  let cur: unknown = obj;
  for (const seg of factKey(path).split('.')) {
    if (typeof cur !== 'object' || cur === null) return undefined;
    cur = (cur as Record<string, unknown>)[seg];
  }
  return cur;
}

/** Removes the fact a path points into; false when there is nothing to remove (a required field). */
function removeFact(obj: unknown, path: string): boolean {
  const segs = factKey(path).split('.');
  const required = new Set(['format', 'year', 'submittedOn', 'applicant', 'applicant.kind']);
  if (required.has(segs.join('.'))) return false;
  let cur: unknown = obj;
  for (const seg of segs.slice(0, -1)) {
    if (typeof cur !== 'object' || cur === null) return false;
    cur = (cur as Record<string, unknown>)[seg];
  }
  const last = segs[segs.length - 1];
  if (typeof cur !== 'object' || cur === null || last === undefined || !(last in cur)) return false;
  delete (cur as Record<string, unknown>)[last];
  return true;
}

function dedupe(hints: Hint[]): Hint[] {
  const seen = new Set<string>();
  return hints.filter((h) => (seen.has(h.field) ? false : (seen.add(h.field), true))).slice(0, 200);
}
