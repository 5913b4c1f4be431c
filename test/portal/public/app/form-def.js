// The demo portal's form definition: one list of steps and fields, rendered by two different
// "low-code platform" renderers (variant A: Element-UI-like, variant B: antd-like). The `name`s here
// are the portal's own internal keys: they never reach the DOM (the DOM gets generated ids).
export const YES_NO = ['是', '否'];

export const steps = [
  { id: 'basic', title: '基本信息' },
  { id: 'qualification', title: '资质条件' },
  { id: 'compliance', title: '合规声明' },
  { id: 'attachments', title: '附件材料' },
];

const org = (f) => ({ ...f, kind: 'organization' });
const ind = (f) => ({ ...f, kind: 'individual' });
const headed = (f) => ({ ...f, kind: 'individual', when: (v) => v.headsOrg === '是' });

export const fields = [
  // 基本信息
  { step: 'basic', name: 'kind', label: '申报类型', type: 'radio', options: ['组织', '个人'], required: true, initial: '组织' },
  org({ step: 'basic', name: 'orgName', label: '单位名称', type: 'text', required: true, placeholder: '请输入单位全称' }),
  org({ step: 'basic', name: 'creditCode', label: '统一社会信用代码', type: 'text', required: true, placeholder: '18 位统一社会信用代码' }),
  org({ step: 'basic', name: 'industry', label: '所属行业', type: 'select', options: ['制造业', '建筑业', '农业', '服务业', '其他'] }),
  org({ step: 'basic', name: 'address', label: '单位地址', type: 'text' }),
  org({ step: 'basic', name: 'registeredInLyg', label: '是否在连云港市行政区域内登记注册', type: 'radio', options: YES_NO, required: true }),
  org({ step: 'basic', name: 'independentLegal', label: '是否具有独立法人资格', type: 'radio', options: YES_NO, required: true }),
  org({ step: 'basic', name: 'establishedOn', label: '成立日期', type: 'date', required: true }),
  org({ step: 'basic', name: 'interrupted', label: '近三年生产经营是否中断', type: 'radio', options: YES_NO, required: true }),
  org({ step: 'basic', name: 'policyCompliant', label: '生产经营符合国家产业、环保、节能、质量安全等政策', type: 'checkbox', required: true }),
  ind({ step: 'basic', name: 'personName', label: '姓名', type: 'text', required: true }),
  ind({ step: 'basic', name: 'idNumber', label: '身份证号码', type: 'text' }),
  ind({ step: 'basic', name: 'employer', label: '工作单位', type: 'text' }),
  ind({ step: 'basic', name: 'workSince', label: '在本市从事质量工作起始日期', type: 'date', required: true }),
  ind({ step: 'basic', name: 'goodConduct', label: '恪守职业道德，无违反法律法规行为', type: 'radio', options: YES_NO, required: true }),
  ind({ step: 'basic', name: 'headsOrg', label: '是否为组织主要负责人', type: 'radio', options: YES_NO, required: true }),
  { step: 'basic', name: 'contact', label: '联系人', type: 'text' },
  { step: 'basic', name: 'phone', label: '联系电话', type: 'text' },

  // 资质条件
  org({ step: 'qualification', name: 'qms', label: '质量管理体系认证证书', type: 'table', required: true, columns: [
    { name: 'standard', label: '认证标准', type: 'select', options: ['GB/T 19001-2016', 'ISO 9001:2015', 'IATF 16949:2016', '其他'] },
    { name: 'number', label: '证书编号', type: 'text' },
    { name: 'validUntil', label: '有效期至', type: 'date' },
  ] }),
  org({ step: 'qualification', name: 'excellence', label: '推行卓越绩效评价准则取得显著成效', type: 'radio', options: YES_NO }),
  org({ step: 'qualification', name: 'productLevel', label: '主导产品技术和质量指标水平', type: 'select', options: ['国际先进', '国内先进', '省内先进', '省内先进以下'], required: true }),
  org({ step: 'qualification', name: 'trademarks', label: '注册商标数量', type: 'number', required: true }),
  org({ step: 'qualification', name: 'patents', label: '发明专利数量', type: 'number', required: true }),
  org({ step: 'qualification', name: 'industryLeading', label: '经营规模、上缴税收、总资产贡献率居市内同行业领先', type: 'radio', options: YES_NO }),
  org({ step: 'qualification', name: 'socialResp', label: '认真履行社会责任，社会贡献突出', type: 'radio', options: YES_NO }),
  org({ step: 'qualification', name: 'qualityStaff', label: '质量管理岗位人员情况', type: 'table', columns: [
    { name: 'year', label: '年度', type: 'number' },
    { name: 'qualified', label: '具备质量工作者资格人数', type: 'number' },
    { name: 'total', label: '质量管理岗位总人数', type: 'number' },
  ] }),
  ind({ step: 'qualification', name: 'craftsmanship', label: '具有体现“工匠精神”的工作成果和突出贡献', type: 'radio', options: YES_NO, required: true }),
  ind({ step: 'qualification', name: 'achievements', label: '主要工作成果', type: 'textarea' }),

  // 合规声明
  org({ step: 'compliance', name: 'goodCredit', label: '诚信记录和社会声誉良好', type: 'radio', options: YES_NO, required: true }),
  ind({ step: 'compliance', name: 'personCredit', label: '个人诚信记录良好', type: 'radio', options: YES_NO, required: true }),
  ...['organization', 'individual'].flatMap((kind) => {
    const mk = kind === 'organization' ? org : headed;
    const p = kind === 'organization' ? '' : 'h_';
    return [
      ...(kind === 'individual' ? [mk({ step: 'compliance', name: 'h_goodCredit', label: '所负责组织诚信记录良好', type: 'radio', options: YES_NO })] : []),
      mk({ step: 'compliance', name: p + 'accidents', label: '近三年事故情况', type: 'table', columns: [
        { name: 'date', label: '发生日期', type: 'date' },
        { name: 'kind', label: '事故类别', type: 'select', options: ['质量', '安全', '环境', '公共卫生', '食品安全'] },
        { name: 'severity', label: '事故等级', type: 'select', options: ['一般', '较大', '重大', '特别重大'] },
      ] }),
      mk({ step: 'compliance', name: p + 'complaints', label: '重大质量投诉次数', type: 'number' }),
      mk({ step: 'compliance', name: p + 'disputes', label: '因自身责任引起的质量异议、索赔和退货次数', type: 'number' }),
      mk({ step: 'compliance', name: p + 'inspections', label: '近两年监督抽查不合格情况', type: 'table', columns: [
        { name: 'date', label: '抽查日期', type: 'date' },
        { name: 'level', label: '抽查级别', type: 'select', options: ['国家级', '行业', '省级', '市级'] },
      ] }),
      mk({ step: 'compliance', name: p + 'laborDishonesty', label: '是否有重大劳动保障失信记录', type: 'radio', options: YES_NO }),
      mk({ step: 'compliance', name: p + 'otherViolations', label: '是否有其他违法违规不良记录', type: 'radio', options: YES_NO }),
      mk({ step: 'compliance', name: p + 'exporter', label: '是否为出口企业', type: 'radio', options: YES_NO }),
      mk({ step: 'compliance', name: p + 'exportIncidents', label: '出口产品因质量安全原因退运、销毁或官方通报次数', type: 'number' }),
    ];
  }),
  { step: 'compliance', name: 'history', label: '以往申报及获奖记录', type: 'table', columns: [
    { name: 'date', label: '日期', type: 'date' },
    { name: 'event', label: '记录类型', type: 'select', options: ['因提供虚假材料被取消资格', '因弄虚作假被撤销奖项', '因发生事故被撤销奖项', '获市长质量奖', '获市长质量奖提名奖'] },
  ] },
  { step: 'compliance', name: 'pledge', label: '承诺所填信息真实、准确、完整', type: 'checkbox', required: true },

  // 附件材料
  org({ step: 'attachments', name: 'f_licence', label: '营业执照', type: 'file', required: true }),
  org({ step: 'attachments', name: 'f_qms', label: '质量管理体系认证证书扫描件', type: 'file', required: true }),
  org({ step: 'attachments', name: 'f_selfEval', label: '卓越绩效自评报告', type: 'file', required: true }),
  org({ step: 'attachments', name: 'f_trademark', label: '商标注册证', type: 'file' }),
  org({ step: 'attachments', name: 'f_patent', label: '发明专利证书', type: 'file' }),
  org({ step: 'attachments', name: 'f_finance', label: '近三年财务报表', type: 'file' }),
  ind({ step: 'attachments', name: 'f_idCard', label: '身份证', type: 'file', required: true }),
  ind({ step: 'attachments', name: 'f_results', label: '个人质量工作成果证明', type: 'file', required: true }),
  { step: 'attachments', name: 'f_pledge', label: '诚信守法承诺书', type: 'file', required: true },
];

/** Is the field shown for these values (applicant kind and conditional sections)? */
export function isShown(field, values) {
  const kind = values.kind === '个人' ? 'individual' : 'organization';
  if (field.kind && field.kind !== kind) return false;
  if (field.when && !field.when(values)) return false;
  return true;
}

/** Labels a later platform release renamed (`?release=2`), to exercise adapter repair. */
export function releaseLabels(release) {
  return release === '2' ? { establishedOn: '注册成立时间', trademarks: '有效注册商标（件）' } : {};
}
