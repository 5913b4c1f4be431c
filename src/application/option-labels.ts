import type { Bilingual } from '../core/i18n.ts';
import { KIND as ACCIDENT_KIND, LEVEL as INSPECTION_LEVEL, SEVERITY as ACCIDENT_SEVERITY } from '../eligibility/integrity.ts';

/** 第八条（三）: the level of the main products. */
export const PRODUCT_LEVEL_LABELS: Record<string, Bilingual> = {
  'international-advanced': { zh: '国际先进', en: 'international advanced' },
  'national-advanced': { zh: '国内先进', en: 'national advanced' },
  'provincial-advanced': { zh: '省内先进', en: 'provincial advanced' },
  'below-provincial': { zh: '低于省内先进', en: 'below provincial advanced' },
};

/** 第十四条–第十六条: the kinds of an earlier-application record. */
const HISTORY_EVENT: Record<string, Bilingual> = {
  'disqualified-false-material': { zh: '提供虚假材料被取消资格', en: 'Disqualified for false material' },
  'revoked-fraud': { zh: '弄虚作假被撤销奖项', en: 'Award revoked for fraud' },
  'revoked-incident': { zh: '发生重大事故被撤销奖项', en: 'Award revoked after a major incident' },
  'won-mayor-award': { zh: '获市长质量奖', en: 'Won the Mayor Quality Award' },
  'won-nomination-award': { zh: '获市长质量奖提名奖', en: 'Won the Mayor Quality Award nomination' },
};

/**
 * Labels of the coded options of the application file (contract §1), keyed by the code's field
 * name. The codes stay in the file; forms and exports show these words. The eligibility rules use
 * the same tables for their messages.
 */
export const applicationOptionLabels: Record<string, Record<string, Bilingual>> = {
  kind: { organization: { zh: '组织', en: 'Organisation' }, individual: { zh: '个人', en: 'Individual' } },
  productLevel: PRODUCT_LEVEL_LABELS,
  severity: ACCIDENT_SEVERITY,
  level: INSPECTION_LEVEL,
  event: HISTORY_EVENT,
};

/** `kind` is both the applicant kind and an accident's kind: the field path tells which. */
export function optionLabelsOf(path: string): Record<string, Bilingual> | undefined {
  if (/accidents\[\]\.kind$/.test(path)) return ACCIDENT_KIND;
  const name = path.slice(path.lastIndexOf('.') + 1);
  return applicationOptionLabels[name];
}

/** The three answers to a yes/no fact whose "unknown" is kept apart from "no" (contract §1). */
export const TRI_STATE_LABELS: { value: boolean | null; label: Bilingual }[] = [
  { value: true, label: { zh: '是', en: 'Yes' } },
  { value: false, label: { zh: '否', en: 'No' } },
  { value: null, label: { zh: '未填', en: 'Not filled in' } },
];
