import type { PolicyPack } from '../../policy/schema.ts';
import { lianyungangAward, lianyungangClauses } from './award.ts';

const s = (article: string, ref: string, clause?: string) => ({ article, ...(clause ? { clause } : {}), ref });

/**
 * 连云港市市长质量奖管理办法 (连政办发〔2021〕26号), as data: the one file to edit when a number of
 * these measures changes (the 2024 draft amendment derives from it, see ./2024-draft.ts).
 */
export const lianyungang2021: PolicyPack = {
  format: 'lyg-award/policy@1',
  id: 'lianyungang-2021',
  title: { zh: '连云港市市长质量奖管理办法（2021）', en: 'Lianyungang Mayor Quality Award Measures (2021)' },
  award: lianyungangAward,
  version: {
    id: '2021',
    label: { zh: '2021 年版（连政办发〔2021〕26号）', en: '2021 measures (连政办发〔2021〕26号)' },
    effectiveFrom: '2021-04-26',
    status: 'in-force',
  },
  clauses: lianyungangClauses,
  document: {
    number: '连政办发〔2021〕26号',
    issuedOn: '2021-04-26',
    replaces: '连政办发〔2012〕158号',
  },
  organization: {
    minOperatingYears: 3,
    productLevelsAccepted: ['international-advanced', 'national-advanced', 'provincial-advanced'],
    minRegisteredTrademarks: 1,
    // 8(3) says "一定数量的发明专利"; the 2021 call reads it as at least one. A yearly call may raise it.
    minInventionPatents: 1,
    qualityStaffMinYears: 2,
    // 8(5) "一定的比例" is left open by the 2021 measures: no minimum share, the rising trend decides.
    qualityStaffMinShare: null,
    accidentWindowYears: 3,
    accidentSeveritiesDisqualifying: ['larger', 'major', 'especially-major'],
    inspectionWindowYears: 2,
    acceptedQmsStandards: ['GB/T 19001', 'ISO 9001', 'IATF 16949', 'GB/T 42061', 'ISO 13485', 'AS9100', 'GJB 9001'],
    sources: {
      operation: s('第八条', '8.1', '(一)'),
      qms: s('第八条', '8.2', '(二)'),
      products: s('第八条', '8.3', '(三)'),
      performance: s('第八条', '8.4', '(四)'),
      qualityStaff: s('第八条', '8.5', '(五)'),
      integrity: s('第八条', '8.6', '(六)'),
    },
  },
  individual: {
    minQualityWorkYears: 10,
    sources: {
      experience: s('第九条', '9.1', '(一)'),
      conduct: s('第九条', '9.2', '(二)'),
      craftsmanship: s('第九条', '9.3', '(三)'),
      organization: s('第九条', '9.4', '(四)'),
    },
  },
  bans: {
    falseMaterialYears: 3,
    fraudRevocationYears: 5,
    incidentRevocationYears: 5,
    mayorAwardLockYears: 5,
    sources: {
      falseMaterial: s('第十四条', '14'),
      fraud: s('第十四条', '14'),
      incident: s('第十五条', '15'),
      mayorAward: s('第十六条', '16'),
    },
  },
  lifecycle: {
    publicityDays: 7,
    publicityBackfill: false,
    sources: {
      procedure: s('第十条', '10'),
      selfEvaluation: s('第十条', '10.1', '(一)'),
      qualification: s('第十条', '10.2', '(二)'),
      review: s('第十条', '10.3', '(三)'),
      report: s('第十条', '10.4', '(四)'),
      publicity: s('第十条', '10.5', '(五)'),
      approval: s('第十条', '10.6', '(六)'),
      recommenders: s('第七条', '7'),
      award: s('第三条', '3'),
      committee: s('第五条', '5'),
      office: s('第六条', '6'),
      // after the award: recommended to the provincial award, the winner's duties, the use of the title
      provincial: s('第十二条', '12'),
      duties: s('第十七条', '17'),
      titleUse: s('第十八条', '18'),
    },
  },
  quotas: {
    award: { max: 3, maxIndividuals: 1, source: s('第四条', '4') },
    nomination: { max: 5, target: 3, maxIndividuals: 1, source: s('第四条', '4') },
  },
  rewards: {
    currency: 'CNY',
    mayorAward: { organization: 500_000, individual: 100_000 },
    nominationAward: { organization: 150_000, individual: 50_000 },
    higherAwards: [
      { id: 'china-quality-award', name: { zh: '中国质量奖', en: 'China Quality Award' }, organization: 2_000_000, individual: 2_000_000 },
      { id: 'china-quality-award-nomination', name: { zh: '中国质量奖提名奖', en: 'China Quality Award nomination' }, organization: 1_000_000, individual: 1_000_000 },
      { id: 'jiangsu-governor-award', name: { zh: '江苏省省长质量奖', en: 'Jiangsu Governor Quality Award' }, organization: 1_000_000, individual: 200_000 },
      { id: 'jiangsu-governor-nomination', name: { zh: '江苏省省长质量奖提名奖', en: 'Jiangsu Governor Quality Award nomination' }, organization: 500_000, individual: 100_000 },
      { id: 'jiangsu-boutique', name: { zh: '“江苏精品”认证', en: '"Jiangsu Boutique" certification' }, organization: 100_000, individual: null },
    ],
    source: s('第十一条', '11'),
  },
  selfEvaluation: {
    standard: 'GB/T 19580-2012',
    profileMaxChars: 3000,
    reportMaxChars: 30000,
    source: s('第十条', '10.1', '(一)'),
  },
  // 第六条 gives the office the expert pool and groups but sets no group size or score margin: three experts
  // a group and a 20-point spread before a consensus discussion are the office's working choice.
  expertPanel: { groupSize: 3, spreadMargin: 20, setBy: 'office', source: s('第六条', '6') },
  call: null,
};

export const defaultPolicy = lianyungang2021;
