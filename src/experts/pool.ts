import { z } from '../core/zod-mini.ts';
import { throwZodErrorOnParse } from '../core/zod-contract.ts';
import { bi, type Bilingual } from '../core/i18n.ts';

/**
 * 专家库 (第六条: the office builds the expert pool and the expert groups). An expert has fields of
 * expertise, an affiliation and a region; a suggestion for an application leaves out everyone with a
 * conflict — the same affiliation or region as the applicant, or a conflict they declared beforehand —
 * and ranks the rest by matching field, then by how few applications they already review.
 */
const text = (max: number) => z.string().check(z.trim(), z.maxLength(max));

export const expertSchema = z.strictObject({
  id: z.string().check(z.trim()).check(z.minLength(1)).check(z.maxLength(200)),
  /** raised by one on every save (src/experts/versioned.ts) */
  version: z._default(z.number().check(z.int()).check(z.gte(0)).check(z.lte(Number.MAX_SAFE_INTEGER)), 0),
  name: z.string().check(z.trim()).check(z.minLength(1, { error: '请填写专家姓名 / enter the expert\'s name' })).check(z.maxLength(80)),
  fields: z._default(z.array(text(60).check(z.minLength(1))).check(z.maxLength(20)), []),
  affiliation: z._default(text(200), ''),
  /** 行政区划 (e.g. 320703 连云区); compared with the applicant's */
  region: z._default(text(60), ''),
  /** applicant names or credit codes the expert declared a conflict with in advance */
  declaredConflicts: z._default(z.array(text(200).check(z.minLength(1))).check(z.maxLength(200)), []),
});
export type Expert = z.infer<typeof expertSchema>;

export const expertPoolSchema = z.array(expertSchema).check(z.maxLength(2000)).check(z.superRefine((pool, ctx) => {
  const seen = new Set<string>();
  pool.forEach((e, i) => {
    if (seen.has(e.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `专家编号 ${e.id} 重复 / expert id ${e.id} appears twice` });
    seen.add(e.id);
  });
}));

export interface AssignmentApplicant {
  name: string;
  creditCode?: string | null;
  /** the applicant's (or, for an individual, their employer's) affiliation */
  affiliation?: string | null;
  region?: string | null;
  field?: string | null;
}

export type ConflictReason = 'same-affiliation' | 'same-region' | 'declared';
export const conflictReasonLabels: Record<ConflictReason, Bilingual> = {
  'same-affiliation': bi('与申报方同一单位', 'Same affiliation as the applicant'),
  'same-region': bi('与申报方同一地区', 'Same region as the applicant'),
  declared: bi('事先声明的回避', 'Conflict declared in advance'),
};

/**
 * GB 32100-2015: characters 3–8 of a unified social credit code are the registering authority's
 * administrative division code (行政区划码), e.g. 320700 for Lianyungang.
 */
export function regionOfCreditCode(code: string | null | undefined): string | null {
  if (!code || code.length !== 18) return null;
  const region = code.slice(2, 8);
  return /^\d{6}$/.test(region) ? region : null;
}

const norm = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, '').toLowerCase();

export function conflictsOf(expert: Expert, applicant: AssignmentApplicant): ConflictReason[] {
  const reasons: ConflictReason[] = [];
  if (norm(expert.affiliation) && norm(expert.affiliation) === norm(applicant.affiliation ?? applicant.name)) reasons.push('same-affiliation');
  const region = norm(applicant.region ?? regionOfCreditCode(applicant.creditCode));
  if (region && norm(expert.region) === region) reasons.push('same-region');
  const keys = [norm(applicant.name), norm(applicant.creditCode)].filter(Boolean);
  if (expert.declaredConflicts.some((c) => keys.includes(norm(c)))) reasons.push('declared');
  return reasons;
}

export interface AssignmentSuggestion {
  suggested: Expert[];
  /** everyone else who could review, best first */
  others: Expert[];
  excluded: { expert: Expert; reasons: ConflictReason[] }[];
  /** fewer conflict-free experts than the group needs */
  short: boolean;
}

/** Suggest a group of `size` experts for an application; `load` counts applications each already has. */
export function suggestAssignment(pool: readonly Expert[], applicant: AssignmentApplicant, size: number, load: Readonly<Record<string, number>> = {}): AssignmentSuggestion {
  const excluded: AssignmentSuggestion['excluded'] = [];
  const eligible: Expert[] = [];
  for (const expert of pool) {
    const reasons = conflictsOf(expert, applicant);
    if (reasons.length) excluded.push({ expert, reasons });
    else eligible.push(expert);
  }
  const field = norm(applicant.field);
  const matches = (e: Expert) => (field && e.fields.some((f) => norm(f) === field) ? 1 : 0);
  const ranked = eligible
    .map((e, index) => ({ e, index }))
    .sort((a, b) => matches(b.e) - matches(a.e) || (load[a.e.id] ?? 0) - (load[b.e.id] ?? 0) || a.index - b.index)
    .map((x) => x.e);
  return { suggested: ranked.slice(0, size), others: ranked.slice(size), excluded, short: ranked.length < size };
}

// the exported schemas' .parse throws the classic ZodError, as with full zod (issue 19)
throwZodErrorOnParse(expertSchema, expertPoolSchema);
