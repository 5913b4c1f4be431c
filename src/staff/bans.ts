import { addDays, compareDates, type IsoDate } from '../core/dates.ts';
import { bi } from '../core/i18n.ts';
import type { CaseView } from '../cases/replay.ts';
import type { BanHistoryEvent, CaseBan } from '../cases/staff.ts';
import type { ApplicantKind } from '../../machines/case.events.ts';

/**
 * `bansFromCases` (src/cases/staff.ts) read off views the page has already replayed, so the staff
 * page never folds 10,000 logs twice. Same output, same order; a unit test holds the two together.
 * 第十四条 false material / fraud, 第十五条 incident, 第十六条 Mayor award lock.
 */
export function bansFromViews(
  entries: readonly { caseId: string; applicant: string | null; kind: ApplicantKind | null; view: CaseView }[],
  options?: { asOf?: IsoDate },
): CaseBan[] {
  const out: CaseBan[] = [];
  for (const { caseId, applicant, kind: headerKind, view } of entries) {
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
          `${who}: ${en}; may not apply through ${until}, may apply again from ${mayApplyFrom} (${article})`,
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
      push('won-mayor-award', view.lockArticle, view.awardedOn, view.lockedUntil, `${view.awardedOn} 获市长质量奖`, `won the Mayor Quality Award on ${view.awardedOn}`);
    }
  }
  const asOf = options?.asOf;
  return asOf ? out.filter((b) => compareDates(b.until, asOf) >= 0) : out;
}
