import { z } from '../core/zod-mini.ts';
import { isoDateSchema } from '../core/dates.ts';
import { CREDIT_CODE_PATTERN, isValidCreditCode } from './credit-code.ts';
import { throwZodErrorOnParse } from '../core/zod-contract.ts';

/**
 * The application file `lyg-award/application@1` (contract §1).
 * An unknown fact is left out or `null`, which is different from `false`: every fact is `.nullish()`,
 * so a half-filled form parses and the pre-check reports the gap as "needs evidence".
 * Messages are produced from issue codes and the field catalogue in `messages.ts`; custom checks carry
 * their bilingual text in `params`.
 */

export const APPLICATION_FORMAT = 'lyg-award/application@1';

/** A zod issue message in both languages ("中文 / English"), with the parts kept for the views that show one. */
export const bilingualIssue = (zh: string, en: string) => ({ message: `${zh} / ${en}`, params: { zh, en } });

/** A fact not known yet: omitted or `null`. */
const fact = <T extends z.ZodMiniType>(schema: T) => z.nullish(schema);

export const countSchema = z.number().check(z.int()).check(z.gte(0));

export const creditCodeSchema = z.string().check(z.regex(CREDIT_CODE_PATTERN, bilingualIssue(
    '应为 18 位，由数字和大写字母组成（不含 I、O、Z、S、V）',
    'must be 18 characters: digits and upper-case letters except I, O, Z, S, V',
  ))).check(z.refine(
    (code) => !CREDIT_CODE_PATTERN.test(code) || isValidCreditCode(code),
    bilingualIssue('校验码不正确（GB 32100-2015），请核对营业执照', 'check character is wrong (GB 32100-2015); copy it from the business licence'),
  ));

export const productLevelSchema = z.enum(['international-advanced', 'national-advanced', 'provincial-advanced', 'below-provincial']);
export const accidentKindSchema = z.enum(['quality', 'safety', 'environment', 'public-health', 'food-safety']);
export const accidentSeveritySchema = z.enum(['general', 'larger', 'major', 'especially-major']);
export const inspectionLevelSchema = z.enum(['national', 'industry', 'provincial', 'municipal']);
export const historyEventKindSchema = z.enum([
  'disqualified-false-material',
  'revoked-fraud',
  'revoked-incident',
  'won-mayor-award',
  'won-nomination-award',
]);

export const qmsCertificateSchema = z.object({
  standard: z.string().check(z.minLength(1, bilingualIssue('不能为空，例如 GB/T 19001-2016', 'must not be empty, e.g. GB/T 19001-2016'))),
  validUntil: fact(isoDateSchema),
});

export const accidentSchema = z.object({
  date: isoDateSchema,
  kind: accidentKindSchema,
  severity: accidentSeveritySchema,
});

export const inspectionFailureSchema = z.object({ date: isoDateSchema, level: inspectionLevelSchema });

export const qualityStaffYearSchema = z.object({
    year: z.number().check(z.int()).check(z.gte(1900)).check(z.lte(2999)),
    qualified: countSchema,
    total: z.number().check(z.int()).check(z.gte(1, bilingualIssue('至少为 1，否则无法计算比例', 'must be at least 1, or there is no share to compute'))),
  }).check(z.refine((y) => y.qualified <= y.total, {
    ...bilingualIssue('具备资格人数不能超过岗位总人数', 'qualified staff cannot exceed the staff in those posts'),
    path: ['qualified'],
  }));

/** The facts of 第八条第六款 (8(6)), shared by organisations and the organisation an individual heads (9(4)). */
export const integrityFactsShape = {
  goodCredit: fact(z.boolean()),
  accidents: fact(z.array(accidentSchema)),
  majorQualityComplaints: fact(countSchema),
  ownFaultQualityDisputes: fact(countSchema),
  inspectionFailures: fact(z.array(inspectionFailureSchema)),
  laborDishonestyRecord: fact(z.boolean()),
  otherViolations: fact(z.boolean()),
  exporter: fact(z.boolean()),
  exportQualityIncidents: fact(countSchema),
};
export const integrityFactsSchema = z.object(integrityFactsShape);

export const organizationSchema = z.object({
  kind: z.literal('organization'),
  name: fact(z.string()),
  creditCode: fact(creditCodeSchema),
  // 8(1)
  registeredInLianyungang: fact(z.boolean()),
  independentLegalPerson: fact(z.boolean()),
  policyCompliant: fact(z.boolean()),
  establishedOn: fact(isoDateSchema),
  operationInterrupted: fact(z.boolean()),
  // 8(2)
  qmsCertificates: fact(z.array(qmsCertificateSchema)),
  excellenceResults: fact(z.boolean()),
  // 8(3)
  productLevel: fact(productLevelSchema),
  registeredTrademarks: fact(countSchema),
  inventionPatents: fact(countSchema),
  // 8(4)
  industryLeading: fact(z.boolean()),
  socialResponsibility: fact(z.boolean()),
  // 8(5)
  qualityStaff: fact(
    z.array(qualityStaffYearSchema).check(z.refine(
      (years) => new Set(years.map((y) => y.year)).size === years.length,
      bilingualIssue('同一年度只能填写一次', 'each year may appear only once'),
    )),
  ),
  // 8(6)
  ...integrityFactsShape,
});

export const individualSchema = z.object({
  kind: z.literal('individual'),
  name: fact(z.string()),
  // 9(1)
  qualityWorkInLianyungangSince: fact(isoDateSchema),
  // 9(2)
  goodConduct: fact(z.boolean()),
  goodCredit: fact(z.boolean()),
  // 9(3)
  craftsmanshipResults: fact(z.boolean()),
  /**
   * 9(4). Per contract §1, `null` means the applicant heads no organisation (the clause does not
   * apply); left out means not known yet (needs evidence).
   */
  headsOrganization: z.optional(z.nullable(integrityFactsSchema)),
});

export const historyEventSchema = z.object({ date: isoDateSchema, event: historyEventKindSchema });

export const applicationSchema = z.object({
  format: z.literal(APPLICATION_FORMAT),
  year: z.number().check(z.int()).check(z.gte(1900)).check(z.lte(2999)),
  submittedOn: isoDateSchema,
  applicant: z.discriminatedUnion('kind', [organizationSchema, individualSchema]),
  history: fact(z.array(historyEventSchema)),
});

export type Application = z.infer<typeof applicationSchema>;
export type OrganizationApplicant = z.infer<typeof organizationSchema>;
export type IndividualApplicant = z.infer<typeof individualSchema>;
export type IntegrityFacts = z.infer<typeof integrityFactsSchema>;
export type QmsCertificate = z.infer<typeof qmsCertificateSchema>;
export type Accident = z.infer<typeof accidentSchema>;
export type InspectionFailure = z.infer<typeof inspectionFailureSchema>;
export type QualityStaffYear = z.infer<typeof qualityStaffYearSchema>;
export type HistoryEvent = z.infer<typeof historyEventSchema>;
export type ProductLevel = z.infer<typeof productLevelSchema>;

// Part of the contract (src/index.ts): `.parse` throws the classic ZodError, as with full zod (issue 19).
throwZodErrorOnParse(accidentKindSchema, accidentSchema, accidentSeveritySchema, applicationSchema, countSchema, creditCodeSchema, historyEventKindSchema, historyEventSchema, individualSchema, inspectionFailureSchema, inspectionLevelSchema, integrityFactsSchema, organizationSchema, productLevelSchema, qmsCertificateSchema, qualityStaffYearSchema);
