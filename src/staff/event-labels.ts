import type { CaseEventType } from '../../machines/case.events.ts';
import type { Bilingual } from '../core/i18n.ts';

/**
 * How staff name each event of the log (第十条 steps, 第十四条–第十五条 revocations), one form per language:
 * English labels are noun phrases ("Application", "Withdrawal"), never a verb; Chinese ones name the act
 * (受理, 撤回申报) or a step and its result (资料审查通过, 现场评审完成). These are the default award's
 * (连云港); `caseEventLabelsFor` puts in an award's own approver.
 */
export const caseEventLabels: Record<CaseEventType, Bilingual> = {
  apply: { zh: '提交申报', en: 'Application' },
  return: { zh: '退回补正', en: 'Return for completion' },
  recommend: { zh: '推荐', en: 'Recommendation' },
  decline: { zh: '不予推荐', en: 'Refusal to recommend' },
  accept: { zh: '受理', en: 'Acceptance' },
  reject: { zh: '不予受理', en: 'Refusal to accept' },
  'pass-material-review': { zh: '资料审查通过', en: 'Material review passed' },
  'fail-material-review': { zh: '资料审查未通过', en: 'Material review failed' },
  'complete-site-review': { zh: '现场评审完成', en: 'On-site review completed' },
  'complete-presentation': { zh: '现场陈述完成', en: 'On-site presentation completed' },
  propose: { zh: '提名', en: 'Nomination' },
  'not-proposed': { zh: '未提名', en: 'No nomination' },
  'committee-approve': { zh: '审议通过', en: 'Committee approval' },
  'committee-reject': { zh: '审议未通过', en: 'Committee rejection' },
  'publicity-objection-upheld': { zh: '公示异议成立', en: 'Objection upheld' },
  'publicity-end': { zh: '公示期满', en: 'End of publicity' },
  'government-approve': { zh: '市政府批准', en: 'Approval by the city government' },
  'government-reject': { zh: '市政府不批准', en: 'Refusal by the city government' },
  'false-material-found': { zh: '发现虚假材料', en: 'Finding of false material' },
  withdraw: { zh: '撤回申报', en: 'Withdrawal' },
  revoke: { zh: '撤销奖项', en: 'Revocation' },
};

/**
 * Names the log used before (exported files carry them): still read on import, never shown.
 * English verbs ("Apply", "Revoke") until issue 14's wording pass; 完成现场评审 / 完成现场陈述 likewise.
 */
export const formerCaseEventLabels: Partial<Record<CaseEventType, readonly string[]>> = {
  apply: ['Apply'],
  recommend: ['Recommend'],
  decline: ['Decline'],
  accept: ['Accept'],
  reject: ['Reject'],
  'pass-material-review': ['Pass material review'],
  'fail-material-review': ['Fail material review'],
  'complete-site-review': ['完成现场评审', 'Complete on-site review'],
  'complete-presentation': ['完成现场陈述', 'Complete presentation'],
  propose: ['Propose'],
  'not-proposed': ['Not proposed'],
  'committee-approve': ['Committee approves'],
  'committee-reject': ['Committee rejects'],
  'publicity-end': ['Publicity ends'],
  'government-approve': ['Government approves'],
  'government-reject': ['Government rejects'],
  'false-material-found': ['False material found'],
  revoke: ['Revoke'],
};

/**
 * The event names in an award's own words (issue 16): its approver approves (第十条（六）), e.g. 市政府批准 /
 * "Approval by the city government" for 连云港, 县政府批准 for a county.
 */
export function caseEventLabelsFor(award: { terms: { approver?: Bilingual | undefined } }): Record<CaseEventType, Bilingual> {
  const by = award.terms.approver;
  return {
    ...caseEventLabels,
    'government-approve': { zh: `${by?.zh ?? ''}批准`, en: by ? `Approval by ${by.en}` : 'Approval' },
    'government-reject': { zh: `${by?.zh ?? ''}不批准`, en: by ? `Refusal by ${by.en}` : 'Refusal of approval' },
  };
}
