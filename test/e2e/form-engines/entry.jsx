// The application form as three real form engines draw it: JSON Forms (vanilla renderers), RJSF 6
// (core theme, Ajv 8 validator) and Formily (antd v5), each fed our generated schema and nothing
// hand-written; the engines' own words (buttons, messages) come from src/export/form-engine-texts.ts. Bundled in memory by form-engines.e2e.mjs; the page picks the engine from its hash.
import React from 'react';
import { createRoot } from 'react-dom/client';
import { JsonForms } from '@jsonforms/react';
import { vanillaCells, vanillaRenderers } from '@jsonforms/vanilla-renderers';
import Form from '@rjsf/core';
import validator from '@rjsf/validator-ajv8';
import { createForm, setValidateLanguage } from '@formily/core';
import { ConfigProvider } from 'antd';
import zhCN from 'antd/es/locale/zh_CN';
import { FormProvider, createSchemaField } from '@formily/react';
import { ArrayItems, DatePicker, FormItem, FormLayout, Input, NumberPicker, Radio, Select } from '@formily/antd-v5';
import { applicationFormSchema } from '../../../src/export/form-schema.ts';
import { applicationJsonFormsUiSchema, applicationRjsfUiSchema } from '../../../src/export/form-ui-schema.ts';
import { applicationFormilySchema } from '../../../src/export/formily-schema.ts';
import { parseApplication } from '../../../src/application/parse.ts';
import { jsonFormsTranslator, rjsfTransformErrors, rjsfTranslateString } from '../../../src/export/form-engine-texts.ts';

const engine = location.hash.slice(1);
const initial = JSON.parse(decodeURIComponent(new URLSearchParams(location.search).get('data') ?? '{}'));
const lang = new URLSearchParams(location.search).get('lang') ?? 'zh';
const state = (window.__form = { data: initial, errors: [], submitted: null, submitErrors: null });
// the product's own reader: what a form engine submits must be a file the extension accepts
window.__parseApplication = (data) => parseApplication(data);

function JsonFormsPage() {
  const [data, setData] = React.useState(initial);
  return (
    <JsonForms
      schema={applicationFormSchema({ lang })}
      uischema={applicationJsonFormsUiSchema({ lang })}
      data={data}
      renderers={vanillaRenderers}
      cells={vanillaCells}
      i18n={{ locale: lang, translate: jsonFormsTranslator(lang) }}
      onChange={({ data: d, errors }) => { state.data = d; state.errors = errors ?? []; setData(d); }}
    />
  );
}

function RjsfPage() {
  return (
    <Form
      schema={applicationFormSchema({ lang })}
      uiSchema={applicationRjsfUiSchema({ lang })}
      validator={validator}
      translateString={rjsfTranslateString(lang)}
      transformErrors={rjsfTransformErrors(lang)}
      formData={initial}
      onChange={({ formData }) => { state.data = formData; }}
      onSubmit={({ formData }) => { state.submitted = formData; state.submitErrors = null; }}
      onError={(errors) => { state.submitErrors = errors; }}
    />
  );
}

const SchemaField = createSchemaField({ components: { FormItem, Input, NumberPicker, Radio, Select, DatePicker, ArrayItems } });
function FormilyPage() {
  setValidateLanguage(lang === 'zh' ? 'zh-CN' : 'en');
  const form = React.useMemo(() => createForm({ initialValues: initial }), []);
  state.formily = form;
  state.validate = () => form.validate().then(() => { state.submitted = JSON.parse(JSON.stringify(form.values)); }, (errors) => { state.submitErrors = errors; });
  return (
    <ConfigProvider locale={lang === 'zh' ? zhCN : undefined}>
      <FormProvider form={form}>
        <FormLayout layout="vertical">
          <SchemaField schema={applicationFormilySchema({ lang })} />
        </FormLayout>
      </FormProvider>
    </ConfigProvider>
  );
}

const pages = { jsonforms: JsonFormsPage, rjsf: RjsfPage, formily: FormilyPage };
const Page = pages[engine];
createRoot(document.getElementById('app')).render(<Page />);
