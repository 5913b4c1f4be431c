import type { Bilingual } from '../core/i18n.ts';

/**
 * 获奖后监督 as dated tasks: the duties the measures put on a winner (连云港: 第十七条, 第十八条), the office's
 * recommendation road (第十二条) and its monitoring (第六条); each duty names its rule reference, and its
 * article, names and titles are read from the case's award pack (issue 16). Award data, not code: one module so the
 * policy pack work (src/awards/) can take it over whole.
 *
 * `dueAfterDays` counts from the government approval date (第十条(六)). The measures set no deadlines
 * for these duties; the days below are the office's working defaults and are labelled as such.
 */
export type DutyId = 'new-goals' | 'share-experience' | 'title-use' | 'recommend-next' | 'office-monitoring';

export interface DutyDefinition {
  id: DutyId;
  /** the rule reference in the measures ('17', '18', '12', '6'): its article is cited from the case's award pack */
  ref: string;
  /** who must act: the winner, or the award office */
  party: 'winner' | 'office';
  tiers: readonly ('award' | 'nomination')[];
  dueAfterDays: number;
  title: Bilingual;
  /**
   * what "done" means, in the measures' words; filled in from the case's award pack: `{year}`, `{title}`
   * (the title with its year), `{award}` / `{short}` (the award's full / short name), `{higher}` (the award
   * winners are recommended to), `{article}` (this duty's article), `{art14}` / `{art15}` (the revocation articles)
   */
  text: Bilingual;
  /** per tier, when the duty reads differently (第十二条) */
  textByTier?: Partial<Record<'award' | 'nomination', Bilingual>>;
}


/** The note over the dated duties, counted from the award's own approval (its approver from the award's data). */
export function dutyDeadlineNote(award: { terms: { approver?: Bilingual | undefined } }): Bilingual {
  const by = award.terms.approver;
  return {
    zh: `办法未规定以下事项的期限，到期日为办公室的工作安排，自${by?.zh ?? ''}批准之日起计算。`,
    en: `The measures set no deadlines for these duties; the due dates are the office’s own, counted from the approval${by ? ` by ${by.en}` : ''}.`,
  };
}

export const dutyDefinitions: readonly DutyDefinition[] = [
  {
    id: 'new-goals',
    ref: '17',
    party: 'winner',
    tiers: ['award', 'nomination'],
    dueAfterDays: 90,
    title: { zh: '制定质量新目标', en: 'New quality goals' },
    text: {
      zh: '获奖者制定提高质量水平和竞争力的新目标，报办公室备案。',
      en: 'The winner sets new goals for quality and competitiveness and files them with the office.',
    },
  },
  {
    id: 'share-experience',
    ref: '17',
    party: 'winner',
    tiers: ['award', 'nomination'],
    dueAfterDays: 365,
    title: { zh: '交流质量经验', en: 'Sharing experience' },
    text: {
      zh: '向其他组织和个人交流质量策略和成功经验（涉及国家秘密和商业秘密的除外），如经验交流会、现场观摩。',
      en: 'Shares its quality strategy and results with others (state and trade secrets excepted), e.g. a talk or an open site visit.',
    },
  },
  {
    id: 'title-use',
    ref: '18',
    party: 'office',
    tiers: ['award', 'nomination'],
    dueAfterDays: 180,
    title: { zh: '核查称号使用', en: 'Title use check' },
    text: {
      zh: '称号只能用于形象宣传，且须注明获奖年度（如“{title}”）；不得用于产品宣传，不得在产品或包装上标注奖项标志和称号。逐条记录发现的使用情况。',
      en: 'The title may be used only in corporate publicity and with its year (e.g. “{title}”), never in product advertising, on products or packaging. Record each use found.',
    },
  },
  {
    id: 'recommend-next',
    ref: '12',
    party: 'office',
    tiers: ['award', 'nomination'],
    dueAfterDays: 365,
    title: { zh: '优先推荐', en: 'Recommendation' },
    text: { zh: '按{article}优先推荐。', en: 'Recommend first under {article}.' },
    textByTier: {
      award: {
        zh: '优先推荐申报{higher}：在下一次{higher}申报时推荐。',
        en: 'Recommend first for the {higher} at its next call.',
      },
      nomination: {
        zh: '优先推荐申报{award}：在下一年度{short}申报时推荐（提名奖不设禁报期）。',
        en: 'Recommend first for the {short} at its next call (a nomination carries no lock).',
      },
    },
  },
  {
    id: 'office-monitoring',
    ref: '6',
    party: 'office',
    tiers: ['award', 'nomination'],
    dueAfterDays: 365,
    title: { zh: '年度监督检查', en: 'Yearly monitoring' },
    text: {
      zh: '办公室监督获奖组织和个人的质量管理行为：了解质量、安全、环境事故及投诉情况；发现{art14}、{art15}情形的，按撤销程序办理。',
      en: 'The office monitors the winner’s quality management: incidents and complaints; an {art14} or {art15} case goes to revocation.',
    },
  },
];

/** 第十八条: where a use of the title was seen; the last three are forbidden. */
export const titleUsePlaces = {
  publicity: { zh: '形象宣传', en: 'Corporate publicity', forbidden: null },
  product: { zh: '产品上', en: 'On a product', forbidden: { zh: '不得在产品上标注奖项标志和称号', en: 'never on a product' } },
  packaging: { zh: '包装上', en: 'On packaging', forbidden: { zh: '不得在包装上标注奖项标志和称号', en: 'never on packaging' } },
  'product-advertising': { zh: '产品宣传', en: 'Product advertising', forbidden: { zh: '不得用于产品宣传', en: 'never in product advertising' } },
} as const;
export type TitleUsePlace = keyof typeof titleUsePlaces;
