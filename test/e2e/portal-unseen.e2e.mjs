// Issue 11's acceptance also runs pages built from the same public libraries by someone else. This runs
// the real-library flows, unchanged, on a page drawn in a deliberately different style
// (test/portal/public/app/apply/lib/element-plus-tabs.html: tabs with every pane in the DOM, labels on
// top drawn by a slot <div> with an icon, radio buttons, a toolbar add-row, drag uploads). Nothing in the
// extension knows this page; a failure here is fixed in the engine, never by tuning to the page.
import { tapMessages } from './portal-fields.e2e.mjs';
import { fillOrganisation, fillIndividual } from './portal-libraries.e2e.mjs';
import { run as prefillThrough } from './library-prefill.e2e.mjs';

const PAGE = 'element-plus-tabs';

export const tests = [
  {
    name: `${PAGE} (another vendor's style): an organisation fills it through the widgets; every reading equals the page's model, 待补充 → 暂不符合 → 第八条（一） passes, uploads counted with names`,
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
    name: `${PAGE}: 填入资料 fills text, date, radio buttons, selects, cascader and a table row; the person fills the rest; 可以申报`,
    run: (env) => prefillThrough(env, PAGE),
  },
];
