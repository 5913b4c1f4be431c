import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { draftOverProfile, emptyProfileForm, sameProfileForm, toProfileForm, type ProfileForm } from '../../../entrypoints/options/profile-form.ts';
import { checkProfileForm } from '../../../entrypoints/options/profile-check.ts';
import { profileToValues } from '../../../src/messaging/profile.ts';

const filled: ProfileForm = {
  ...emptyProfileForm,
  'applicant.name': ' 连云港示范精工有限公司 ',
  'applicant.creditCode': '91320700ma1nxq0bx9',
  'applicant.establishedOn': '2015-03-01',
  'applicant.registeredInLianyungang': 'yes',
  'applicant.independentLegalPerson': 'yes',
  'applicant.productLevel': 'national-advanced',
  'applicant.registeredTrademarks': '3',
  'applicant.inventionPatents': '0',
  'applicant.exporter': 'no',
};

describe('applicant profile (options page → 填入资料)', () => {
  it('a valid form becomes the values prefill sends: trimmed, upper-cased code, counts as digits, product level as the application value', () => {
    const checked = checkProfileForm(filled);
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    expect(profileToValues(checked.data)).toEqual({
      'applicant.name': '连云港示范精工有限公司',
      'applicant.creditCode': '91320700MA1NXQ0BX9',
      'applicant.establishedOn': '2015-03-01',
      'applicant.registeredInLianyungang': true,
      'applicant.independentLegalPerson': true,
      'applicant.productLevel': 'national-advanced',
      'applicant.registeredTrademarks': '3',
      'applicant.inventionPatents': '0',
      'applicant.exporter': false,
    });
  });

  it('所属行业 and 所在地区 lists stored in the profile survive an edit in the editor, and go to prefill as JSON lists (issue 11)', () => {
    const stored = { 'applicant.name': '连云港示范精工有限公司', 'applicant.industry': ['制造业', '服务业'], 'applicant.region': ['江苏省', '连云港市', '海州区'] };
    const form = { ...toProfileForm(stored), 'applicant.registeredTrademarks': '3' };
    const checked = checkProfileForm(form);
    if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
    expect(checked.data['applicant.industry']).toEqual(['制造业', '服务业']);
    expect(checked.data['applicant.region']).toEqual(['江苏省', '连云港市', '海州区']);
    const values = profileToValues(checked.data)!;
    expect(JSON.parse(String(values['applicant.region']))).toEqual(['江苏省', '连云港市', '海州区']);
    expect(checkProfileForm(emptyProfileForm).ok && profileToValues((checkProfileForm(emptyProfileForm) as { data: unknown }).data)).toEqual({});
  });

  it('an empty form is valid and fills nothing', () => {
    const checked = checkProfileForm(emptyProfileForm);
    expect(checked.ok && profileToValues(checked.data)).toEqual({});
  });

  it.each([
    ['applicant.creditCode', '91320700MA1NXQ0BX8', '统一社会信用代码', 'Unified social credit code'],
    ['applicant.establishedOn', '2023-02-30', '成立日期', 'Date'],
    ['applicant.registeredTrademarks', '-1', '注册商标数量', 'whole number'],
    ['applicant.inventionPatents', '2.5', '发明专利数量', 'whole number'],
    ['applicant.qualityWorkInLianyungangSince', '2020-13-01', '', ''],
  ] as const)('a bad %s (%s) is refused, naming the field in both languages', (key, value, zh, en) => {
    const checked = checkProfileForm({ ...filled, [key]: value });
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(Object.keys(checked.errors)).toEqual([key]);
    expect(checked.errors[key]!.zh).toMatch(/[\u4e00-\u9fff]/);
    expect(checked.errors[key]!.zh).toContain(zh);
    expect(checked.errors[key]!.en).toMatch(new RegExp(en, 'i'));
  });

  it('第八条（二） certificates: blank rows are dropped, the rows go to prefill as the table JSON, a bad row is named by its number', () => {
    const rows = [
      { standard: 'GB/T 19001-2016', validUntil: '2027-05-31' },
      { standard: '', validUntil: '' },
      { standard: 'GB/T 24001-2016', validUntil: '2026-12-31' },
    ];
    const ok = checkProfileForm({ ...filled, 'applicant.qmsCertificates': rows });
    expect(ok.ok).toBe(true);
    if (!ok.ok) return;
    expect(JSON.parse(String(profileToValues(ok.data)!['applicant.qmsCertificates']))).toEqual([rows[0], rows[2]]);

    const bad = checkProfileForm({ ...filled, 'applicant.qmsCertificates': [rows[0]!, rows[1]!, { standard: 'GB/T 24001-2016', validUntil: '2026-02-30' }] });
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    // the third row as the user sees it (the blank second row does not shift the number)
    expect(bad.errors['applicant.qmsCertificates']!.zh).toContain('第 3 条');
    expect(bad.errors['applicant.qmsCertificates']!.en).toContain('item 3');
  });

  it('stored data and drafts read back into the same form (round trip), and anything odd reads as empty', () => {
    const checked = checkProfileForm(filled);
    if (!checked.ok) throw new Error('fixture must be valid');
    const back = toProfileForm(JSON.parse(JSON.stringify(checked.data)));
    expect(back['applicant.registeredTrademarks']).toBe('3');
    expect(back['applicant.exporter']).toBe('no');
    expect(sameProfileForm(toProfileForm(back), back)).toBe(true);
    for (const odd of [null, 42, 'text', [], { 'applicant.name': { evil: true }, 'applicant.exporter': 'maybe' }]) {
      expect(toProfileForm(odd)).toEqual(emptyProfileForm);
    }
  });

  it('never throws on any form a person could type (fast-check), and a valid one always yields string/boolean values', () => {
    const keys = (Object.keys(emptyProfileForm) as (keyof ProfileForm)[]).filter((k) => k !== 'applicant.qmsCertificates');
    fc.assert(
      fc.property(fc.record(Object.fromEntries(keys.map((k) => [k, fc.oneof(fc.string(), fc.constantFrom('', 'yes', 'no', '3', '2024-02-29'))]))), (typed) => {
        const form = { ...(typed as unknown as ProfileForm), 'applicant.qmsCertificates': [] };
        const checked = checkProfileForm(form);
        if (checked.ok) for (const v of Object.values(profileToValues(checked.data) ?? {})) expect(['string', 'boolean']).toContain(typeof v);
        else for (const e of Object.values(checked.errors)) expect(e!.zh.length * e!.en.length).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
  });
});

describe('draftOverProfile: a stored draft over the stored profile, field by field (issue 19)', () => {
  const formArb = fc.record({
    'applicant.name': fc.string(),
    'applicant.creditCode': fc.string(),
    'applicant.establishedOn': fc.string(),
    'applicant.registeredInLianyungang': fc.constantFrom('', 'yes', 'no'),
    'applicant.independentLegalPerson': fc.constantFrom('', 'yes', 'no'),
    'applicant.productLevel': fc.string(),
    'applicant.registeredTrademarks': fc.string(),
    'applicant.inventionPatents': fc.string(),
    'applicant.exporter': fc.constantFrom('', 'yes', 'no'),
    'applicant.qualityWorkInLianyungangSince': fc.string(),
    'applicant.qmsCertificates': fc.array(fc.record({ standard: fc.string(), validUntil: fc.string() }), { maxLength: 10 }),
    'applicant.industry': fc.array(fc.string(), { maxLength: 20 }),
    'applicant.region': fc.array(fc.string(), { maxLength: 6 }),
  }) as fc.Arbitrary<ProfileForm>;
  const keys = Object.keys(emptyProfileForm) as (keyof ProfileForm)[];

  it('each field the draft holds wins, every other field stays as stored; a full draft is the draft itself (fast-check)', () => {
    fc.assert(
      fc.property(formArb, formArb, fc.subarray(keys), (stored, typed, held) => {
        const draft = Object.fromEntries(held.map((k) => [k, typed[k]]));
        const merged = draftOverProfile(stored, JSON.parse(JSON.stringify(draft)));
        for (const k of keys) expect(merged[k]).toEqual(held.includes(k) ? typed[k] : stored[k]);
        expect(sameProfileForm(draftOverProfile(stored, JSON.parse(JSON.stringify(typed))), typed)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('anything that is not a draft leaves the stored profile as it is, and nothing throws (fast-check)', () => {
    fc.assert(
      fc.property(formArb, fc.anything(), (stored, junk) => {
        const merged = draftOverProfile(stored, junk);
        if (!junk || typeof junk !== 'object' || Array.isArray(junk)) expect(merged).toEqual(stored);
        for (const k of keys) expect(typeof merged[k] === 'string' || Array.isArray(merged[k])).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
