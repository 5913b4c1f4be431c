import { addDays, compareDates, type IsoDate } from "../src/core/dates.ts";
import { lastDayOfYears } from "../src/core/periods.ts";
import type { Bilingual } from "../src/core/i18n.ts";
import { defaultPolicy } from "../src/policy/index.ts";
import type { AwardPack } from "../src/policy/schema.ts";
import type { ApplicantKind, CaseEvent, Tier } from "./case.events.ts";
import { stageTitles, stageTitlesFor, tierTitlesFor, type CaseStage } from "./case.stages.ts";

/**
 * The award lifecycle of one case (第十条, with 第五条–第七条 for who acts, 第十四条–第十六条 for
 * bans and locks). Flat on purpose: every stage is a top-level state whose id is the contract's
 * CaseView.stage, so the staff diagram, SCXML and BPMN exports can walk it directly.
 *
 * Outcome mapping (decided here, see docs in src/cases/index.ts):
 * - decline (recommender)                  → not-recommended  第七条
 * - reject (qualification review)          → not-accepted     第十条(二)
 * - fail-material-review, not-proposed,
 *   committee-reject, government-reject    → not-selected     第十条(三)–(六)
 * - publicity-objection-upheld             → disqualified     第十条(五), no backfill
 * - false-material-found (before award)    → disqualified     第十四条 + ban
 * - withdraw (before government approval)  → withdrawn
 * - revoke (after award)                   → revoked          第十四条 (fraud) / 第十五条 (incident) + ban
 *
 * Ban end-day convention (民法典 第二百零一条/第二百零二条): a ban of N years decided on D starts on D+1
 * and its last day is the corresponding day N years on (the month's last day where there is none);
 * banUntil / lockedUntil hold that last banned day (the applicant may apply again the day after).
 */

/** The numbers (and their articles) the machine reads from the policy pack. */
export interface CaseRules {
  /** 0 when the award's measures as known give no publicity period (then none is enforced). */
  publicityDays: number;
  /** `null`: the award's ban clauses are unverified, so no ban is recorded (never a guessed one). */
  falseMaterialYears: number | null;
  fraudRevocationYears: number | null;
  incidentRevocationYears: number | null;
  mayorAwardLockYears: number | null;
  /** who gives the final approval in the award's words (第十条（六）: 市政府); null where its measures as known name none */
  approver: { zh: string; en: string } | null;
  /** the stage names in the award's own words (its committee, its approver), for refusals */
  stageTitles: Record<CaseStage, Bilingual>;
  /** the tier names in the award's own words (市长质量奖 / 市长质量奖提名奖), for refusals */
  tierTitles: Record<Tier, Bilingual>;
  articles: {
    publicity: string;
    falseMaterial: string;
    fraud: string;
    incident: string;
    mayorAward: string;
    quota: string;
    /** 第十条(三) for Lianyungang: on-site review for organisations, presentation for individuals */
    review: string;
  };
}

/** Where the award's measures as known give no source for a rule: said so, never a borrowed article. */
export const unverifiedArticle = "条款未核实";

export function caseRulesFrom(policy: AwardPack): CaseRules {
  const art = (
    src: { article: string; clause?: string | undefined } | undefined,
    fallback: string = unverifiedArticle
  ) => (src ? `${src.article}${src.clause ?? ""}` : fallback);
  return {
    publicityDays: policy.lifecycle.publicityDays ?? 0,
    falseMaterialYears: policy.bans?.falseMaterialYears ?? null,
    fraudRevocationYears: policy.bans?.fraudRevocationYears ?? null,
    incidentRevocationYears: policy.bans?.incidentRevocationYears ?? null,
    mayorAwardLockYears: policy.bans?.mayorAwardLockYears ?? null,
    approver: policy.award.terms.approver ?? null,
    stageTitles: stageTitlesFor(policy.award),
    tierTitles: tierTitlesFor(policy.award),
    articles: {
      publicity: art(policy.lifecycle.sources["publicity"]),
      falseMaterial: art(policy.bans?.sources["falseMaterial"]),
      fraud: art(policy.bans?.sources["fraud"]),
      incident: art(policy.bans?.sources["incident"]),
      mayorAward: art(policy.bans?.sources["mayorAward"]),
      quota: art(policy.quotas.award.source),
      review: art(policy.lifecycle.sources["review"]),
    },
  };
}

export interface CaseContext {
  rules: CaseRules;
  kind: ApplicantKind | null;
  tier: Tier | null;
  recommendedBy: string | null;
  publicityStartedOn: IsoDate | null;
  awardedOn: IsoDate | null;
  /** Last banned day of a 第十四条/第十五条 ban this case caused. */
  banUntil: IsoDate | null;
  banArticle: string | null;
  /** Last locked day of the 第十六条 lock after a Mayor award (award tier only). */
  lockedUntil: IsoDate | null;
}

export interface CaseMachineInput {
  policy?: AwardPack;
}

/** Who acts in a stage; `review: true` marks the stages a reviewer works on (BPMN user tasks). */
export interface StageMeta {
  title: Bilingual;
  article: string;
  actor:
    | "applicant"
    | "recommender"
    | "office"
    | "experts"
    | "committee"
    | "public"
    | "government"
    | null;
  review: boolean;
}

/** Last banned day for a ban of `years` decided on `on` (see the convention above). */
export const lastBannedDay = (on: IsoDate, years: number): IsoDate =>
  lastDayOfYears(on, years);
const lastBannedDayIfKnown = (
  on: IsoDate,
  years: number | null
): IsoDate | null => (years === null ? null : lastDayOfYears(on, years));

/**
 * A stage's article as the default award's data writes it (第十条(五), 第十条(五) / 第十四条): the meta holds
 * the default award's numbering, which views and exports re-cite in the case's own award (`recite`). The
 * numbers live in the award's data (src/awards/lianyungang-mayor), never in this file.
 */
const stageSource = (ref: string): { article: string; clause?: string | undefined } => {
  const p = defaultPolicy;
  const found = [
    ...Object.values(p.lifecycle.sources),
    ...Object.values(p.bans.sources),
  ].find((s) => s.ref === ref);
  if (!found) throw new Error(`the default award's data gives no article for ${ref}`);
  return found;
};
const stageArticle = (...refs: string[]): string =>
  refs
    .map((r) => {
      const s = stageSource(r);
      return `${s.article}${s.clause ?? ""}`;
    })
    .join(" / ");
const stageArticleRange = (from: string, to: string): string => {
  const [a, b] = [stageSource(from), stageSource(to)];
  return `${a.article}${a.clause ?? ""}–${b.clause ?? ""}`;
};

const meta = (
  title: Bilingual,
  article: string,
  actor: StageMeta["actor"],
  review = false
): StageMeta => ({
  title,
  article,
  actor,
  review,
});

/** Before the award: the applicant may withdraw, and false material disqualifies with a ban (第十四条). */
const beforeApproval = {
  withdraw: { target: "withdrawn" },
  "false-material-found": {
    target: "disqualified",
    actions: "banForFalseMaterial",
  },
} as const;

type Args = { context: CaseContext; event: CaseEvent };

/**
 * The machine's named guards (plain functions of context and event). Kept here, apart from xstate,
 * so the staff page folds cases with the compiled table without loading xstate (issue 19).
 */
export const caseGuards = {
  /** 第十条(三): on-site review is for organisations. */
  isOrganization: ({ context }: Args) => context.kind === "organization",
  /** 第十条(三): individuals present on site instead. */
  isIndividual: ({ context }: Args) => context.kind === "individual",
  /** 第十条(五): publicity lasts at least publicityDays full days (posted 10-01 → may end 10-08 for 7). */
  publicityRanItsDays: ({ context, event }: Args) =>
    context.publicityStartedOn !== null &&
    compareDates(
      event.on,
      addDays(context.publicityStartedOn, context.rules.publicityDays)
    ) >= 0,
  /** 第十四条 needs material to be false: only once the case has been filed. */
  hasFiled: ({ context }: Args) => context.kind !== null,
} satisfies Record<string, (args: Args) => boolean>;

type Assigner = (args: Args) => unknown;

/** The machine's assign actions, as property assigners: the machine wraps each in xstate's assign(). */
export const caseAssignments = {
  recordKind: {
    kind: ({ event }) => (event.type === "apply" ? event.kind : null),
  },
  recordRecommender: {
    recommendedBy: ({ event }) =>
      event.type === "recommend" ? event.by : null,
  },
  recordTier: {
    tier: ({ event }) => (event.type === "propose" ? event.tier : null),
  },
  startPublicity: { publicityStartedOn: ({ event }) => event.on },
  /** 第十六条: a Mayor award locks new applications; a Nomination award locks nothing. */
  recordAward: {
    awardedOn: ({ event }) => event.on,
    lockedUntil: ({ context, event }) =>
      context.tier === "award"
        ? lastBannedDayIfKnown(event.on, context.rules.mayorAwardLockYears)
        : null,
  },
  /** 第十四条: false material → disqualified, no application for falseMaterialYears. */
  banForFalseMaterial: {
    banUntil: ({ context, event }) =>
      lastBannedDayIfKnown(event.on, context.rules.falseMaterialYears),
    banArticle: ({ context }) => context.rules.articles.falseMaterial,
  },
  /** 第十四条 (fraud) / 第十五条 (incident): revoked → no application for N years from revocation. */
  banForRevocation: {
    banUntil: ({ context, event }) =>
      lastBannedDayIfKnown(
        event.on,
        event.type === "revoke" && event.reason === "incident"
          ? context.rules.incidentRevocationYears
          : context.rules.fraudRevocationYears
      ),
    banArticle: ({ context, event }) =>
      event.type === "revoke" && event.reason === "incident"
        ? context.rules.articles.incident
        : context.rules.articles.fraud,
  },
} satisfies Record<string, Partial<Record<keyof CaseContext, Assigner>>>;

export type CaseActionName = keyof typeof caseAssignments;
export type CaseGuardName = keyof typeof caseGuards;

/** The machine's initial context for a policy (第十条 rules read from the award pack). */
export const initialCaseContext = (
  input: CaseMachineInput | undefined
): CaseContext => ({
  rules: caseRulesFrom(input?.policy ?? defaultPolicy),
  kind: null,
  tier: null,
  recommendedBy: null,
  publicityStartedOn: null,
  awardedOn: null,
  banUntil: null,
  banArticle: null,
  lockedUntil: null,
});

/** One transition as written in the machine: a target stage, an optional named guard, named assign actions. */
export interface CaseTransitionDef {
  target: string;
  guard?: CaseGuardName;
  actions?: CaseActionName;
}

export interface CaseStateDef {
  type?: "final";
  meta: StageMeta;
  on?: Record<string, CaseTransitionDef | readonly CaseTransitionDef[]>;
}

/** The stages and transitions of the machine: xstate's createMachine and the compiled table both read this. */
export const caseStates = {
  draft: {
    meta: meta(stageTitles.draft, stageArticle("10.1"), "applicant"),
    on: {
      apply: { target: "recommendation", actions: "recordKind" },
      withdraw: { target: "withdrawn" },
      "false-material-found": {
        target: "disqualified",
        guard: "hasFiled",
        actions: "banForFalseMaterial",
      },
    },
  },
  recommendation: {
    meta: meta(stageTitles.recommendation, stageArticle("7"), "recommender", true),
    on: {
      return: { target: "draft" },
      recommend: {
        target: "qualification-review",
        actions: "recordRecommender",
      },
      decline: { target: "not-recommended" },
      ...beforeApproval,
    },
  },
  "qualification-review": {
    meta: meta(
      stageTitles["qualification-review"],
      stageArticle("10.2"),
      "office",
      true
    ),
    on: {
      accept: { target: "material-review" },
      reject: { target: "not-accepted" },
      ...beforeApproval,
    },
  },
  "material-review": {
    meta: meta(stageTitles["material-review"], stageArticle("10.3"), "experts", true),
    on: {
      "pass-material-review": [
        { target: "site-review", guard: "isOrganization" },
        { target: "presentation", guard: "isIndividual" },
      ],
      "fail-material-review": { target: "not-selected" },
      ...beforeApproval,
    },
  },
  "site-review": {
    meta: meta(stageTitles["site-review"], stageArticle("10.3"), "experts", true),
    on: {
      "complete-site-review": {
        target: "comprehensive-evaluation",
        guard: "isOrganization",
      },
      ...beforeApproval,
    },
  },
  presentation: {
    meta: meta(stageTitles.presentation, stageArticle("10.3"), "experts", true),
    on: {
      "complete-presentation": {
        target: "comprehensive-evaluation",
        guard: "isIndividual",
      },
      ...beforeApproval,
    },
  },
  "comprehensive-evaluation": {
    meta: meta(
      stageTitles["comprehensive-evaluation"],
      stageArticleRange("10.4", "10.5"),
      "office",
      true
    ),
    on: {
      propose: { target: "committee", actions: "recordTier" },
      "not-proposed": { target: "not-selected" },
      ...beforeApproval,
    },
  },
  committee: {
    meta: meta(stageTitles.committee, stageArticle("10.5"), "committee", true),
    on: {
      "committee-approve": { target: "publicity", actions: "startPublicity" },
      "committee-reject": { target: "not-selected" },
      ...beforeApproval,
    },
  },
  publicity: {
    meta: meta(stageTitles.publicity, stageArticle("10.5"), "public", true),
    on: {
      "publicity-objection-upheld": { target: "disqualified" },
      "publicity-end": { target: "approval", guard: "publicityRanItsDays" },
      ...beforeApproval,
    },
  },
  approval: {
    meta: meta(stageTitles.approval, stageArticle("10.6"), "government", true),
    on: {
      "government-approve": { target: "awarded", actions: "recordAward" },
      "government-reject": { target: "not-selected" },
      ...beforeApproval,
    },
  },
  awarded: {
    meta: meta(stageTitles.awarded, stageArticle("10.6"), null),
    on: {
      revoke: { target: "revoked", actions: "banForRevocation" },
    },
  },
  withdrawn: {
    type: "final",
    meta: meta(stageTitles.withdrawn, stageArticle("3"), null),
  },
  "not-recommended": {
    type: "final",
    meta: meta(stageTitles["not-recommended"], stageArticle("7"), null),
  },
  "not-accepted": {
    type: "final",
    meta: meta(stageTitles["not-accepted"], stageArticle("10.2"), null),
  },
  "not-selected": {
    type: "final",
    meta: meta(stageTitles["not-selected"], stageArticle("10"), null),
  },
  disqualified: {
    type: "final",
    meta: meta(stageTitles.disqualified, stageArticle("10.5", "14"), null),
  },
  revoked: {
    type: "final",
    meta: meta(stageTitles.revoked, stageArticle("14", "15"), null),
  },
} as const satisfies Record<string, CaseStateDef>;

export const caseInitialStage = "draft";

export { caseStages, type CaseStage } from "./case.stages.ts";
