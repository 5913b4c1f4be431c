import { z } from 'zod';
import { citeWritten } from '../core/articles.ts';
import { bi, type Bilingual } from '../core/i18n.ts';
import { defaultPolicy, policyPackSchema, type PolicyPack } from '../policy/index.ts';
import { caseEventLogSchema, parseCaseEventLog, type ApplicantKind, type CaseEvent, type CaseEventInput, type Tier } from '../../machines/case.events.ts';
import { CaseFold, startFold, type CaseGate, type CaseView, type ReplayOptions } from './replay.ts';
import { joinBilingual, refuseOverQuota, tierTitle } from './reasons.ts';
import { forEachByDate } from './merge.ts';

/** A case as staff keep it: its id, award year, applicant kind and event log. */
export interface CaseRecord {
  id: string;
  year: number;
  kind?: ApplicantKind | null | undefined;
  /** Applicant name or credit code, for bans (optional). */
  applicant?: string | null | undefined;
  events: readonly CaseEventInput[];
}

export const caseRecordSchema = z.object({
  id: z.string().min(1, { error: '案件编号不能为空 / the case id must not be empty' }),
  year: z.number({ error: '“year” 必须是年份数字 / "year" must be a year number' }).int().min(1900).max(2999),
  kind: z.enum(['organization', 'individual']).nullable().optional(),
  applicant: z.string().nullable().optional(),
  events: caseEventLogSchema,
});

/** A case record with its log left to parseCaseEventLog. */
export const caseHeaderSchema = caseRecordSchema.extend({ events: z.array(z.unknown(), { error: '事件日志必须是数组 / the event log must be an array' }) });

const caseHeadersSchema = z
  .array(caseHeaderSchema)
  .refine((cases) => new Set(cases.map((c) => c.id)).size === cases.length, {
    error: '案件编号重复 / duplicate case ids',
  });

type ParsedCase = z.output<typeof caseRecordSchema>;

/** caseRecordSchema over a list, with the event logs on the fast path of parseCaseEventLog. */
export const caseRecordsSchema = {
  parse(cases: unknown): ParsedCase[] {
    const headers = caseHeadersSchema.parse(cases);
    return headers.map((c, i) => {
      try {
        return { ...c, events: parseCaseEventLog(c.events) };
      } catch (error) {
        if (!(error instanceof z.ZodError)) throw error;
        throw new z.ZodError(error.issues.map((issue) => ({ ...issue, path: [i, 'events', ...issue.path] })));
      }
    });
  },
};

export interface QuotaTally {
  max: number;
  maxIndividuals: number;
  used: number;
  left: number;
  organizations: number;
  individuals: number;
  /** Ids of the cases whose government approval used a place (revoked ones too: no backfill). */
  caseIds: string[];
}

export interface QuotaViolation {
  tier: Tier;
  rule: 'max' | 'maxIndividuals';
  article: string;
  reason: string;
  reasonI18n: Bilingual;
  caseIds: string[];
}

export interface YearSummary {
  year: number;
  award: QuotaTally;
  nomination: QuotaTally;
  violations: QuotaViolation[];
}

export type QuotaCheck = { ok: true } | { ok: false; article: string; reason: string; reasonI18n: Bilingual };

const quotaOf = (policy: PolicyPack, tier: Tier) => (tier === 'award' ? policy.quotas.award : policy.quotas.nomination);

function emptyTally(policy: PolicyPack, tier: Tier): QuotaTally {
  const q = quotaOf(policy, tier);
  return { max: q.max, maxIndividuals: q.maxIndividuals, used: 0, left: q.max, organizations: 0, individuals: 0, caseIds: [] };
}

function count(tally: QuotaTally, kind: ApplicantKind, id: string): void {
  tally.used += 1;
  tally.left = Math.max(0, tally.max - tally.used);
  if (kind === 'individual') tally.individuals += 1;
  else tally.organizations += 1;
  tally.caseIds.push(id);
}

const parsePolicy = (policy: unknown): PolicyPack =>
  policy === undefined || policy === defaultPolicy ? defaultPolicy : policyPackSchema.parse(policy);

/**
 * 第四条: may one more case of this tier and kind be approved, given what the year has used?
 * Mayor award at most 3 (at most 1 individual), Nomination at most 5 (at most 1 individual), from the pack.
 */
export function checkQuota(
  summary: Pick<YearSummary, 'award' | 'nomination'>,
  request: { tier: Tier; kind: ApplicantKind },
  policy: PolicyPack = defaultPolicy,
): QuotaCheck {
  const { tier, kind } = z
    .object({ tier: z.enum(['award', 'nomination']), kind: z.enum(['organization', 'individual']) })
    .parse(request);
  return quotaCheck(summary, tier, kind, parsePolicy(policy));
}

function quotaCheck(summary: Pick<YearSummary, 'award' | 'nomination'>, tier: Tier, kind: ApplicantKind, pack: PolicyPack): QuotaCheck {
  const q = quotaOf(pack, tier);
  const tally = summary[tier];
  const article = q.source.article;
  const full = tally.used >= q.max;
  const individualFull = kind === 'individual' && tally.individuals >= q.maxIndividuals;
  if (!full && !individualFull) return { ok: true };
  const r = refuseOverQuota(tier, kind, article, q.max, q.maxIndividuals, !full && individualFull);
  return { ok: false, article, reason: joinBilingual(r.reasonI18n), reasonI18n: r.reasonI18n };
}

export interface YearCaseView {
  id: string;
  year: number;
  applicant: string | null;
  view: CaseView;
}

export interface YearReplay {
  cases: YearCaseView[];
  /** One summary per award year present, ascending. */
  years: YearSummary[];
}

/**
 * Replays a set of cases year by year, interleaving each year's events by date (ties: input order,
 * then log order), and refuses a `government-approve` that would exceed the 第四条 quota: the first
 * approvals by date keep their places. Each case is otherwise folded exactly as replayCase does.
 */
export function replayYear(cases: readonly CaseRecord[], options?: Pick<ReplayOptions, 'policy' | 'engine'>): YearReplay {
  const parsed = caseRecordsSchema.parse(cases);
  const policy = parsePolicy(options?.policy);
  const opts: ReplayOptions = { policy, ...(options?.engine ? { engine: options.engine } : {}) };
  const byYear = new Map<number, ParsedCase[]>();
  for (const c of parsed) {
    const cohort = byYear.get(c.year);
    if (cohort) cohort.push(c);
    else byYear.set(c.year, [c]);
  }

  const views = new Map<string, CaseView>();
  const years: YearSummary[] = [];
  for (const year of [...byYear.keys()].sort((a, b) => a - b)) {
    const cohort = byYear.get(year)!;
    const summary: YearSummary = { year, award: emptyTally(policy, 'award'), nomination: emptyTally(policy, 'nomination'), violations: [] };
    const folds = cohort.map(() => startFold(opts));
    const gateFor =
      (c: ParsedCase): CaseGate =>
      (_fold: CaseFold, event: CaseEvent, next) => {
        if (event.type !== 'government-approve' || next.stage !== 'awarded') return null;
        const tier = next.context.tier;
        const kind = next.context.kind ?? c.kind ?? null;
        if (!tier || !kind) return null;
        const check = quotaCheck(summary, tier, kind, policy);
        if (!check.ok) {
          return { code: 'over-quota', reasonI18n: check.reasonI18n };
        }
        count(summary[tier], kind, c.id);
        return null;
      };
    const gates = cohort.map(gateFor);
    // Merged by event date (ties: input order), each case's own log order kept.
    forEachByDate(
      cohort.map((c) => c.events),
      (i, index) => folds[i]!.step(cohort[i]!.events[index]!, index, gates[i]),
    );
    cohort.forEach((c, i) => {
      const view = folds[i]!.view();
      // The staff form should not offer an approval the year's quota would refuse (第四条).
      const kind = view.kind ?? c.kind ?? null;
      if (view.stage === 'approval' && view.tier && kind && !quotaCheck(summary, view.tier, kind, policy).ok) {
        view.nextEvents = view.nextEvents.filter((t) => t !== 'government-approve');
      }
      views.set(c.id, view);
    });
    years.push(summary);
  }
  return {
    cases: parsed.map((c) => ({ id: c.id, year: c.year, applicant: c.applicant ?? null, view: views.get(c.id)! })),
    years,
  };
}

/**
 * 第四条 summary of one award year from the cases as recorded (each replayed on its own, no gate),
 * with violations listed when the record holds more approvals than the quota allows.
 */
export function summarizeYear(cases: readonly CaseRecord[], policy: PolicyPack = defaultPolicy): YearSummary {
  const parsed = caseRecordsSchema.parse(cases);
  if (new Set(parsed.map((c) => c.year)).size > 1) {
    throw new z.ZodError([
      {
        code: 'custom',
        path: [],
        input: cases,
        message: '年度汇总只能包含同一年度的案件 / a yearly summary takes the cases of one award year only',
      },
    ]);
  }
  const pack = parsePolicy(policy);
  const year = parsed[0]?.year ?? 0;
  const summary: YearSummary = { year, award: emptyTally(pack, 'award'), nomination: emptyTally(pack, 'nomination'), violations: [] };
  for (const c of parsed) {
    const fold = startFold({ policy: pack });
    c.events.forEach((e, i) => fold.step(e, i));
    const { awardedOn, tier } = fold.context;
    const kind = fold.context.kind ?? c.kind ?? null;
    if (awardedOn && tier && kind) count(summary[tier], kind, c.id);
  }
  for (const tier of ['award', 'nomination'] as const) {
    const q = quotaOf(pack, tier);
    const tally = summary[tier];
    const t = tierTitle[tier];
    const article = q.source.article;
    if (tally.used > q.max) {
      const reasonI18n = bi(
        `${year} 年${t.zh}批准 ${tally.used} 个，超过每年 ${q.max} 个的上限（${article}）`,
        `${year}: ${tally.used} ${t.en}s approved, over the limit of ${q.max} a year (${citeWritten(article).en})`,
      );
      summary.violations.push({ tier, rule: 'max', article, reason: joinBilingual(reasonI18n), reasonI18n, caseIds: [...tally.caseIds] });
    }
    if (tally.individuals > q.maxIndividuals) {
      const reasonI18n = bi(
        `${year} 年${t.zh}授予个人 ${tally.individuals} 名，超过每年 ${q.maxIndividuals} 名的上限（${article}）`,
        `${year}: ${tally.individuals} individuals got the ${t.en}, over the limit of ${q.maxIndividuals} a year (${citeWritten(article).en})`,
      );
      summary.violations.push({ tier, rule: 'maxIndividuals', article, reason: joinBilingual(reasonI18n), reasonI18n, caseIds: [...tally.caseIds] });
    }
  }
  return summary;
}
