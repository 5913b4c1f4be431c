import { describe, expect, it } from 'vitest';
import { jsonFormsTranslator, rjsfTransformErrors, rjsfTranslateString, validationMessage } from '../../../src/export/form-engine-texts.ts';

describe('the form engines’ own words (form-engine-texts)', () => {
  it('JSON Forms: labels keep the schema’s title; errors and array words in Chinese; English leaves the engine alone', () => {
    const t = jsonFormsTranslator('zh');
    expect(t('applicant.creditCode.label', '统一社会信用代码')).toBe('统一社会信用代码');
    expect(t('applicant.creditCode.error.pattern', undefined, { error: { keyword: 'pattern' } })).toBe('格式不正确');
    expect(t('error.minimum', undefined, { error: { keyword: 'minimum', params: { limit: 0 } } })).toBe('不能小于 0');
    expect(t('applicant.x.error.custom', undefined, {})).toBeUndefined();
    expect(t('history.addTooltip', 'Add to 以往申报和获奖记录')).toBe('添加一项');
    expect(t('history.noDataMessage', 'No data')).toBe('暂无数据');
    expect(jsonFormsTranslator('en')('history.addTooltip', 'Add to history')).toBe('Add to history');
  });

  it('RJSF: its strings translated with parameters; "then" echoes dropped; messages named by field', () => {
    expect(rjsfTranslateString('zh')('Errors')).toBe('请更正以下问题');
    expect(rjsfTranslateString('zh')('%1 option %2', ['申报主体', '2'])).toBe('申报主体 选项 2');
    expect(rjsfTranslateString('en')('Add Item')).toBe('Add Item');
    const errors = [
      { name: 'pattern', message: 'must match pattern', params: { pattern: 'x' }, stack: "'统一社会信用代码' must match pattern", title: '统一社会信用代码', property: '.applicant.creditCode' },
      { name: 'if', message: 'must match "then" schema', stack: '.applicant must match "then" schema', property: '.applicant' },
    ];
    expect(rjsfTransformErrors('zh')(errors)).toEqual([{ ...errors[0], message: '格式不正确', stack: '统一社会信用代码：格式不正确' }]);
    expect(rjsfTransformErrors('en')(errors)).toBe(errors);
    expect(validationMessage('zh', 'unknownKeyword')).toBeUndefined();
  });
});
