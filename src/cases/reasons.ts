import { addDays, type IsoDate } from '../core/calendar.ts';
import { citeWritten } from '../core/articles.ts';
import { bi, type Bilingual } from '../core/i18n.ts';
import type { CaseEvent, CaseEventType, ApplicantKind, Tier } from '../../machines/case.events.ts';
import type { CaseContext, CaseStage } from '../../machines/case.machine.ts';
import { applicantKindPlurals, stageTitles, tierTitles } from '../../machines/case.stages.ts';

/** Why the lifecycle refused an event (stable codes for the UI; the text is in `reason`). */
export type RefusalCode =
  | 'closed'
  | 'out-of-order'
  | 'wrong-stage'
  | 'wrong-kind'
  | 'publicity-too-short'
  | 'not-filed'
  | 'over-quota';

export interface Refusal {
  code: RefusalCode;
  reasonI18n: Bilingual;
}

/** "中文 / English": the contract's `reason` string. */
export const joinBilingual = (text: Bilingual): string => `${text.zh} / ${text.en}`;

export function stageTitle(stage: CaseStage): Bilingual {
  return stageTitles[stage] ?? bi(stage, stage);
}

/** Kinds as they read inside a refusal sentence; the names themselves live in machines/case.stages.ts. */
const kindTitle: Record<ApplicantKind, Bilingual> = applicantKindPlurals;

export const tierTitle: Record<Tier, Bilingual> = tierTitles;

export const refuseClosed = (stage: CaseStage): Refusal => {
  const t = stageTitle(stage);
  return {
    code: 'closed',
    reasonI18n: bi(`案件已终结（${t.zh}），不再接受任何事件`, `the case is closed (${t.en}): no further event is accepted`),
  };
};

export const refuseOutOfOrder = (on: IsoDate, previous: IsoDate): Refusal => ({
  code: 'out-of-order',
  reasonI18n: bi(
    `日期 ${on} 早于上一个已记录事件的日期 ${previous}`,
    `date ${on} is earlier than the previous recorded event's date ${previous}`,
  ),
});

/** The articles a refusal cites, from the case's own award data (`CaseContext.rules.articles`, issue 16). */
export type RefusalArticles = CaseContext['rules']['articles'];

const both = (a: string, b: string, sep: string): string => (a === b ? a : `${a}${sep}${b}`);

/** Stage-independent explanations for events that only fit one part of the lifecycle, citing the award's own articles. */
function onlyWhen(type: CaseEventType, articles: RefusalArticles): Bilingual | undefined {
  if (type === 'revoke') {
    return bi(
      `只有已获奖的案件才能撤销（${both(articles.fraud, articles.incident, '、')}）`,
      `only an awarded case can be revoked (${citeWritten(both(articles.fraud, articles.incident, ' / ')).en})`,
    );
  }
  if (type === 'false-material-found') {
    return bi(
      `虚假材料的认定仅限获奖之前（${articles.falseMaterial}）；获奖后请记录“撤销”`,
      `false material is found before the award (${citeWritten(articles.falseMaterial).en}); after the award record a revocation`,
    );
  }
  return undefined;
}

/** 撤回: only before the award's approver approves (第十条（六）), in its own words (issue 16): 市政府批准 for Lianyungang. */
const withdrawOnly = (approver: Bilingual | null | undefined): Bilingual =>
  bi(`撤回仅限于${approver?.zh ?? ''}批准之前`, 'an applicant may withdraw only before government approval');

export function refuseWrongStage(
  stage: CaseStage,
  event: CaseEvent,
  accepted: readonly CaseEventType[],
  rules: Pick<CaseContext['rules'], 'approver' | 'articles'>,
  titles: Record<CaseStage, Bilingual> = stageTitles,
): Refusal {
  const t = titles[stage] ?? stageTitle(stage);
  const now = accepted.length ? accepted.join(', ') : '—';
  const extra = event.type === 'withdraw' ? withdrawOnly(rules.approver) : onlyWhen(event.type, rules.articles);
  return {
    code: 'wrong-stage',
    reasonI18n: bi(
      `“${event.type}”不适用于当前阶段（${t.zh}）${extra ? `：${extra.zh}` : ''}；当前可记录：${now}`,
      `"${event.type}" does not apply at the current stage (${t.en})${extra ? `: ${extra.en}` : ''}; accepted now: ${now}`,
    ),
  };
}

/** On-site review is for organisations, a presentation for individuals (Lianyungang: 第十条(三)); `article` from the award's data. */
export const refuseWrongKind = (event: CaseEvent, only: ApplicantKind, article: string): Refusal => ({
  code: 'wrong-kind',
  reasonI18n:
    only === 'organization'
      ? bi(
          `“${event.type}”仅适用于${kindTitle.organization.zh}：个人不进行现场评审，改为现场陈述（${article}）`,
          `"${event.type}" is for ${kindTitle.organization.en} only: individuals give an on-site presentation instead (${article})`,
        )
      : bi(
          `“${event.type}”仅适用于${kindTitle.individual.zh}：组织进行现场评审（${article}）`,
          `"${event.type}" is for ${kindTitle.individual.en} only: organisations have an on-site review (${article})`,
        ),
});

/** Why a named guard of the machine refused; one entry per guard (tests check none is missing). */
export const guardRefusals: Record<string, (context: CaseContext, event: CaseEvent) => Refusal> = {
  isOrganization: (context, event) => refuseWrongKind(event, 'organization', context.rules.articles.review),
  isIndividual: (context, event) => refuseWrongKind(event, 'individual', context.rules.articles.review),
  publicityRanItsDays: (context, event) => {
    const days = context.rules.publicityDays;
    const art = context.rules.articles.publicity;
    const start = context.publicityStartedOn;
    const earliest = start ? addDays(start, days) : null;
    return {
      code: 'publicity-too-short',
      reasonI18n: bi(
        `公示不少于 ${days} 天（${art}）：${start ?? '—'} 起公示，最早于 ${earliest ?? '—'} 结束，${event.on} 过早`,
        `publicity runs at least ${days} days (${art}): posted ${start ?? '—'}, it can end on ${earliest ?? '—'} at the earliest; ${event.on} is too early`,
      ),
    };
  },
  hasFiled: (context) => ({
    code: 'not-filed',
    reasonI18n: bi(
      `尚未申报，没有可认定为虚假的材料（${context.rules.articles.falseMaterial}）`,
      `nothing has been filed yet, so no material can be found false (${citeWritten(context.rules.articles.falseMaterial).en})`,
    ),
  }),
};

/** 第四条 for Lianyungang: `article`, the numbers and the tier names (`tiers`, the award's own words) from the award's data. */
export function refuseOverQuota(
  tier: Tier,
  kind: ApplicantKind,
  article: string,
  max: number,
  maxIndividuals: number,
  individualLimit: boolean,
  tiers: Record<Tier, Bilingual> = tierTitle,
): Refusal {
  const t = tiers[tier];
  return {
    code: 'over-quota',
    reasonI18n: individualLimit
      ? bi(
          `${t.zh}每年授予个人不超过 ${maxIndividuals} 名（${article}），本年度名额已满`,
          `the ${t.en} goes to at most ${maxIndividuals} individual(s) a year (${citeWritten(article).en}); this year's individual place is taken`,
        )
      : bi(
          `${t.zh}每年不超过 ${max} 个（${article}），本年度名额已满`,
          `at most ${max} ${t.en}(s) a year (${citeWritten(article).en}); this year's quota is used up`,
        ),
  };
}

/** Earliest day a `publicity-end` is accepted: posted D, the award's publicityDays N → D + N. */
export const publicityCanEndOn = (startedOn: IsoDate, days: number): IsoDate => addDays(startedOn, days);

export { kindTitle };
