import type { AwardInfo, PolicyClause } from '../../policy/schema.ts';

/** 连云港市市长质量奖: the award itself and the words its messages use (2021 measures). */
export const lianyungangAward: AwardInfo = {
  id: 'lianyungang-mayor',
  name: { zh: '连云港市市长质量奖', en: 'Lianyungang Mayor Quality Award' },
  shortName: { zh: '市长质量奖', en: 'Mayor Quality Award' },
  nominationName: { zh: '连云港市市长质量奖提名奖', en: 'Lianyungang Mayor Quality Award nomination' },
  shortNominationName: { zh: '市长质量奖提名奖', en: 'Nomination Award' },
  terms: {
    region: { zh: '连云港市', en: 'Lianyungang' },
    local: { zh: '本市', en: 'Lianyungang' },
    committee: { zh: '市质量发展委员会', en: 'the city quality development committee' },
    office: { zh: '市质量发展委员会办公室', en: 'the office of the city quality development committee' },
    approver: { zh: '市政府', en: 'the city government' },
    industryLeadingMeasures: { zh: '经营规模、上缴税收、总资产贡献率', en: 'scale, taxes paid and total-asset contribution' },
  },
  // 第十二条: winners are recommended first for the Jiangsu Governor Quality Award, nomination winners
  // first for the Mayor Quality Award.
  recommendsTo: { awardId: 'jiangsu-governor', article: '第十二条', nomineesTo: 'lianyungang-mayor' },
};

const c = (article: string, clause: string | null): PolicyClause => ({ article, clause, status: 'verified' });

/** The article and clause of each eligibility rule (第八条、第九条、第十四条–第十六条). */
export const lianyungangClauses: Record<string, PolicyClause> = {
  '8.1': c('第八条', '(一)'),
  '8.2': c('第八条', '(二)'),
  '8.3': c('第八条', '(三)'),
  '8.4': c('第八条', '(四)'),
  '8.5': c('第八条', '(五)'),
  '8.6': c('第八条', '(六)'),
  '9.1': c('第九条', '(一)'),
  '9.2': c('第九条', '(二)'),
  '9.3': c('第九条', '(三)'),
  '9.4': c('第九条', '(四)'),
  '14': c('第十四条', null),
  '15': c('第十五条', null),
  '16': c('第十六条', null),
};
