import { z } from 'zod';
import { isoDateSchema } from '../core/dates.ts';

/**
 * The shape of every stored record, one schema per object store. Used to refuse malformed writes and
 * to validate every record of an imported backup before anything is written.
 * Payloads owned by other areas (application, self-evaluation sheet, adapter, case event details) are
 * validated by their owners' schemas in backup.ts; here they only have to be plain JSON.
 */

export const MAX_ID_LENGTH = 200;
export const idSchema = z.string().trim().min(1).max(MAX_ID_LENGTH);
const timestampSchema = z.iso.datetime({ offset: true });

/** Plain JSON only (no functions, dates, class instances): what survives export → import unchanged. */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
export const jsonSchema: z.ZodType<Json> = z.lazy(() =>
  z.union([
    z.string(),
    z.number().refine(Number.isFinite, 'finite number'),
    z.boolean(),
    z.null(),
    z.array(jsonSchema),
    z.record(z.string(), jsonSchema),
  ]),
);

/** Which award and which version of its measures a case or draft is judged by (issue 16; src/awards). */
export const awardRefSchema = z.strictObject({ awardId: z.string().trim().min(1).max(80), versionId: z.string().trim().min(1).max(80) });

export const draftRecordSchema = z.strictObject({
  id: idSchema,
  application: jsonSchema,
  updatedAt: timestampSchema,
  source: z.string().max(2048).optional(), // the portal page URL the draft was read from
  /** bumped by every save (issue 15): a save from a view that saw an older one is refused */
  version: z.number().int().min(0).optional(),
  /** the award and measures version the draft is checked under (issue 16) */
  award: awardRefSchema.optional(),
  /** a draft started from an awarded case (第十二条: city winner → provincial award): the case, the article, the self-evaluation rounds carried */
  recommendedFrom: z.strictObject({ caseId: idSchema, article: z.string().trim().min(1).max(40), selfEvaluations: z.array(idSchema).max(100) }).optional(),
});

export const profileRecordSchema = z.strictObject({
  id: idSchema,
  data: jsonSchema,
  updatedAt: timestampSchema,
  /** bumped by every save; a save from a view that loaded an older one is refused (issue 15) */
  version: z.number().int().min(0).optional(),
});

export const selfEvaluationRecordSchema = z.strictObject({
  id: idSchema,
  round: z.string().trim().min(1).max(40),
  data: jsonSchema,
  updatedAt: timestampSchema,
});

export const applicantKindSchema = z.enum(['organization', 'individual']);

export const caseRecordSchema = z.strictObject({
  id: idSchema,
  year: z.number().int().min(2000).max(2100),
  kind: applicantKindSchema,
  applicantName: z.string().trim().min(1).max(200),
  creditCode: z.string().max(18).nullable().optional(),
  recommender: z.string().max(200).nullable().optional(),
  createdAt: timestampSchema,
  /** bumped by every append to the case's log, in the same transaction (issue 15); absent counts as 0 */
  version: z.number().int().min(0).optional(),
  /** the award and measures version the case is judged by: the one in force on its filing date (issue 16) */
  award: awardRefSchema.optional(),
  /** the case whose award recommended this one on (第十二条: city winner → provincial award), with the article */
  recommendedFrom: z.strictObject({ caseId: idSchema, article: z.string().trim().min(1).max(40) }).optional(),
});

/** The minimum every case event has (contract §3); src/cases' caseEventSchema checks the rest. */
export const storedEventPayloadSchema = z.looseObject({ type: z.string().min(1).max(80), on: isoDateSchema });

export const caseEventRecordSchema = z.strictObject({
  seq: z.number().int().positive().optional(),
  caseId: idSchema,
  event: storedEventPayloadSchema,
  recordedAt: timestampSchema,
  recordedBy: z.string().trim().min(1).max(80),
  /** the expert group's scores behind a review event (src/experts); beside the event, never inside it */
  review: jsonSchema.optional(),
});

export const adapterRecordSchema = z.strictObject({
  id: idSchema,
  adapter: jsonSchema,
  updatedAt: timestampSchema,
});

export const anchorMissRecordSchema = z.strictObject({
  seq: z.number().int().positive().optional(),
  adapterId: z.string().max(MAX_ID_LENGTH),
  field: z.string().max(200),
  url: z.string().max(2048),
  tried: z.array(z.string().max(500)).max(50),
  at: timestampSchema,
});

export const settingKeySchema = z.string().trim().min(1).max(100);
export const settingRecordSchema = z.strictObject({ key: settingKeySchema, value: jsonSchema });
