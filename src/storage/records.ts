import { z } from '../core/zod-mini.ts';
import { isoDateSchema } from '../core/dates.ts';

/**
 * The shape of every stored record, one schema per object store. Used to refuse malformed writes and
 * to validate every record of an imported backup before anything is written.
 * Payloads owned by other areas (application, self-evaluation sheet, adapter, case event details) are
 * validated by their owners' schemas in backup.ts; here they only have to be plain JSON.
 */

export const MAX_ID_LENGTH = 200;
export const idSchema = z.string().check(z.trim()).check(z.minLength(1)).check(z.maxLength(MAX_ID_LENGTH));
const timestampSchema = z.iso.datetime({ offset: true });

/** Plain JSON only (no functions, dates, class instances): what survives export → import unchanged. */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
export const jsonSchema: z.ZodMiniType<Json> = z.lazy(() =>
  z.union([
    z.string(),
    z.number().check(z.refine(Number.isFinite, 'finite number')),
    z.boolean(),
    z.null(),
    z.array(jsonSchema),
    z.record(z.string(), jsonSchema),
  ]),
);

/** Which award and which version of its measures a case or draft is judged by (issue 16; src/awards). */
export const awardRefSchema = z.strictObject({ awardId: z.string().check(z.trim()).check(z.minLength(1)).check(z.maxLength(80)), versionId: z.string().check(z.trim()).check(z.minLength(1)).check(z.maxLength(80)) });

export const draftRecordSchema = z.strictObject({
  id: idSchema,
  application: jsonSchema,
  updatedAt: timestampSchema,
  source: z.optional(z.string().check(z.maxLength(2048))), // the portal page URL the draft was read from
  /** bumped by every save (issue 15): a save from a view that saw an older one is refused */
  version: z.optional(z.number().check(z.int()).check(z.gte(0))),
  /** the award and measures version the draft is checked under (issue 16) */
  award: z.optional(awardRefSchema),
  /** a draft started from an awarded case (第十二条: city winner → provincial award): the case, the article, the self-evaluation rounds carried */
  recommendedFrom: z.optional(
    z.strictObject({ caseId: idSchema, article: z.string().check(z.trim(), z.minLength(1), z.maxLength(40)), selfEvaluations: z.array(idSchema).check(z.maxLength(100)) }),
  ),
});

export const profileRecordSchema = z.strictObject({
  id: idSchema,
  data: jsonSchema,
  updatedAt: timestampSchema,
  /** bumped by every save; a save from a view that loaded an older one is refused (issue 15) */
  version: z.optional(z.number().check(z.int()).check(z.gte(0))),
});

export const selfEvaluationRecordSchema = z.strictObject({
  id: idSchema,
  round: z.string().check(z.trim()).check(z.minLength(1)).check(z.maxLength(40)),
  data: jsonSchema,
  updatedAt: timestampSchema,
});

export const applicantKindSchema = z.enum(['organization', 'individual']);

export const caseRecordSchema = z.strictObject({
  id: idSchema,
  year: z.number().check(z.int()).check(z.gte(2000)).check(z.lte(2100)),
  kind: applicantKindSchema,
  applicantName: z.string().check(z.trim()).check(z.minLength(1)).check(z.maxLength(200)),
  creditCode: z.optional(z.nullable(z.string().check(z.maxLength(18)))),
  recommender: z.optional(z.nullable(z.string().check(z.maxLength(200)))),
  createdAt: timestampSchema,
  /** bumped by every append to the case's log, in the same transaction (issue 15); absent counts as 0 */
  version: z.optional(z.number().check(z.int()).check(z.gte(0))),
  /** the award and measures version the case is judged by: the one in force on its filing date (issue 16) */
  award: z.optional(awardRefSchema),
  /** the case whose award recommended this one on (第十二条: city winner → provincial award), with the article */
  recommendedFrom: z.optional(z.strictObject({ caseId: idSchema, article: z.string().check(z.trim()).check(z.minLength(1)).check(z.maxLength(40)) })),
});

/** The minimum every case event has (contract §3); src/cases' caseEventSchema checks the rest. */
export const storedEventPayloadSchema = z.looseObject({ type: z.string().check(z.minLength(1)).check(z.maxLength(80)), on: isoDateSchema });

export const caseEventRecordSchema = z.strictObject({
  seq: z.optional(z.number().check(z.int()).check(z.positive())),
  caseId: idSchema,
  event: storedEventPayloadSchema,
  recordedAt: timestampSchema,
  recordedBy: z.string().check(z.trim()).check(z.minLength(1)).check(z.maxLength(80)),
  /** the expert group's scores behind a review event (src/experts); beside the event, never inside it */
  review: z.optional(jsonSchema),
});

export const adapterRecordSchema = z.strictObject({
  id: idSchema,
  adapter: jsonSchema,
  updatedAt: timestampSchema,
});

export const anchorMissRecordSchema = z.strictObject({
  seq: z.optional(z.number().check(z.int()).check(z.positive())),
  adapterId: z.string().check(z.maxLength(MAX_ID_LENGTH)),
  field: z.string().check(z.maxLength(200)),
  url: z.string().check(z.maxLength(2048)),
  tried: z.array(z.string().check(z.maxLength(500))).check(z.maxLength(50)),
  at: timestampSchema,
});

export const settingKeySchema = z.string().check(z.trim()).check(z.minLength(1)).check(z.maxLength(100));
export const settingRecordSchema = z.strictObject({ key: settingKeySchema, value: jsonSchema });
