import { citeArticle } from '../core/articles.ts';
import type { IsoDate } from '../core/calendar.ts';
import type { Bilingual } from '../core/i18n.ts';
import { awards, refOf, versionInForce } from '../awards/index.ts';
import type { AwardPack } from '../policy/schema.ts';
import type { CaseView } from '../cases/replay.ts';
import type { CaseHeader, CaseRecord } from '../storage/repos.ts';

/** Where an award's winners of one tier are recommended on, as its measures say (第十二条 in Lianyungang's). */
export interface RecommendationTarget {
  awardId: string;
  name: Bilingual;
  article: Bilingual;
}

/**
 * The award a winner of `tier` is recommended first for, from the award's data (`recommendsTo`):
 * Lianyungang's Mayor award winners to the Jiangsu Governor award, its nomination winners to the Mayor
 * award itself (next year). Null when the measures name none, or name an award this build does not know.
 */
export function recommendationTarget(pack: AwardPack, tier: 'award' | 'nomination'): RecommendationTarget | null {
  const to = pack.award.recommendsTo;
  const awardId = to ? (tier === 'award' ? to.awardId : to.nomineesTo) : undefined;
  const target = awardId ? awards[awardId]?.[0] : undefined;
  if (!to || !awardId || !target) return null;
  return { awardId, name: target.award.name, article: { zh: to.article, en: citeArticle({ article: to.article }).en } };
}

export type RecommendOnwardResult = { ok: true; header: CaseHeader; target: RecommendationTarget; message: Bilingual } | { ok: false; reason: Bilingual };

/**
 * The staff action after a city award (第十二条): the header of the case that starts the recommended
 * application (the provincial award for a winner), carrying the applicant, linked back to the city case
 * with the article, judged by the target award's version in force on `today`. Its year is the first call
 * after the city award's year (this year's when later). Refused, with why, when the case is not awarded,
 * the measures name no award to recommend to, or the case was already recommended.
 */
export function recommendOnward(input: {
  header: CaseRecord;
  view: CaseView | null;
  pack: AwardPack;
  cases: Iterable<CaseRecord>;
  today: IsoDate;
}): RecommendOnwardResult {
  const { header, view, pack, today } = input;
  const approver = pack.award.terms.approver ?? { zh: '', en: 'the approving authority' };
  if (!view || view.stage !== 'awarded' || !view.tier) {
    return { ok: false, reason: { zh: `只有经${approver.zh}批准获奖的案件才能推荐申报上级奖项。`, en: `Only a case awarded (approved by ${approver.en}) can be recommended on.` } };
  }
  const target = recommendationTarget(pack, view.tier);
  if (!target) return { ok: false, reason: { zh: `${pack.award.name.zh}的办法未规定向其他奖项推荐。`, en: `The ${pack.award.name.en} measures name no award to recommend to.` } };
  for (const c of input.cases) {
    if (c.recommendedFrom?.caseId === header.id) {
      return { ok: false, reason: { zh: `本案已推荐，见案件 ${c.id}（${c.year} 年度），未做任何修改。`, en: `Already recommended: see case ${c.id} (${c.year}); nothing was changed.` } };
    }
  }
  const year = Math.max(header.year + 1, Number(today.slice(0, 4)));
  const office = pack.award.terms.office;
  return {
    ok: true,
    target,
    header: {
      year,
      kind: header.kind,
      applicantName: header.applicantName,
      ...(header.creditCode ? { creditCode: header.creditCode } : {}),
      recommender: office.zh,
      award: refOf(versionInForce(target.awardId, today)),
      recommendedFrom: { caseId: header.id, article: target.article.zh },
    },
    message: {
      zh: `已推荐申报 ${year} 年度${target.name.zh}（${target.article.zh}）`,
      en: `Recommended for the ${target.name.en} ${year} (${target.article.en})`,
    },
  };
}

/** The case this one was recommended from, and the cases it recommended on (第十二条), by header. */
export function recommendationLinks(header: CaseRecord, headers: ReadonlyMap<string, CaseRecord>): { from: CaseRecord | null; to: CaseRecord[] } {
  const to: CaseRecord[] = [];
  for (const c of headers.values()) if (c.recommendedFrom?.caseId === header.id) to.push(c);
  return { from: header.recommendedFrom ? headers.get(header.recommendedFrom.caseId) ?? null : null, to };
}
