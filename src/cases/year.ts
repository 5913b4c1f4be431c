import { z } from '../core/zod-mini.ts';
import { isZodError, parseOrThrow, throwZodErrorOnParse, zodError } from '../core/zod-contract.ts';
import { citeWritten } from '../core/articles.ts';
import { bi, type Bilingual } from '../core/i18n.ts';
import { defaultPolicy, policyPackSchema, type PolicyPack } from '../policy/index.ts';
import type { AwardPack } from '../policy/schema.ts';
import { caseEventLogSchema, parseCaseEventLog, type ApplicantKind, type CaseEvent, type CaseEventInput, type Tier } from '../../machines/case.events.ts';
import { CaseFold, startFold, type CaseGate, type CaseView, type ReplayOptions } from './replay.ts';
import { joinBilingual, refuseOverQuota } from './reasons.ts';
import { knownPack, type AwardRef } from '../awards/index.ts';
import { tierTitlesFor } from '../../machines/case.stages.ts';
import { forEachByDate } from './merge.ts';

/** A case as staff keep it: its id, award year, applicant kind and event log. */
export interface CaseRecord {
  id: string;
  year: number;
  kind?: ApplicantKind | null | undefined;
  /** Applicant name or credit code, for bans (optional). */
  applicant?: string | null | undefined;
  /** The award and version the case is judged by (issue 16); left out: the award given to replayYear (default Lianyungang). */
  award?: AwardRef | null | undefined;
  events: readonly CaseEventInput[];
}

export const caseRecordSchema = z.object({
  id: z.string().check(z.minLength(1, { error: '案件编号不能为空 / the case id must not be empty' })),
  year: z.number({ error: '“year” 必须是年份数字 / "year" must be a year number' }).check(z.int()).check(z.gte(1900)).check(z.lte(2999)),
  kind: z.optional(z.nullable(z.enum(['organization', 'individual']))),
  applicant: z.optional(z.nullable(z.string())),
  award: z.optional(z.nullable(z.object({ awardId: z.string(), versionId: z.string() }))),
  events: caseEventLogSchema,
});

/** A case record with its log left to parseCaseEventLog. */
export const caseHeaderSchema = z.extend(caseRecordSchema, { events: z.array(z.unknown(), { error: '事件日志必须是数组 / the event log must be an array' }) });

const caseHeadersSchema = z.array(caseHeaderSchema).check(z.refine((cases) => new Set(cases.map((c) => c.id)).size === cases.length, {
    error: '案件编号重复 / duplicate case ids',
  }));

type ParsedCase = z.output<typeof caseRecordSchema>;

/** caseRecordSchema over a list, with the event logs on the fast path of parseCaseEventLog. */
export const caseRecordsSchema = {
  parse(cases: unknown): ParsedCase[] {
    const headers = parseOrThrow(caseHeadersSchema, cases);
    return headers.map((c, i) => {
      try {
        return { ...c, events: parseCaseEventLog(c.events) };
      } catch (error) {
        if (!isZodError(error)) throw error;
        throw zodError(error.issues.map((issue) => ({ ...issue, path: [i, 'events', ...issue.path] })));
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

/** One award's 第四条 places in a year (issue 16): its versions share them unless their numbers differ. */
export interface AwardQuotaPool {
  awardId: string;
  /** the versions counted here, in first-seen order */
  versionIds: string[];
  name: Bilingual;
  /** the article that sets the quotas (Lianyungang 第四条, Jiangsu 第三条) */
  article: string;
  award: QuotaTally;
  nomination: QuotaTally;
}

export interface YearSummary {
  year: number;
  /** the tallies of the given award (default Lianyungang), as before issue 16 */
  award: QuotaTally;
  nomination: QuotaTally;
  /** violations of every award's quotas */
  violations: QuotaViolation[];
  /** one entry per award (and per version where the quota numbers differ) present, the given award's first */
  pools: AwardQuotaPool[];
}

export type QuotaCheck = { ok: true } | { ok: false; article: string; reason: string; reasonI18n: Bilingual };

const quotaOf = (policy: AwardPack, tier: Tier) => (tier === 'award' ? policy.quotas.award : policy.quotas.nomination);

function emptyTally(policy: AwardPack, tier: Tier): QuotaTally {
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
  policy === undefined || policy === defaultPolicy ? defaultPolicy : parseOrThrow(policyPackSchema, policy);

/**
 * The quota pool a pack counts in: its award, and its quota numbers (issue 16). Versions of one award
 * with the same numbers share the year's places; a version whose numbers differ counts apart.
 */
export function quotaPoolKey(pack: AwardPack): string {
  const { award, nomination } = pack.quotas;
  return `${pack.award.id}|${award.max}/${award.maxIndividuals}|${nomination.max}/${nomination.maxIndividuals}`;
}

interface Pool {
  pack: AwardPack;
  summary: AwardQuotaPool;
}

/** The year's pools, the given award's always present (its tallies are YearSummary.award/nomination). */
class Pools {
  private readonly byKey = new Map<string, Pool>();
  readonly main: Pool;
  constructor(main: AwardPack) {
    this.main = this.of(main);
    this.main.summary.versionIds.length = 0;
  }
  of(pack: AwardPack): Pool {
    const key = quotaPoolKey(pack);
    let pool = this.byKey.get(key);
    if (!pool) {
      pool = {
        pack,
        summary: {
          awardId: pack.award.id,
          versionIds: [],
          name: pack.award.name,
          article: pack.quotas.award.source.article,
          award: emptyTally(pack, 'award'),
          nomination: emptyTally(pack, 'nomination'),
        },
      };
      this.byKey.set(key, pool);
    }
    if (!pool.summary.versionIds.includes(pack.version.id)) pool.summary.versionIds.push(pack.version.id);
    return pool;
  }
  /** the pools other than the given award's, in first-seen order */
  others(): Pool[] {
    return [...this.byKey.values()].filter((p) => p !== this.main);
  }
  summary(year: number, violations: QuotaViolation[] = []): YearSummary {
    const main = this.main.summary;
    // the given award counts its own version only when one of its cases is there
    const pools = [...this.byKey.values()].map((p) => p.summary).filter((p) => p === main || p.versionIds.length > 0);
    return { year, award: main.award, nomination: main.nomination, violations, pools };
  }
}

/** The pack a case is judged and counted by: the award and version it records, else the given one. */
function packOfCase(c: ParsedCase, index: number, fallback: AwardPack): AwardPack {
  if (!c.award) return fallback;
  const pack = knownPack(c.award);
  if (!pack) {
    throw zodError([
      {
        code: 'custom',
        path: [index, 'award'],
        input: c.award,
        message: `本助手的这一版本没有收录案件“${c.id}”适用的奖项版本（${c.award.awardId}/${c.award.versionId}） / this version of Award Pilot does not include the award version of case "${c.id}" (${c.award.awardId}/${c.award.versionId})`,
      },
    ]);
  }
  return pack.id === fallback.id ? fallback : pack;
}

/**
 * 第四条: may one more case of this tier and kind be approved, given what the year has used?
 * Mayor award at most 3 (at most 1 individual), Nomination at most 5 (at most 1 individual), from the pack.
 */
export function checkQuota(
  summary: Pick<YearSummary, 'award' | 'nomination'>,
  request: { tier: Tier; kind: ApplicantKind },
  policy: PolicyPack = defaultPolicy,
): QuotaCheck {
  const { tier, kind } = parseOrThrow(z.object({ tier: z.enum(['award', 'nomination']), kind: z.enum(['organization', 'individual']) }), request);
  return quotaCheck(summary, tier, kind, parsePolicy(policy));
}

function quotaCheck(summary: Pick<YearSummary, 'award' | 'nomination'>, tier: Tier, kind: ApplicantKind, pack: AwardPack): QuotaCheck {
  const q = quotaOf(pack, tier);
  const tally = summary[tier];
  const article = q.source.article;
  const full = tally.used >= q.max;
  const individualFull = kind === 'individual' && tally.individuals >= q.maxIndividuals;
  if (!full && !individualFull) return { ok: true };
  const r = refuseOverQuota(tier, kind, article, q.max, q.maxIndividuals, !full && individualFull, tierTitlesFor(pack.award));
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

  const index = new Map(parsed.map((c, i) => [c, i]));
  const views = new Map<string, CaseView>();
  const years: YearSummary[] = [];
  for (const year of [...byYear.keys()].sort((a, b) => a - b)) {
    const cohort = byYear.get(year)!;
    const pools = new Pools(policy);
    // each case judged by its own award's measures, counted in its own award's places (issue 16)
    const packs = cohort.map((c) => packOfCase(c, index.get(c)!, policy));
    const poolOf = packs.map((pack) => pools.of(pack));
    const folds = cohort.map((_, i) => startFold({ ...opts, policy: packs[i]! }));
    const gateFor =
      (c: ParsedCase, i: number): CaseGate =>
      (_fold: CaseFold, event: CaseEvent, next) => {
        if (event.type !== 'government-approve' || next.stage !== 'awarded') return null;
        const tier = next.context.tier;
        const kind = next.context.kind ?? c.kind ?? null;
        if (!tier || !kind) return null;
        const pool = poolOf[i]!;
        const check = quotaCheck(pool.summary, tier, kind, pool.pack);
        if (!check.ok) {
          return { code: 'over-quota', reasonI18n: check.reasonI18n };
        }
        count(pool.summary[tier], kind, c.id);
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
      const pool = poolOf[i]!;
      if (view.stage === 'approval' && view.tier && kind && !quotaCheck(pool.summary, view.tier, kind, pool.pack).ok) {
        view.nextEvents = view.nextEvents.filter((t) => t !== 'government-approve');
      }
      views.set(c.id, view);
    });
    years.push(pools.summary(year));
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
    throw zodError([
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
  const pools = new Pools(pack);
  parsed.forEach((c, i) => {
    const own = packOfCase(c, i, pack);
    const fold = startFold({ policy: own });
    c.events.forEach((e, i) => fold.step(e, i));
    const { awardedOn, tier } = fold.context;
    const kind = fold.context.kind ?? c.kind ?? null;
    const pool = pools.of(own);
    if (awardedOn && tier && kind) count(pool.summary[tier], kind, c.id);
  });
  const violations: QuotaViolation[] = [];
  for (const { pack: own, summary: poolSummary } of [pools.main, ...pools.others()]) {
    const tiers = tierTitlesFor(own.award);
    for (const tier of ['award', 'nomination'] as const) {
      const q = quotaOf(own, tier);
      const tally = poolSummary[tier];
      const t = tiers[tier];
      const article = q.source.article;
      if (tally.used > q.max) {
        const reasonI18n = bi(
          `${year} 年${t.zh}批准 ${tally.used} 个，超过每年 ${q.max} 个的上限（${article}）`,
          `${year}: ${tally.used} ${t.en}s approved, over the limit of ${q.max} a year (${citeWritten(article).en})`,
        );
        violations.push({ tier, rule: 'max', article, reason: joinBilingual(reasonI18n), reasonI18n, caseIds: [...tally.caseIds] });
      }
      if (tally.individuals > q.maxIndividuals) {
        const reasonI18n = bi(
          `${year} 年${t.zh}授予个人 ${tally.individuals} 名，超过每年 ${q.maxIndividuals} 名的上限（${article}）`,
          `${year}: ${tally.individuals} individuals got the ${t.en}, over the limit of ${q.maxIndividuals} a year (${citeWritten(article).en})`,
        );
        violations.push({ tier, rule: 'maxIndividuals', article, reason: joinBilingual(reasonI18n), reasonI18n, caseIds: [...tally.caseIds] });
      }
    }
  }
  const summary = pools.summary(year, violations);
  return summary;
}

// the exported schemas' .parse throws the classic ZodError, as with full zod (issue 19)
throwZodErrorOnParse(caseRecordSchema, caseHeaderSchema);
