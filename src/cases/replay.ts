import { z } from '../core/zod-mini.ts';
import { parseOrThrow } from '../core/zod-contract.ts';
import { addDays, compareDates, type IsoDate } from '../core/calendar.ts';
import type { Bilingual } from '../core/i18n.ts';
import { defaultPolicy } from '../policy/lianyungang-2021.ts';
import { rewardYuan } from '../policy/rewards.ts';
import { awardPackSchema, type AwardPack } from '../policy/schema.ts';
import {
  parseCaseEventLog,
  type ApplicantKind,
  type CaseEvent,
  type CaseEventInput,
  type CaseEventType,
  type Tier,
} from '../../machines/case.events.ts';
import { initialCaseContext, type CaseContext, type CaseStage } from '../../machines/case.definition.ts';
import { compileCaseDefinition, type CaseTable } from './table.ts';
import {
  guardRefusals,
  joinBilingual,
  refuseClosed,
  refuseOutOfOrder,
  refuseWrongKind,
  refuseWrongStage,
  type Refusal,
  type RefusalCode,
} from './reasons.ts';

/** The lifecycle derived from the machine definition, compiled once without xstate (see table.ts). */
export const caseTable: CaseTable = compileCaseDefinition();

export interface RejectedCaseEvent {
  index: number;
  event: CaseEvent;
  /** "中文 / English" (contract §3). */
  reason: string;
  reasonI18n: Bilingual;
  code: RefusalCode;
}

export interface CaseHistoryEntry {
  index: number;
  event: CaseEvent;
  from: CaseStage;
  /** Stage entered by this event. */
  stage: CaseStage;
}

/** Contract §3 CaseView, plus extra fields (never renamed or dropped). */
export interface CaseView {
  stage: CaseStage;
  tier: Tier | null;
  final: boolean;
  rejected: RejectedCaseEvent[];
  /** Last banned day of a 第十四条/第十五条 ban this case caused (N years decided on D: D+1 through the corresponding day N years on, 民法典 第二百零一条/第二百零二条). */
  banUntil: IsoDate | null;
  banArticle: string | null;
  /** Last locked day of the 第十六条 lock (Mayor award tier only), same end-day convention. */
  lockedUntil: IsoDate | null;
  lockArticle: string | null;
  kind: ApplicantKind | null;
  history: CaseHistoryEntry[];
  /** Date the current stage was entered; null for a case that never left the initial draft. */
  stageSince: IsoDate | null;
  recommendedBy: string | null;
  publicityStartedOn: IsoDate | null;
  /** First day `publicity-end` is accepted: posted 10-01 with 7 days → 10-08 (第十条(五)). */
  publicityEndsOn: IsoDate | null;
  awardedOn: IsoDate | null;
  /** Event types the case accepts now (for the staff "record decision" form). */
  nextEvents: CaseEventType[];
  /** 第十一条 reward for the tier and kind, while the case stands awarded. */
  tierRewardYuan: number | null;
}

export interface ReplayOptions {
  policy?: AwardPack;
  /** `table` (default, compiled from the machine) or `xstate` (xstate's own transition(); slower, same answer). */
  engine?: 'table' | 'xstate';
}

const replayOptionsSchema = z.optional(z.object({
    policy: z.optional(z.unknown()),
    engine: z.optional(z.enum(['table', 'xstate'])),
  }));

/** An xstate snapshot, opaque here: only ./xstate-engine.ts (which loads xstate) reads it. */
type CaseSnapshot = { readonly xstate: unknown };

/**
 * xstate's own transition(), the reference engine of the parity tests and the bench. Registered by
 * importing ./xstate-engine.ts, so pages that only replay never load xstate (issue 19).
 */
export interface XStateEngine {
  initial(policy: AwardPack): CaseSnapshot;
  /** The next snapshot, or null when the machine does not take the event. */
  decide(snapshot: CaseSnapshot, event: CaseEvent): { stage: CaseStage; context: CaseContext; snapshot: CaseSnapshot } | null;
}
let xstateEngine: XStateEngine | null = null;
export function registerXStateEngine(engine: XStateEngine): void {
  xstateEngine = engine;
}

interface PolicyRuntime {
  policy: AwardPack;
  context: CaseContext;
  snapshot?: CaseSnapshot;
}

const runtimes = new WeakMap<object, PolicyRuntime>();

function runtimeFor(policyInput: unknown): PolicyRuntime {
  const key = (policyInput ?? defaultPolicy) as object;
  const cached = runtimes.get(key);
  if (cached) return cached;
  const policy = policyInput === undefined ? defaultPolicy : parseOrThrow(awardPackSchema, policyInput);
  const runtime: PolicyRuntime = { policy, context: initialCaseContext({ policy }) };
  runtimes.set(key, runtime);
  return runtime;
}

/** Decides one event against the current stage; returns the next stage and context, or why not. */
type Decision = { ok: true; stage: CaseStage; context: CaseContext; snapshot: CaseSnapshot | null } | { ok: false; refusal: Refusal };

/** Date guards are probed with a far-future date: "could this event be accepted from now on?" */
const FAR_FUTURE: IsoDate = '2999-12-31';
const probes = new Map<CaseEventType, CaseEvent>();
const probeFor = (type: CaseEventType): CaseEvent => {
  let probe = probes.get(type);
  if (!probe) probes.set(type, (probe = { type, on: FAR_FUTURE } as CaseEvent));
  return probe;
};

/** Event types with a transition whose guard can pass now (date guards are probed with a far-future date). */
export function acceptedEventTypes(stage: CaseStage, context: CaseContext): CaseEventType[] {
  if (caseTable.finals.has(stage)) return [];
  const out: CaseEventType[] = [];
  for (const [type, candidates] of caseTable.on.get(stage) ?? []) {
    const event = probeFor(type);
    if (candidates.some((t) => !t.guard || caseTable.guards[t.guard]!({ context, event }))) out.push(type);
  }
  return out;
}

function explainRefusal(stage: CaseStage, context: CaseContext, event: CaseEvent): Refusal {
  const only = caseTable.kindOnly.get(event.type);
  if (only && context.kind && context.kind !== only) return refuseWrongKind(event, only, context.rules.articles.review);
  const candidates = caseTable.on.get(stage)?.get(event.type);
  const failed = candidates?.find((t) => t.guard && !caseTable.guards[t.guard]!({ context, event }));
  if (failed?.guard) {
    const explain = guardRefusals[failed.guard];
    if (explain) return explain(context, event);
  }
  return refuseWrongStage(stage, event, acceptedEventTypes(stage, context), context.rules, context.rules.stageTitles);
}

function decideByTable(stage: CaseStage, context: CaseContext, event: CaseEvent): Decision {
  const candidates = caseTable.on.get(stage)?.get(event.type);
  if (candidates) {
    for (const t of candidates) {
      if (t.guard && !caseTable.guards[t.guard]!({ context, event })) continue;
      let next = context;
      for (const assign of t.assigners) next = { ...next, ...assign({ context: next, event }) };
      return { ok: true, stage: t.target, context: next, snapshot: null };
    }
  }
  return { ok: false, refusal: explainRefusal(stage, context, event) };
}

function decideByXState(snapshot: CaseSnapshot, stage: CaseStage, context: CaseContext, event: CaseEvent): Decision {
  const next = xstateEngine!.decide(snapshot, event);
  if (!next) return { ok: false, refusal: explainRefusal(stage, context, event) };
  return { ok: true, ...next };
}

/** A gate can refuse an event the machine would accept (the year fold uses it for 第四条 quotas). */
export type CaseGate = (fold: CaseFold, event: CaseEvent, next: { stage: CaseStage; context: CaseContext }) => Refusal | null;

/** The incremental fold behind replayCase (and replayYear, which interleaves a year's cases by date). */
export class CaseFold {
  stage: CaseStage;
  context: CaseContext;
  lastOn: IsoDate | null = null;
  stageSince: IsoDate | null = null;
  readonly history: CaseHistoryEntry[] = [];
  readonly rejected: RejectedCaseEvent[] = [];
  private snapshot: CaseSnapshot | null;
  private readonly policy: AwardPack;

  constructor(runtime: PolicyRuntime, engine: 'table' | 'xstate') {
    this.policy = runtime.policy;
    this.stage = caseTable.initial;
    this.context = runtime.context;
    if (engine === 'xstate' && !xstateEngine) throw new Error('replay engine "xstate": import src/cases/xstate-engine.ts first');
    this.snapshot = engine === 'xstate' ? (runtime.snapshot ??= xstateEngine!.initial(runtime.policy)) : null;
  }

  get final(): boolean {
    return caseTable.finals.has(this.stage);
  }

  /** Applies one validated event; returns whether it was accepted. */
  step(event: CaseEvent, index: number, gate?: CaseGate): boolean {
    const decision: Decision = this.final
      ? { ok: false, refusal: refuseClosed(this.stage) }
      : this.lastOn !== null && compareDates(event.on, this.lastOn) < 0
        ? { ok: false, refusal: refuseOutOfOrder(event.on, this.lastOn) }
        : this.snapshot
          ? decideByXState(this.snapshot, this.stage, this.context, event)
          : decideByTable(this.stage, this.context, event);
    const refusal = decision.ok ? (gate?.(this, event, decision) ?? null) : decision.refusal;
    if (refusal || !decision.ok) {
      const r = refusal ?? refuseClosed(this.stage);
      this.rejected.push({ index, event, reason: joinBilingual(r.reasonI18n), reasonI18n: r.reasonI18n, code: r.code });
      return false;
    }
    this.history.push({ index, event, from: this.stage, stage: decision.stage });
    if (decision.stage !== this.stage) this.stageSince = event.on;
    this.stage = decision.stage;
    this.context = decision.context;
    if (this.snapshot) this.snapshot = decision.snapshot;
    this.lastOn = event.on;
    return true;
  }

  view(): CaseView {
    const c = this.context;
    const tierRewardYuan = this.stage === 'awarded' && c.tier && c.kind ? rewardYuan(this.policy, c.tier, c.kind) : null;
    return {
      stage: this.stage,
      tier: c.tier,
      final: this.final,
      rejected: this.rejected,
      banUntil: c.banUntil,
      banArticle: c.banArticle,
      lockedUntil: c.lockedUntil,
      lockArticle: c.lockedUntil ? c.rules.articles.mayorAward : null,
      kind: c.kind,
      history: this.history,
      stageSince: this.stageSince,
      recommendedBy: c.recommendedBy,
      publicityStartedOn: c.publicityStartedOn,
      publicityEndsOn: c.publicityStartedOn ? addDays(c.publicityStartedOn, c.rules.publicityDays) : null,
      awardedOn: c.awardedOn,
      nextEvents: acceptedEventTypes(this.stage, c),
      tierRewardYuan,
    };
  }
}

export function startFold(options?: ReplayOptions): CaseFold {
  const opts = parseOrThrow(replayOptionsSchema, options);
  return new CaseFold(runtimeFor(opts?.policy), opts?.engine ?? 'table');
}

/** The validated (normalised) event log: `on` always an ISO date. Throws ZodError on a malformed log. */
export const parseCaseEvents = (events: unknown): CaseEvent[] => parseCaseEventLog(events);

/**
 * Contract §3: folds the event log through the case machine. Pure: no actors, no side effects.
 * Throws ZodError on a malformed log; a well-formed log never throws, refused events go to `rejected`.
 */
export function replayCase(events: readonly CaseEventInput[], options?: ReplayOptions): CaseView {
  const log = parseCaseEvents(events);
  const fold = startFold(options);
  log.forEach((event, index) => fold.step(event, index));
  return fold.view();
}

/**
 * The view of a log that already replayed (so it is well formed and in canonical form, as stored) with
 * one checked event appended: one fold, without validating the log again. Recording a staff event
 * replays its case once with this (issue 19); test/unit/cases/replay-appended.test.ts checks it equals
 * replayCase of the whole log.
 */
export function replayWithAppended(replayedLog: readonly CaseEvent[], event: CaseEvent, options?: ReplayOptions): CaseView {
  const fold = startFold(options);
  replayedLog.forEach((e, index) => fold.step(e, index));
  fold.step(event, replayedLog.length);
  return fold.view();
}
