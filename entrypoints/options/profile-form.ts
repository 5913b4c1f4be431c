/** The profile editor's form: what the inputs hold, as typed. */
export interface ProfileForm {
  'applicant.name': string;
  'applicant.creditCode': string;
  'applicant.establishedOn': string;
  'applicant.registeredInLianyungang': YesNo;
  'applicant.independentLegalPerson': YesNo;
  'applicant.productLevel': string;
  'applicant.registeredTrademarks': string;
  'applicant.inventionPatents': string;
  'applicant.exporter': YesNo;
  'applicant.qualityWorkInLianyungangSince': string;
  /** 第八条（二） certificates, as typed (blank rows are dropped on save) */
  'applicant.qmsCertificates': CertificateRow[];
  /** 所属行业 (several, as the portal's own texts) and 所在地区 (the path, top level first) */
  'applicant.industry': string[];
  'applicant.region': string[];
}
export interface CertificateRow {
  standard: string;
  validUntil: string;
}
export type YesNo = '' | 'yes' | 'no';
export type ProfileKey = keyof ProfileForm;
/** the keys edited as one input each (text, date or a choice) */
export type SingleKey = Exclude<ProfileKey, 'applicant.qmsCertificates' | 'applicant.industry' | 'applicant.region'>;

export const YES_NO_KEYS = ['applicant.registeredInLianyungang', 'applicant.independentLegalPerson', 'applicant.exporter'] as const;
const TEXT_KEYS = [
  'applicant.name',
  'applicant.creditCode',
  'applicant.establishedOn',
  'applicant.productLevel',
  'applicant.registeredTrademarks',
  'applicant.inventionPatents',
  'applicant.qualityWorkInLianyungangSince',
] as const;

export const emptyProfileForm: ProfileForm = {
  'applicant.name': '',
  'applicant.creditCode': '',
  'applicant.establishedOn': '',
  'applicant.registeredInLianyungang': '',
  'applicant.independentLegalPerson': '',
  'applicant.productLevel': '',
  'applicant.registeredTrademarks': '',
  'applicant.inventionPatents': '',
  'applicant.exporter': '',
  'applicant.qualityWorkInLianyungangSince': '',
  'applicant.qmsCertificates': [],
  'applicant.industry': [],
  'applicant.region': [],
};

/** The setting that keeps what was typed but not saved yet (closing the page loses nothing). */
export const PROFILE_DRAFT_SETTING = 'profileEditorDraft';

const yn = (v: unknown): YesNo => (v === true || v === 'yes' ? 'yes' : v === false || v === 'no' ? 'no' : '');
/** a yes/no answer as the stored profile holds it */
export const toBool = (v: YesNo) => (v === 'yes' ? true : v === 'no' ? false : null);

/** Stored profile data (or a stored draft) → the form; anything unexpected reads as empty. */
export function toProfileForm(data: unknown): ProfileForm {
  const d = (data && typeof data === 'object' ? data : {}) as Record<string, unknown>;
  const form = { ...emptyProfileForm };
  for (const key of TEXT_KEYS) {
    const v = d[key];
    form[key] = typeof v === 'string' ? v : typeof v === 'number' && Number.isFinite(v) ? String(v) : '';
  }
  for (const key of YES_NO_KEYS) form[key] = yn(d[key]);
  const rows = d['applicant.qmsCertificates'];
  form['applicant.qmsCertificates'] = Array.isArray(rows)
    ? rows.slice(0, 10).flatMap((r) => {
        if (!r || typeof r !== 'object') return [];
        const { standard, validUntil } = r as Record<string, unknown>;
        return [{ standard: typeof standard === 'string' ? standard : '', validUntil: typeof validUntil === 'string' ? validUntil : '' }];
      })
    : [];
  for (const key of ['applicant.industry', 'applicant.region'] as const) {
    const list = d[key];
    form[key] = Array.isArray(list) ? list.filter((x): x is string => typeof x === 'string').slice(0, 20) : [];
  }
  return form;
}

/** A stored draft over the stored profile's form: each field the draft holds wins, the others stay as stored. */
export function draftOverProfile(stored: ProfileForm, draft: unknown): ProfileForm {
  if (!draft || typeof draft !== 'object' || Array.isArray(draft)) return stored;
  const fromDraft = toProfileForm(draft);
  const merged = { ...stored };
  for (const key of Object.keys(emptyProfileForm) as ProfileKey[]) {
    if (Object.hasOwn(draft, key)) (merged as Record<ProfileKey, unknown>)[key] = fromDraft[key];
  }
  return merged;
}

export function sameProfileForm(a: ProfileForm, b: ProfileForm): boolean {
  return (Object.keys(emptyProfileForm) as ProfileKey[]).every((k) => JSON.stringify(a[k]) === JSON.stringify(b[k]));
}
