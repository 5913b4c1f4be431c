import { z } from '../core/zod-mini.ts';
import { throwZodErrorOnParse } from '../core/zod-contract.ts';
import { bi, type Bilingual } from '../core/i18n.ts';
import { catalogueItems, type ItemId } from '../self-evaluation/catalogue.ts';
import { percentSchema } from '../self-evaluation/bands.ts';
import { declarationSchema, type Declaration } from './conflicts.ts';
import { openEnvelope, sealEnvelope, type Envelope, type EnvelopeProblem } from './envelope.ts';

/**
 * A scorebook: one expert's independent review of one application (第十条（三）), as an append-only
 * list of events. Each event has its own id, the expert's id and the time, so scorebooks can be
 * merged or replicated later without conflicts; the state is always the fold of the events.
 * Events: `declare` (回避, required before any score or comment), `score` (a percent on the 5% grid of
 * GB/Z 19579 附录C) and `comment` (strengths, opportunities for improvement, points to verify on site).
 */
export const SCOREBOOK_FORMAT = 'lyg-award/scorebook@1';
export const MAX_TEXT = 4000;
export const MAX_EVENTS = 5000;

const knownItems = new Set<string>(catalogueItems.map((i) => i.id));
export const itemIdSchema = z.pipe(z.string().check(z.refine((id) => knownItems.has(id), { error: (i) => `未知的评分条款 “${String(i.input).slice(0, 20)}” / unknown item "${String(i.input).slice(0, 20)}"` })), z.transform((id) => id as ItemId));

const idText = z.string().check(z.trim()).check(z.minLength(1)).check(z.maxLength(200));
const at = z.iso.datetime({ offset: true });
const base = { id: idText, expert: idText, at };

export const commentFields = ['strengths', 'opportunities', 'verify'] as const;
export type CommentField = (typeof commentFields)[number];
export const commentFieldLabels: Record<CommentField, Bilingual> = {
  strengths: bi('优势', 'Strengths'),
  opportunities: bi('改进机会', 'Opportunities for improvement'),
  verify: bi('现场核实要点', 'Points to verify on site'),
};

export const scorebookEventSchema = z.discriminatedUnion('type', [
  z.strictObject({ ...base, type: z.literal('declare'), declaration: declarationSchema }),
  z.strictObject({ ...base, type: z.literal('score'), item: itemIdSchema, percent: z.nullable(percentSchema) }),
  z.strictObject({ ...base, type: z.literal('comment'), item: itemIdSchema, field: z.enum(commentFields), text: z.string().check(z.maxLength(MAX_TEXT)) }),
]);
export type ScorebookEvent = z.output<typeof scorebookEventSchema>;

export const expertRefSchema = z.strictObject({
  id: idText,
  name: z.string().check(z.trim()).check(z.minLength(1, { error: '请填写专家姓名 / enter the expert\'s name' })).check(z.maxLength(80)),
  affiliation: z._default(z.string().check(z.trim()).check(z.maxLength(200)), ''),
});
export type ExpertRef = z.infer<typeof expertRefSchema>;

/** What the expert reviews: the case (when known) and the applicant, enough to match it at the office. */
export const reviewSubjectSchema = z.strictObject({
  caseId: z._default(z.nullable(idText), null),
  year: z.number().check(z.int()).check(z.gte(2000)).check(z.lte(2100)),
  kind: z.enum(['organization', 'individual']),
  applicantName: z.string().check(z.trim()).check(z.minLength(1)).check(z.maxLength(200)),
  creditCode: z._default(z.nullable(z.string().check(z.maxLength(18))), null),
  /** SHA-256 of the application file the expert opened, so the office knows which version was read */
  packageSha256: z._default(z.nullable(z.string().check(z.regex(/^[0-9a-f]{64}$/))), null),
});
export type ReviewSubject = z.infer<typeof reviewSubjectSchema>;

export const scorebookSchema = z.strictObject({
  /** stable for the scorebook's life, on every copy (file, office panel, later replication) */
  id: idText,
  /** raised by one on every save of the expert's copy; a file made before the version existed reads as 0 */
  version: z._default(z.number().check(z.int()).check(z.gte(0)).check(z.lte(Number.MAX_SAFE_INTEGER)), 0),
  subject: reviewSubjectSchema,
  expert: expertRefSchema,
  events: z.array(scorebookEventSchema).check(z.maxLength(MAX_EVENTS)),
});
export type Scorebook = z.output<typeof scorebookSchema>;

export interface ItemReview {
  percent: number | null;
  strengths: string;
  opportunities: string;
  verify: string;
}

export interface ScorebookState {
  id: string;
  subject: ReviewSubject;
  expert: ExpertRef;
  declaration: Declaration | null;
  declaredAt: string | null;
  /** declared a conflict: no scores count (回避) */
  recused: boolean;
  items: Record<ItemId, ItemReview>;
  scored: number;
  lastChange: string | null;
}

export interface ScorebookProblem {
  index: number;
  message: Bilingual;
}

export const emptyItemReview = (): ItemReview => ({ percent: null, strengths: '', opportunities: '', verify: '' });

/**
 * The rules every scorebook keeps, checked on every fold (so a file built by hand cannot get round them):
 * event ids unique; every event by the scorebook's own expert; the 回避 declaration before any score or
 * comment, declared once; no score or comment after a declared conflict.
 */
export function scorebookProblems(book: Scorebook): ScorebookProblem[] {
  const problems: ScorebookProblem[] = [];
  const ids = new Set<string>();
  let declared: Declaration | null = null;
  book.events.forEach((e, index) => {
    const say = (zh: string, en: string) => problems.push({ index, message: bi(`第 ${index + 1} 条记录：${zh}`, `Entry ${index + 1}: ${en}`) });
    if (ids.has(e.id)) say(`编号 ${e.id} 重复。`, `id ${e.id} appears twice.`);
    ids.add(e.id);
    if (e.expert !== book.expert.id) say(`不是本评分册专家（${book.expert.name}）的记录。`, `not recorded by this scorebook's expert (${book.expert.name}).`);
    if (e.type === 'declare') {
      if (declared) say('回避声明只能作一次。', 'the conflict-of-interest declaration can be made only once.');
      declared = e.declaration;
    } else if (!declared) {
      say('评分前必须先作回避声明。', 'a conflict-of-interest declaration must come before any scoring.');
    } else if (declared.conflict) {
      say('已声明回避，不能再评分。', 'a conflict was declared, so no scoring may follow.');
    }
  });
  return problems;
}

/** Fold a valid scorebook's events into its state (later events win, field by field). */
export function foldScorebook(book: Scorebook): ScorebookState {
  const items = Object.fromEntries(catalogueItems.map((i) => [i.id, emptyItemReview()])) as Record<ItemId, ItemReview>;
  let declaration: Declaration | null = null;
  let declaredAt: string | null = null;
  let lastChange: string | null = null;
  for (const e of book.events) {
    lastChange = e.at;
    if (e.type === 'declare') {
      if (!declaration) {
        declaration = e.declaration;
        declaredAt = e.at;
      }
    } else if (declaration && !declaration.conflict) {
      if (e.type === 'score') items[e.item].percent = e.percent;
      else items[e.item][e.field] = e.text;
    }
  }
  const scored = catalogueItems.filter((i) => items[i.id].percent !== null).length;
  return { id: book.id, subject: book.subject, expert: book.expert, declaration, declaredAt, recused: declaration?.conflict ?? false, items, scored, lastChange };
}

/** Validate unknown data as a scorebook (schema, then the rules); never throws. */
export function parseScorebook(data: unknown): { ok: true; book: Scorebook; state: ScorebookState } | { ok: false; errors: EnvelopeProblem[] } {
  const parsed = scorebookSchema.safeParse(data);
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.slice(0, 20).map((issue) => {
        const path = issue.path.map(String).join('.');
        return { path, message: bi(`“${path}”无效：${issue.message}`, `"${path}" is invalid: ${issue.message}`) };
      }),
    };
  }
  const problems = scorebookProblems(parsed.data);
  if (problems.length) return { ok: false, errors: problems.slice(0, 20).map((p) => ({ path: `events[${p.index}]`, message: p.message })) };
  return { ok: true, book: parsed.data, state: foldScorebook(parsed.data) };
}

/**
 * The changes between a scorebook's state and what the expert now has on screen, as new events
 * (one per changed score or text). Autosave appends these; nothing is rewritten.
 */
export function diffEvents(state: ScorebookState, wanted: Partial<Record<ItemId, Partial<ItemReview>>>, make: { expert: string; at: string; id: () => string }): ScorebookEvent[] {
  const events: ScorebookEvent[] = [];
  for (const item of catalogueItems) {
    const next = wanted[item.id];
    if (!next) continue;
    const now = state.items[item.id];
    if (next.percent !== undefined && next.percent !== now.percent) {
      events.push({ id: make.id(), expert: make.expert, at: make.at, type: 'score', item: item.id, percent: next.percent });
    }
    for (const field of commentFields) {
      const text = next[field];
      if (text !== undefined && text !== now[field]) events.push({ id: make.id(), expert: make.expert, at: make.at, type: 'comment', item: item.id, field, text });
    }
  }
  return events;
}

export type ScorebookFile = Envelope<typeof SCOREBOOK_FORMAT, Scorebook>;

export function exportScorebook(book: Scorebook, now?: Date): Promise<ScorebookFile> {
  return sealEnvelope(SCOREBOOK_FORMAT, book, now);
}

export function scorebookFileName(book: Scorebook): string {
  const safe = (s: string) => s.replace(/[\\/:*?"<>|\s]+/g, '_').slice(0, 40);
  return `评分册-${safe(book.subject.applicantName)}-${safe(book.expert.name)}.json`;
}

/** Read a scorebook file: envelope, checksum, schema and rules. Nothing is written here. */
export async function readScorebookFile(input: unknown): Promise<{ ok: true; book: Scorebook; state: ScorebookState; sha256: string } | { ok: false; errors: EnvelopeProblem[] }> {
  const opened = await openEnvelope(input, SCOREBOOK_FORMAT, bi('评分册', 'scorebook'));
  if (!opened.ok) return opened;
  const parsed = parseScorebook(opened.data);
  if (!parsed.ok) return parsed;
  return { ...parsed, sha256: opened.sha256 };
}

// the exported schemas' .parse throws the classic ZodError, as with full zod (issue 19)
throwZodErrorOnParse(itemIdSchema, scorebookEventSchema, expertRefSchema, reviewSubjectSchema, scorebookSchema);
