// Variant B: markup in the style of Ant Design: two columns, a different field order, and three ways
// of tying a label to its control (label[for], aria-labelledby on a plain span, or nothing but
// proximity), as low-code platforms mix them.
import { h } from './dom.js';
import { cell } from './render-a.js';

// Which tie each field gets: stable per field, so tests can rely on every kind being present.
export function tieOf(f) {
  let x = 0;
  for (const ch of f.name) x = (x * 31 + ch.charCodeAt(0)) >>> 0;
  return ['for', 'labelledby', 'proximity'][x % 3];
}

export function renderFormB(fields, values, ctx) {
  // Different order: wide items (tables, long labels) first, then the rest in reverse.
  const wide = fields.filter((f) => f.type === 'table' || f.type === 'textarea');
  const rest = fields.filter((f) => !wide.includes(f)).reverse();
  const form = h('form', { class: 'ant-form ant-form-vertical', autocomplete: 'off', onsubmit: (e) => e.preventDefault() });
  for (const f of wide) form.append(h('div', { class: 'ant-row' }, h('div', { class: 'ant-col ant-col-24' }, item(f, values, ctx))));
  for (let i = 0; i < rest.length; i += 2) {
    form.append(h('div', { class: 'ant-row ant-row-gutter' },
      rest.slice(i, i + 2).map((f) => h('div', { class: 'ant-col ant-col-12' }, item(f, values, ctx)))));
  }
  return form;
}

function item(f, values, ctx) {
  const id = ctx.id('rc_');
  const labelId = ctx.id('lbl_');
  const tie = f.type === 'radio' || f.type === 'table' ? (tieOf(f) === 'for' ? 'labelledby' : tieOf(f)) : tieOf(f);
  const text = [f.required ? h('span', { class: 'ant-form-item-required-mark' }, '*') : null, f.label, '：'];
  const label = tie === 'for'
    ? h('label', { for: id, class: f.required ? 'ant-form-item-required' : null, title: f.label }, text)
    : h('span', { id: tie === 'labelledby' ? labelId : null, class: 'ant-form-item-label-text' }, text);
  const labelledBy = tie === 'labelledby' ? labelId : null;
  return h('div', { class: 'ant-form-item' },
    h('div', { class: 'ant-row ant-form-item-row' },
      h('div', { class: 'ant-col ant-form-item-label' }, label),
      h('div', { class: 'ant-col ant-form-item-control' }, h('div', { class: 'ant-form-item-control-input' }, control(f, id, labelledBy, values, ctx)))));
}

function control(f, id, labelledBy, values, ctx) {
  const set = (v) => ctx.set(f.name, v);
  const aria = labelledBy ? { 'aria-labelledby': labelledBy } : {};
  switch (f.type) {
    case 'text':
      return h('input', { id, ...aria, class: 'ant-input', type: 'text', placeholder: f.placeholder ?? '', value: values[f.name] ?? '', oninput: (e) => set(e.target.value) });
    case 'number':
      return h('div', { class: 'ant-input-number' }, h('input', { id, ...aria, class: 'ant-input-number-input', type: 'text', inputmode: 'numeric', role: 'spinbutton', value: values[f.name] ?? '', oninput: (e) => set(e.target.value) }));
    case 'date':
      return h('div', { class: 'ant-picker' }, h('input', { id, ...aria, type: 'date', value: values[f.name] ?? '', oninput: (e) => set(e.target.value) }));
    case 'textarea':
      return h('textarea', { id, ...aria, class: 'ant-input', rows: 3, value: values[f.name] ?? '', oninput: (e) => set(e.target.value) });
    case 'select':
      return h('select', { id, ...aria, class: 'ant-select', onchange: (e) => set(e.target.value) },
        h('option', { value: '' }, '--请选择--'),
        f.options.map((o) => h('option', { value: o, selected: values[f.name] === o ? true : null }, o)));
    case 'radio': {
      const name = ctx.id('radio_');
      return h('div', { class: 'ant-radio-group', role: 'radiogroup', id, ...aria },
        f.options.map((o) => h('label', { class: 'ant-radio-wrapper' },
          h('span', { class: 'ant-radio' }, h('input', { type: 'radio', class: 'ant-radio-input', name, value: o, checked: values[f.name] === o, onchange: () => set(o) })),
          h('span', {}, o))));
    }
    case 'checkbox':
      return h('label', { class: 'ant-checkbox-wrapper' },
        h('span', { class: 'ant-checkbox' }, h('input', { id, ...aria, type: 'checkbox', class: 'ant-checkbox-input', checked: values[f.name] === true, onchange: (e) => set(e.target.checked) })),
        h('span', {}, '确认'));
    case 'file':
      return h('span', { class: 'ant-upload' },
        h('input', { id, ...aria, type: 'file', multiple: true, onchange: (e) => ctx.upload(f.name, e.target) }),
        h('ul', { class: 'ant-upload-list' }, (values[f.name] ?? []).map((n) => h('li', { class: 'ant-upload-list-item' }, n))));
    case 'table': {
      const rows = values[f.name] ?? [];
      return h('div', { class: 'ant-table', id, ...aria },
        h('table', {},
          h('thead', { class: 'ant-table-thead' }, h('tr', {}, f.columns.map((c) => h('th', { class: 'ant-table-cell' }, c.label)), h('th', { class: 'ant-table-cell' }, ''))),
          h('tbody', { class: 'ant-table-tbody' }, rows.map((row, r) => h('tr', { class: 'ant-table-row' },
            f.columns.map((c) => h('td', { class: 'ant-table-cell' }, cell(c, row, (v) => { rows[r] = { ...rows[r], [c.name]: v }; ctx.set(f.name, rows, { rerender: false }); }))),
            h('td', { class: 'ant-table-cell' }, h('a', { href: '#', onclick: (e) => { e.preventDefault(); rows.splice(r, 1); ctx.set(f.name, rows); } }, '删除')))))),
        h('button', { type: 'button', class: 'ant-btn ant-btn-dashed', onclick: () => ctx.set(f.name, [...rows, {}]) }, '+ 新增'));
    }
  }
  return h('span', {}, '');
}
