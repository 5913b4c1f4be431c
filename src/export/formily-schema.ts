import { applicationFormSchema, type FormLang } from './form-schema.ts';

/**
 * The application form as a Formily JSON schema (`x-component` / `x-decorator`, the format many
 * Chinese low-code platforms import), built from `applicationFormSchema()` so both say the same
 * fields, titles and options. Components are those of Formily's antd / Fusion bindings: Input,
 * NumberPicker, DatePicker, Select, Radio.Group, ArrayItems. The fields of one applicant kind are
 * shown by an `x-reactions` on `kind`; a hidden field is left out of the values, as Formily does.
 */
type JsonSchema = Record<string, unknown>;
type Props = Record<string, JsonSchema>;

const TEXT = {
  add: { zh: '添加一条', en: 'Add' },
  remove: { zh: '删除', en: 'Remove' },
  headsOrganization: { zh: '担任组织负责人时填写；未担任的不填', en: 'Fill in if the applicant heads an organisation' },
} as const;

const typeOf = (s: JsonSchema): string => {
  const t = Array.isArray(s.type) ? (s.type as string[]).find((x) => x !== 'null') : s.type;
  return typeof t === 'string' ? t : 'string';
};

class FormilyBuilder {
  constructor(private readonly lang: FormLang) {}

  field(s: JsonSchema, required: boolean): JsonSchema {
    const base: JsonSchema = { title: s.title, 'x-decorator': 'FormItem' };
    if (required) base.required = true;
    if (s.description) base.description = s.description;
    const options = s.oneOf as JsonSchema[] | undefined;
    if (options && options.every((o) => 'const' in o)) {
      const choices = options.map((o) => ({ label: o.title, value: o.const }));
      const few = choices.length <= 3 || typeOf(s) === 'boolean';
      return { ...base, type: typeOf(s), enum: choices, 'x-component': few ? 'Radio.Group' : 'Select', ...(few ? {} : { 'x-component-props': { allowClear: true } }) };
    }
    if (options) {
      // headsOrganization: the organisation's facts, or nothing when the applicant heads none.
      const object = options.find((o) => o.type === 'object')!;
      return { ...this.object(object), title: s.title, description: TEXT.headsOrganization[this.lang], 'x-decorator': 'FormItem' };
    }
    switch (typeOf(s)) {
      case 'object':
        return { ...this.object(s), ...base };
      case 'array':
        return {
          ...base,
          type: 'array',
          'x-component': 'ArrayItems',
          items: {
            type: 'object',
            'x-component': 'ArrayItems.Item',
            properties: {
              ...this.object(s.items as JsonSchema).properties as Props,
              remove: { type: 'void', title: TEXT.remove[this.lang], 'x-component': 'ArrayItems.Remove' },
            },
          },
          properties: { add: { type: 'void', title: TEXT.add[this.lang], 'x-component': 'ArrayItems.Addition' } },
        };
      case 'integer':
        return {
          ...base,
          type: 'number',
          'x-component': 'NumberPicker',
          'x-component-props': { min: s.minimum ?? undefined, max: (s.maximum as number) < 1e6 ? s.maximum : undefined, precision: 0 },
          'x-validator': [{ format: 'integer' }, ...(s.minimum === undefined ? [] : [{ minimum: s.minimum }])],
        };
      case 'string':
        if (s.format === 'date') {
          return { ...base, type: 'string', 'x-component': 'DatePicker', 'x-component-props': { format: 'YYYY-MM-DD', valueFormat: 'YYYY-MM-DD' } };
        }
        return { ...base, type: 'string', 'x-component': 'Input', ...(s.pattern ? { pattern: s.pattern } : {}), ...(s.minLength ? { 'x-validator': [{ min: s.minLength }] } : {}) };
      default:
        return { ...base, type: typeOf(s), 'x-component': 'Input' };
    }
  }

  object(s: JsonSchema): JsonSchema {
    const required = new Set((s.required as string[] | undefined) ?? []);
    return {
      type: 'object',
      properties: Object.fromEntries(Object.entries(s.properties as Props).map(([k, v]) => [k, this.field(v, required.has(k))])),
    };
  }

  /** One `kind` choice; each kind's fields shown only while it is chosen (a field both kinds have stays). */
  applicant(s: JsonSchema): JsonSchema {
    const kindField = this.field((s.properties as Props).kind!, true);
    const shownFor = new Map<string, string[]>();
    const fields: Props = {};
    for (const branch of s.allOf as JsonSchema[]) {
      const kind = (((branch.if as JsonSchema).properties as Props).kind!.const as string);
      for (const [key, value] of Object.entries((this.object(branch.then as JsonSchema).properties as Props))) {
        fields[key] ??= value;
        shownFor.set(key, [...(shownFor.get(key) ?? []), kind]);
      }
    }
    const properties: Props = { kind: kindField };
    for (const [key, value] of Object.entries(fields)) {
      const kinds = JSON.stringify(shownFor.get(key));
      properties[key] = {
        ...value,
        'x-reactions': { dependencies: ['.kind'], fulfill: { state: { display: `{{${kinds}.includes($deps[0]) ? 'visible' : 'none'}}` } } },
      };
    }
    return { type: 'object', title: s.title, 'x-decorator': 'FormItem', properties };
  }
}

/** The Formily JSON schema of the application form (Chinese by default). */
export function applicationFormilySchema(options: { lang?: FormLang } = {}): JsonSchema {
  const form = applicationFormSchema(options);
  const builder = new FormilyBuilder(options.lang ?? 'zh');
  const props = form.properties as Props;
  const required = new Set(form.required as string[]);
  return {
    type: 'object',
    title: form.title,
    properties: {
      format: { type: 'string', default: props.format!.default, 'x-display': 'hidden' },
      year: builder.field(props.year!, required.has('year')),
      submittedOn: builder.field(props.submittedOn!, required.has('submittedOn')),
      applicant: builder.applicant(props.applicant!),
      history: builder.field(props.history!, false),
    },
  };
}
