import type { IsoDate } from '../../core/calendar.ts';
import type { Bilingual } from '../../core/i18n.ts';
import { refOf, versionInForce, type AwardRef } from '../../awards/index.ts';
import type { AwardPack } from '../../policy/schema.ts';
import type { CaseView } from '../../cases/replay.ts';
import { profileDataSchema, PROFILE_ID } from '../../messaging/profile.ts';
import { recommendationTarget, type RecommendationTarget } from '../../staff/recommend-onward.ts';

/**
 * 进度's next step after an award (issue 16, Deliver 4): where the case's own award data says its
 * winners go next (`recommendsTo`: 第十二条 sends Lianyungang's Mayor award winners to the Jiangsu
 * Governor award), the applicant may start that application, carrying the profile and the
 * self-evaluation rounds. Every name, article and version comes from the two awards' data.
 */
export interface NextApplicationOffer {
  caseId: string;
  /** the award the case stands awarded under */
  from: AwardPack;
  target: RecommendationTarget;
  /** the target award's measures in force today: the new draft records them */
  measures: AwardPack;
  /** award year of the new application: the first call after the award's year */
  year: number;
  draftId: string;
}

interface CaseLike {
  record: { id: string; year: number; kind: 'organization' | 'individual'; applicantName: string; creditCode?: string | null | undefined };
  view: CaseView;
  pack?: AwardPack | null | undefined;
}

/** The offer, or null: the case is not awarded, its version is unknown, or its award names no next award. */
export function nextApplicationOffer(current: CaseLike, today: IsoDate): NextApplicationOffer | null {
  const { record, view, pack } = current;
  if (!pack || view.stage !== 'awarded' || !view.tier) return null;
  const target = recommendationTarget(pack, view.tier);
  if (!target) return null;
  let measures: AwardPack;
  try {
    measures = versionInForce(target.awardId, today);
  } catch {
    return null;
  }
  return {
    caseId: record.id,
    from: pack,
    target,
    measures,
    year: Math.max(record.year + 1, Number(today.slice(0, 4))),
    draftId: `next-${record.id}-${target.awardId}`,
  };
}

/** What the offer says, in the two awards' own words. */
export function offerText(offer: NextApplicationOffer): { lead: Bilingual; action: Bilingual; carries: Bilingual } {
  const { from, target, year } = offer;
  return {
    lead: {
      zh: `本案已获${from.award.shortName.zh}。按${from.document.number}${target.article.zh}，可推荐申报${target.name.zh}。`,
      en: `This case won the ${from.award.shortName.en}. Under ${target.article.en} of the ${from.award.name.en} measures it may go on to the ${target.name.en}.`,
    },
    action: { zh: `开始申报 ${year} 年度${target.name.zh}`, en: `Start the ${target.name.en} ${year} application` },
    carries: { zh: '将带入单位资料和各轮自评', en: 'Your profile and self-evaluation rounds are carried over' },
  };
}

export interface NextDraft {
  id: string;
  application: { format: 'lyg-award/application@1'; year: number; applicant: Record<string, unknown> };
  award: AwardRef;
  recommendedFrom: { caseId: string; article: string; selfEvaluations: string[] };
}

/** Profile keys that belong to an individual's application (第九条); the rest are an organisation's. */
const individualKeys = new Set(['applicant.name', 'applicant.qualityWorkInLianyungangSince']);

/**
 * The new application's draft: the applicant from the case and the saved profile (the profile's facts
 * win; unknown facts left out), the self-evaluation rounds by id, the target award and version recorded.
 */
export function nextApplicationDraft(
  offer: NextApplicationOffer,
  record: CaseLike['record'],
  profileData: unknown,
  rounds: readonly { id: string }[],
): NextDraft {
  const applicant: Record<string, unknown> = { kind: record.kind, name: record.applicantName };
  if (record.kind === 'organization' && record.creditCode) applicant['creditCode'] = record.creditCode;
  const profile = profileDataSchema.safeParse(profileData ?? {});
  if (profile.success) {
    for (const [key, value] of Object.entries(profile.data)) {
      if (value === undefined || value === null || !key.startsWith('applicant.')) continue;
      if (record.kind === 'individual' && !individualKeys.has(key)) continue;
      if (record.kind === 'organization' && key === 'applicant.qualityWorkInLianyungangSince') continue;
      applicant[key.slice('applicant.'.length)] = value;
    }
  }
  return {
    id: offer.draftId,
    application: { format: 'lyg-award/application@1', year: offer.year, applicant },
    award: refOf(offer.measures),
    recommendedFrom: { caseId: offer.caseId, article: offer.target.article.zh, selfEvaluations: rounds.map((r) => r.id) },
  };
}

/** The storage calls the offer needs (the panel passes the real ones; tests pass an in-memory store). */
export interface NextApplicationStore {
  getProfile(id: string): Promise<{ data: unknown } | undefined>;
  listSelfEvaluations(): Promise<{ id: string }[]>;
  getDraft(id: string): Promise<unknown>;
  saveDraft(input: NextDraft, options: { expectedVersion: number }): Promise<unknown>;
}

export type StartResult = { ok: true; message: Bilingual; draftId: string } | { ok: false; reason: Bilingual };

/**
 * Starts the next application once: a draft already started from this case is kept as it is
 * (nothing overwritten, the person is told); a failed write changes nothing and says why.
 */
export async function startNextApplication(offer: NextApplicationOffer, record: CaseLike['record'], store: NextApplicationStore): Promise<StartResult> {
  const { target, year } = offer;
  const started: Bilingual = { zh: `已开始申报 ${year} 年度${target.name.zh}，草稿已保存`, en: `The ${target.name.en} ${year} application is started; its draft is saved` };
  try {
    if (await store.getDraft(offer.draftId)) return { ok: true, draftId: offer.draftId, message: started };
    const [profile, rounds] = await Promise.all([store.getProfile(PROFILE_ID), store.listSelfEvaluations()]);
    const draft = nextApplicationDraft(offer, record, profile?.data, rounds);
    await store.saveDraft(draft, { expectedVersion: 0 });
    return {
      ok: true,
      draftId: draft.id,
      message: {
        zh: `${started.zh}：带入${profile ? '单位资料' : '案件中的名称（尚未保存单位资料）'}和 ${rounds.length} 轮自评；按${offer.measures.award.shortName.zh} ${offer.measures.version.label.zh}核对。`,
        en: `${started.en}: carried ${profile ? 'your profile' : 'the name on the case (no profile saved yet)'} and ${rounds.length} self-evaluation round(s).`,
      },
    };
  } catch {
    return {
      ok: false,
      reason: {
        zh: `未能开始申报${target.name.zh}，没有保存任何内容，请稍后重试`,
        en: `Could not start the ${target.name.en} application; nothing was saved`,
      },
    };
  }
}
