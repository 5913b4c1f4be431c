// The application form of the real-library fixtures: the demo portal's own form definition
// (/app/form-def.js: same steps, fields, labels and applicant kinds), with the widgets a real
// portal uses where a native control would do: a multiple filterable select, a region cascader, a
// switch, a checkbox group. Each fixture page renders this with one component library's widgets.
import { steps, fields as baseFields, isShown } from '/app/form-def.js';

export { steps };

export const REGIONS = [
  { value: '江苏省', label: '江苏省', children: [
    { value: '连云港市', label: '连云港市', children: ['海州区', '连云区', '赣榆区', '东海县', '灌云县', '灌南县'].map((d) => ({ value: d, label: d })) },
    { value: '南京市', label: '南京市', children: ['玄武区', '秦淮区'].map((d) => ({ value: d, label: d })) },
  ] },
  { value: '山东省', label: '山东省', children: [{ value: '临沂市', label: '临沂市', children: [{ value: '兰山区', label: '兰山区' }] }] },
];

const extra = {
  industry: { multiple: true, filterable: true },
  policyCompliant: { type: 'switch' },
};

// `?nokind` draws the form with no 申报类型 field (portals that ask for the kind on an earlier page):
// the organisation's fields are shown, and the extension must be told the kind.
const noKind = new URLSearchParams(location.search).has('nokind');

export const fields = baseFields.filter((f) => !(noKind && f.name === 'kind')).flatMap((f) => {
  const g = { ...f, ...(extra[f.name] ?? {}) };
  if (f.name !== 'address') return [g];
  return [g,
    { step: 'basic', name: 'region', label: '所在地区', type: 'cascader', options: REGIONS, kind: 'organization' },
    { step: 'basic', name: 'honours', label: '已获质量荣誉', type: 'checkboxes', options: ['省长质量奖', '市长质量奖提名奖', '省质量信用AAA'], kind: 'organization' },
  ];
});

/** The model a portal would submit: text '', numbers null, tables [], files [] (names), switch false. */
export function initialModel() {
  const m = {};
  for (const f of fields) {
    m[f.name] = f.initial ?? (f.type === 'table' || f.type === 'file' || f.type === 'checkboxes' || f.multiple || f.type === 'cascader' ? []
      : f.type === 'number' ? null : f.type === 'switch' || f.type === 'checkbox' ? false : '');
  }
  return m;
}

export const blankRow = (f) => Object.fromEntries(f.columns.map((c) => [c.name, c.type === 'number' ? null : '']));

/** Fields of a step shown for the current answers (applicant kind, 9(4) headed organisation). */
export const shownIn = (step, model) => fields.filter((f) => f.step === step && isShown(f, model));

/** Tables, long texts and uploads take a whole grid row. */
export const wide = (f) => ['table', 'textarea', 'file', 'checkboxes'].includes(f.type) || f.label.length > 16;

/** The page's own form model as plain JSON (what it would submit), for the tests. */
export function exposeModel(get) {
  window.__formModel = () => JSON.parse(JSON.stringify(get()));
}
