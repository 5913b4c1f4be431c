import { citeArticle } from '../core/articles.ts';
import { bi, type Bilingual } from '../core/i18n.ts';
import { defaultPolicy } from '../policy/lianyungang-2021.ts';
import type { AwardPack } from '../policy/schema.ts';

/**
 * GB/T 19580-2012 《卓越绩效评价准则》: 7 categories, 23 scored items, 1000 points
 * (points table: GB/Z 19579-2012 附录A). Each category's 4.x.1 总则 is not scored.
 * The point values are the commonly cited 2012 figures; reference/gbt19580.md could not check them
 * against a retrieved copy of 附录A, so they live here, in one place, to be corrected as data.
 * Guiding questions are the product's own wording, written to help an applicant find evidence;
 * they paraphrase what each clause asks, they do not quote the standard.
 */
export const categoryIds = ['4.1', '4.2', '4.3', '4.4', '4.5', '4.6', '4.7'] as const;
export type CategoryId = (typeof categoryIds)[number];

export const itemIds = [
  '4.1.2', '4.1.3', '4.1.4',
  '4.2.2', '4.2.3',
  '4.3.2', '4.3.3',
  '4.4.2', '4.4.3', '4.4.4', '4.4.5', '4.4.6', '4.4.7',
  '4.5.2', '4.5.3',
  '4.6.2', '4.6.3',
  '4.7.2', '4.7.3', '4.7.4', '4.7.5', '4.7.6', '4.7.7',
] as const;
export type ItemId = (typeof itemIds)[number];

/** Process items (4.1–4.6) are judged on approach–deployment–learning–integration; results (4.7) on levels–trends–comparisons–integration. */
export type ItemKind = 'process' | 'results';

export interface CatalogueItem {
  id: ItemId;
  category: CategoryId;
  name: Bilingual;
  points: number;
  kind: ItemKind;
  /** what the clause covers, in short (second-level topics) */
  topics: Bilingual[];
  /** 3–5 guiding questions in the product's own words */
  questions: Bilingual[];
}

export interface CatalogueCategory {
  id: CategoryId;
  name: Bilingual;
  /** a short label for charts */
  short: Bilingual;
  points: number;
  kind: ItemKind;
  items: CatalogueItem[];
}

/** The part of an award's data a question may cite (its clauses by the pack's own numbering). */
export type CataloguePack = Pick<AwardPack, 'organization'>;

/** A guiding question; one that cross-references the award's conditions is worded from its data. */
type QuestionDraft = Bilingual | ((pack: CataloguePack) => Bilingual);

type ItemDraft = Omit<CatalogueItem, 'category' | 'kind' | 'id' | 'questions'> & { id: ItemId; questions: QuestionDraft[] };

/** （对应第八条第(五)项） / (cf. Art. 8(5)) as the award numbers its quality-staff condition; 条款未核实 where its data lack it. */
function qualityStaffRef(pack: CataloguePack): Bilingual {
  const source = pack.organization?.sources.qualityStaff;
  if (!source) return bi('（对应条款未核实）', '(cf. clause unverified)');
  return bi(`（对应${source.article}${source.clause ? `第${source.clause}项` : ''}）`, `(cf. ${citeArticle(source).en})`);
}

const q = bi;

const leadership: ItemDraft[] = [
  {
    id: '4.1.2', name: bi('高层领导的作用', 'Role of senior leaders'), points: 50,
    topics: [bi('确定方向', 'Setting direction'), bi('双向沟通', 'Two-way communication'), bi('营造环境', 'Building the environment'), bi('质量责任', 'Accountability for quality'), bi('持续经营', 'Sustainability'), bi('绩效管理', 'Performance management')],
    questions: [
      q('高层领导如何确定并传递使命、愿景和价值观？员工能否说出它们？', 'How do senior leaders set and spread the mission, vision and values, and can staff say what they are?'),
      q('领导与员工、顾客、供方之间有哪些双向沟通渠道？举一个因沟通而改变做法的例子。', 'Which two-way channels link leaders with staff, customers and suppliers? Give one case where listening changed a practice.'),
      q('领导如何营造守法诚信、鼓励改进与创新的环境，并亲自承担质量责任？', 'How do leaders build a climate of integrity, improvement and innovation, and personally own quality?'),
      q('领导定期评审哪些关键绩效指标？评审结论如何转化为改进和资源安排？', 'Which key measures do leaders review regularly, and how do review findings become improvements and resource decisions?'),
      q('领导如何为组织的持续经营培养后备人才、防范风险？', 'How do leaders secure the organisation\'s future: successors, risks, long-term capability?'),
    ],
  },
  {
    id: '4.1.3', name: bi('组织治理', 'Organisational governance'), points: 30,
    topics: [bi('治理体系', 'Governance system'), bi('高层领导绩效评价', 'Evaluating senior leaders')],
    questions: [
      q('治理结构如何保证管理层的问责、财务透明和内外部审计的独立？', 'How does the governance structure ensure management accountability, financial transparency and independent audits?'),
      q('如何保护股东和其他相关方的权益？', 'How are the interests of shareholders and other stakeholders protected?'),
      q('如何评价高层领导和治理机构自身的绩效？评价结果用于什么？', 'How are senior leaders and the governing body themselves evaluated, and what is done with the results?'),
    ],
  },
  {
    id: '4.1.4', name: bi('社会责任', 'Social responsibility'), points: 30,
    topics: [bi('公共责任', 'Public responsibility'), bi('道德行为', 'Ethical behaviour'), bi('公益支持', 'Community support')],
    questions: [
      q('产品、服务和运营对社会、环境、安全、健康有哪些影响？如何预见并降低风险？', 'What effects do products, services and operations have on society, environment, safety and health, and how are risks foreseen and reduced?'),
      q('用哪些指标和目标监测法规符合性（环保、能耗、安全、质量）？', 'Which measures and targets track compliance (environment, energy, safety, quality)?'),
      q('如何推动和监督全员的道德行为？发现违规时怎么处理？', 'How is ethical behaviour promoted and monitored across the organisation, and how are breaches handled?'),
      q('组织重点支持哪些公益领域？为什么选这些？', 'Which community causes does the organisation support, and why those?'),
    ],
  },
];

const strategy: ItemDraft[] = [
  {
    id: '4.2.2', name: bi('战略制定', 'Strategy development'), points: 40,
    topics: [bi('战略制定过程', 'Strategy development process'), bi('战略和战略目标', 'Strategy and strategic objectives')],
    questions: [
      q('战略制定有哪些步骤、参与者和时间周期？', 'What are the steps, participants and time horizons of strategic planning?'),
      q('制定战略时收集和分析了哪些信息（顾客、竞争、技术、法规、风险、自身能力）？', 'Which information goes into the strategy: customers, competitors, technology, regulation, risks, own capabilities?'),
      q('关键战略目标是什么？完成时间和量化指标是什么？', 'What are the key strategic objectives, with timelines and measurable targets?'),
      q('战略目标如何回应组织概述中的战略挑战和优势？', 'How do the objectives answer the strategic challenges and advantages in the organisational profile?'),
    ],
  },
  {
    id: '4.2.3', name: bi('战略部署', 'Strategy deployment'), points: 50,
    topics: [bi('实施计划的制定与部署', 'Action plans and their deployment'), bi('绩效预测', 'Performance projection')],
    questions: [
      q('战略目标如何分解为部门和岗位的实施计划？资源如何配套？', 'How are objectives broken down into unit and job-level action plans, with resources to match?'),
      q('用哪些关键指标跟踪实施计划的进展？谁来评审？多久一次？', 'Which key measures track the action plans, who reviews them and how often?'),
      q('环境变化时如何调整计划并快速落实？', 'How are plans changed and carried out quickly when circumstances change?'),
      q('对关键指标做了哪些预测？与竞争对手或标杆相比预计处于什么水平？', 'What projections exist for key measures, and how do they compare with competitors or benchmarks?'),
    ],
  },
];

const customers: ItemDraft[] = [
  {
    id: '4.3.2', name: bi('顾客和市场的了解', 'Understanding customers and markets'), points: 40,
    topics: [bi('顾客和市场的细分', 'Customer and market segmentation'), bi('顾客需求和期望的了解', 'Understanding customer needs and expectations')],
    questions: [
      q('如何划分顾客群和细分市场？依据是什么？', 'How are customer groups and market segments defined, and on what basis?'),
      q('用哪些方法了解现有、潜在和竞争对手顾客的需求与期望？', 'How do you learn the needs and expectations of current, potential and competitors\' customers?'),
      q('顾客信息如何用于产品开发、过程改进和市场决策？', 'How does customer information feed product development, process improvement and market decisions?'),
      q('了解顾客的方法本身如何评估和改进？', 'How are the listening methods themselves evaluated and improved?'),
    ],
  },
  {
    id: '4.3.3', name: bi('顾客关系与顾客满意', 'Customer relationships and satisfaction'), points: 50,
    topics: [bi('顾客关系的建立', 'Building customer relationships'), bi('顾客满意的测量', 'Measuring customer satisfaction')],
    questions: [
      q('如何建立和维护顾客关系，获取、保留顾客并提高忠诚度？', 'How are customer relationships built to win, keep and grow loyal customers?'),
      q('顾客投诉如何受理、处理和分析？处理时限和闭环率是多少？', 'How are complaints received, resolved and analysed, and how fast and completely are they closed?'),
      q('如何测量顾客满意和不满意？与竞争对手或标杆比较了吗？', 'How are satisfaction and dissatisfaction measured, and compared with competitors or benchmarks?'),
      q('测量结果如何转化为改进行动？举例说明。', 'How do measurement results turn into improvement actions? Give an example.'),
    ],
  },
];

const resources: ItemDraft[] = [
  {
    id: '4.4.2', name: bi('人力资源', 'Human resources'), points: 60,
    topics: [bi('工作的组织和管理', 'Organising and managing work'), bi('员工绩效管理', 'Workforce performance management'), bi('员工的学习和发展', 'Workforce learning and development'), bi('员工的权益与满意程度', 'Workforce well-being and satisfaction')],
    questions: [
      q('工作和岗位如何设计，才能发挥员工的积极性、协作和创新？', 'How are work and jobs organised to draw out initiative, cooperation and innovation?'),
      q('绩效考核、薪酬和激励如何支持高绩效和战略目标？', 'How do appraisal, pay and recognition support high performance and the strategy?'),
      q('培训需求如何确定？培训效果如何评价？员工有哪些职业发展通道？', 'How are training needs found and training results evaluated, and what career paths do staff have?'),
      q('如何保障员工的健康、安全和权益？如何测量员工满意度并改进？', 'How are staff health, safety and rights protected, and how is staff satisfaction measured and improved?'),
    ],
  },
  {
    id: '4.4.3', name: bi('财务资源', 'Financial resources'), points: 15,
    topics: [bi('资金保障与使用', 'Funding and its use'), bi('财务风险', 'Financial risk')],
    questions: [
      q('如何确保战略和日常运营所需的资金？', 'How is funding secured for the strategy and daily operations?'),
      q('预算如何编制、执行和控制？如何提高资金使用效率？', 'How are budgets set, executed and controlled, and how is the use of funds made more efficient?'),
      q('如何识别和控制财务风险？', 'How are financial risks identified and controlled?'),
    ],
  },
  {
    id: '4.4.4', name: bi('信息和知识资源', 'Information and knowledge resources'), points: 20,
    topics: [bi('信息系统', 'Information systems'), bi('知识管理', 'Knowledge management')],
    questions: [
      q('如何保证数据和信息的准确、及时、安全和可获取？', 'How are data and information kept accurate, timely, secure and available?'),
      q('信息系统如何支持日常运营和决策？软硬件如何随需求更新？', 'How do information systems support operations and decisions, and how are they kept up to date?'),
      q('如何收集、传递和共享员工、顾客、供方的知识和最佳实践？', 'How is knowledge from staff, customers and suppliers captured, passed on and shared as best practice?'),
    ],
  },
  {
    id: '4.4.5', name: bi('技术资源', 'Technology resources'), points: 15,
    topics: [bi('技术评估与开发', 'Assessing and developing technology'), bi('知识产权', 'Intellectual property')],
    questions: [
      q('如何评估自身技术水平并与同行先进水平对比？', 'How is your technology level assessed and compared with the best in the field?'),
      q('技术开发和引进如何服务于战略？研发投入占比是多少？', 'How do R&D and technology acquisition serve the strategy, and what share of revenue goes into them?'),
      q('专利、商标等知识产权如何创造、保护和运用？', 'How are patents, trademarks and other IP created, protected and used?'),
    ],
  },
  {
    id: '4.4.6', name: bi('基础设施', 'Infrastructure'), points: 10,
    topics: [bi('设施设备', 'Facilities and equipment'), bi('维护与更新', 'Maintenance and renewal')],
    questions: [
      q('关键设施、设备如何规划、配置以满足生产和服务需要？', 'How are key facilities and equipment planned and provided to meet production and service needs?'),
      q('设备如何维护保养，以保证完好率和安全？', 'How is equipment maintained to keep it available and safe?'),
      q('基础设施如何兼顾节能、环保和应急需要？', 'How does the infrastructure take energy saving, the environment and emergencies into account?'),
    ],
  },
  {
    id: '4.4.7', name: bi('相关方关系', 'Stakeholder relations'), points: 10,
    topics: [bi('供方和合作伙伴', 'Suppliers and partners')],
    questions: [
      q('如何选择、评价和管理关键供方和合作伙伴？', 'How are key suppliers and partners chosen, evaluated and managed?'),
      q('与供方和合作伙伴之间如何双向沟通、共享信息？', 'How do you and your suppliers and partners communicate and share information both ways?'),
      q('如何帮助供方改进质量、共同创新？举例说明。', 'How do you help suppliers improve quality and innovate with you? Give an example.'),
    ],
  },
];

const processes: ItemDraft[] = [
  {
    id: '4.5.2', name: bi('过程的识别与设计', 'Process identification and design'), points: 50,
    topics: [bi('关键过程的识别', 'Identifying key processes'), bi('过程要求与设计', 'Process requirements and design')],
    questions: [
      q('哪些是创造价值的关键过程和支持过程？如何确定的？', 'Which are the key value-creating and support processes, and how were they chosen?'),
      q('各关键过程的要求从何而来（顾客、法规、战略）？', 'Where do each key process\'s requirements come from: customers, regulation, strategy?'),
      q('设计过程时如何考虑新技术、质量、成本、周期和风险？', 'How does process design take new technology, quality, cost, cycle time and risk into account?'),
      q('每个关键过程用哪些指标衡量？', 'Which measures are used for each key process?'),
    ],
  },
  {
    id: '4.5.3', name: bi('过程的实施与改进', 'Process implementation and improvement'), points: 50,
    topics: [bi('过程实施与控制', 'Running and controlling processes'), bi('过程改进', 'Improving processes')],
    questions: [
      q('日常运行中如何控制关键过程，确保满足要求？', 'How are key processes controlled in daily operation so that they meet their requirements?'),
      q('如何减少检验、返工和浪费，预防缺陷发生？', 'How are inspection, rework and waste reduced and defects prevented?'),
      q('过程改进采用了哪些方法？改进成果如何分享到其他部门？', 'Which methods are used to improve processes, and how are gains shared with other units?'),
    ],
  },
];

const measurement: ItemDraft[] = [
  {
    id: '4.6.2', name: bi('测量、分析和评价', 'Measurement, analysis and evaluation'), points: 40,
    topics: [bi('绩效测量', 'Performance measurement'), bi('绩效分析和评价', 'Performance analysis and evaluation')],
    questions: [
      q('如何选择、收集和整合用于日常运营和战略跟踪的数据？', 'How are data chosen, gathered and aligned to track daily operations and the strategy?'),
      q('用哪些竞争和标杆数据做比较？数据来源和局限是什么？', 'Which comparative and benchmark data are used, and what are their sources and limits?'),
      q('如何分析数据、评价绩效，并据此确定改进的优先次序？', 'How are data analysed and performance evaluated to set improvement priorities?'),
      q('测量体系本身如何随业务变化而更新？', 'How is the measurement system kept current as the business changes?'),
    ],
  },
  {
    id: '4.6.3', name: bi('改进与创新', 'Improvement and innovation'), points: 40,
    topics: [bi('改进与创新的管理', 'Managing improvement and innovation'), bi('改进与创新方法的应用', 'Using improvement and innovation methods')],
    questions: [
      q('改进与创新项目如何立项、实施、跟踪和评价？', 'How are improvement and innovation projects chosen, run, tracked and evaluated?'),
      q('用了哪些方法（如 QC 小组、六西格玛、精益、合理化建议）？参与面有多广？', 'Which methods are used (QC circles, Six Sigma, lean, suggestion schemes), and how many people take part?'),
      q('列出近三年主要的改进与创新成果及其效益。', 'List the main improvement and innovation results of the last three years and their benefits.'),
    ],
  },
];

const results: ItemDraft[] = [
  {
    id: '4.7.2', name: bi('产品和服务结果', 'Product and service results'), points: 80,
    topics: [bi('主要质量指标', 'Key quality measures'), bi('与竞争对手和标杆对比', 'Comparison with competitors and benchmarks')],
    questions: [
      q('主要产品和服务的关键质量指标近三年的水平和趋势如何？', 'What are the levels and three-year trends of the key quality measures of main products and services?'),
      q('与竞争对手、行业标杆或国家标准相比处于什么水平？', 'How do they compare with competitors, industry benchmarks or national standards?'),
      q('产品获得了哪些认证、名牌或第三方评价？', 'Which certifications, brand honours or third-party ratings have the products earned?'),
    ],
  },
  {
    id: '4.7.3', name: bi('顾客与市场结果', 'Customer and market results'), points: 80,
    topics: [bi('顾客满意与忠诚', 'Customer satisfaction and loyalty'), bi('市场绩效', 'Market performance')],
    questions: [
      q('顾客满意度、忠诚度和投诉指标近三年的水平和趋势如何？', 'What are the levels and three-year trends of customer satisfaction, loyalty and complaints?'),
      q('市场占有率、销售增长和新市场开拓结果如何？', 'What are the results for market share, sales growth and new markets?'),
      q('这些结果与竞争对手相比如何？', 'How do these results compare with competitors?'),
    ],
  },
  {
    id: '4.7.4', name: bi('财务结果', 'Financial results'), points: 80,
    topics: [bi('财务绩效', 'Financial performance')],
    questions: [
      q('营业收入、利润、净资产收益率、资产周转等指标近三年的水平和趋势如何？', 'What are the levels and three-year trends of revenue, profit, return on equity and asset turnover?'),
      q('纳税额、总资产贡献率在本市同行业中处于什么位置？', 'Where do taxes paid and total-asset contribution rate stand among the city\'s peers?'),
      q('财务结果与战略目标和预测相比如何？', 'How do financial results compare with the strategic targets and projections?'),
    ],
  },
  {
    id: '4.7.5', name: bi('资源结果', 'Resource results'), points: 60,
    topics: [bi('员工结果', 'Workforce results'), bi('其他资源结果', 'Other resource results')],
    questions: [
      q('员工满意度、流失率、培训、安全健康指标的水平和趋势如何？', 'What are the levels and trends of staff satisfaction, turnover, training and health and safety measures?'),
      (pack) => q(`质量专业人员占比是否逐年提高？${qualityStaffRef(pack).zh}`, `Is the share of qualified quality professionals rising year by year? ${qualityStaffRef(pack).en}`),
      q('技术、信息、基础设施和供方方面取得了哪些可量化的结果？', 'What measurable results do technology, information, infrastructure and suppliers show?'),
    ],
  },
  {
    id: '4.7.6', name: bi('过程有效性结果', 'Process effectiveness results'), points: 50,
    topics: [bi('关键过程绩效', 'Key process performance'), bi('战略实施结果', 'Strategy implementation results')],
    questions: [
      q('关键过程的效率、周期、合格率、成本等指标的水平和趋势如何？', 'What are the levels and trends of efficiency, cycle time, yield and cost in key processes?'),
      q('实施计划和战略目标的完成情况如何？', 'How far have the action plans and strategic objectives been achieved?'),
      q('改进与创新项目带来了哪些可量化的效益？', 'What measurable benefits have improvement and innovation projects brought?'),
    ],
  },
  {
    id: '4.7.7', name: bi('领导方面的结果', 'Leadership results'), points: 50,
    topics: [bi('治理与问责', 'Governance and accountability'), bi('社会责任结果', 'Social responsibility results')],
    questions: [
      q('治理、审计和内控方面有哪些结果（如审计发现、整改完成率）？', 'What results show governance, audit and internal control (audit findings, actions closed)?'),
      q('法规符合、环保、安全、能耗指标的水平和趋势如何？是否有事故或处罚？', 'What are the levels and trends of compliance, environment, safety and energy measures, and were there accidents or penalties?'),
      q('道德行为、诚信记录和公益支持有哪些结果？', 'What results show ethical conduct, the credit record and community support?'),
    ],
  },
];

const categoryDrafts: { id: CategoryId; name: Bilingual; short: Bilingual; items: ItemDraft[] }[] = [
  { id: '4.1', name: bi('领导', 'Leadership'), short: bi('领导', 'Leadership'), items: leadership },
  { id: '4.2', name: bi('战略', 'Strategy'), short: bi('战略', 'Strategy'), items: strategy },
  { id: '4.3', name: bi('顾客与市场', 'Customers and market'), short: bi('顾客市场', 'Customers'), items: customers },
  { id: '4.4', name: bi('资源', 'Resources'), short: bi('资源', 'Resources'), items: resources },
  { id: '4.5', name: bi('过程管理', 'Process management'), short: bi('过程管理', 'Processes'), items: processes },
  { id: '4.6', name: bi('测量、分析与改进', 'Measurement, analysis and improvement'), short: bi('测量改进', 'Measurement'), items: measurement },
  { id: '4.7', name: bi('结果', 'Results'), short: bi('结果', 'Results'), items: results },
];

const built = new WeakMap<CataloguePack, readonly CatalogueCategory[]>();

/**
 * The catalogue as read for one award: the same categories, items and points for every award; a
 * question that cites the award's conditions cites that award's article (issue 16).
 */
export function catalogueFor(pack: CataloguePack): readonly CatalogueCategory[] {
  const known = built.get(pack);
  if (known) return known;
  const catalogue = categoryDrafts.map((c) => {
    const kind: ItemKind = c.id === '4.7' ? 'results' : 'process';
    const items = c.items.map((i) => ({ ...i, questions: i.questions.map((x) => (typeof x === 'function' ? x(pack) : x)), category: c.id, kind }));
    return { id: c.id, name: c.name, short: c.short, kind, points: items.reduce((s, i) => s + i.points, 0), items };
  });
  built.set(pack, catalogue);
  return catalogue;
}

/** The catalogue: categories in order, each with its items in order and its points (sum of its items); read for the default award. */
export const gbt19580Catalogue: readonly CatalogueCategory[] = catalogueFor(defaultPolicy);

export const catalogueItems: readonly CatalogueItem[] = gbt19580Catalogue.flatMap((c) => c.items);
export const catalogueItemById: ReadonlyMap<string, CatalogueItem> = new Map(catalogueItems.map((i) => [i.id, i]));
export const catalogueCategoryById: ReadonlyMap<string, CatalogueCategory> = new Map(gbt19580Catalogue.map((c) => [c.id, c]));

/** 1000 in GB/T 19580-2012; process items 600, results 400. */
export const totalPoints = catalogueItems.reduce((s, i) => s + i.points, 0);
