import type { AwardPack, PolicyClause } from '../../policy/schema.ts';

/**
 * 江苏省省长质量奖管理办法 (苏政办规〔2023〕2号), as far as it is known
 * (/work/shared/reference/jiangsu-governor-award.md): the public copies stop inside 第四条, so every
 * condition, the procedure, publicity, rewards and bans (第五条 onward) are MISSING. They are `null`
 * here and listed in `unverified`; the engines answer 待补充 citing that the clause is unverified.
 * Verified: 第三条 (annual, at most 10 of each award, organisations and individuals together;
 * in principle at most 1 individual per award).
 */
const missingNote = {
  zh: '公开文本止于第四条，第五条以后的申报条件、程序、奖励和禁止申报条款未能核实',
  en: 'the public copies stop at Art. 4; conditions, procedure, rewards and bans (Art. 5 onward) are unverified',
};
const missing = (): PolicyClause => ({ article: '第五条及以后', clause: null, status: 'missing', note: missingNote });
const verified3 = { article: '第三条', ref: '3' };

export const jiangsuGovernor2023: AwardPack = {
  format: 'lyg-award/policy@1',
  id: 'jiangsu-governor-2023',
  title: { zh: '江苏省省长质量奖管理办法（2023）', en: 'Jiangsu Governor Quality Award Measures (2023)' },
  award: {
    id: 'jiangsu-governor',
    name: { zh: '江苏省省长质量奖', en: 'Jiangsu Governor Quality Award' },
    shortName: { zh: '省长质量奖', en: 'Governor Quality Award' },
    nominationName: { zh: '江苏省省长质量奖提名奖', en: 'Jiangsu Governor Quality Award nomination' },
    terms: {
      region: { zh: '江苏省', en: 'Jiangsu' },
      local: { zh: '本省', en: 'Jiangsu' },
      // Named in the 2021 notice (2020 regime), not in the readable 2023 text.
      committee: { zh: '省质量发展委员会（未核实）', en: 'the provincial quality development committee (unverified)' },
      office: { zh: '省质量发展委员会办公室（省市场监管局，未核实）', en: 'the provincial committee office at the market-supervision bureau (unverified)' },
      industryLeadingMeasures: { zh: '经营业绩（条款未核实）', en: 'business results (clause unverified)' },
    },
    recommendsTo: null,
  },
  version: {
    id: '2023',
    label: { zh: '2023 年版（苏政办规〔2023〕2号）', en: '2023 measures (苏政办规〔2023〕2号)' },
    effectiveFrom: '2023-03-17',
    status: 'in-force',
  },
  clauses: Object.fromEntries(['8.1', '8.2', '8.3', '8.4', '8.5', '8.6', '9.1', '9.2', '9.3', '9.4', '14', '15', '16'].map((id) => [id, missing()])),
  document: { number: '苏政办规〔2023〕2号', issuedOn: '2023-03-17', replaces: '2020-07-27 版' },
  organization: null,
  individual: null,
  bans: null,
  lifecycle: { publicityDays: null, publicityBackfill: false, sources: {} },
  quotas: {
    award: { max: 10, maxIndividuals: 1, source: verified3 },
    nomination: { max: 10, maxIndividuals: 1, source: verified3 },
  },
  rewards: {
    currency: 'CNY',
    // 2020 version: 1,000,000 / 200,000; the 2023 text is unread, so not carried over.
    mayorAward: { organization: null, individual: null },
    nominationAward: { organization: null, individual: null },
    higherAwards: [],
    source: { article: '第五条及以后（未核实）', ref: 'missing' },
  },
  selfEvaluation: null,
  call: null,
  unverified: [
    { topic: { zh: '申报条件（组织、个人）', en: 'Conditions (organisations, individuals)' }, note: missingNote },
    { topic: { zh: '评审程序与公示期', en: 'Procedure and publicity period' }, note: missingNote },
    { topic: { zh: '奖励金额', en: 'Reward amounts' }, note: { zh: '2020 年版为组织 100 万元、个人 20 万元；2023 年版未能核实', en: '2020 version: CNY 1,000,000 / 200,000; the 2023 text is unverified' } },
    { topic: { zh: '撤销与禁止申报期', en: 'Revocation and bans' }, note: missingNote },
    { topic: { zh: '评价标准（GB/T 19580）', en: 'Evaluation standard (GB/T 19580)' }, note: { zh: '见于 2025 年申报通知，管理办法原文未能核实', en: 'seen in the 2025 call, not in the readable measures' } },
  ],
};
