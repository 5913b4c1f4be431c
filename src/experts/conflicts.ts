import { z } from '../core/zod-mini.ts';
import { throwZodErrorOnParse } from '../core/zod-contract.ts';
import { bi, type Bilingual } from '../core/i18n.ts';

/**
 * 回避 (conflict of interest). 第六条 gives the office the expert pool and the groups; an expert
 * declares, before any scoring, whether they have an interest in the applicant. An expert with a
 * conflict recuses themself from that application: their scorebook carries no scores.
 */
export const conflictRelations = ['employment', 'family', 'shareholding', 'consulting', 'competitor', 'other'] as const;
export type ConflictRelation = (typeof conflictRelations)[number];

export const conflictRelationLabels: Record<ConflictRelation, Bilingual> = {
  employment: bi('现在或过去三年在申报单位任职', 'Works or worked for the applicant in the last three years'),
  family: bi('与申报人或其负责人有近亲属关系', 'Close relative of the applicant or its head'),
  shareholding: bi('持有申报单位股份或有经济往来', 'Holds shares in or does business with the applicant'),
  consulting: bi('为申报单位提供过咨询、培训或申报辅导', 'Has consulted, trained or coached the applicant'),
  competitor: bi('任职于申报单位的直接竞争对手', 'Works for a direct competitor of the applicant'),
  other: bi('其他可能影响公正评审的关系', 'Another relation that could affect an impartial review'),
};

export const declarationSchema = z.strictObject({
    conflict: z.boolean({ error: '请说明是否存在需要回避的关系 / say whether there is a conflict of interest' }),
    relations: z._default(z.array(z.enum(conflictRelations)).check(z.maxLength(conflictRelations.length)), []),
    statement: z._default(z.string().check(z.maxLength(2000)), ''),
  }).check(z.superRefine((d, ctx) => {
    if (d.conflict && d.relations.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['relations'], message: '声明存在回避关系时，请至少选择一种关系 / choose at least one relation when declaring a conflict' });
    }
    if (!d.conflict && d.relations.length > 0) {
      ctx.addIssue({ code: 'custom', path: ['relations'], message: '声明无回避关系时不应勾选关系 / no relation may be ticked when declaring no conflict' });
    }
  }));
export type Declaration = z.infer<typeof declarationSchema>;

// the exported schemas' .parse throws the classic ZodError, as with full zod (issue 19)
throwZodErrorOnParse(declarationSchema);
