import type { Bilingual } from '../core/i18n.ts';

/**
 * Names of the application file's fields (contract §1), keyed by their flat path. Array items are
 * written `[]` (`applicant.accidents[].date`). Error messages, the side panel and the content
 * script's hint badges all name fields from this one catalogue.
 */
export const applicationFieldLabels: Record<string, Bilingual> = {
  format: { zh: '文件格式', en: 'File format' },
  year: { zh: '评奖年度', en: 'Award year' },
  submittedOn: { zh: '申报日期', en: 'Submission date' },
  applicant: { zh: '申报主体', en: 'Applicant' },
  'applicant.kind': { zh: '申报类型（组织/个人）', en: 'Applicant type (organisation/individual)' },
  'applicant.name': { zh: '名称/姓名', en: 'Name' },

  // 第八条 organisation
  'applicant.creditCode': { zh: '统一社会信用代码', en: 'Unified social credit code' },
  'applicant.registeredInLianyungang': { zh: '在连云港市行政区域内登记注册', en: 'Registered in Lianyungang' },
  'applicant.independentLegalPerson': { zh: '具有独立法人资格', en: 'Independent legal person' },
  'applicant.policyCompliant': {
    zh: '生产经营符合国家产业、环保、节能、质量安全政策',
    en: 'Complies with national industry, environmental, energy-saving and quality-safety policy',
  },
  'applicant.establishedOn': { zh: '成立日期', en: 'Date of establishment' },
  'applicant.industry': { zh: '所属行业', en: 'Industry' },
  'applicant.region': { zh: '所在地区', en: 'Region' },
  'applicant.operationInterrupted': { zh: '生产经营是否曾中断', en: 'Was operation interrupted' },
  'applicant.qmsCertificates': { zh: '质量管理体系认证证书', en: 'Quality management system certificates' },
  'applicant.qmsCertificates[].standard': { zh: '认证标准', en: 'Certified standard' },
  'applicant.qmsCertificates[].validUntil': { zh: '证书有效期至', en: 'Certificate valid until' },
  'applicant.excellenceResults': {
    zh: '推行卓越绩效评价准则（GB/T 19580）取得显著成效',
    en: 'Clear results from applying GB/T 19580 performance excellence',
  },
  'applicant.productLevel': { zh: '主导产品技术和质量指标水平', en: 'Technical and quality level of main products' },
  'applicant.registeredTrademarks': { zh: '注册商标数量', en: 'Registered trademarks (count)' },
  'applicant.inventionPatents': { zh: '发明专利数量', en: 'Invention patents (count)' },
  'applicant.industryLeading': {
    zh: '经营规模、上缴税收、总资产贡献率居市内同行业领先水平',
    en: 'Scale, taxes paid and total-asset contribution lead the city’s industry',
  },
  'applicant.socialResponsibility': {
    zh: '认真履行社会责任，经营业绩优秀，社会贡献突出',
    en: 'Social responsibility, excellent results and social contribution',
  },
  'applicant.qualityStaff': { zh: '质量管理岗位人员（按年度）', en: 'Quality-management staff (by year)' },
  'applicant.qualityStaff[].year': { zh: '年度', en: 'Year' },
  'applicant.qualityStaff[].qualified': { zh: '具备质量工作者资格人数', en: 'Qualified quality professionals' },
  'applicant.qualityStaff[].total': { zh: '质量管理岗位总人数', en: 'Staff in quality-management posts' },
  'applicant.goodCredit': { zh: '信用记录良好', en: 'Good credit record' },
  'applicant.accidents': { zh: '事故记录', en: 'Accidents' },
  'applicant.accidents[].date': { zh: '事故日期', en: 'Accident date' },
  'applicant.accidents[].kind': { zh: '事故类别', en: 'Accident kind' },
  'applicant.accidents[].severity': { zh: '事故等级', en: 'Accident severity' },
  'applicant.majorQualityComplaints': { zh: '重大质量投诉次数', en: 'Major quality complaints (count)' },
  'applicant.ownFaultQualityDisputes': {
    zh: '因自身责任引起的质量异议、索赔和退货次数',
    en: 'Quality objections, claims and returns caused by the organisation (count)',
  },
  'applicant.inspectionFailures': { zh: '监督检查不合格记录', en: 'Failed supervision inspections' },
  'applicant.inspectionFailures[].date': { zh: '检查日期', en: 'Inspection date' },
  'applicant.inspectionFailures[].level': { zh: '检查级别', en: 'Inspection level' },
  'applicant.laborDishonestyRecord': { zh: '重大劳动保障失信记录', en: 'Serious labour-security dishonesty record' },
  'applicant.otherViolations': { zh: '其他违法违规不良记录', en: 'Other illegal or irregular records' },
  'applicant.exporter': { zh: '是否为出口企业', en: 'Is an exporter' },
  'applicant.exportQualityIncidents': {
    zh: '因产品质量安全原因引发的退运、销毁或官方通报次数',
    en: 'Returns, destruction or official notices for export quality-safety reasons (count)',
  },

  // 第九条 individual
  'applicant.qualityWorkInLianyungangSince': {
    zh: '在本市从事质量或质量相关工作起始日期',
    en: 'Quality work in Lianyungang since',
  },
  'applicant.goodConduct': {
    zh: '恪守职业道德，无违反法律、法规行为',
    en: 'Professional ethics, no violation of laws',
  },
  'applicant.craftsmanshipResults': {
    zh: '具有体现“工匠精神”的工作成果和突出贡献',
    en: 'Results showing craftsmanship and outstanding contribution',
  },
  'applicant.headsOrganization': { zh: '所负责组织（第八条第六款）', en: 'Organisation the applicant heads (Art. 8(6))' },
  'applicant.headsOrganization.goodCredit': { zh: '所负责组织诚信记录良好', en: 'Headed organisation: good credit' },
  'applicant.headsOrganization.accidents': { zh: '所负责组织事故记录', en: 'Headed organisation: accidents' },
  'applicant.headsOrganization.accidents[].date': { zh: '所负责组织事故日期', en: 'Headed organisation: accident date' },
  'applicant.headsOrganization.accidents[].kind': { zh: '所负责组织事故类别', en: 'Headed organisation: accident kind' },
  'applicant.headsOrganization.accidents[].severity': {
    zh: '所负责组织事故等级',
    en: 'Headed organisation: accident severity',
  },
  'applicant.headsOrganization.majorQualityComplaints': {
    zh: '所负责组织重大质量投诉次数',
    en: 'Headed organisation: major quality complaints',
  },
  'applicant.headsOrganization.ownFaultQualityDisputes': {
    zh: '所负责组织因自身责任引起的质量异议、索赔和退货次数',
    en: 'Headed organisation: own-fault quality disputes',
  },
  'applicant.headsOrganization.inspectionFailures': {
    zh: '所负责组织监督检查不合格记录',
    en: 'Headed organisation: failed inspections',
  },
  'applicant.headsOrganization.inspectionFailures[].date': {
    zh: '所负责组织检查日期',
    en: 'Headed organisation: inspection date',
  },
  'applicant.headsOrganization.inspectionFailures[].level': {
    zh: '所负责组织检查级别',
    en: 'Headed organisation: inspection level',
  },
  'applicant.headsOrganization.laborDishonestyRecord': {
    zh: '所负责组织重大劳动保障失信记录',
    en: 'Headed organisation: labour-security dishonesty record',
  },
  'applicant.headsOrganization.otherViolations': {
    zh: '所负责组织其他违法违规不良记录',
    en: 'Headed organisation: other illegal records',
  },
  'applicant.headsOrganization.exporter': { zh: '所负责组织为出口企业', en: 'Headed organisation: exporter' },
  'applicant.headsOrganization.exportQualityIncidents': {
    zh: '所负责组织出口产品质量安全退运、销毁或官方通报次数',
    en: 'Headed organisation: export quality incidents',
  },

  // 第十四条–第十六条
  history: { zh: '以往申报和获奖记录', en: 'Earlier applications and awards' },
  'history[].date': { zh: '记录日期', en: 'Record date' },
  'history[].event': { zh: '记录类型', en: 'Record type' },
};

/** `applicant.accidents.0.date` or `applicant.accidents[0].date` → `applicant.accidents[].date`. */
export function labelKeyOf(path: string): string {
  return path.replace(/\[\d+\]/g, '[]').replace(/\.(\d+)(?=\.|$)/g, '[]');
}

/**
 * The label of a field path, with item numbers spelled out (`事故日期（第 2 条）`). An unknown path
 * falls back to its nearest labelled parent, then to the raw path: a message always names a field.
 */
export function fieldLabel(path: string): Bilingual {
  const items = [...path.matchAll(/\[(\d+)\]|\.(\d+)(?=\.|$)/g)].map((m) => Number(m[1] ?? m[2]) + 1);
  const numbered = (label: Bilingual): Bilingual =>
    items.length === 0 ? label : { zh: `${label.zh}（第 ${items.join('.')} 条）`, en: `${label.en} (item ${items.join('.')})` };
  let key = labelKeyOf(path);
  const exact = applicationFieldLabels[key];
  if (exact) return numbered(exact);
  const list = key.endsWith('[]') ? applicationFieldLabels[key.slice(0, -2)] : undefined;
  if (list) return numbered(list); // an item as a whole: “事故记录（第 2 条）”
  while (key) {
    key = key.replace(/(\[\]|\.[^.[]*|^[^.[]*)$/, '');
    const parent = applicationFieldLabels[key];
    if (parent) {
      const p = numbered(parent);
      return { zh: `${p.zh}：${path}`, en: `${p.en}: ${path}` };
    }
  }
  return { zh: path || '申报文件', en: path || 'application file' };
}

/** A list of rows in the application file (a table on the portal), e.g. `applicant.qmsCertificates`. */
export function isListField(path: string): boolean {
  const prefix = `${path}[]`;
  return Object.keys(applicationFieldLabels).some((k) => k.startsWith(prefix));
}
