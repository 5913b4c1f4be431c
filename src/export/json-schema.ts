import { z } from '../core/zod-mini.ts';
import { applicationFieldLabels } from '../application/labels.ts';
import { applicationOptionLabels } from '../application/option-labels.ts';
import { APPLICATION_FORMAT, applicationSchema } from '../application/schema.ts';
import { isoDateSchema } from '../core/dates.ts';
// the default award's name (the application format is Lianyungang's), without loading its whole pack
import { lianyungangAward as defaultAward } from '../awards/lianyungang-mayor/award.ts';
import type { AwardInfo } from '../policy/schema.ts';

export const APPLICATION_SCHEMA_ID = 'https://award-pilot.invalid/schemas/lyg-award/application@1.json';

/** Month 01–12, day 01–31: the shape of a date; the calendar (2023-02-30) needs `format: "date"`. */
export const ISO_DATE_PATTERN = '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$';

type JsonSchema = Record<string, unknown>;

/** Notes on checks JSON Schema cannot express, added to the field's description. */
const NOT_EXPRESSIBLE: Record<string, string> = {
  'applicant.creditCode':
    'GB 32100-2015: the 18th character is a check character (weights 3^i mod 31), which the pattern cannot verify.',
  'applicant.qualityStaff': 'Each year at most once.',
  'applicant.qualityStaff[]': 'qualified must not exceed total.',
};

/**
 * Walks the generated schema by field path, giving each field its zh title and en description. The
 * branches of an `anyOf`/`oneOf` never repeat their field's title (form engines would print it twice):
 * the applicant's branches are titled by their kind (组织 / 个人), a nullable field's branches not at all.
 */
function annotate(node: JsonSchema, path: string, branch = false): void {
  const label = applicationFieldLabels[path];
  const note = NOT_EXPRESSIBLE[path];
  if (branch) {
    const kind = (node.properties as Record<string, JsonSchema> | undefined)?.kind?.const;
    const kindLabel = typeof kind === 'string' ? applicationOptionLabels.kind?.[kind] : undefined;
    if (kindLabel) {
      node.title = kindLabel.zh;
      node.description = kindLabel.en;
    }
  } else if (label) {
    node.title = label.zh;
    node.description = note ? `${label.en}. ${note}` : label.en;
  } else if (note) node.description = note;

  for (const key of ['anyOf', 'oneOf'] as const) {
    const branches = node[key];
    if (Array.isArray(branches)) for (const b of branches as JsonSchema[]) annotate(b, path, true);
  }
  const items = node.items as JsonSchema | undefined;
  if (items && typeof items === 'object') annotate(items, `${path}[]`);
  const properties = node.properties as Record<string, JsonSchema> | undefined;
  if (properties) for (const [key, child] of Object.entries(properties)) annotate(child, path ? `${path}.${key}` : key);
}

/** The application's zod schema as JSON Schema of the given draft, dates as `format: "date"` plus a pattern. */
export function applicationSchemaSource(target: 'draft-7' | 'draft-2020-12'): JsonSchema {
  return z.toJSONSchema(applicationSchema, {
    target,
    io: 'input',
    unrepresentable: 'any',
    override: (ctx) => {
      if (ctx.zodSchema === isoDateSchema) {
        ctx.jsonSchema.type = 'string';
        ctx.jsonSchema.format = 'date';
        ctx.jsonSchema.pattern = ISO_DATE_PATTERN;
      }
    },
  }) as JsonSchema;
}

/**
 * JSON Schema (draft 2020-12) of the application file (contract §1, §5), generated from the zod
 * schema for low-code form engines (JSON Forms, react-jsonschema-form, Formily). What JSON Schema
 * cannot say is stated as closely as it can: dates get `format: "date"` plus a pattern (only a
 * validator that asserts formats refuses 2023-02-30); the credit code gets its exact alphabet
 * and length, and its check character is described. Unknown facts may be left out or null.
 */
export function applicationJsonSchema(award: AwardInfo = defaultAward): JsonSchema {
  const schema = applicationSchemaSource('draft-2020-12');
  annotate(schema, '');
  return {
    $schema: schema.$schema,
    $id: APPLICATION_SCHEMA_ID,
    title: `${award.name.zh}申报文件`,
    description: `${award.name.en} application (${APPLICATION_FORMAT}). Unknown facts are left out or null, which is different from false.`,
    ...Object.fromEntries(Object.entries(schema).filter(([k]) => k !== '$schema')),
  };
}
