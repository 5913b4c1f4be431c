import { z } from '../core/zod-mini.ts';
import { parseOrThrow } from '../core/zod-contract.ts';
import { citeWritten } from '../core/articles.ts';
import { addDays, compareDates, daysBetween, isoDateSchema, type IsoDate } from '../core/dates.ts';
import { bi, type Bilingual } from '../core/i18n.ts';
import { defaultPolicy, formatYuan, policyPackSchema, rewardYuan, type PolicyPack } from '../policy/index.ts';
import type { ApplicantKind, Tier } from '../../machines/case.events.ts';
import { replayCase, type CaseView, type ReplayOptions } from './replay.ts';
import { caseHeaderSchema, type CaseRecord } from './year.ts';
import { tierTitle } from './reasons.ts';

/** Contract §1 history events a ban or lock feeds back into the eligibility pre-check (第十四条–第十六条). */
export type BanHistoryEvent = 'disqualified-false-material' | 'revoked-fraud' | 'revoked-incident' | 'won-mayor-award';

export interface CaseBan {
  caseId: string;
  applicant: string | null;
  kind: ApplicantKind | null;
  cause: BanHistoryEvent;
  article: string;
  /** Decision date the years count from (disqualification, revocation, award announcement). */
  from: IsoDate;
  /** Last banned day: a ban of N years decided on D runs D+1 … the corresponding day N years on (民法典 第二百零一条/第二百零二条). */
  until: IsoDate;
  /** First day a new application may be submitted. */
  mayApplyFrom: IsoDate;
  message: Bilingual;
}

const bansInputSchema = z.array(z.partial(caseHeaderSchema, { year: true }));

/**
 * Who may not apply until when, and why: 第十四条 (false material, 3 years; fraud revocation, 5),
 * 第十五条 (incident revocation, 5), 第十六条 (Mayor award, 5). With `asOf`, only bans still running
 * on that date. Years count from the decision date; an application is checked on its submission date.
 */
export function bansFromCases(
  cases: readonly (Omit<CaseRecord, 'year'> & { year?: number })[],
  options?: Pick<ReplayOptions, 'policy'> & { asOf?: IsoDate },
): CaseBan[] {
  const parsed = parseOrThrow(bansInputSchema, cases);
  const asOf = options?.asOf === undefined ? undefined : parseOrThrow(isoDateSchema, options.asOf);
  const replayOptions = options?.policy ? { policy: options.policy } : undefined;
  return bansFromReplayedCases(
    parsed.map((c) => ({
      caseId: c.id,
      applicant: c.applicant ?? null,
      kind: c.kind ?? null,
      view: replayCase(c.events as CaseRecord['events'], replayOptions),
      ...(options?.policy ? { awardName: options.policy.award.shortName } : {}),
    })),
    { asOf },
  );
}

/** A case already folded by `replayCase`, with the header fields a ban names. */
export interface ReplayedCaseEntry {
  caseId: string;
  applicant: string | null;
  kind: ApplicantKind | null;
  view: CaseView;
  /** the award the case was won under, in its own words (issue 16); default: the default award's short name */
  awardName?: Bilingual | undefined;
}

/**
 * The derivation behind `bansFromCases`, for callers that already hold replayed views (the staff page
 * folds 10,000 logs once). 第十四条 false material / fraud, 第十五条 incident, 第十六条 Mayor award lock.
 */
export function bansFromReplayedCases(entries: readonly ReplayedCaseEntry[], options?: { asOf?: IsoDate }): CaseBan[] {
  const out: CaseBan[] = [];
  for (const { caseId, applicant, kind: headerKind, view, awardName = defaultPolicy.award.shortName } of entries) {
    const kind = view.kind ?? headerKind ?? null;
    const who = applicant ?? caseId;
    const push = (cause: BanHistoryEvent, article: string, from: IsoDate, until: IsoDate, zh: string, en: string) => {
      const mayApplyFrom = addDays(until, 1);
      out.push({
        caseId,
        applicant,
        kind,
        cause,
        article,
        from,
        until,
        mayApplyFrom,
        message: bi(
          `${who}：${zh}，${until} 前（含）不得申报，${mayApplyFrom} 起可再次申报（${article}）`,
          `${who}: ${en}; may not apply through ${until}, may apply again from ${mayApplyFrom} (${citeWritten(article).en})`,
        ),
      });
    };
    if (view.banUntil && view.banArticle) {
      const last = view.history[view.history.length - 1];
      const from = last?.event.on ?? view.stageSince ?? view.banUntil;
      if (last?.event.type === 'false-material-found') {
        push('disqualified-false-material', view.banArticle, from, view.banUntil, `${from} 认定提供虚假材料`, `false material found on ${from}`);
      } else if (last?.event.type === 'revoke') {
        const incident = last.event.reason === 'incident';
        push(
          incident ? 'revoked-incident' : 'revoked-fraud',
          view.banArticle,
          from,
          view.banUntil,
          incident ? `${from} 因获奖后发生重大事故被撤销奖项` : `${from} 因骗取荣誉被撤销奖项`,
          incident ? `award revoked on ${from} after a major incident` : `award revoked on ${from} for fraud`,
        );
      }
    }
    if (view.lockedUntil && view.awardedOn && view.lockArticle) {
      push('won-mayor-award', view.lockArticle, view.awardedOn, view.lockedUntil, `${view.awardedOn} 获${awardName.zh}`, `won the ${awardName.en} on ${view.awardedOn}`);
    }
  }
  const asOf = options?.asOf;
  return asOf ? out.filter((b) => compareDates(b.until, asOf) >= 0) : out;
}

export interface CaseReward {
  tier: Tier;
  kind: ApplicantKind;
  yuan: number;
  article: string;
  label: Bilingual;
  /** Revoked: plaque, certificate and money are recalled (第十四条/第十五条). */
  recalled: boolean;
}

/** 第十一条: the one-off reward of an awarded (or revoked, to be recalled) case; null when none is due. */
export function rewardForCase(view: CaseView, kind?: ApplicantKind | null, policy: PolicyPack = defaultPolicy): CaseReward | null {
  const pack = policy === defaultPolicy ? policy : parseOrThrow(policyPackSchema, policy);
  const k = parseOrThrow(z.optional(z.nullable(z.enum(['organization', 'individual']))), kind) ?? view.kind;
  if (!k || !view.tier || !view.awardedOn || (view.stage !== 'awarded' && view.stage !== 'revoked')) return null;
  const yuan = rewardYuan(pack, view.tier, k);
  const article = pack.rewards.source.article;
  const t = tierTitle[view.tier];
  const who = k === 'organization' ? bi('组织', 'organisation') : bi('个人', 'individual');
  return {
    tier: view.tier,
    kind: k,
    yuan,
    article,
    recalled: view.stage === 'revoked',
    label: bi(`${t.zh}（${who.zh}）一次性奖励 ${formatYuan(yuan).zh}（${article}）`, `${t.en} (${who.en}): one-off reward of ${formatYuan(yuan).en} (${citeWritten(article).en})`),
  };
}

export interface PublicityDeadline {
  startedOn: IsoDate;
  /** Last day of the publicity period (posted 10-01, 7 days → 10-07). */
  lastDay: IsoDate;
  /** First day `publicity-end` can be recorded (10-08). */
  canEndOn: IsoDate;
  running: boolean;
  /** Days from `today` until canEndOn (0 when it may end today or later); null without `today`. */
  daysLeft: number | null;
}

/** 第十条(五) publicity window of a case, or null before the Committee approved it. */
export function publicityDeadline(view: CaseView, today?: IsoDate): PublicityDeadline | null {
  if (!view.publicityStartedOn || !view.publicityEndsOn) return null;
  const day = today === undefined ? null : parseOrThrow(isoDateSchema, today);
  return {
    startedOn: view.publicityStartedOn,
    lastDay: addDays(view.publicityEndsOn, -1),
    canEndOn: view.publicityEndsOn,
    running: view.stage === 'publicity',
    daysLeft: day ? Math.max(0, daysBetween(day, view.publicityEndsOn)) : null,
  };
}
