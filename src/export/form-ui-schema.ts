import { applicationFormSchema, type FormLang } from './form-schema.ts';

/**
 * Layout hints for `applicationFormSchema()`, each in its engine's documented format:
 * - `jsonforms`: a JSON Forms UI schema. The vanilla renderers have no renderer for `if`/`then`
 *   or `oneOf` objects, so the layout names each kind's fields and shows them by a rule on the
 *   kind; three-way choices are radio groups (`format: "radio"`), which keep true/false/null
 *   (the select cell would turn them into strings).
 * - `rjsf`: a react-jsonschema-form uiSchema. Its boolean field draws a checkbox unless told a
 *   widget, and a checkbox cannot say "not filled in": three-way choices are radios.
 * The schema alone stays valid and complete; the hints only choose widgets and layout.
 */
type JsonSchema = Record<string, unknown>;
type Props = Record<string, JsonSchema>;

const hasUnknownChoice = (s: JsonSchema) =>
  Array.isArray(s.oneOf) && (s.oneOf as JsonSchema[]).some((o) => o.const === null) && (s.oneOf as JsonSchema[]).every((o) => 'const' in o);
const isObjectWithProps = (s: JsonSchema) => s.type === 'object' && typeof s.properties === 'object';
/** `headsOrganization`: an object or null. */
const objectOrNull = (s: JsonSchema) => {
  const options = s.oneOf as JsonSchema[] | undefined;
  return Array.isArray(options) && options.length === 2 && options[1]!.type === 'null' && isObjectWithProps(options[0]!)
    ? options[0]!
    : undefined;
};

// ---------- JSON Forms ----------

interface UiElement {
  type: string;
  [key: string]: unknown;
}

function jsonFormsElements(properties: Props, base: string): UiElement[] {
  const out: UiElement[] = [];
  for (const [key, schema] of Object.entries(properties)) {
    if (key === 'format') continue; // a constant, filled in by default
    const scope = `${base}/properties/${key}`;
    const inner = objectOrNull(schema);
    if (inner) {
      out.push({ type: 'Group', label: schema.title, elements: jsonFormsElements(inner.properties as Props, `${scope}/oneOf/0`) });
    } else if (hasUnknownChoice(schema)) {
      out.push({ type: 'Control', scope, options: { format: 'radio' } });
    } else {
      out.push({ type: 'Control', scope });
    }
  }
  return out;
}

function jsonFormsApplicant(applicant: JsonSchema, scope: string): UiElement {
  const kind = (applicant.properties as Props).kind!;
  const kindTitles = new Map((kind.oneOf as JsonSchema[]).map((o) => [o.const, o.title]));
  return {
    type: 'Group',
    label: applicant.title,
    elements: [
      { type: 'Control', scope: `${scope}/properties/kind`, options: { format: 'radio' } },
      ...(applicant.allOf as JsonSchema[]).map((branch, i): UiElement => {
        const value = ((branch.if as JsonSchema).properties as Props).kind!.const;
        return {
          type: 'Group',
          label: kindTitles.get(value),
          rule: { effect: 'SHOW', condition: { scope: `${scope}/properties/kind`, schema: { const: value } } },
          elements: jsonFormsElements((branch.then as JsonSchema).properties as Props, `${scope}/allOf/${i}/then`),
        };
      }),
    ],
  };
}

/** A JSON Forms UI schema for the form schema (vanilla renderers render every field of it). */
export function applicationJsonFormsUiSchema(options: { lang?: FormLang } = {}): UiElement {
  const schema = applicationFormSchema(options);
  const props = schema.properties as Props;
  const { applicant, ...rest } = props;
  const elements = jsonFormsElements(rest, '#');
  elements.splice(2, 0, jsonFormsApplicant(applicant!, '#/properties/applicant'));
  return { type: 'VerticalLayout', elements };
}

// ---------- react-jsonschema-form ----------

const SUBMIT = { zh: '提交', en: 'Submit' } as const;

function rjsfFields(properties: Props): JsonSchema {
  const ui: JsonSchema = {};
  for (const [key, schema] of Object.entries(properties)) {
    if (key === 'format') ui[key] = { 'ui:widget': 'hidden' };
    else if (hasUnknownChoice(schema)) ui[key] = { 'ui:widget': 'radio', 'ui:options': { inline: true } };
    else if (objectOrNull(schema)) ui[key] = { oneOf: [rjsfFields(objectOrNull(schema)!.properties as Props), {}] };
    else if (isObjectWithProps(schema)) ui[key] = rjsfFields(schema.properties as Props);
    else if (schema.type === 'array' && isObjectWithProps(schema.items as JsonSchema)) {
      ui[key] = { items: rjsfFields((schema.items as JsonSchema).properties as Props) };
    }
  }
  return ui;
}

/** A react-jsonschema-form uiSchema for the form schema. */
export function applicationRjsfUiSchema(options: { lang?: FormLang } = {}): JsonSchema {
  const schema = applicationFormSchema(options);
  const props = schema.properties as Props;
  const applicant = props.applicant!;
  const applicantProps: Props = { ...(applicant.properties as Props) };
  for (const branch of applicant.allOf as JsonSchema[]) Object.assign(applicantProps, (branch.then as JsonSchema).properties);
  return {
    ...rjsfFields(props),
    applicant: { ...rjsfFields(applicantProps), kind: { 'ui:widget': 'radio', 'ui:options': { inline: true } } },
    'ui:submitButtonOptions': { submitText: SUBMIT[options.lang ?? 'zh'] },
  };
}
