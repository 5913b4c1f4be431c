import type { CaseEventType } from '../../machines/case.events.ts';
import type { Bilingual } from '../core/i18n.ts';

/** How staff name each event of the log (第十条 steps, 第十四条–第十五条 revocations). */
export const caseEventLabels: Record<CaseEventType, Bilingual> = {
  apply: { zh: '提交申报', en: 'Apply' },
  return: { zh: '退回补正', en: 'Return for completion' },
  recommend: { zh: '推荐', en: 'Recommend' },
  decline: { zh: '不予推荐', en: 'Decline' },
  accept: { zh: '受理', en: 'Accept' },
  reject: { zh: '不予受理', en: 'Reject' },
  'pass-material-review': { zh: '资料审查通过', en: 'Pass material review' },
  'fail-material-review': { zh: '资料审查未通过', en: 'Fail material review' },
  'complete-site-review': { zh: '完成现场评审', en: 'Complete on-site review' },
  'complete-presentation': { zh: '完成现场陈述', en: 'Complete presentation' },
  propose: { zh: '提名', en: 'Propose' },
  'not-proposed': { zh: '未提名', en: 'Not proposed' },
  'committee-approve': { zh: '审议通过', en: 'Committee approves' },
  'committee-reject': { zh: '审议未通过', en: 'Committee rejects' },
  'publicity-objection-upheld': { zh: '公示异议成立', en: 'Objection upheld' },
  'publicity-end': { zh: '公示期满', en: 'Publicity ends' },
  'government-approve': { zh: '市政府批准', en: 'Government approves' },
  'government-reject': { zh: '市政府不批准', en: 'Government rejects' },
  'false-material-found': { zh: '发现虚假材料', en: 'False material found' },
  withdraw: { zh: '撤回申报', en: 'Withdrawal' },
  revoke: { zh: '撤销奖项', en: 'Revoke' },
};

/**
 * The event names in an award's own words (issue 16): its approver approves (第十条（六）), e.g. 市政府批准
 * for 连云港, 县政府批准 for a county; `caseEventLabels` above is the default award's.
 */
export function caseEventLabelsFor(award: { terms: { approver?: Bilingual | undefined } }): Record<CaseEventType, Bilingual> {
  const by = award.terms.approver;
  return {
    ...caseEventLabels,
    'government-approve': { zh: `${by?.zh ?? ''}批准`, en: caseEventLabels['government-approve'].en },
    'government-reject': { zh: `${by?.zh ?? ''}不批准`, en: caseEventLabels['government-reject'].en },
  };
}
