import { fieldLabel } from '@/src/application/labels.ts';
import type { Bilingual } from '@/src/core/i18n.ts';
import { profileDataSchema, type ProfileData } from '@/src/messaging/profile.ts';
import { toBool, type ProfileForm, type ProfileKey } from './profile-form.ts';

// The profile form's check on save, apart from the form itself (profile-form.ts): it needs the profile's zod schema,
// which the options page loads beside its stores, after the first paint (issue 19).

export type ProfileCheck = { ok: true; data: ProfileData } | { ok: false; errors: Partial<Record<ProfileKey, Bilingual>> };

/** Validates the form; each error names its field in both languages. */
export function checkProfileForm(form: ProfileForm): ProfileCheck {
  // blank certificate rows are dropped; errors still name the row as the user sees it
  const certificateRows = form['applicant.qmsCertificates']
    .map((row, shown) => [row, shown] as const)
    .filter(([r]) => r.standard.trim() !== '' || r.validUntil.trim() !== '');
  const parsed = profileDataSchema.safeParse({
    ...form,
    'applicant.registeredInLianyungang': toBool(form['applicant.registeredInLianyungang']),
    'applicant.independentLegalPerson': toBool(form['applicant.independentLegalPerson']),
    'applicant.exporter': toBool(form['applicant.exporter']),
    'applicant.qmsCertificates': certificateRows.map(([row]) => row),
  });
  const errors: Partial<Record<ProfileKey, Bilingual>> = {};
  // 所在地区 is a path: a blank level above a filled one would silently shift the levels below it
  const region = Array.isArray(form['applicant.region']) ? form['applicant.region'].map((x) => String(x).trim()) : [];
  const gap = region.findIndex((x, i) => x === '' && region.slice(i + 1).some((y) => y !== ''));
  if (gap >= 0) {
    const label = fieldLabel('applicant.region');
    errors['applicant.region'] = {
      zh: `${label.zh}：第 ${gap + 1} 级为空，请从上一级起逐级填写`,
      en: `${label.en}: level ${gap + 1} is blank; fill the levels in order from the top`,
    };
  }
  if (parsed.success && gap < 0) return { ok: true, data: parsed.data };
  if (parsed.success) return { ok: false, errors };
  for (const issue of parsed.error.issues) {
    const key = String(issue.path[0] ?? '') as ProfileKey;
    if (errors[key]) continue;
    // a certificate row is named with its number: 质量管理体系认证证书（第 2 条）
    const row = typeof issue.path[1] === 'number' ? certificateRows[issue.path[1]]?.[1] : undefined;
    const label = fieldLabel(row !== undefined ? `${key}[${row}]` : key);
    const [zh, en] = issue.message.includes(' / ') ? issue.message.split(' / ') : [issue.message, issue.message];
    errors[key] = { zh: `${label.zh}：${zh}`, en: `${label.en}: ${en}` };
  }
  return { ok: false, errors };
}
