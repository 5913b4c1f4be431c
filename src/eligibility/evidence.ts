import type { Bilingual } from '../core/i18n.ts';

/**
 * Documents an applicant attaches, by their Chinese names (the names on the paperwork).
 * Findings list the Chinese names; this catalogue gives the English.
 */
export const evidenceLabels = {
  营业执照: { zh: '营业执照', en: 'Business licence' },
  近三年财务审计报告: { zh: '近三年财务审计报告', en: 'Audited financial statements, last three years' },
  合规经营证明: {
    zh: '合规经营证明（产业、环保、节能、质量安全）',
    en: 'Proof of compliance with industry, environmental, energy and quality-safety policy',
  },
  质量管理体系认证证书: { zh: '质量管理体系认证证书', en: 'Quality management system certificate' },
  卓越绩效成效证明: {
    zh: '推行卓越绩效模式的成效证明（自评报告等）',
    en: 'Evidence of results from performance excellence (self-evaluation report etc.)',
  },
  产品技术水平证明: {
    zh: '主导产品技术水平证明（检测报告、科技成果鉴定等）',
    en: 'Proof of the main products’ technical level (test reports, technology appraisals)',
  },
  商标注册证: { zh: '商标注册证', en: 'Trademark registration certificates' },
  发明专利证书: { zh: '发明专利证书', en: 'Invention patent certificates' },
  纳税证明: { zh: '纳税证明', en: 'Tax payment certificate' },
  行业地位证明: {
    zh: '行业地位证明（统计部门或行业协会数据）',
    en: 'Proof of industry standing (statistics bureau or trade association data)',
  },
  社会责任报告: { zh: '社会责任报告', en: 'Social responsibility report' },
  质量人员名册及资格证书: {
    zh: '质量管理岗位人员名册及资格证书（逐年）',
    en: 'Roster and qualifications of quality-management staff, by year',
  },
  信用报告: { zh: '信用报告（信用中国）', en: 'Credit report (Credit China)' },
  无事故证明: {
    zh: '主管部门出具的无较大事故证明',
    en: 'Authorities’ statement of no larger accident',
  },
  监督抽查结果证明: { zh: '近年监督抽查结果证明', en: 'Results of supervision inspections' },
  劳动保障守信证明: { zh: '人社部门劳动保障守信证明', en: 'Labour-security good-standing statement' },
  海关无质量通报证明: {
    zh: '海关出具的无质量安全退运、销毁、通报证明',
    en: 'Customs statement of no quality-safety returns, destruction or notices',
  },
  工作经历证明: { zh: '从事质量工作的经历证明', en: 'Proof of years in quality work' },
  个人信用报告: { zh: '个人信用报告', en: 'Personal credit report' },
  无违法犯罪记录证明: { zh: '无违法犯罪记录证明', en: 'Certificate of no criminal record' },
  工匠精神成果证明: {
    zh: '体现“工匠精神”的工作成果证明（获奖、专利、成果应用等）',
    en: 'Proof of craftsmanship results (awards, patents, results applied)',
  },
  任职证明: { zh: '组织负责人任职证明', en: 'Proof of position as head of the organisation' },
  申报真实性承诺书: { zh: '申报材料真实性承诺书', en: 'Declaration that the material is true' },
  获奖证书: { zh: '以往获奖证书或决定文件', en: 'Earlier award certificates or decisions' },
} satisfies Record<string, Bilingual>;

export type EvidenceName = keyof typeof evidenceLabels;
