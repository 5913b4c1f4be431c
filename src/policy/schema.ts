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

/**
 * A policy pack: every number, window, evidence list and reward of one set of award measures,
 * each with the article it comes from. Code evaluates packs; it never hard-codes a number.
 * A new year's call, a county's measures (第二十一条) or another city's award is a new pack.
 */
export const policyPackSchema = z.object({
  format: z.literal('lyg-award/policy@1'),
  id: z.string().min(1),
  title: bilingual,
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
  /** A yearly call sets its own dates (第十条(一)); none are fixed by the measures. */
  call: z
    .object({ year: z.number().int(), applicationDeadline: z.string(), announcedOn: z.string().optional() })
    .nullable(),
});

export type PolicyPack = z.infer<typeof policyPackSchema>;
export type PolicySource = z.infer<typeof source>;
