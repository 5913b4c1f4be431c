import { policyPackSchema, type PolicyPack } from '../../../src/policy/schema.ts';
import { lianyungang2021 } from '../../../src/awards/lianyungang-mayor/2021.ts';

/**
 * Test-only third award: a county's quality award set up under 第二十一条 of the Lianyungang measures,
 * with its own name, article numbers and numbers. Used to prove no Lianyungang constant is left
 * in the engines.
 */
export const countyAward: PolicyPack = policyPackSchema.parse({
  ...lianyungang2021,
  id: 'test-county-2025',
  title: { zh: '测试县县长质量奖管理办法', en: 'Test County Quality Award Measures' },
  award: {
    id: 'test-county',
    name: { zh: '测试县县长质量奖', en: 'Test County Quality Award' },
    shortName: { zh: '县长质量奖', en: 'County Quality Award' },
    nominationName: { zh: '县长质量奖提名奖', en: 'County award nomination' },
    terms: {
      region: { zh: '测试县', en: 'Test County' },
      local: { zh: '本县', en: 'the county' },
      committee: { zh: '县质量发展委员会', en: 'the county committee' },
      office: { zh: '县质量办', en: 'the county quality office' },
      approver: { zh: '县政府', en: 'the county government' },
      industryLeadingMeasures: { zh: '营业收入', en: 'revenue' },
    },
    recommendsTo: { awardId: 'lianyungang-mayor', article: '第十条' },
  },
  version: { id: '2025', label: { zh: '2025 年版', en: '2025' }, effectiveFrom: '2025-01-01', status: 'in-force' },
  clauses: {
    '8.1': { article: '第六条', clause: '(一)', status: 'verified' },
    '8.2': { article: '第六条', clause: '(二)', status: 'verified' },
    '8.3': { article: '第六条', clause: '(三)', status: 'verified' },
    '8.4': { article: '第六条', clause: '(四)', status: 'verified' },
    '8.5': { article: '第六条', clause: '(五)', status: 'verified' },
    '8.6': { article: '第六条', clause: '(六)', status: 'verified' },
    '9.1': { article: '第七条', clause: '(一)', status: 'verified' },
    '9.2': { article: '第七条', clause: '(二)', status: 'verified' },
    '9.3': { article: '第七条', clause: '(三)', status: 'verified' },
    '9.4': { article: '第七条', clause: '(四)', status: 'verified' },
    '14': { article: '第十一条', clause: null, status: 'verified' },
    '15': { article: '第十二条', clause: null, status: 'verified' },
    '16': { article: '第十三条', clause: null, status: 'verified' },
  },
  organization: { ...lianyungang2021.organization, minOperatingYears: 2 },
  individual: { ...lianyungang2021.individual, minQualityWorkYears: 5 },
  bans: {
    ...lianyungang2021.bans,
    falseMaterialYears: 2,
    mayorAwardLockYears: 3,
    sources: {
      falseMaterial: { article: '第十一条', ref: '14' },
      fraud: { article: '第十一条', ref: '14' },
      incident: { article: '第十二条', ref: '15' },
      mayorAward: { article: '第十三条', ref: '16' },
    },
  },
  lifecycle: {
    ...lianyungang2021.lifecycle,
    publicityDays: 5,
    sources: {
      ...lianyungang2021.lifecycle.sources,
      procedure: { article: '第八条', ref: '10' },
      review: { article: '第八条', ref: '10.3', clause: '(三)' },
      publicity: { article: '第八条', ref: '10.5', clause: '(五)' },
      approval: { article: '第八条', ref: '10.6', clause: '(六)' },
    },
  },
  quotas: {
    award: { max: 2, maxIndividuals: 1, source: { article: '第三条', ref: '4' } },
    nomination: { max: 4, target: 2, maxIndividuals: 1, source: { article: '第三条', ref: '4' } },
  },
});
