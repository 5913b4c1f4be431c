import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyPickedLocators, demoPortalAdapter, pickedToLocators, portalAdapterSchema } from '../../../src/portal/index.ts';

const field = (adapter: typeof demoPortalAdapter, key: string) => adapter.fields.find((x) => x.key === key)!;

describe('applyPickedLocators', () => {
  it('puts the picked locators first for that field, in the picker’s order, and keeps the old ones after', () => {
    const r = applyPickedLocators(demoPortalAdapter, 'applicant.establishedOn', [
      { kind: 'label', value: '企业成立时间' },
      { kind: 'path', value: '#app > form > div:nth-of-type(3) > input' },
      { kind: 'unknown', value: 'x' },
    ]);
    expect(r.ok).toBe(true);
    const before = field(demoPortalAdapter, 'applicant.establishedOn').locators;
    expect(field(r.adapter, 'applicant.establishedOn').locators).toEqual([
      { kind: 'label', text: '企业成立时间', precision: 'normalized' },
      { kind: 'path', css: '#app > form > div:nth-of-type(3) > input' },
      ...before,
    ]);
    expect(r.field).toEqual({ zh: '成立日期', en: 'Date of establishment' });
    expect(portalAdapterSchema.safeParse(r.adapter).success).toBe(true);
  });

  it('keeps every other field exactly as it was, and does not touch the input adapter', () => {
    const copy = structuredClone(demoPortalAdapter);
    const r = applyPickedLocators(demoPortalAdapter, 'applicant.establishedOn', [{ kind: 'name', value: 'foundedOn' }]);
    expect(r.adapter.fields.filter((f) => f.key !== 'applicant.establishedOn')).toEqual(demoPortalAdapter.fields.filter((f) => f.key !== 'applicant.establishedOn'));
    expect(demoPortalAdapter).toEqual(copy);
  });

  it('a locator picked again moves to the front instead of being listed twice', () => {
    const old = field(demoPortalAdapter, 'applicant.establishedOn').locators;
    const r = applyPickedLocators(demoPortalAdapter, 'applicant.establishedOn', [{ kind: 'name', value: 'x-new' }, { kind: 'label', value: '成立日期' }]);
    const locators = field(r.adapter, 'applicant.establishedOn').locators;
    expect(locators.slice(0, 2)).toEqual([{ kind: 'name', value: 'x-new' }, { kind: 'label', text: '成立日期', precision: 'normalized' }]);
    expect(old).toContainEqual({ kind: 'label', text: '成立日期', precision: 'normalized' });
    expect(locators.filter((l) => l.kind === 'label' && l.text === '成立日期')).toHaveLength(1);
    expect(locators).toHaveLength(old.length + 1);
  });

  it('with an applicant kind, changes only that kind’s entry of a key that has one per kind (单位名称 / 姓名)', () => {
    const r = applyPickedLocators(demoPortalAdapter, 'applicant.name', [{ kind: 'label', value: '申报人姓名' }], 'individual');
    expect(r.ok).toBe(true);
    const names = r.adapter.fields.filter((x) => x.key === 'applicant.name');
    expect(names.find((x) => x.applicantKind === 'individual')!.locators[0]).toEqual({ kind: 'label', text: '申报人姓名', precision: 'normalized' });
    expect(names.find((x) => x.applicantKind === 'organization')!.locators[0]).toEqual({ kind: 'label', text: '单位名称', precision: 'normalized' });
  });

  it('refuses an unknown field key with a zh + en message naming it, and returns the adapter unchanged', () => {
    const r = applyPickedLocators(demoPortalAdapter, 'applicant.nope', [{ kind: 'label', value: 'x' }]);
    expect(r.ok).toBe(false);
    expect(r.adapter).toBe(demoPortalAdapter);
    if (r.ok) return;
    expect(r.error.zh).toContain('没有字段');
    expect(r.error.zh).toContain('applicant.nope');
    expect(r.error.en).toContain('has no field');
    expect(r.error.en).toContain('applicant.nope');
  });

  it('refuses a pick with no usable locator, naming the field in zh + en, and changes nothing', () => {
    const r = applyPickedLocators(demoPortalAdapter, 'applicant.establishedOn', [{ kind: 'bogus', value: 'x' }]);
    expect(r.ok).toBe(false);
    expect(r.adapter).toBe(demoPortalAdapter);
    if (r.ok) return;
    expect(r.error.zh).toContain('“成立日期”未更改');
    expect(r.error.en).toContain('“Date of establishment” unchanged');
  });

  it('refuses what the adapter schema refuses (an empty label), and changes nothing', () => {
    const r = applyPickedLocators(demoPortalAdapter, 'applicant.establishedOn', [{ kind: 'label', value: '' }]);
    expect(r.ok).toBe(false);
    expect(r.adapter).toBe(demoPortalAdapter);
    if (r.ok) return;
    expect(r.error.zh).toContain('“成立日期”的新定位无效');
    expect(r.error.en).toContain('“Date of establishment” is invalid');
  });

  it('any pick either yields a schema-valid adapter starting with the picked locators, or the adapter unchanged (property)', () => {
    const keys = [...new Set(demoPortalAdapter.fields.map((f) => f.key)), 'applicant.unknown'];
    const pick = fc.record({ kind: fc.constantFrom('label', 'aria', 'name', 'path', 'other'), value: fc.string({ maxLength: 40 }) });
    fc.assert(
      fc.property(fc.constantFrom(...keys), fc.array(pick, { maxLength: 4 }), (key, picked) => {
        const r = applyPickedLocators(demoPortalAdapter, key, picked);
        if (!r.ok) return r.adapter === demoPortalAdapter && r.error.zh.length > 0 && r.error.en.length > 0;
        const fresh = pickedToLocators(picked);
        return (
          portalAdapterSchema.safeParse(r.adapter).success &&
          // (the schema may normalise a value, e.g. trim a label, so compare the kinds in order)
          r.adapter.fields.filter((f) => f.key === key).every((f) => JSON.stringify(f.locators.slice(0, fresh.length).map((l) => l.kind)) === JSON.stringify(fresh.map((l) => l.kind)))
        );
      }),
    );
  });
});
