import { z } from '../core/zod-mini.ts';
import { addDays, daysBetween, isoDateSchema, type IsoDate } from '../core/dates.ts';
import type { Bilingual } from '../core/i18n.ts';
import { citeIn } from '../awards/cite.ts';
import { awards } from '../awards/index.ts';
import { defaultPolicy } from '../policy/lianyungang-2021.ts';
import type { AwardPack } from '../policy/schema.ts';
import { dutyDefinitions, titleUsePlaces, type DutyDefinition, type DutyId, type TitleUsePlace } from './after-award-duties.data.ts';

/** What the office recorded about one case's duties after the award (kept per award year in settings). */
export const dutyRecordSchema = z.strictObject({
  status: z.enum(['open', 'done', 'not-applicable']),
  closedBy: z.optional(z.string().check(z.trim()).check(z.minLength(1)).check(z.maxLength(80))),
  closedOn: z.optional(isoDateSchema),
  note: z.optional(z.string().check(z.maxLength(500))),
});
export const titleUseSchema = z.strictObject({
  seenOn: isoDateSchema,
  /** the award year the use names; null when it names none (第十八条 requires it) */
  namedYear: z.nullable(z.number().check(z.int()).check(z.gte(2000)).check(z.lte(2100))),
  place: z.enum(Object.keys(titleUsePlaces) as [TitleUsePlace, ...TitleUsePlace[]]),
  where: z.string().check(z.trim()).check(z.minLength(1)).check(z.maxLength(200)),
  recordedBy: z.string().check(z.trim()).check(z.minLength(1)).check(z.maxLength(80)),
});
export const caseDutiesSchema = z.strictObject({
  tasks: z.partialRecord(z.enum(dutyDefinitions.map((d) => d.id) as [DutyId, ...DutyId[]]), dutyRecordSchema),
  titleUses: z.array(titleUseSchema).check(z.maxLength(500)),
});
export const yearDutiesSchema = z.record(z.string().check(z.minLength(1)).check(z.maxLength(200)), caseDutiesSchema);

export type DutyRecord = z.output<typeof dutyRecordSchema>;
export type TitleUse = z.output<typeof titleUseSchema>;
export type CaseDuties = z.output<typeof caseDutiesSchema>;
export type YearDuties = z.output<typeof yearDutiesSchema>;

export const emptyCaseDuties = (): CaseDuties => ({ tasks: {}, titleUses: [] });

export interface AwardedCase {
  year: number;
  tier: 'award' | 'nomination';
  /** government approval date (第十条(六)): the duties' dates count from it */
  awardedOn: IsoDate;
}

export interface DutyTask {
  id: DutyId;
  article: string;
  party: DutyDefinition['party'];
  title: Bilingual;
  text: Bilingual;
  dueOn: IsoDate;
  status: DutyRecord['status'];
  closedBy: string | null;
  closedOn: IsoDate | null;
  note: string | null;
  /** open and past its due date */
  overdue: boolean;
  /** days until due (negative when past), for open tasks */
  daysLeft: number | null;
}

/** The name of the award `pack`'s winners are recommended to (第十二条), or null when there is none. */
function higherAward(pack: AwardPack): Bilingual | null {
  const to = pack.award.recommendsTo;
  return (to && awards[to.awardId]?.[0]?.award.name) || null;
}

/** A duty's article in the case's own measures (第十二条 as the award's `recommendsTo` names it). */
function dutyArticle(d: DutyDefinition, pack: AwardPack): Bilingual {
  if (d.ref === '12' && pack.award.recommendsTo) return { zh: pack.award.recommendsTo.article, en: citeIn(pack, '12').en };
  return citeIn(pack, d.ref);
}

function fill(d: DutyDefinition, year: number, tier: 'award' | 'nomination', pack: AwardPack): Bilingual {
  const higher = higherAward(pack);
  const byTier = d.textByTier?.[tier];
  // a text naming the higher award only when the measures name one
  const text = byTier && (higher || !(byTier.zh + byTier.en).includes('{higher}')) ? byTier : d.text;
  const name = tier === 'award' ? pack.award.name : pack.award.nominationName;
  const article = dutyArticle(d, pack);
  const [art14, art15] = [citeIn(pack, '14'), citeIn(pack, '15')];
  const lang = (l: 'zh' | 'en') => {
    const title = l === 'zh' ? `${year}年度${name.zh}` : `${name.en} ${year}`;
    return text[l]
      .replaceAll('{title}', title)
      .replaceAll('{year}', String(year))
      .replaceAll('{award}', pack.award.name[l])
      .replaceAll('{short}', pack.award.shortName[l])
      .replaceAll('{higher}', higher?.[l] ?? '')
      .replaceAll('{article}', article[l])
      .replaceAll('{art14}', art14[l])
      .replaceAll('{art15}', art15[l]);
  };
  return { zh: lang('zh'), en: lang('en') };
}

/** The dated tasks of one awarded case, with what the office recorded; a title-use problem keeps 第十八条 open. */
export function dutyTasks(award: AwardedCase, recorded: CaseDuties | undefined, today: IsoDate, pack: AwardPack = defaultPolicy, definitions: readonly DutyDefinition[] = dutyDefinitions): DutyTask[] {
  return definitions
    .filter((d) => d.tiers.includes(award.tier))
    .map((d) => {
      const r = recorded?.tasks[d.id];
      const dueOn = addDays(award.awardedOn, d.dueAfterDays);
      const status = r?.status ?? 'open';
      const open = status === 'open';
      return {
        id: d.id,
        article: dutyArticle(d, pack).zh,
        party: d.party,
        title: d.title,
        text: fill(d, award.year, award.tier, pack),
        dueOn,
        status,
        closedBy: open ? null : r?.closedBy ?? null,
        closedOn: open ? null : r?.closedOn ?? null,
        note: r?.note ?? null,
        overdue: open && dueOn < today,
        daysLeft: open ? daysBetween(today, dueOn) : null,
      };
    });
}

/** 第十八条 problems of one observed use: a forbidden place, or no (or the wrong) award year named. */
export function titleUseProblems(use: TitleUse, awardYear: number, pack: AwardPack = defaultPolicy): Bilingual[] {
  const problems: Bilingual[] = [];
  const art = citeIn(pack, '18');
  const place = titleUsePlaces[use.place];
  if (place.forbidden) problems.push({ zh: `${place.forbidden.zh}（${art.zh}）`, en: `${place.forbidden.en} (${art.en})` });
  if (use.namedYear === null) problems.push({ zh: `未注明获奖年度（${art.zh}）`, en: `no award year named (${art.en})` });
  else if (use.namedYear !== awardYear) problems.push({ zh: `注明的年度 ${use.namedYear} 与获奖年度 ${awardYear} 不符（${art.zh}）`, en: `names ${use.namedYear}, awarded ${awardYear} (${art.en})` });
  return problems;
}

export interface DutySummary {
  open: number;
  done: number;
  overdue: number;
  titleUseProblems: number;
}

export function summarizeDuties(tasks: readonly DutyTask[], uses: readonly TitleUse[], awardYear: number): DutySummary {
  return {
    open: tasks.filter((t) => t.status === 'open').length,
    done: tasks.filter((t) => t.status === 'done').length,
    overdue: tasks.filter((t) => t.overdue).length,
    titleUseProblems: uses.filter((u) => titleUseProblems(u, awardYear).length > 0).length,
  };
}

/** Parses a stored year of duties; an unreadable value reads as empty (and is reported by the caller). */
export function parseYearDuties(value: unknown): { ok: true; duties: YearDuties } | { ok: false; duties: YearDuties } {
  if (value === undefined || value === null) return { ok: true, duties: {} };
  const r = yearDutiesSchema.safeParse(value);
  return r.success ? { ok: true, duties: r.data } : { ok: false, duties: {} };
}
