import { z } from 'zod';

const bilingual = z.object({ zh: z.string().min(1), en: z.string().min(1) });
/** Where a rule comes from, e.g. `{ article: "第八条", clause: "(一)", ref: "8.1" }`. */
const source = z.object({ article: z.string().min(1), clause: z.string().optional(), ref: z.string().min(1) });
const years = z.number().int().min(0).max(100);
const yuan = z.number().int().min(0);

const quota = z.object({
  max: z.number().int().min(0),
  /** 第四条 gives the nomination award "3–5": a range, not a hard minimum (fewer when candidates fall short). */
  target: z.number().int().min(0).optional(),
  maxIndividuals: z.number().int().min(0),
  source,
});

/** One eligibility clause as this award's measures number it (findings cite it from here). */
const clause = z.object({
  article: z.string().min(1),
  clause: z.string().nullable(),
  /** `missing`: the clause could not be read in any source: its finding is 待补充, citing that it is unverified. */
  status: z.enum(['verified', 'missing']),
  /** Why it is missing / where it was seen (shown with the finding). */
  note: bilingual.optional(),
});

/** The award these measures set up, and the words its messages use. */
const award = z.object({
  /** Stable id of the award, e.g. `lianyungang-mayor`; cases and drafts record it. */
  id: z.string().min(1),
  name: bilingual.describe('full name, e.g. 连云港市市长质量奖'),
  shortName: bilingual.describe('short name used in sentences, e.g. 市长质量奖'),
  nominationName: bilingual.describe('full name of the nomination award, e.g. 连云港市市长质量奖提名奖'),
  /** the nomination's name in tables and sentences beside `shortName`, e.g. 市长质量奖提名奖 (the full name when absent) */
  shortNominationName: bilingual.optional(),
  /** Words the rule messages use, so no award's name or place is in an engine. */
  terms: z.object({
    region: bilingual.describe('the area whose organisations may apply, e.g. 连云港市'),
    local: bilingual.describe('"in this area" in a sentence, e.g. 本市'),
    committee: bilingual,
    office: bilingual,
    /** who gives the final approval (第十条（六）), e.g. 市政府; the stage reads 批准 alone when absent */
    approver: bilingual.optional(),
    /** 第八条（四）'s measures of leading the industry, e.g. 经营规模、上缴税收、总资产贡献率. */
    industryLeadingMeasures: bilingual,
  }),
  /**
   * The higher award winners are recommended to (第十二条), if any: its award id and article; `nomineesTo`,
   * the award nomination winners are recommended first for (Lianyungang: its own award, the next year).
   */
  recommendsTo: z.object({ awardId: z.string().min(1), article: z.string().min(1), nomineesTo: z.string().min(1).optional() }).nullable(),
});

/** Which version of the measures this pack is; a case is judged by the version in force on its dates. */
const version = z.object({
  id: z.string().min(1),
  label: bilingual,
  /** First day in force; `null` while a draft is unpublished (a setting supplies it). */
  effectiveFrom: z.string().nullable(),
  status: z.enum(['in-force', 'draft', 'repealed']),
});

/**
 * A policy pack: every number, window, evidence list and reward of one set of award measures,
 * each with the article it comes from. Code evaluates packs; it never hard-codes a number.
 * A new year's call, a county's measures (第二十一条) or another city's award is a new pack.
 */
export const policyPackSchema = z.object({
  format: z.literal('lyg-award/policy@1'),
  id: z.string().min(1),
  title: bilingual,
  award,
  version,
  /** The article and clause behind each eligibility rule (contract RuleId) in these measures. */
  clauses: z.record(z.string(), clause),
  document: z.object({ number: z.string(), issuedOn: z.string(), replaces: z.string().optional(), url: z.string().optional() }),
  organization: z.object({
    minOperatingYears: years.describe('8(1) 连续正常生产经营 N 年以上'),
    productLevelsAccepted: z.array(z.enum(['international-advanced', 'national-advanced', 'provincial-advanced', 'below-provincial'])),
    minRegisteredTrademarks: z.number().int().min(0),
    minInventionPatents: z.number().int().min(0),
    qualityStaffMinYears: z.number().int().min(1).describe('8(5) years of data needed to show a rising share'),
    /** 8(5) "达到一定的比例": the measures leave the share open; a yearly call may set it (0–1). */
    qualityStaffMinShare: z.number().min(0).max(1).nullable().optional(),
    accidentWindowYears: years,
    accidentSeveritiesDisqualifying: z.array(z.enum(['general', 'larger', 'major', 'especially-major'])),
    inspectionWindowYears: years,
    acceptedQmsStandards: z.array(z.string().min(1)),
    sources: z.record(z.string(), source),
  }),
  individual: z.object({
    minQualityWorkYears: years,
    sources: z.record(z.string(), source),
  }),
  bans: z.object({
    falseMaterialYears: years.describe('第十四条 虚假材料 N 年内不得申报'),
    fraudRevocationYears: years.describe('第十四条 骗取荣誉 撤销后 N 年内不得申报'),
    incidentRevocationYears: years.describe('第十五条 获奖后事故 撤销后 N 年内不得申报'),
    mayorAwardLockYears: years.describe('第十六条 获奖后 N 年内不再重新申报'),
    sources: z.record(z.string(), source),
  }),
  lifecycle: z.object({
    publicityDays: z.number().int().min(1).describe('第十条(五) 公示不少于 N 天'),
    publicityBackfill: z.boolean().describe('第十条(五) 公示不通过的不进行递补'),
    sources: z.record(z.string(), source),
  }),
  quotas: z.object({ award: quota, nomination: quota }),
  rewards: z.object({
    currency: z.literal('CNY'),
    mayorAward: z.object({ organization: yuan, individual: yuan }),
    nominationAward: z.object({ organization: yuan, individual: yuan }),
    higherAwards: z.array(
      z.object({ id: z.string(), name: bilingual, organization: yuan.nullable(), individual: yuan.nullable() }),
    ),
    source,
  }),
  selfEvaluation: z.object({
    standard: z.string(),
    profileMaxChars: z.number().int().min(1).describe('organisation profile (B.1 + B.2) length cap'),
    reportMaxChars: z.number().int().min(1),
    source,
  }),
  /**
   * The expert panel (第六条: the office builds the pool and the groups). The measures fix neither the
   * group's size nor when experts' scores differ enough to need a consensus discussion: these are the
   * office's own working choices (`setBy: 'office'`), kept here so a new year or another award changes
   * data, not code, and the UI can say whose choice they are. Absent in packs that do not say.
   */
  expertPanel: z
    .object({
      groupSize: z.number().int().min(1).max(15),
      /** items whose experts' percents differ by more than this many points are flagged for consensus */
      spreadMargin: z.number().int().min(0).max(100),
      setBy: z.enum(['measures', 'office']),
      source,
    })
    .optional(),
  /** A yearly call sets its own dates (第十条(一)); none are fixed by the measures. */
  call: z
    .object({ year: z.number().int(), applicationDeadline: z.string(), announcedOn: z.string().optional() })
    .nullable(),
});

export type PolicyPack = z.infer<typeof policyPackSchema>;
export type PolicyClause = z.infer<typeof clause>;
export type AwardInfo = z.infer<typeof award>;
export type PolicyVersion = z.infer<typeof version>;
export type PolicySource = z.infer<typeof source>;

const maybeYuan = z.object({ organization: yuan.nullable(), individual: yuan.nullable() });
const shape = policyPackSchema.shape;

/**
 * An award pack read from measures that are only partly known (the Jiangsu Governor award: 第五条
 * onward unread). A section or number the sources do not give is `null` and listed in `unverified`;
 * the engines then say 待补充 (unverified), never guess. A complete pack (`PolicyPack`) is also one.
 */
export const awardPackSchema = policyPackSchema.extend({
  organization: shape.organization.nullable(),
  individual: shape.individual.nullable(),
  bans: shape.bans.nullable(),
  lifecycle: shape.lifecycle.extend({ publicityDays: z.number().int().min(1).nullable() }),
  rewards: shape.rewards.extend({ mayorAward: maybeYuan, nominationAward: maybeYuan }),
  selfEvaluation: shape.selfEvaluation.nullable(),
  /** What the sources do not give, in words (shown on the pack's page and with its findings). */
  unverified: z.array(z.object({ topic: bilingual, note: bilingual })).optional(),
});

export type AwardPack = z.infer<typeof awardPackSchema>;
