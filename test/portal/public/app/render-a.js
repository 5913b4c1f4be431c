// Variant A: markup in the style of Element UI (`.el-form-item > label[for] + .el-form-item__content`).
import { h } from './dom.js';

export function renderFormA(fields, values, ctx) {
  const form = h('form', { class: 'el-form el-form--label-right', autocomplete: 'off', onsubmit: (e) => e.preventDefault() });
  for (const f of fields) form.append(item(f, values, ctx));
  return form;
}

function item(f, values, ctx) {
  const id = ctx.id('field_');
  const wrap = h('div', { class: `el-form-item${f.required ? ' is-required' : ''}`, 'data-prop': ctx.id('prop_') });
  wrap.append(h('label', { class: 'el-form-item__label', for: id }, f.label));
  wrap.append(h('div', { class: 'el-form-item__content' }, control(f, id, values, ctx)));
  return wrap;
}

function control(f, id, values, ctx) {
  const set = (v) => ctx.set(f.name, v);
  switch (f.type) {
    case 'text':
    case 'number':
      return h('div', { class: f.type === 'number' ? 'el-input-number' : 'el-input' },
        h('input', { id, class: 'el-input__inner', type: f.type === 'number' ? 'number' : 'text', min: f.type === 'number' ? '0' : null, placeholder: f.placeholder ?? '请输入', value: values[f.name] ?? '', oninput: (e) => set(e.target.value) }));
    case 'date':
      return h('div', { class: 'el-date-editor el-input' },
        h('input', { id, class: 'el-input__inner', type: 'text', placeholder: '选择日期（YYYY-MM-DD）', value: values[f.name] ?? '', oninput: (e) => set(e.target.value) }));
    case 'textarea':
      return h('div', { class: 'el-textarea' }, h('textarea', { id, class: 'el-textarea__inner', rows: 3, value: values[f.name] ?? '', oninput: (e) => set(e.target.value) }));
    case 'select':
      return h('div', { class: 'el-select' }, h('select', { id, class: 'el-input__inner', onchange: (e) => set(e.target.value ? e.target.selectedOptions[0].textContent : '') },
        h('option', { value: '' }, '请选择'),
        f.options.map((o, i) => h('option', { value: `opt_${i}`, selected: values[f.name] === o ? true : null }, o))),
      );
    case 'radio': {
      const name = ctx.id('r_');
      return h('div', { class: 'el-radio-group', role: 'radiogroup', id },
        f.options.map((o) => h('label', { class: 'el-radio' },
          h('span', { class: 'el-radio__input' }, h('input', { type: 'radio', class: 'el-radio__original', name, value: o, checked: values[f.name] === o, onchange: () => set(o) })),
          h('span', { class: 'el-radio__label' }, o))));
    }
    case 'checkbox':
      return h('label', { class: 'el-checkbox' },
        h('span', { class: 'el-checkbox__input' }, h('input', { id, type: 'checkbox', class: 'el-checkbox__original', checked: values[f.name] === true, onchange: (e) => set(e.target.checked) })),
        h('span', { class: 'el-checkbox__label' }, '是，本单位/本人确认'));
    case 'file':
      return h('div', { class: 'el-upload' },
        h('input', { id, type: 'file', class: 'el-upload__input', multiple: true, onchange: (e) => ctx.upload(f.name, e.target) }),
        h('ul', { class: 'el-upload-list' }, (values[f.name] ?? []).map((n) => h('li', { class: 'el-upload-list__item' }, n))));
    case 'table':
      return tableA(f, id, values, ctx);
  }
  return h('span', {}, '');
}

function tableA(f, id, values, ctx) {
  const rows = values[f.name] ?? [];
  const table = h('table', { class: 'el-table', id },
    h('thead', {}, h('tr', {}, f.columns.map((c) => h('th', { class: 'el-table__cell' }, c.label)), h('th', { class: 'el-table__cell' }, '操作'))),
    h('tbody', {}, rows.map((row, r) => h('tr', { class: 'el-table__row' },
      f.columns.map((c) => h('td', { class: 'el-table__cell' }, cell(c, row, (v) => { rows[r] = { ...rows[r], [c.name]: v }; ctx.set(f.name, rows, { rerender: false }); }))),
      h('td', { class: 'el-table__cell' }, h('button', { type: 'button', class: 'el-button el-button--text', onclick: () => { rows.splice(r, 1); ctx.set(f.name, rows); } }, '删除'))))),
  );
  return h('div', { class: 'el-table-wrap' }, table,
    h('button', { type: 'button', class: 'el-button el-button--small', onclick: () => ctx.set(f.name, [...rows, {}]) }, '+ 添加一行'));
}

export function cell(c, row, set) {
  const v = row[c.name] ?? '';
  if (c.type === 'select') {
    return h('select', { class: 'cell-input', onchange: (e) => set(e.target.selectedOptions[0]?.textContent === '请选择' ? '' : e.target.selectedOptions[0]?.textContent) },
      h('option', { value: '' }, '请选择'), c.options.map((o, i) => h('option', { value: `v${i}`, selected: v === o ? true : null }, o)));
  }
  return h('input', { class: 'cell-input', type: c.type === 'number' ? 'number' : 'text', placeholder: c.type === 'date' ? 'YYYY-MM-DD' : '', value: v, oninput: (e) => set(e.target.value) });
}
