import { applicationFieldLabels } from '../application/labels.ts';
import { optionLabelsOf, TRI_STATE_LABELS } from '../application/option-labels.ts';
import { APPLICATION_FORMAT } from '../application/schema.ts';
import { applicationSchemaSource } from './json-schema.ts';
// the default award's name (the application format is Lianyungang's), without loading its whole pack
import { lianyungangAward as defaultAward } from '../awards/lianyungang-mayor/award.ts';
import type { AwardInfo } from '../policy/schema.ts';

/**
 * The application file (contract §1) as a form for low-code form engines: JSON Schema draft-07
 * (what react-jsonschema-form's default validator and JSON Forms' Ajv load), generated from the same
 * zod schema as `applicationJsonSchema()` (draft 2020-12, the contract's export), reshaped for forms:
 * - every field titled in the chosen language (Chinese by default), never a branch repeating it;
 * - the applicant kind is one choice (组织 / 个人); the fields of each kind follow it through
 *   `if`/`then`, so the form shows only the chosen kind's fields;
 * - every coded option is `oneOf` of `const` + `title`: the file keeps the code, the form shows words;
 * - a yes/no fact is a three-way choice 是 / 否 / 未填, because unknown (null) is not no (false);
 * - other unknown facts are left empty (left out of the file), as §1 allows; a null read back in
 *   from a file is accepted, and a coded option offers 未填 too;
 * - `headsOrganization` (9(4)) is the organisation's facts, or null for "heads no organisation".
 * Engines that need a layout hint for the three-way choices get it from `applicationFormUiSchema()`.
 */
export type FormLang = 'zh' | 'en';
type JsonSchema = Record<string, unknown>;

export const DRAFT_07 = 'http://json-schema.org/draft-07/schema#';
export const APPLICATION_FORM_SCHEMA_ID = 'https://award-pilot.invalid/schemas/lyg-award/application-form@1.json';

const TEXT = {
  /** the form's title, in the award's own name */
  title: (award: AwardInfo) => ({ zh: `${award.name.zh}申报`, en: `${award.name.en} application` }),
  headsOrg: { zh: '担任组织负责人', en: 'Heads an organisation' },
  headsNone: { zh: '未担任组织负责人', en: 'Heads no organisation' },
  creditCodeNote: {
    zh: '18 位，由数字和大写字母组成（不含 I、O、Z、S、V）；最后一位校验码请照营业执照填写',
    en: '18 characters: digits and upper-case letters except I, O, Z, S, V; copy the check character from the business licence',
  },
} as const;

const isNull = (n: JsonSchema) => n.type === 'null';

/** `{anyOf: [X, {type: null}]}` or `{type: [T, "null"]}` → X (with its null allowance noted), else the node. */
function withoutNull(node: JsonSchema): { inner: JsonSchema; nullable: boolean } {
  const anyOf = node.anyOf as JsonSchema[] | undefined;
  if (Array.isArray(anyOf) && anyOf.length === 2 && anyOf.some(isNull)) {
    return { inner: { ...anyOf.find((n) => !isNull(n)) }, nullable: true };
  }
  if (Array.isArray(node.type) && node.type.includes('null')) {
    const types = (node.type as string[]).filter((t) => t !== 'null');
    return { inner: { ...node, type: types.length === 1 ? types[0] : types }, nullable: true };
  }
  return { inner: node, nullable: false };
}

class FormSchemaBuilder {
  constructor(private readonly lang: FormLang) {}

  private label(path: string): string | undefined {
    return applicationFieldLabels[path]?.[this.lang];
  }

  /** One field of the form, its path written as in the label catalogue (`applicant.accidents[].date`). */
  field(source: JsonSchema, path: string): JsonSchema {
    const { inner, nullable } = withoutNull(source);
    const title = this.label(path);
    const titled = (node: JsonSchema): JsonSchema => (title ? { title, ...node } : node);

    if (inner.type === 'boolean') {
      // contract §1: unknown is null, not false, so the form offers all three answers.
      return titled({
        type: ['boolean', 'null'],
        oneOf: TRI_STATE_LABELS.map((o) => ({ const: o.value, title: o.label[this.lang] })),
      });
    }
    const options = Array.isArray(inner.enum) ? optionLabelsOf(path) : undefined;
    if (Array.isArray(inner.enum)) {
      const codes = (inner.enum as string[]).map((code) => ({ const: code as string | null, title: options?.[code]?.[this.lang] ?? code }));
      if (nullable) codes.push({ const: null, title: TRI_STATE_LABELS[2]!.label[this.lang] });
      return titled({ type: nullable ? ['string', 'null'] : 'string', oneOf: codes });
    }
    if (path.endsWith('headsOrganization') && nullable) {
      // 9(4): null means "heads no organisation", which is different from leaving it out.
      return titled({
        oneOf: [
          { ...this.object(inner, path), title: TEXT.headsOrg[this.lang] },
          { type: 'null', title: TEXT.headsNone[this.lang] },
        ],
      });
    }
    // Other unknown facts: left empty (out of the file), or null in a file read back in.
    const orNull = (type: unknown) => (nullable ? [type, 'null'] : type);
    if (inner.type === 'object') return titled({ ...this.object(inner, path), type: orNull('object') });
    if (inner.type === 'array') {
      return titled({ ...inner, type: orNull('array'), items: this.object(inner.items as JsonSchema, `${path}[]`) });
    }
    const node: JsonSchema = { ...inner, type: orNull(inner.type) };
    if (path.endsWith('creditCode')) node.description = TEXT.creditCodeNote[this.lang];
    return titled(node);
  }

  object(source: JsonSchema, path: string): JsonSchema {
    const properties = source.properties as Record<string, JsonSchema>;
    const out: JsonSchema = {
      type: 'object',
      properties: Object.fromEntries(
        Object.entries(properties).map(([key, child]) => [key, this.field(child, path ? `${path}.${key}` : key)]),
      ),
    };
    if (Array.isArray(source.required) && source.required.length > 0) out.required = source.required;
    return out;
  }

  /** 第八条 / 第九条: one kind choice, then each kind's own fields (`if` kind is … `then` its fields). */
  applicant(source: JsonSchema): JsonSchema {
    const branches = source.oneOf as JsonSchema[];
    const kindOf = (b: JsonSchema) => ((b.properties as Record<string, JsonSchema>).kind!.const as string);
    const kinds = optionLabelsOf('applicant.kind')!;
    return {
      title: this.label('applicant'),
      type: 'object',
      required: ['kind'],
      properties: {
        kind: {
          title: this.label('applicant.kind'),
          type: 'string',
          oneOf: branches.map((b) => ({ const: kindOf(b), title: kinds[kindOf(b)]![this.lang] })),
        },
      },
      allOf: branches.map((b) => {
        const { kind: _kind, ...fields } = b.properties as Record<string, JsonSchema>;
        return {
          if: { required: ['kind'], properties: { kind: { const: kindOf(b) } } },
          then: this.object({ properties: fields }, 'applicant'),
        };
      }),
    };
  }
}

/**
 * The application file as a draft-07 form schema for low-code form engines (JSON Forms, RJSF,
 * and through `applicationFormilySchema()` Formily). Data filled in with it is a valid
 * `lyg-award/application@1` file; the credit code's check character and the calendar (2023-02-30)
 * are checked by `parseApplication` on import, as JSON Schema cannot say them.
 */
export function applicationFormSchema(options: { lang?: FormLang; award?: AwardInfo } = {}): JsonSchema {
  const lang = options.lang ?? 'zh';
  const source = applicationSchemaSource('draft-7');
  const builder = new FormSchemaBuilder(lang);
  const props = source.properties as Record<string, JsonSchema>;
  return {
    $schema: DRAFT_07,
    $id: APPLICATION_FORM_SCHEMA_ID,
    title: TEXT.title(options.award ?? defaultAward)[lang],
    type: 'object',
    required: source.required,
    properties: {
      format: { ...builder.field(props.format!, 'format'), default: APPLICATION_FORMAT },
      year: builder.field(props.year!, 'year'),
      submittedOn: builder.field(props.submittedOn!, 'submittedOn'),
      applicant: builder.applicant(props.applicant!),
      history: builder.field(props.history!, 'history'),
    },
  };
}
