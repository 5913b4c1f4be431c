import { fieldLabel } from '../../application/index.ts';
import { bi, type Bilingual } from '../../core/i18n.ts';
import { fieldsForRule, rules } from '../../eligibility/index.ts';
import { ruleTitle } from '../../eligibility/rule-title.ts';
import { citeIn } from '../../awards/cite.ts';
import { packOfPrecheck } from './measures.ts';
import type { FieldReading } from '../../messaging/protocol.ts';
import type { TabState } from '../../messaging/panel-protocol.ts';

export type ItemStatus = 'done' | 'todo' | 'pending' | 'problem';

export interface ChecklistItem {
  id: string;
  title: Bilingual;
  article: Bilingual;
  status: ItemStatus;
  detail?: Bilingual;
  progress?: { done: number; total: number };
  missing?: Bilingual[];
  /** files the portal shows as uploaded, per attachment (issue 11: the names, not only a count) */
  files?: Array<{ label: Bilingual; names: string[] }>;
}

export interface ChecklistInput {
  state: TabState | null;
  /** the case log has a `recommend` event (推荐意见 signed); null when no case is known */
  recommended: boolean | null;
  /** self-evaluation: items scored / all items; null when none is stored */
  selfEvaluation: { scored: number; total: number } | null;
  /** attachment names from the portal adapter, by attachment key */
  attachmentLabels?: Record<string, Bilingual>;
}


export function isFilled(f: FieldReading): boolean {
  if (!f.found) return false;
  if (typeof f.value === 'boolean') return true;
  return typeof f.value === 'string' && f.value.trim() !== '';
}

/**
 * Questions that only some applicants answer: the export-incident count for exporters, the
 * organisation a person heads only when they head one. Whether they apply is read off the form.
 */
const CONDITIONS: Record<string, { on: string; when: readonly string[] }> = {
  'applicant.exportQualityIncidents': { on: 'applicant.exporter', when: ['是', 'true', '有'] },
  'applicant.headsOrganization.exportQualityIncidents': { on: 'applicant.headsOrganization.exporter', when: ['是', 'true', '有'] },
};

function applies(key: string, byKey: ReadonlyMap<string, FieldReading>): boolean {
  const c = CONDITIONS[key];
  if (!c) return true;
  const v = byKey.get(c.on)?.value;
  return v === true || (typeof v === 'string' && c.when.includes(v.trim()));
}

/**
 * Everything the application needs (第十条（一）: the form, the self-evaluation, the evidence, the
 * recommendation opinion), with progress, from what the portal page shows and what is stored.
 */
export function buildChecklist({ state, recommended, selfEvaluation, attachmentLabels = {} }: ChecklistInput): ChecklistItem[] {
  const items: ChecklistItem[] = [];
  const fields = state?.fields ?? [];
  const kind = state?.precheck?.kind ?? 'organization';
  // every article from the award the pre-check judged by (issue 16): Lianyungang's 第十条（一） is its data
  const pack = packOfPrecheck(state?.precheck);
  const FORM_ARTICLE = citeIn(pack, '10.1');
  const byKey = new Map(fields.map((f) => [f.key, f]));
  const covered = new Set<string>();

  // The pre-check's findings decide: a field is done when it is filled and no finding is still
  // about it (the badge on the portal says the same), a clause is done when its finding passes.
  const findings = new Map((state?.precheck?.findings ?? []).map((f) => [f.rule, f]));
  const open = new Set((state?.hints ?? []).filter((h) => h.status !== 'pass').map((h) => h.field));
  const isDone = (f: FieldReading) => isFilled(f) && !open.has(f.key);
  const section = (id: string, title: Bilingual, article: Bilingual, keys: readonly string[], rule?: string) => {
    // Every field the portal's form has for this applicant, including steps not opened yet; a field
    // counts once (14–16 share 以往申报和获奖记录) and only where it applies (export questions for exporters).
    const onPage = keys
      .filter((k) => !covered.has(k) && applies(k, byKey))
      .map((k) => byKey.get(k))
      .filter((f): f is FieldReading => !!f);
    if (onPage.length === 0) return;
    onPage.forEach((f) => covered.add(f.key));
    const done = onPage.filter(isDone).length;
    const missingRequired = onPage.filter((f) => !isFilled(f) && f.required);
    const missing = onPage.filter((f) => !isDone(f));
    const finding = rule ? findings.get(rule) : undefined;
    // ✓ means the clause is met on facts that are given: a rule may pass on a fact not yet given
    // (第十四条 with no 以往申报和获奖记录 finds no ban), so a clause with anything still 待填 is
    // open, as a 待补充 finding is; only a failing finding makes it a problem with everything given.
    const status: ItemStatus =
      finding?.status === 'fail'
        ? 'problem'
        : (!finding || finding.status === 'pass') && missing.length === 0
          ? 'done'
          : missingRequired.length
            ? 'problem'
            : 'todo';
    items.push({
      id,
      title,
      article,
      status,
      progress: { done, total: onPage.length },
      missing: missing.map((f) => fieldLabel(f.key)),
    });
  };

  if (state && (state.page === 'application-form' || state.page === 'recommender-review')) {
    const ruleFields = new Set(Object.values(fieldsForRule).flat());
    section('form-basic', bi('申报表基本信息', 'Application form: basic facts'), FORM_ARTICLE, fields.map((f) => f.key).filter((k) => !ruleFields.has(k)));
    for (const rule of rules) {
      if (rule.appliesTo !== 'both' && rule.appliesTo !== kind) continue;
      section(`form-${rule.id}`, bi(`申报表：${ruleTitle(rule, pack).zh}`, `Form: ${ruleTitle(rule, pack).en}`), citeIn(pack, rule.id), fieldsForRule[rule.id] ?? [], rule.id);
    }
    const attachments = state.attachments;
    if (attachments.length > 0) {
      const present = attachments.filter((a) => a.present);
      items.push({
        id: 'attachments',
        title: bi('证明材料附件', 'Evidence attachments'),
        article: FORM_ARTICLE,
        status: present.length === attachments.length ? 'done' : 'todo',
        progress: { done: present.length, total: attachments.length },
        missing: attachments.filter((a) => !a.present).map((a) => attachmentLabels[a.key] ?? fieldLabel(a.key)),
        files: present.filter((a) => a.fileNames.length > 0).map((a) => ({ label: attachmentLabels[a.key] ?? fieldLabel(a.key), names: a.fileNames })),
      });
    }
  } else {
    items.push({
      id: 'form',
      title: bi('填写申报表', 'Fill in the application form'),
      article: FORM_ARTICLE,
      status: 'todo',
      detail: bi('打开申报表页面后显示各部分的填写进度。', 'Open the application form to see each section’s progress.'),
    });
  }

  items.push({
    id: 'self-evaluation',
    title: bi('按 GB/T 19580 自我评价', 'Self-evaluation against GB/T 19580'),
    article: FORM_ARTICLE,
    status: selfEvaluation && selfEvaluation.scored >= selfEvaluation.total ? 'done' : 'todo',
    ...(selfEvaluation ? { progress: { done: selfEvaluation.scored, total: selfEvaluation.total } } : {}),
    detail: selfEvaluation
      ? bi(`已评分 ${selfEvaluation.scored}/${selfEvaluation.total} 项`, `${selfEvaluation.scored} of ${selfEvaluation.total} items scored`)
      : bi('尚未开始，在“自评”页签中评分并导出自评报告。', 'Not started: score yourself in the Self-evaluation tab and export the report.'),
  });

  items.push({
    id: 'recommendation',
    title: bi('推荐单位签署推荐意见', 'Recommendation opinion signed'),
    article: FORM_ARTICLE,
    status: recommended ? 'done' : 'pending',
    detail: recommended
      ? bi('推荐单位已签署推荐意见。', 'The recommender has signed the opinion.')
      : bi('待所在县区政府或市级部门审核并签署推荐意见。', 'Waiting for the county/district government or municipal department to review and sign.'),
  });
  return items;
}

export function checklistProgress(items: readonly ChecklistItem[]): { done: number; total: number } {
  return { done: items.filter((i) => i.status === 'done').length, total: items.length };
}
