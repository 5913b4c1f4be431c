import { z } from '../core/zod-mini.ts';
import { bi, type Bilingual } from '../core/i18n.ts';
import { defaultPolicy } from '../policy/lianyungang-2021.ts';
import type { PolicyPack } from '../policy/schema.ts';
import { atLeastYearsBefore, isoDateSchema, type IsoDate } from '../core/dates.ts';
import { parseOrThrow } from '../core/zod-contract.ts';

/**
 * Individuals are not scored against GB/T 19580 (it is written for organisations); they evaluate
 * themselves along 第九条's four conditions, each with the evidence a reviewer will ask for.
 */
export const individualDimensionIds = ['9.1', '9.2', '9.3', '9.4'] as const;
export type IndividualDimensionId = (typeof individualDimensionIds)[number];

export interface IndividualDimension {
  id: IndividualDimensionId;
  article: string;
  title: Bilingual;
  /** what the condition asks, in the product's words, with the policy's numbers */
  requirement: Bilingual;
  prompts: Bilingual[];
  evidence: { id: string; label: Bilingual }[];
  /** 9.4 applies only to an applicant who heads an organisation */
  onlyIfHeadsOrganization?: boolean;
}

/** Said where the award's data does not give a clause: never another award's number. */
const unverifiedClause = '条款未核实';

/** The article holding the individual conditions (Lianyungang: 第九条), from the award's data. */
export function individualArticle(policy: PolicyPack = defaultPolicy): string {
  return policy.individual.sources.experience?.article ?? unverifiedClause;
}

/**
 * A clause as the self-evaluation writes it: `第九条(四)` (`written`) or `第九条第(四)项` (`item`), from the
 * award's data; 条款未核实 when the data does not give it.
 */
export function clauseOf(source: { article: string; clause?: string | undefined } | undefined): { written: string; item: string } {
  if (!source) return { written: unverifiedClause, item: unverifiedClause };
  return { written: `${source.article}${source.clause ?? ''}`, item: source.clause ? `${source.article}第${source.clause}项` : source.article };
}

export function individualDimensions(policy: PolicyPack = defaultPolicy): IndividualDimension[] {
  const src = policy.individual.sources;
  const cite = (key: string) => clauseOf(src[key]).written;
  const integrity = clauseOf(policy.organization.sources.integrity);
  const years = policy.individual.minQualityWorkYears;
  return [
    {
      id: '9.1', article: cite('experience'),
      title: bi('质量工作年限', 'Years of quality work'),
      requirement: bi(`在本市从事质量或质量相关工作 ${years} 年以上（${cite('experience')}）。`, `At least ${years} years of quality or quality-related work in the city (${cite('experience')}).`),
      prompts: [
        bi('按时间列出在本市从事质量工作的单位、岗位和起止日期。', 'List your quality jobs in the city with employer, role and dates.'),
        bi('中间是否有中断？中断期间做什么？', 'Were there gaps, and what did you do in them?'),
      ],
      evidence: [
        { id: 'employment', label: bi('劳动合同或单位出具的工作经历证明', 'Employment contracts or a work-history letter from the employer') },
        { id: 'social-insurance', label: bi('本市社保缴纳记录', 'Social-insurance payment record in the city') },
        { id: 'titles', label: bi('质量相关职称或职业资格证书', 'Quality-related professional titles or qualifications') },
      ],
    },
    {
      id: '9.2', article: cite('conduct'),
      title: bi('品行与信用', 'Conduct and credit'),
      requirement: bi(`恪守职业道德，发挥示范作用，无违法违规行为，个人信用记录良好（${cite('conduct')}）。`, `Professional ethics, setting an example, no violations of law, a good personal credit record (${cite('conduct')}).`),
      prompts: [
        bi('有哪些事例体现你的职业道德和示范作用？', 'Which examples show your professional ethics and the example you set?'),
        bi('是否有任何违法违规或失信记录？', 'Is there any record of violations or broken credit?'),
      ],
      evidence: [
        { id: 'no-crime', label: bi('无违法犯罪记录证明', 'Certificate of no criminal record') },
        { id: 'credit-report', label: bi('个人信用报告', 'Personal credit report') },
        { id: 'employer-opinion', label: bi('所在单位的意见', 'Opinion of your employer') },
      ],
    },
    {
      id: '9.3', article: cite('craftsmanship'),
      title: bi('工匠精神成果与贡献', 'Craftsmanship results and contribution'),
      requirement: bi(`长期从事管理、质量研究或一线质量工作，有体现“工匠精神”的成果，带来显著效益，对质量文化和地区质量发展有突出贡献，行业声誉良好（${cite('craftsmanship')}）。`, `Long-term management, quality research or front-line quality work; results showing craftsmanship; clear benefits; outstanding contribution to quality culture and regional quality; good reputation in the sector (${cite('craftsmanship')}).`),
      prompts: [
        bi('你最能体现精益求精的三项成果是什么？各带来了多少可量化的效益？', 'What are your three results that best show craftsmanship, and what measurable benefit did each bring?'),
        bi('你的方法或经验是否被其他单位、行业采用？', 'Have other organisations or the sector adopted your methods or experience?'),
        bi('你如何推动了所在组织的质量文化？', 'How have you shaped the quality culture of your organisation?'),
        bi('获得过哪些行业认可（奖项、标准、专利、论文）？', 'What recognition have you earned in the sector (awards, standards, patents, papers)?'),
      ],
      evidence: [
        { id: 'results', label: bi('成果证明：获奖证书、专利、标准、论文', 'Proof of results: award certificates, patents, standards, papers') },
        { id: 'benefits', label: bi('效益证明（经济或社会效益）', 'Proof of economic or social benefits') },
        { id: 'adoption', label: bi('推广应用证明', 'Proof of adoption by others') },
      ],
    },
    {
      id: '9.4', article: cite('organization'),
      title: bi('所负责组织的诚信条件', 'Integrity of the organisation you head'),
      requirement: bi(`申报人为组织负责人的，所在组织须同时符合${integrity.item}（信用、事故、投诉、抽查等）（${cite('organization')}）。`, `If you head an organisation, it must also meet ${integrity.written} (credit, accidents, complaints, inspections) (${cite('organization')}).`),
      prompts: [
        bi(`近 ${policy.organization.accidentWindowYears} 年内组织是否发生较大及以上质量、安全、环境、公共卫生、食品安全事故？`, `Did the organisation have a larger-or-worse quality, safety, environmental, public-health or food-safety accident in the last ${policy.organization.accidentWindowYears} years?`),
        bi(`近 ${policy.organization.inspectionWindowYears} 年内是否有监督抽查不合格？是否有重大质量投诉或失信记录？`, `Any failed supervision inspection in the last ${policy.organization.inspectionWindowYears} years, major quality complaint or dishonesty record?`),
      ],
      evidence: [
        { id: 'org-credit', label: bi('组织信用报告', 'Organisation credit report') },
        { id: 'no-accident', label: bi('无较大及以上事故的证明', 'Proof of no larger-or-worse accidents') },
        { id: 'inspections', label: bi('监督抽查结果', 'Supervision inspection results') },
      ],
      onlyIfHeadsOrganization: true,
    },
  ];
}

export const individualAssessmentSchema = z.object({
  headsOrganization: z._default(z.boolean(), false),
  /** 9(1): since when the applicant has done quality work in Lianyungang */
  qualityWorkSince: z._default(z.nullable(isoDateSchema), null),
  dimensions: z._default(z.record(
      z.string(),
      z.object({
        /** the applicant's own judgement; the reviewer decides (第十条) */
        self: z._default(z.enum(['meets', 'partly', 'not-yet', 'unsure']), 'unsure'),
        narrative: z._default(z.string(), ''),
        evidenceReady: z._default(z.array(z.string()), []),
        evidenceNotes: z._default(z.string(), ''),
      }),
    ), {}),
});
export type IndividualAssessment = z.infer<typeof individualAssessmentSchema>;

export const individualSelfLabels: Record<IndividualAssessment['dimensions'][string]['self'], Bilingual> = {
  meets: bi('符合', 'Meets'),
  partly: bi('部分符合', 'Partly'),
  'not-yet': bi('尚不符合', 'Not yet'),
  unsure: bi('未评估', 'Not assessed'),
};

/**
 * 9(1) as far as a date can tell: "N 年以上" counts the day exactly N years before `asOf`
 * (the planned submission date). `null` when no start date is given.
 */
export function qualityWorkYearsMet(since: IsoDate | null, asOf: IsoDate, policy: PolicyPack = defaultPolicy): boolean | null {
  if (!since) return null;
  return atLeastYearsBefore(since, asOf, policy.individual.minQualityWorkYears);
}

/** Which evidence is still missing per dimension that applies. */
export function individualReadiness(assessment: unknown, policy: PolicyPack = defaultPolicy) {
  const a = parseOrThrow(individualAssessmentSchema, assessment);
  return individualDimensions(policy)
    .filter((d) => !d.onlyIfHeadsOrganization || a.headsOrganization)
    .map((d) => {
      const entry = a.dimensions[d.id];
      const ready = new Set(entry?.evidenceReady ?? []);
      return {
        id: d.id,
        self: entry?.self ?? 'unsure',
        missingEvidence: d.evidence.filter((e) => !ready.has(e.id)),
        evidenceTotal: d.evidence.length,
      };
    });
}
