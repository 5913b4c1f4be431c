import { packOrInForce, type AwardRef } from '../awards/index.ts';
import type { Bilingual } from '../core/i18n.ts';

/**
 * The expert panel's working numbers for a case, read from its award's data (policy pack
 * `expertPanel`, 第六条), never from code: the group size the assignment suggests, the spread margin
 * a new panel starts with, and who set them, so the UI can say "the office's choice" in its words.
 */
export interface PanelSettings {
  /** null when the award's data do not say: the office types a size */
  groupSize: number | null;
  /** null when the award's data do not say: the office sets one on the panel */
  spreadMargin: number | null;
  setBy: 'measures' | 'office' | null;
  article: string | null;
  office: Bilingual;
}

export function panelSettingsFor(ref: AwardRef | undefined | null): PanelSettings {
  const pack = packOrInForce(ref);
  const p = pack.expertPanel;
  return {
    groupSize: p?.groupSize ?? null,
    spreadMargin: p?.spreadMargin ?? null,
    setBy: p?.setBy ?? null,
    article: p?.source.article ?? null,
    office: pack.award.terms.office,
  };
}

/** The sentence beside the group size: whose choice the number is. */
export function groupSizeNote(s: PanelSettings): Bilingual {
  if (s.groupSize === null) return { zh: '本奖项的办法和数据没有规定专家组人数，请填写。', en: 'The award’s measures and data set no group size: enter one.' };
  if (s.setBy === 'measures') return { zh: `专家组 ${s.groupSize} 人是办法的规定（${s.article}）。`, en: `A group of ${s.groupSize} is set by the measures (${s.article}).` };
  return {
    zh: `默认 ${s.groupSize} 人是${s.office.zh}的工作安排：办法${s.article ? `（${s.article}）` : ''}只规定由办公室组建专家组，没有规定人数，可按需修改。`,
    en: `${s.groupSize} is ${s.office.en}’s working choice: the measures${s.article ? ` (${s.article})` : ''} have the office form the groups but set no size. Change it as needed.`,
  };
}

/** The sentence beside the spread margin. */
export function marginNote(s: PanelSettings): Bilingual {
  if (s.spreadMargin === null) return { zh: '本奖项数据没有给出分歧阈值。', en: 'The award’s data give no margin.' };
  if (s.setBy === 'measures') return { zh: `默认 ${s.spreadMargin} 个百分点是办法的规定（${s.article}）。`, en: `${s.spreadMargin} points is set by the measures (${s.article}).` };
  return { zh: `默认 ${s.spreadMargin} 个百分点是${s.office.zh}的工作安排，办法没有规定。`, en: `${s.spreadMargin} points is ${s.office.en}’s working choice; the measures set none.` };
}
