import { compareDates, todayInChina, type IsoDate } from '../core/calendar.ts';
import type { AwardPack } from '../policy/schema.ts';
import { jiangsuGovernor2023 } from './jiangsu-governor/2023.ts';
import { lianyungang2021 } from './lianyungang-mayor/2021.ts';
import { lianyungang2024Draft } from './lianyungang-mayor/2024-draft.ts';

/**
 * Every award the product knows, each with its versions of the measures (oldest first). Adding an
 * award is adding its folder and one line here; no engine changes. The packs are shipped code: they are
 * checked against their schema at build time (test/unit/awards/shipped-packs.test.ts), not re-validated
 * on every page load, so no page needs zod before its first paint (issue 19).
 */
export const awards: Readonly<Record<string, readonly AwardPack[]>> = {
  'lianyungang-mayor': [lianyungang2021, lianyungang2024Draft],
  'jiangsu-governor': [jiangsuGovernor2023],
};

export const defaultAwardId = 'lianyungang-mayor';

/** What a case or draft records: which award, which version of its measures. */
export interface AwardRef {
  awardId: string;
  versionId: string;
}

/** Effective dates set by the user for versions not yet published, keyed `awardId/versionId`. */
export interface AwardSettings {
  effectiveFrom?: Readonly<Record<string, IsoDate>>;
}

const effectiveFrom = (pack: AwardPack, settings?: AwardSettings): IsoDate | null =>
  pack.version.effectiveFrom ?? settings?.effectiveFrom?.[`${pack.award.id}/${pack.version.id}`] ?? null;

/** The version in force on `on`: the latest whose effective date (published or set) is on or before it. */
export function versionInForce(awardId: string, on: IsoDate, settings?: AwardSettings): AwardPack {
  const versions = awards[awardId];
  if (!versions || versions.length === 0) throw new RangeError(`unknown award: ${awardId}`);
  let chosen: AwardPack = versions[0]!;
  for (const pack of versions) {
    const from = effectiveFrom(pack, settings);
    if (from !== null && compareDates(from, on) <= 0 && compareDates(from, effectiveFrom(chosen, settings) ?? '0000-01-01') >= 0) chosen = pack;
  }
  return chosen;
}

/** The pack a recorded reference names, or null when this build does not know it. */
export function knownPack(ref: AwardRef | null | undefined): AwardPack | null {
  return (ref && awards[ref.awardId]?.find((p) => p.version.id === ref.versionId)) || null;
}

/** The pack a recorded reference names. */
export function packFor(ref: AwardRef): AwardPack {
  const pack = awards[ref.awardId]?.find((p) => p.version.id === ref.versionId);
  if (!pack) throw new RangeError(`unknown award version: ${ref.awardId}/${ref.versionId}`);
  return pack;
}

/**
 * The pack a case is judged by: the version its reference names, else (no reference, or an unknown
 * version) the award's version in force today, as the case view does.
 */
export function packOrInForce(ref: AwardRef | undefined | null): AwardPack {
  if (ref) {
    try {
      return packFor(ref);
    } catch {
      // an unknown version: the award's version in force
    }
  }
  return versionInForce(ref && awards[ref.awardId] ? ref.awardId : defaultAwardId, todayInChina());
}

export const refOf = (pack: AwardPack): AwardRef => ({ awardId: pack.award.id, versionId: pack.version.id });

export { jiangsuGovernor2023, lianyungang2021, lianyungang2024Draft };

/**
 * The line the UI shows for the measures a case or draft is judged by (issue 16), e.g.
 * 连云港市市长质量奖 · 2021 年版（连政办发〔2021〕26号）. A reference to an unknown version says so instead of guessing.
 */
export function measuresLabel(ref: AwardRef | undefined | null): { zh: string; en: string } {
  const pack = ref ? awards[ref.awardId]?.find((p) => p.version.id === ref.versionId) : undefined;
  if (!pack) return ref ? { zh: `未知的奖项版本（${ref.awardId}/${ref.versionId}）`, en: `unknown award version (${ref.awardId}/${ref.versionId})` } : { zh: '未记录', en: 'not recorded' };
  return { zh: `${pack.award.name.zh} · ${pack.version.label.zh}`, en: `${pack.award.name.en} · ${pack.version.label.en}` };
}

/** What the panel shows of the measures a check used: the line, the title and the document number. */
export function measuresOf(pack: AwardPack): { awardId: string; versionId: string; name: { zh: string; en: string }; label: { zh: string; en: string }; title: { zh: string; en: string }; document: string } {
  return { ...refOf(pack), name: pack.award.name, label: measuresLabel(refOf(pack)), title: pack.title, document: pack.document.number };
}

/**
 * The measures a stored case or draft is judged by (issue 16): the award and version its record names;
 * a record from before issue 16 is judged by the default award's version in force on the day it was
 * created. An unknown award version throws (`packFor`): shown as such, never replaced by a guess.
 */
export function packOfRecord(record: { award?: AwardRef | undefined; createdAt?: string | undefined }, today: () => IsoDate): AwardPack {
  if (record.award) return packFor(record.award);
  const on = typeof record.createdAt === 'string' && /^\d{4}-\d{2}-\d{2}/.test(record.createdAt) ? record.createdAt.slice(0, 10) : today();
  return versionInForce(defaultAwardId, on);
}
