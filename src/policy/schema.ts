import { z } from '../core/zod-mini.ts';
import { throwZodErrorOnParse } from '../core/zod-contract.ts';

const bilingual = z.object({ zh: z.string().check(z.minLength(1)), en: z.string().check(z.minLength(1)) });
/** Where a rule comes from, e.g. `{ article: "第八条", clause: "(一)", ref: "8.1" }`. */
const source = z.object({ article: z.string().check(z.minLength(1)), clause: z.optional(z.string()), ref: z.string().check(z.minLength(1)) });
const years = z.number().check(z.int()).check(z.gte(0)).check(z.lte(100));
const yuan = z.number().check(z.int()).check(z.gte(0));

const quota = z.object({
  max: z.number().check(z.int()).check(z.gte(0)),
  /** 第四条 gives the nomination award "3–5": a range, not a hard minimum (fewer when candidates fall short). */
  target: z.optional(z.number().check(z.int()).check(z.gte(0))),
  maxIndividuals: z.number().check(z.int()).check(z.gte(0)),
  source,
});

/** One eligibility clause as this award's measures number it (findings cite it from here). */
const clause = z.object({
  article: z.string().check(z.minLength(1)),
  clause: z.nullable(z.string()),
  /** `missing`: the clause could not be read in any source: its finding is 待补充, citing that it is unverified. */
  status: z.enum(['verified', 'missing']),
  /** Why it is missing / where it was seen (shown with the finding). */
  note: z.optional(bilingual),
});

/** The award these measures set up, and the words its messages use. */
const award = z.object({
  /** Stable id of the award, e.g. `lianyungang-mayor`; cases and drafts record it. */
  id: z.string().check(z.minLength(1)),
  name: bilingual.check(z.describe('full name, e.g. 连云港市市长质量奖')),
  shortName: bilingual.check(z.describe('short name used in sentences, e.g. 市长质量奖')),
  nominationName: bilingual.check(z.describe('full name of the nomination award, e.g. 连云港市市长质量奖提名奖')),
  /** the nomination's name in tables and sentences beside `shortName`, e.g. 市长质量奖提名奖 (the full name when absent) */
  shortNominationName: z.optional(bilingual),
  /** Words the rule messages use, so no award's name or place is in an engine. */
  terms: z.object({
    region: bilingual.check(z.describe('the area whose organisations may apply, e.g. 连云港市')),
    local: bilingual.check(z.describe('"in this area" in a sentence, e.g. 本市')),
    committee: bilingual,
    office: bilingual,
    /** who gives the final approval (第十条（六）), e.g. 市政府; the stage reads 批准 alone when absent */
    approver: z.optional(bilingual),
    /** 第八条（四）'s measures of leading the industry, e.g. 经营规模、上缴税收、总资产贡献率. */
    industryLeadingMeasures: bilingual,
  }),
  /**
   * The higher award winners are recommended to (第十二条), if any: its award id and article; `nomineesTo`,
   * the award nomination winners are recommended first for (Lianyungang: its own award, the next year).
   */
  recommendsTo: z.nullable(z.object({ awardId: z.string().check(z.minLength(1)), article: z.string().check(z.minLength(1)), nomineesTo: z.optional(z.string().check(z.minLength(1))) })),
});

/** Which version of the measures this pack is; a case is judged by the version in force on its dates. */
const version = z.object({
  id: z.string().check(z.minLength(1)),
  label: bilingual,
  /** First day in force; `null` while a draft is unpublished (a setting supplies it). */
  effectiveFrom: z.nullable(z.string()),
  status: z.enum(['in-force', 'draft', 'repealed']),
});

/**
 * A policy pack: every number, window, evidence list and reward of one set of award measures,
 * each with the article it comes from. Code evaluates packs; it never hard-codes a number.
 * A new year's call, a county's measures (第二十一条) or another city's award is a new pack.
 */
export const policyPackSchema = z.object({
  format: z.literal('lyg-award/policy@1'),
  id: z.string().check(z.minLength(1)),
  title: bilingual,
  award,
  version,
  /** The article and clause behind each eligibility rule (contract RuleId) in these measures. */
  clauses: z.record(z.string(), clause),
  document: z.object({ number: z.string(), issuedOn: z.string(), replaces: z.optional(z.string()), url: z.optional(z.string()) }),
  organization: z.object({
    minOperatingYears: years.check(z.describe('8(1) 连续正常生产经营 N 年以上')),
    productLevelsAccepted: z.array(z.enum(['international-advanced', 'national-advanced', 'provincial-advanced', 'below-provincial'])),
    minRegisteredTrademarks: z.number().check(z.int()).check(z.gte(0)),
    minInventionPatents: z.number().check(z.int()).check(z.gte(0)),
    qualityStaffMinYears: z.number().check(z.int()).check(z.gte(1)).check(z.describe('8(5) years of data needed to show a rising share')),
    /** 8(5) "达到一定的比例": the measures leave the share open; a yearly call may set it (0–1). */
    qualityStaffMinShare: z.optional(z.nullable(z.number().check(z.gte(0)).check(z.lte(1)))),
    accidentWindowYears: years,
    accidentSeveritiesDisqualifying: z.array(z.enum(['general', 'larger', 'major', 'especially-major'])),
    inspectionWindowYears: years,
    acceptedQmsStandards: z.array(z.string().check(z.minLength(1))),
    sources: z.record(z.string(), source),
  }),
  individual: z.object({
    minQualityWorkYears: years,
    sources: z.record(z.string(), source),
  }),
  bans: z.object({
    falseMaterialYears: years.check(z.describe('第十四条 虚假材料 N 年内不得申报')),
    fraudRevocationYears: years.check(z.describe('第十四条 骗取荣誉 撤销后 N 年内不得申报')),
    incidentRevocationYears: years.check(z.describe('第十五条 获奖后事故 撤销后 N 年内不得申报')),
    mayorAwardLockYears: years.check(z.describe('第十六条 获奖后 N 年内不再重新申报')),
    sources: z.record(z.string(), source),
  }),
  lifecycle: z.object({
    publicityDays: z.number().check(z.int()).check(z.gte(1)).check(z.describe('第十条(五) 公示不少于 N 天')),
    publicityBackfill: z.boolean().check(z.describe('第十条(五) 公示不通过的不进行递补')),
    sources: z.record(z.string(), source),
  }),
  quotas: z.object({ award: quota, nomination: quota }),
  rewards: z.object({
    currency: z.literal('CNY'),
    mayorAward: z.object({ organization: yuan, individual: yuan }),
    nominationAward: z.object({ organization: yuan, individual: yuan }),
    higherAwards: z.array(
      z.object({ id: z.string(), name: bilingual, organization: z.nullable(yuan), individual: z.nullable(yuan) }),
    ),
    source,
  }),
  selfEvaluation: z.object({
    standard: z.string(),
    profileMaxChars: z.number().check(z.int()).check(z.gte(1)).check(z.describe('organisation profile (B.1 + B.2) length cap')),
    reportMaxChars: z.number().check(z.int()).check(z.gte(1)),
    source,
  }),
  /**
   * The expert panel (第六条: the office builds the pool and the groups). The measures fix neither the
   * group's size nor when experts' scores differ enough to need a consensus discussion: these are the
   * office's own working choices (`setBy: 'office'`), kept here so a new year or another award changes
   * data, not code, and the UI can say whose choice they are. Absent in packs that do not say.
   */
  expertPanel: z.optional(z.object({
      groupSize: z.number().check(z.int()).check(z.gte(1)).check(z.lte(15)),
      /** items whose experts' percents differ by more than this many points are flagged for consensus */
      spreadMargin: z.number().check(z.int()).check(z.gte(0)).check(z.lte(100)),
      setBy: z.enum(['measures', 'office']),
      source,
    })),
  /** A yearly call sets its own dates (第十条(一)); none are fixed by the measures. */
  call: z.nullable(z.object({ year: z.number().check(z.int()), applicationDeadline: z.string(), announcedOn: z.optional(z.string()) })),
});

export type PolicyPack = z.infer<typeof policyPackSchema>;
export type PolicyClause = z.infer<typeof clause>;
export type AwardInfo = z.infer<typeof award>;
export type PolicyVersion = z.infer<typeof version>;
export type PolicySource = z.infer<typeof source>;

const maybeYuan = z.object({ organization: z.nullable(yuan), individual: z.nullable(yuan) });
const shape = policyPackSchema.shape;

/**
 * An award pack read from measures that are only partly known (the Jiangsu Governor award: 第五条
 * onward unread). A section or number the sources do not give is `null` and listed in `unverified`;
 * the engines then say 待补充 (unverified), never guess. A complete pack (`PolicyPack`) is also one.
 */
export const awardPackSchema = z.extend(policyPackSchema, {
  organization: z.nullable(shape.organization),
  individual: z.nullable(shape.individual),
  bans: z.nullable(shape.bans),
  lifecycle: z.extend(shape.lifecycle, { publicityDays: z.nullable(z.number().check(z.int()).check(z.gte(1))) }),
  rewards: z.extend(shape.rewards, { mayorAward: maybeYuan, nominationAward: maybeYuan }),
  selfEvaluation: z.nullable(shape.selfEvaluation),
  /** What the sources do not give, in words (shown on the pack's page and with its findings). */
  unverified: z.optional(z.array(z.object({ topic: bilingual, note: bilingual }))),
});

export type AwardPack = z.infer<typeof awardPackSchema>;

// Part of the contract (src/index.ts): `.parse` throws the classic ZodError, as with full zod (issue 19).
throwZodErrorOnParse(awardPackSchema, policyPackSchema);
