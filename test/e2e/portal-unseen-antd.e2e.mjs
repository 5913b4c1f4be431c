// Issue 11's acceptance also runs pages built from the same public libraries by someone else. This runs
// the real-library flows, unchanged, on an Ant Design (React) page drawn in a deliberately different style
// from the antd fixture (test/portal/public/app/apply/lib/antd-form-list.html): one Form instance whose
// store holds the values (Form.Item `name`, so labels carry `for` and controls generated ids), a Steps
// wizard rendering one step at a time, Form.List tables with 新增一行 under them, a multiple select with
// maxTagCount (collapsed "+ N" tags), radio buttons, input-numbers with a unit addon, Upload.Dragger,
// labels with a colon and a tooltip icon, a Row/Col grid. Every reading is compared with the form
// instance's getFieldsValue (exposed as __formModel()). Nothing in the extension knows this page; a
// failure here is fixed in the engine, never by tuning to the page.
import { tapMessages } from './portal-fields.e2e.mjs';
import { fillOrganisation, fillIndividual } from './portal-libraries.e2e.mjs';
import { run as prefillThrough } from './library-prefill.e2e.mjs';

const PAGE = 'antd-form-list';

export const tests = [
  {
    name: `${PAGE} (another vendor's style): an organisation fills it through the widgets; every reading equals the form instance's values, 待补充 → 暂不符合 → 第八条（一） passes, uploads counted with names`,
    async run(env) {
      await tapMessages(env.sw);
      await fillOrganisation(env, PAGE);
    },
  },
  {
    name: `${PAGE}: an individual applicant (the kind switched with a radio button): the individual's fields bind and read right`,
    async run(env) {
      await tapMessages(env.sw);
      await fillIndividual(env, PAGE);
    },
  },
  {
    name: `${PAGE}: 填入资料 fills text, date, radio buttons, selects, cascader and a Form.List row; the person fills the rest; 可以申报`,
    run: (env) => prefillThrough(env, PAGE),
  },
];
