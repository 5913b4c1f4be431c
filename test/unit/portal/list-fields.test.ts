import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { snapshotToApplication, parseApplication, evaluateEligibility, demoPortalAdapter, type FieldReadingLike } from '../../../src/index.ts';
import { splitList } from '../../../src/portal/snapshot.ts';
import { indexTargets } from '../../../src/portal/dom/targets.ts';
import { readTarget } from '../../../src/portal/dom/read.ts';
import { locateField } from '../../../src/portal/dom/locate.ts';

// Issue 11: a multiple select (所属行业) and a cascader (所在地区) as adapter fields: bound to the library
// widget, read as the texts it shows, and turned into lists by snapshotToApplication (no rule reads them:
// the application schema leaves them out of the parsed file).
const opts = { submittedOn: '2026-06-30', year: 2026 };
const r = (key: string, value: string | boolean | null): FieldReadingLike => ({ key, found: true, value });
const app = (...readings: FieldReadingLike[]) => snapshotToApplication([r('applicant.kind', '组织'), ...readings], opts) as { applicant: Record<string, unknown> };

describe('multiple-select and cascader adapter fields', () => {
  it('the demo adapter names 所属行业 a multiselect and 所在地区 a cascader, for organisations', () => {
    const byKey = (k: string) => demoPortalAdapter.fields.find((f) => f.key === k);
    expect(byKey('applicant.industry')?.type).toBe('multiselect');
    expect(byKey('applicant.region')?.type).toBe('cascader');
    expect(byKey('applicant.region')?.applicantKind).toBe('organization');
  });

  it('readings become lists; empty is unknown, not an empty list; the file still parses', () => {
    const a = app(r('applicant.industry', '制造业、建筑业'), r('applicant.region', '江苏省 / 连云港市 / 海州区'));
    expect(a.applicant.industry).toEqual(['制造业', '建筑业']);
    expect(a.applicant.region).toEqual(['江苏省', '连云港市', '海州区']);
    const parsed = parseApplication(a);
    expect(parsed.ok, JSON.stringify(parsed)).toBe(true);
    const blank = app(r('applicant.industry', ''), r('applicant.region', '  '));
    expect('industry' in blank.applicant || 'region' in blank.applicant).toBe(false);
  });

  it('no rule reads them: the verdict is the same with or without them', () => {
    const base = [r('applicant.name', '连云港示范精工有限公司'), r('applicant.establishedOn', '2010-01-01')];
    const without = parseApplication(app(...base));
    const withLists = parseApplication(app(...base, r('applicant.industry', '制造业'), r('applicant.region', '江苏省/连云港市/海州区')));
    if (!without.ok || !withLists.ok) throw new Error('both parse');
    expect(evaluateEligibility(withLists.application)).toEqual(evaluateEligibility(without.application));
  });

  it('property: items joined as a library shows them split back to the same items (prefill\'s JSON list too)', () => {
    const item = fc.string({ minLength: 1, maxLength: 8 }).map((s) => s.replace(/[、，,;；/／>＞\s[\]"\\]/g, '')).filter((s) => s.length > 0);
    fc.assert(fc.property(fc.array(item, { maxLength: 6 }), (items) => {
      expect(splitList('multiselect', items.join('、'))).toEqual(items);
      expect(splitList('cascader', items.join(' / '))).toEqual(items);
      expect(splitList('multiselect', JSON.stringify(items))).toEqual(items);
    }));
  });

  it('a native <select multiple> reads every chosen option, joined with 、', () => {
    document.body.innerHTML = `<label for="ind">所属行业</label><select id="ind" multiple><option value="">请选择</option><option value="m" selected>制造业</option><option value="b">建筑业</option><option value="s" selected>服务业</option></select>`;
    const b = locateField({ key: 'applicant.industry', type: 'multiselect', locators: [{ kind: 'label', text: '所属行业' }] }, indexTargets(document), document);
    expect(b.status).toBe('found');
    expect(readTarget(b.target!)).toBe('制造业、服务业');
  });

  it('Element Plus cascader: the path in its read-only input; antd cascader: the path in its selection item', () => {
    document.body.innerHTML = `<div class="el-form-item"><label class="el-form-item__label">所在地区</label><div class="el-form-item__content"><div class="el-cascader"><div class="el-input el-input--suffix"><div class="el-input__wrapper"><input class="el-input__inner" type="text" readonly autocomplete="off" placeholder="请选择" value="江苏省 / 连云港市 / 海州区"></div></div></div></div></div>`;
    const locate = () => locateField({ key: 'applicant.region', type: 'cascader', locators: [{ kind: 'label', text: '所在地区' }] }, indexTargets(document), document);
    expect(readTarget(locate().target!)).toBe('江苏省 / 连云港市 / 海州区');
    document.body.innerHTML = `<div class="ant-form-item"><div class="ant-form-item-label"><label title="所在地区">所在地区</label></div><div class="ant-form-item-control"><div class="ant-select ant-cascader ant-select-single"><div class="ant-select-selector"><span class="ant-select-selection-search"><input role="combobox" aria-haspopup="listbox" readonly class="ant-select-selection-search-input" value=""></span><span class="ant-select-selection-item" title="江苏省 / 连云港市 / 海州区">江苏省 / 连云港市 / 海州区</span></div></div></div></div>`;
    expect(readTarget(locate().target!)).toBe('江苏省 / 连云港市 / 海州区');
  });

  it('Element UI 2 multiple filterable select (a filter input and a read-only input in one select) is one field: its tags', () => {
    const tag = (t: string) => `<span class="el-tag el-tag--info el-tag--small el-tag--light"><span class="el-select__tags-text">${t}</span><i class="el-tag__close el-icon-close"></i></span>`;
    document.body.innerHTML = `<table><tr><td class="form-table__label">所属行业</td><td class="form-table__value"><div class="el-select"><div class="el-select__tags"><span>${tag('制造业')}${tag('服务业')}</span><input type="text" autocomplete="off" class="el-select__input"></div><div class="el-input el-input--suffix"><input tabindex="-1" type="text" readonly="readonly" autocomplete="off" placeholder="" class="el-input__inner"></div><div class="el-select-dropdown el-popper is-multiple" style="display: none"><ul class="el-select-dropdown__list"><li class="el-select-dropdown__item selected"><span>制造业</span></li><li class="el-select-dropdown__item"><span>建筑业</span></li></ul></div></div></td></tr></table>`;
    const b = locateField({ key: 'applicant.industry', type: 'multiselect', locators: [{ kind: 'label', text: '所属行业' }] }, indexTargets(document), document);
    expect(b.status).toBe('found');
    expect(readTarget(b.target!)).toBe('制造业、服务业');
  });
});
