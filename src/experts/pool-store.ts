import { z } from '../core/zod-mini.ts';
import { parseOrThrow, throwZodErrorOnParse } from '../core/zod-contract.ts';
import { bi } from '../core/i18n.ts';
import { getDb, getSetting } from '../storage/repos.ts';
import { expertSchema, type Expert } from './pool.ts';
import { expertRefSchema } from './scorebook.ts';
import { deleteVersioned, putVersioned } from './versioned.ts';

/**
 * The 专家库 and the groups (第六条) in the settings store, one record per expert and one per case's
 * group, each with a stable id and a version raised by every save (versioned.ts):
 * - `experts/pool/<expertId>`: an expert of the pool;
 * - `experts/assignment/<caseId>`: the experts assigned to a case and the packages handed to them.
 */
export const POOL_PREFIX = 'experts/pool/';
export const ASSIGNMENT_PREFIX = 'experts/assignment/';
const POOL_WHAT = bi('专家信息', 'expert record');
const ASSIGNMENT_WHAT = bi('专家分组', 'expert group');

async function valuesWith(prefix: string): Promise<unknown[]> {
  return (await getDb()).getAll('settings', IDBKeyRange.bound(prefix, `${prefix}\uffff`));
}

export async function listPool(): Promise<Expert[]> {
  const out: Expert[] = [];
  for (const v of await valuesWith(POOL_PREFIX)) {
    const r = expertSchema.safeParse(v);
    if (r.success) out.push(r.data);
  }
  return out.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN') || a.id.localeCompare(b.id));
}

/** Add or change an expert (refused when another tab saved the same expert in between). */
export async function saveExpert(expert: z.input<typeof expertSchema>): Promise<Expert> {
  const e = parseOrThrow(expertSchema, expert);
  return putVersioned(POOL_PREFIX + e.id, e, POOL_WHAT);
}

export const removeExpert = (e: Pick<Expert, 'id' | 'version'>) => deleteVersioned(POOL_PREFIX + e.id, e.version, POOL_WHAT);

export const assignmentSchema = z.strictObject({
  /** the case id: one group per case */
  id: z.string().check(z.trim()).check(z.minLength(1)).check(z.maxLength(200)),
  version: z._default(z.number().check(z.int()).check(z.gte(0)).check(z.lte(Number.MAX_SAFE_INTEGER)), 0),
  /** the field the office matched experts on (free text, compared with the experts' fields) */
  field: z._default(z.string().check(z.trim()).check(z.maxLength(60)), ''),
  experts: z.array(expertRefSchema).check(z.maxLength(20)),
  /** the packages handed out: to whom, when, which package */
  issued: z._default(z.array(z.strictObject({ expert: z.string().check(z.minLength(1)).check(z.maxLength(200)), packageId: z.string().check(z.minLength(1)).check(z.maxLength(200)), at: z.iso.datetime({ offset: true }) })).check(z.maxLength(200)), []),
});
export type Assignment = z.output<typeof assignmentSchema>;

export async function getAssignment(caseId: string): Promise<Assignment | null> {
  const r = assignmentSchema.safeParse(await getSetting(ASSIGNMENT_PREFIX + caseId));
  return r.success ? r.data : null;
}

export async function listAssignments(): Promise<Assignment[]> {
  const out: Assignment[] = [];
  for (const v of await valuesWith(ASSIGNMENT_PREFIX)) {
    const r = assignmentSchema.safeParse(v);
    if (r.success) out.push(r.data);
  }
  return out;
}

export async function saveAssignment(a: z.input<typeof assignmentSchema>): Promise<Assignment> {
  const parsed = parseOrThrow(assignmentSchema, a);
  return putVersioned(ASSIGNMENT_PREFIX + parsed.id, parsed, ASSIGNMENT_WHAT);
}

/** How many cases each expert is assigned to, for the suggestion's load balance. */
export function loadOf(assignments: readonly Assignment[], exceptCase?: string): Record<string, number> {
  const load: Record<string, number> = {};
  for (const a of assignments) if (a.id !== exceptCase) for (const e of a.experts) load[e.id] = (load[e.id] ?? 0) + 1;
  return load;
}

// the exported schemas' .parse throws the classic ZodError, as with full zod (issue 19)
throwZodErrorOnParse(assignmentSchema);
