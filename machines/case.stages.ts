import type { Bilingual } from '../src/core/i18n.ts';
import type { ApplicantKind, Tier } from './case.events.ts';
import { lianyungangAward } from '../src/awards/lianyungang-mayor/award.ts';

/**
 * Every stage of the contract, in lifecycle order (CaseView.stage). Kept apart from case.machine.ts so
 * pages that only list or filter stages (the staff filter bar) don't load xstate; the machine's states
 * are checked against this list in test/unit/machines/case.machine.test.ts.
 */
export const caseStages = [
  'draft',
  'recommendation',
  'qualification-review',
  'material-review',
  'site-review',
  'presentation',
  'comprehensive-evaluation',
  'committee',
  'publicity',
  'approval',
  'awarded',
  'withdrawn',
  'not-recommended',
  'not-accepted',
  'not-selected',
  'disqualified',
  'revoked',
] as const;

export type CaseStage = (typeof caseStages)[number];

/**
 * The one place the lifecycle's names are written (stage titles, applicant kinds, award tiers): the
 * machine's stage meta, the refusal messages, the side panel and every staff page read them from here.
 * Stage titles follow 第十条 (一)–(六); tier names are the measures' own (第三条: 市长质量奖 and 市长质量奖提名奖).
 */
export const stageTitles: Record<CaseStage, Bilingual> = {
  draft: { zh: '填写申报材料', en: 'Preparing the application' },
  recommendation: { zh: '推荐', en: 'Recommendation' },
  'qualification-review': { zh: '资格审查', en: 'Qualification review' },
  'material-review': { zh: '资料审查', en: 'Material review' },
  'site-review': { zh: '现场评审', en: 'On-site review' },
  presentation: { zh: '现场陈述', en: 'On-site presentation' },
  'comprehensive-evaluation': { zh: '综合评价', en: 'Comprehensive evaluation' },
  committee: { zh: '质量发展委员会审议', en: 'Committee deliberation' },
  publicity: { zh: '公示', en: 'Publicity' },
  // the default award's approver (Lianyungang: 市政府), from its data
  approval: { zh: `${lianyungangAward.terms.approver?.zh ?? ''}批准`, en: 'Government approval' },
  awarded: { zh: '已获奖', en: 'Awarded' },
  withdrawn: { zh: '已撤回', en: 'Withdrawn' },
  'not-recommended': { zh: '未获推荐', en: 'Not recommended' },
  'not-accepted': { zh: '未受理', en: 'Not accepted' },
  'not-selected': { zh: '未入选', en: 'Not selected' },
  disqualified: { zh: '取消资格', en: 'Disqualified' },
  revoked: { zh: '已撤销', en: 'Revoked' },
};

/**
 * The stage titles in an award's own words (issue 16): its committee deliberates (第十条（五）) and its
 * approver approves (第十条（六）); every other stage is named alike in every award. `stageTitles` above
 * is the default award's (连云港: 质量发展委员会审议, 市政府批准), for pages that show no particular case.
 */
export function stageTitlesFor(award: { terms: { committee: Bilingual; approver?: Bilingual | undefined } }): Record<CaseStage, Bilingual> {
  const { committee, approver } = award.terms;
  const enApprover = approver ? approver.en.replace(/^the /, '') : '';
  return {
    ...stageTitles,
    committee: { zh: `${committee.zh}审议`, en: 'Committee deliberation' },
    approval: approver ? { zh: `${approver.zh}批准`, en: `Approval by ${enApprover}` } : { zh: '批准', en: 'Approval' },
  };
}

/** The applicant kind as a label (filters, table cells, the case header). */
export const applicantKindTitles: Record<ApplicantKind, Bilingual> = {
  organization: { zh: '组织', en: 'Organisation' },
  individual: { zh: '个人', en: 'Individual' },
};

/** The same kinds inside a sentence ("… is for organisations only"). */
export const applicantKindPlurals: Record<ApplicantKind, Bilingual> = {
  organization: { zh: applicantKindTitles.organization.zh, en: 'organisations' },
  individual: { zh: applicantKindTitles.individual.zh, en: 'individuals' },
};

/**
 * The tier names as an award's own data gives them (issue 16): `award.shortName` (市长质量奖) and the
 * nomination's short name (市长质量奖提名奖). `tierTitles` below is the default award's, for pages that show no particular case.
 */
export function tierTitlesFor(award: { shortName: Bilingual; nominationName: Bilingual; shortNominationName?: Bilingual | undefined }): Record<Tier, Bilingual> {
  return { award: award.shortName, nomination: award.shortNominationName ?? award.nominationName };
}

export const tierTitles: Record<Tier, Bilingual> = tierTitlesFor(lianyungangAward);
