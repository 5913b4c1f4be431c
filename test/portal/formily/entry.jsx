// The Formily fixture: the same application form as a JSON schema rendered by Formily's own antd
// binding (@formily/antd-v5), as low-code platforms do. Bundled in memory by the portal server
// (test/portal/server.mjs → /vendor/formily.js); the page is /app/apply/lib/formily.html.
import React from 'react';
import { createRoot } from 'react-dom/client';
import { createForm } from '@formily/core';
import { FormProvider, createSchemaField } from '@formily/react';
import {
  FormItem, FormLayout, FormGrid, FormStep, FormButtonGroup, Input, NumberPicker, Select, DatePicker, Radio, Checkbox,
  Switch, Cascader, Upload, ArrayTable,
} from '@formily/antd-v5';
import { Button } from 'antd';
import { steps, fields } from '../public/app/apply/lib/spec.js';

const SchemaField = createSchemaField({
  components: { FormItem, FormGrid, FormStep, Input, NumberPicker, Select, DatePicker, Radio, Checkbox, Switch, Cascader, Upload, ArrayTable },
});

const opts = (list) => list.map((o) => ({ value: o, label: o }));
const shownWhen = (f) => {
  if (!f.kind && !f.when) return undefined;
  return (field) => {
    const kind = field.query('kind').value() === '个人' ? 'individual' : 'organization';
    const headed = field.query('headsOrg').value() === '是';
    field.display = (!f.kind || f.kind === kind) && (!f.when || headed) ? 'visible' : 'none';
  };
};

function widgetSchema(f) {
  const base = { title: f.label, required: !!f.required, 'x-decorator': 'FormItem' };
  switch (f.type) {
    case 'text': return { ...base, type: 'string', 'x-component': 'Input', 'x-component-props': { placeholder: f.placeholder || '请输入' } };
    case 'textarea': return { ...base, type: 'string', 'x-component': 'Input.TextArea' };
    case 'number': return { ...base, type: 'number', 'x-component': 'NumberPicker', 'x-component-props': { min: 0 } };
    case 'select': return { ...base, type: f.multiple ? 'array' : 'string', enum: opts(f.options), 'x-component': 'Select', 'x-component-props': { mode: f.multiple ? 'multiple' : undefined, showSearch: !!f.filterable, allowClear: true, placeholder: '请选择' } };
    case 'date': return { ...base, type: 'string', 'x-component': 'DatePicker', 'x-component-props': { format: 'YYYY-MM-DD', placeholder: '选择日期' } };
    case 'radio': return { ...base, type: 'string', enum: opts(f.options), 'x-component': 'Radio.Group', default: f.initial };
    case 'checkbox': return { ...base, type: 'boolean', 'x-component': 'Checkbox', 'x-content': '是，本单位/本人确认' };
    case 'checkboxes': return { ...base, type: 'array', enum: opts(f.options), 'x-component': 'Checkbox.Group' };
    case 'switch': return { ...base, type: 'boolean', 'x-component': 'Switch', 'x-component-props': { checkedChildren: '是', unCheckedChildren: '否' } };
    case 'cascader': return { ...base, type: 'array', enum: f.options, 'x-component': 'Cascader', 'x-component-props': { placeholder: '请选择省/市/区' } };
    case 'file': return { ...base, type: 'array', 'x-component': 'Upload', 'x-component-props': { multiple: true, beforeUpload: () => false, textContent: '选择文件' } };
    case 'table': return {
      ...base, type: 'array', 'x-component': 'ArrayTable', 'x-component-props': { pagination: false, bordered: true, size: 'small', rowKey: (r) => JSON.stringify(r) },
      items: { type: 'object', properties: Object.fromEntries([
        ...f.columns.map((c, i) => [`col${i}`, { type: 'void', 'x-component': 'ArrayTable.Column', 'x-component-props': { title: c.label }, properties: { [c.name]: { ...widgetSchema({ ...c, label: undefined }), title: undefined, required: false } } }]),
        ['op', { type: 'void', 'x-component': 'ArrayTable.Column', 'x-component-props': { title: '操作', width: 80 }, properties: { remove: { type: 'void', 'x-component': 'ArrayTable.Remove' } } }],
      ]) },
      properties: { add: { type: 'void', 'x-component': 'ArrayTable.Addition', title: '+ 添加一行' } },
    };
  }
  return base;
}

const schema = {
  type: 'object',
  properties: {
    step: {
      type: 'void', 'x-component': 'FormStep', 'x-component-props': { formStep: '{{formStep}}' },
      properties: Object.fromEntries(steps.map((s) => [s.id, {
        type: 'void', 'x-component': 'FormStep.StepPane', 'x-component-props': { title: s.title },
        properties: { grid: { type: 'void', 'x-component': 'FormGrid', 'x-component-props': { maxColumns: 2, minColumns: 2 }, properties: Object.fromEntries(fields.filter((f) => f.step === s.id).map((f) => {
          const sc = widgetSchema(f);
          const r = shownWhen(f);
          if (r) sc['x-reactions'] = r;
          if (['table', 'textarea', 'file', 'checkboxes'].includes(f.type)) sc['x-decorator-props'] = { gridSpan: 2 };
          return [f.name, sc];
        })) } },
      }])),
    },
  },
};

const form = createForm();
const formStep = FormStep.createFormStep();
window.__formModel = () => {
  const v = JSON.parse(JSON.stringify(form.values));
  for (const f of fields) if (f.type === 'file' && Array.isArray(v[f.name])) v[f.name] = v[f.name].map((x) => x.name);
  return v;
};

function App() {
  const [, redraw] = React.useState(0);
  return (
    <div className="fixture">
      <h1>连云港市市长质量奖申报（Formily · antd）</h1>
      <FormProvider form={form}>
        <FormLayout labelCol={8} wrapperCol={16} labelWidth={220}>
          <SchemaField schema={schema} scope={{ formStep }} />
        </FormLayout>
        <FormButtonGroup>
          <Button onClick={() => { formStep.back(); redraw((n) => n + 1); }}>上一步</Button>
          <Button type="primary" onClick={() => { formStep.next().catch(() => {}); setTimeout(() => redraw((n) => n + 1)); }}>下一步</Button>
        </FormButtonGroup>
      </FormProvider>
    </div>
  );
}
createRoot(document.getElementById('app')).render(<App />);
