import { describe, expect, it } from 'vitest';
import { indexTargets } from '../../../src/portal/dom/targets.ts';
import { readTarget } from '../../../src/portal/dom/read.ts';
import { locateField } from '../../../src/portal/dom/locate.ts';

// Markup in the shape the libraries render (copied from Element Plus 2 / Ant Design Vue 4 / antd 5 /
// Element UI 2 output, trimmed): the drivers must bind and read it by roles, labels and class suffixes.
const bind = (type: string, label: string) => {
  const targets = indexTargets(document);
  const b = locateField({ key: 'k', type, locators: [{ kind: 'label', text: label }] }, targets, document);
  return b;
};
const read = (type: string, label: string) => {
  const b = bind(type, label);
  expect(b.status, `${label} bound`).toBe('found');
  return readTarget(b.target!, [{ key: 'standard', header: '认证标准' }, { key: 'number', header: '证书编号' }]);
};

describe('widget drivers', () => {
  it('Element Plus select: the chosen text beside a readonly combobox; the greyed placeholder is no value', () => {
    const item = (text: string, transparent: boolean) => `<div class="el-form-item"><label for="s1" class="el-form-item__label">主导产品技术和质量指标水平</label><div class="el-form-item__content"><div class="el-select"><div class="el-select__wrapper"><div class="el-select__selection"><div class="el-select__selected-item el-select__input-wrapper is-hidden"><input id="s1" class="el-select__input" role="combobox" readonly aria-haspopup="listbox" value=""></div><div class="el-select__selected-item el-select__placeholder${transparent ? ' is-transparent' : ''}"><span>${text}</span></div></div></div></div></div></div>`;
    document.body.innerHTML = item('请选择', true);
    expect(read('select', '主导产品技术和质量指标水平')).toBe('');
    document.body.innerHTML = item('国内先进', false);
    expect(read('select', '主导产品技术和质量指标水平')).toBe('国内先进');
  });

  it('antd select (div label, no for), multiple as tags joined with 、', () => {
    document.body.innerHTML = `<div class="ant-form-item"><div class="ant-form-item-label"><label title="所属行业">所属行业</label></div><div class="ant-form-item-control"><div class="ant-select ant-select-multiple"><div class="ant-select-selector"><div class="ant-select-selection-overflow"><div class="ant-select-selection-overflow-item"><span class="ant-select-selection-item" title="制造业"><span class="ant-select-selection-item-content">制造业</span></span></div><div class="ant-select-selection-overflow-item"><span class="ant-select-selection-item" title="建筑业"><span class="ant-select-selection-item-content">建筑业</span></span></div><div class="ant-select-selection-search"><input role="combobox" aria-haspopup="listbox" readonly value=""></div></div></div></div></div></div>`;
    expect(read('select', '所属行业')).toBe('制造业、建筑业');
  });

  it('a multiple select with collapsed tags (“+ 1”): the chosen options of the list it controls, never “+ 1” as an item; no list, no guess', () => {
    const select = (list: string) => `<div class="el-form-item"><div class="el-form-item__label"><div class="lbl"><span>所属行业</span><span>：</span></div></div><div class="el-form-item__content"><div class="el-select"><div class="el-select__wrapper"><div class="el-select__selection"><div class="el-select__selected-item"><span class="el-tag"><span class="el-tag__content"><span class="el-select__tags-text">制造业</span></span></span></div><div class="el-select__selected-item el-select__collapse-item"><span class="el-tag"><span class="el-tag__content"><span class="el-select__tags-text"> + 1</span></span></span></div><div class="el-select__selected-item el-select__input-wrapper"><input type="text" class="el-select__input" role="combobox" aria-controls="lst" aria-expanded="false" aria-haspopup="listbox" value=""></div></div></div></div></div></div>${list}`;
    document.body.innerHTML = select(`<div class="el-select-dropdown"><ul id="lst" role="listbox"><li role="option" aria-selected="true">制造业</li><li role="option" aria-selected="false">建筑业</li><li role="option" aria-selected="true">服务业</li></ul></div>`);
    expect(read('multiselect', '所属行业')).toBe('制造业、服务业');
    document.body.innerHTML = select('');
    expect(read('multiselect', '所属行业')).toBe('');
    // a list that draws only some options (antd's accessible list): fewer chosen than the tags count, unknown
    document.body.innerHTML = select(`<ul id="lst" role="listbox"><li role="option" aria-selected="true">制造业</li></ul>`);
    expect(read('multiselect', '所属行业')).toBe('');
  });

  it('antd maxTagCount (“+ 1 ...”): the accessible list draws a window of options; the chosen ones are read from the popup\'s drawn list, or unknown', () => {
    // antd 5 output, trimmed: the accessible listbox holds only the options around the active one
    const select = (popup: string) => `<div class="ant-form-item"><div class="ant-form-item-label"><label for="apply_industry" title="所属行业">所属行业</label></div><div class="ant-form-item-control"><div class="ant-select ant-select-multiple"><div class="ant-select-selector"><div class="ant-select-selection-overflow"><div class="ant-select-selection-overflow-item"><span title="制造业" class="ant-select-selection-item"><span class="ant-select-selection-item-content">制造业</span></span></div><div class="ant-select-selection-overflow-item ant-select-selection-overflow-item-rest"><span title="+ 1 ..." class="ant-select-selection-item"><span class="ant-select-selection-item-content">+ 1 ...</span></span></div><div class="ant-select-selection-overflow-item"><div class="ant-select-selection-search"><input type="search" id="apply_industry" role="combobox" aria-haspopup="listbox" aria-owns="apply_industry_list" aria-controls="apply_industry_list" value=""></div></div></div></div></div></div></div>${popup}`;
    const a11y = `<div role="listbox" id="apply_industry_list"><div aria-label="农业" role="option" aria-selected="false">农业</div><div aria-label="服务业" role="option" aria-selected="true">服务业</div><div aria-label="其他" role="option" aria-selected="false">其他</div></div>`;
    const drawn = (options: [string, boolean][]) => `<div class="rc-virtual-list"><div class="rc-virtual-list-holder-inner">${options.map(([t, on]) => `<div aria-selected="${on}" class="ant-select-item ant-select-item-option${on ? ' ant-select-item-option-selected' : ''}" title="${t}"><div class="ant-select-item-option-content">${t}</div></div>`).join('')}</div></div>`;
    document.body.innerHTML = select(`<div class="ant-select-dropdown ant-select-dropdown-hidden"><div>${a11y}${drawn([['制造业', true], ['建筑业', false], ['农业', false], ['服务业', true], ['其他', false]])}</div></div>`);
    expect(read('multiselect', '所属行业')).toBe('制造业、服务业');
    // a virtual list that drew only part of the options: fewer chosen than the tags count, unknown, never a guess
    document.body.innerHTML = select(`<div class="ant-select-dropdown"><div>${a11y}${drawn([['服务业', true], ['其他', false]])}</div></div>`);
    expect(read('multiselect', '所属行业')).toBe('');
    // chosen-looking elements outside the select's own popup do not count
    document.body.innerHTML = select(`<div class="ant-select-dropdown"><div>${a11y}</div></div><div class="ant-select-dropdown">${drawn([['制造业', true]])}</div>`);
    expect(read('multiselect', '所属行业')).toBe('');
  });

  it('Element UI select: the input holds the label text', () => {
    document.body.innerHTML = `<table><tbody><tr><td class="form-table__label">主导产品技术和质量指标水平</td><td><div class="el-select"><div class="el-input"><input readonly class="el-input__inner" placeholder="请选择" value="省内先进"></div></div></td></tr></tbody></table>`;
    expect(read('select', '主导产品技术和质量指标水平')).toBe('省内先进');
  });

  it('Element UI select before its first opening: the option list still inside the select is not its value', () => {
    document.body.innerHTML = `<table><tbody><tr><td class="form-table__label">主导产品技术和质量指标水平</td><td><div class="el-select"><div class="el-input el-input--suffix"><input readonly class="el-input__inner" placeholder="请选择" value=""><span class="el-input__suffix"><i class="el-select__caret el-icon-arrow-up"></i></span></div><div class="el-select-dropdown el-popper" style="display: none; min-width: 240px;"><div class="el-scrollbar"><ul class="el-scrollbar__view el-select-dropdown__list"><li class="el-select-dropdown__item"><span>国际先进</span></li><li class="el-select-dropdown__item"><span>国内先进</span></li></ul></div></div></div></td></tr></tbody></table>`;
    expect(read('select', '主导产品技术和质量指标水平')).toBe('');
  });

  it('nameless radios outside a radiogroup are one group, labelled by the form item', () => {
    document.body.innerHTML = `<div class="ant-form-item"><div class="ant-form-item-label"><label>申报类型</label></div><div class="ant-form-item-control"><div class="ant-radio-group"><label class="ant-radio-wrapper"><span class="ant-radio"><input type="radio" value="组织"></span><span>组织</span></label><label class="ant-radio-wrapper"><span class="ant-radio"><input type="radio" value="个人" checked></span><span>个人</span></label></div></div></div>`;
    expect(read('select', '申报类型')).toBe('个人');
  });

  it('a <button role="switch"> reads aria-checked; Element UI’s div switch with an inner checkbox is one field', () => {
    document.body.innerHTML = `<div class="ant-form-item"><div class="ant-form-item-label"><label>符合政策</label></div><div><button type="button" role="switch" aria-checked="true" class="ant-switch"><span>是</span></button></div></div>`;
    expect(read('boolean', '符合政策')).toBe(true);
    document.body.innerHTML = `<div class="el-form-item"><div class="el-form-item__label">符合政策</div><div><div role="switch" aria-checked="false" class="el-switch"><input type="checkbox" class="el-switch__input"><span class="el-switch__core"></span></div></div></div>`;
    expect(read('boolean', '符合政策')).toBe('');
  });

  it('a split header/body table is one table; the library\'s 暂无数据 row is no row; cell selects read their text', () => {
    const body = (rows: string) => `<div class="el-form-item"><div class="el-form-item__label">质量管理体系认证证书</div><div class="el-form-item__content"><div class="el-table"><div class="el-table__header-wrapper"><table><thead><tr><th>认证标准</th><th>证书编号</th></tr></thead></table></div><div class="el-table__body-wrapper"><table><tbody>${rows}</tbody></table></div></div><button>+ 添加一行</button></div></div>`;
    document.body.innerHTML = body('<tr><td colspan="2">暂无数据</td></tr>');
    expect(read('table', '质量管理体系认证证书')).toBe('[]');
    document.body.innerHTML = body(`<tr><td><div class="el-select"><div class="el-select__wrapper"><input role="combobox" readonly aria-haspopup="listbox" value=""><div class="el-select__selected-item el-select__placeholder"><span>GB/T 19001-2016</span></div></div></div></td><td><input value="QMS-1"></td></tr>`);
    expect(JSON.parse(read('table', '质量管理体系认证证书') as string)).toEqual([{ standard: 'GB/T 19001-2016', number: 'QMS-1' }]);
    // the row's controls are cells of the table, not fields of their own
    expect(indexTargets(document).filter((t) => t.kind !== 'table')).toHaveLength(0);
  });

  it('upload: names from the library\'s list item name, not its status text; the emptied file input counts nothing itself', () => {
    document.body.innerHTML = `<div class="el-form-item"><div class="el-form-item__label">营业执照</div><div class="el-form-item__content"><div><div class="el-upload"><button type="button">选择文件</button><input type="file" class="el-upload__input"></div><ul class="el-upload-list"><li class="el-upload-list__item is-ready"><a class="el-upload-list__item-name"><i></i><span>licence.pdf</span></a><label class="el-upload-list__item-status-label"></label><i class="el-icon--close-tip">按 delete 键可删除</i></li></ul></div></div></div>`;
    expect(read('file', '营业执照')).toBe('licence.pdf');
  });

  it('hostile markup: a combobox whose label is claimed twice binds neither; a date picker (dialog popup) stays a text field', () => {
    document.body.innerHTML = `<div class="el-form-item"><div class="el-form-item__label">成立日期</div><div><input role="combobox" aria-haspopup="dialog" value="2020-01-01"></div></div>`;
    expect(read('date', '成立日期')).toBe('2020-01-01');
    document.body.innerHTML = `<div><div class="x-label">主导产品技术和质量指标水平</div><div class="ant-select"><input role="combobox" readonly aria-haspopup="listbox"><span class="ant-select-selection-item">国际先进</span></div></div><div><div class="x-label">主导产品技术和质量指标水平</div><div class="ant-select"><input role="combobox" readonly aria-haspopup="listbox"><span class="ant-select-selection-item">省内先进以下</span></div></div>`;
    expect(bind('select', '主导产品技术和质量指标水平').status).toBe('ambiguous');
  });
});
