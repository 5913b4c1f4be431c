import type { Application, HistoryEvent } from '../application/schema.ts';
import { compareDates } from '../core/calendar.ts';
import { civilCodePeriodCitation, firstDayAfterYears } from '../core/periods.ts';
import { bi, type Bilingual } from '../core/i18n.ts';
import type { EvidenceName } from './evidence.ts';
import { type Check, conclude, ok } from './finding.ts';
import type { Finding, Rule } from './types.ts';
import type { AwardPack } from '../policy/schema.ts';

/**
 * When a ban or lock ends (第十四条–第十六条): the first day one may apply again. The years are
 * counted as 民法典 第二百零一条/第二百零二条 count them (src/core/periods.ts): the ban starts the day
 * after the decision in `history` and its last day is the corresponding day N years on (the month's
 * last day where there is none); an application is checked on its `submittedOn`.
 * Example: a 3-year ban decided 2023-06-30 runs through 2026-06-30; 2026-07-01 is free.
 * Decided on 2024-02-29, a 5-year ban runs through 2029-02-28; 2029-03-01 is free.
 */
export function banEnd(event: Pick<HistoryEvent, 'date'>, years: number): string {
  return firstDayAfterYears(event.date, years);
}

export interface BanKind {
  event: HistoryEvent['event'];
  years: number;
  /** Says what happened and when one may apply again. */
  describe(event: HistoryEvent, freeFrom: string): Bilingual;
}

/**
 * A ban kind whose message says what happened (`what(date)`), how many years one may not apply, and
 * the first day one may apply again. `lock` is 第十六条's wording for award winners ("不再重新申报").
 */
export function banKind(event: HistoryEvent['event'], years: number, what: (date: string) => Bilingual, wording: 'ban' | 'lock' = 'ban'): BanKind {
  const zhBan = wording === 'lock' ? '不再重新申报' : '不得申报';
  const enBan = wording === 'lock' ? 'no new application' : 'no application';
  return {
    event,
    years,
    describe: (e, freeFrom) => {
      const happened = what(e.date);
      return bi(
        `${happened.zh}，${years} 年内${zhBan}；期间自决定次日起算（${civilCodePeriodCitation.zh}），${freeFrom} 起方可再次申报`,
        `${happened.en}: ${enBan} for ${years} years, counted from the day after the decision (${civilCodePeriodCitation.en}); you may apply again from ${freeFrom}`,
      );
    },
  };
}

/**
 * A 第十四条–第十六条 finding: fails while a ban of `kinds` runs on the submission date, else passes
 * with `passed` (noting when the file gives no history at all).
 */
export function banFinding(
  rule: Pick<Rule, 'id'>,
  policy: AwardPack,
  app: Application,
  kinds: readonly BanKind[],
  passed: Bilingual,
  evidence: readonly EvidenceName[] = banEvidence,
  office?: Bilingual,
): Finding {
  return conclude(rule, policy, banChecks(app, kinds), evidence, banPassMessage(app, passed, office));
}

/**
 * 14/15/16 share this: fail while any ban of the given kinds runs on `submittedOn`. Events after
 * the submission date have not happened yet as of that date and are ignored.
 * `history` is optional in the file (contract §1): left out or `null`, nothing is recorded, so no
 * ban is found; the pass message says so (`banPassMessage`), and the office checks its own records
 * at the qualification review (第十条（二）). A pre-check can only see what the file declares.
 */
export function banChecks(app: Application, kinds: readonly BanKind[]): Check[] {
  const history = app.history ?? [];
  let worst: { event: HistoryEvent; kind: BanKind; freeFrom: string } | null = null;
  for (const event of history) {
    const kind = kinds.find((k) => k.event === event.event);
    if (!kind || compareDates(event.date, app.submittedOn) > 0) continue;
    const freeFrom = banEnd(event, kind.years);
    if (compareDates(app.submittedOn, freeFrom) < 0 && (!worst || compareDates(freeFrom, worst.freeFrom) > 0)) {
      worst = { event, kind, freeFrom };
    }
  }
  if (!worst) return [ok];
  return [{ status: 'fail', problem: worst.kind.describe(worst.event, worst.freeFrom), field: 'history' }];
}

export const banEvidence: EvidenceName[] = ['申报真实性承诺书'];

/** The pass message, noting when no history was given at all. */
export function banPassMessage(app: Application, passed: Bilingual, office: Bilingual = bi('评审办公室', 'the award office')): Bilingual {
  if (app.history != null) return passed;
  return {
    zh: `${passed.zh}（申报文件未填写以往申报和获奖记录，按无记录处理；资格审查时以${office.zh}的记录为准）`,
    en: `${passed.en} (the file gives no earlier applications or awards, so none are assumed; ${office.en} checks its own records at the qualification review)`,
  };
}
