import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applicationJsonSchema, isIsoDate, parseApplication } from '../../../src/index.ts';
import { application } from '../eligibility/arbitraries.ts';
import { eligibleOrganization } from '../eligibility/builders.ts';

const fixtures = join(import.meta.dirname, '../../fixtures/applications');
const files = readdirSync(fixtures).filter((f) => f.endsWith('.json'));

function compile() {
  // Strict Ajv, as a form engine would run it, with the calendar check for `format: "date"`.
  const ajv = new Ajv2020({ strict: true, allErrors: true, formats: { date: isIsoDate } });
  return ajv.compile(applicationJsonSchema());
}

describe('applicationJsonSchema() (contract §5)', () => {
  it('is draft 2020-12 with an $id, generated from the zod schema', () => {
    const schema = applicationJsonSchema();
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$id).toMatch(/application@1/);
    expect(schema.required).toEqual(['format', 'year', 'submittedOn', 'applicant']);
    expect(JSON.parse(JSON.stringify(schema))).toEqual(schema);
  });

  it('titles each field with its Chinese label and describes it in English', () => {
    const props = applicationJsonSchema().properties as Record<string, Record<string, unknown>>;
    expect(props.submittedOn).toMatchObject({ title: '申报日期', description: 'Submission date', format: 'date' });
    const org = (props.applicant!.oneOf as Record<string, Record<string, Record<string, unknown>>>[])[0]!;
    expect(org.properties!.creditCode).toMatchObject({ title: '统一社会信用代码' });
    expect(String(org.properties!.creditCode!.description)).toContain('check character');
  });

  it.each(files)('fixture %s validates with Ajv and with zod', (file) => {
    const data = JSON.parse(readFileSync(join(fixtures, file), 'utf8')) as unknown;
    const validate = compile();
    expect(validate(data), JSON.stringify(validate.errors)).toBe(true);
    expect(parseApplication(data).ok).toBe(true);
  });

  it.each([
    ['wrong format', { format: 'lyg-award/application@2' }],
    ['no submission date', { submittedOn: undefined }],
    ['not a calendar date', { submittedOn: '2023-02-30' }],
    ['bad date shape', { submittedOn: '2026-6-30' }],
    ['unknown applicant kind', { applicant: { kind: 'company' } }],
  ])('refuses a file with %s (Ajv and zod agree)', (_name, change) => {
    const data = { ...eligibleOrganization(), ...change };
    expect(compile()(data)).toBe(false);
    expect(parseApplication(data).ok).toBe(false);
  });

  it.each([
    ['a negative count', { inventionPatents: -1 }],
    ['a fractional count', { registeredTrademarks: 0.5 }],
    ['a credit code with a forbidden letter', { creditCode: '91350100M000100O43' }],
    ['a 17-character credit code', { creditCode: '91350100M000100Y4' }],
    ['an unknown product level', { productLevel: 'world-class' }],
    ['a string for a yes/no fact', { goodCredit: 'yes' }],
    ['an accident of unknown severity', { accidents: [{ date: '2025-01-01', kind: 'quality', severity: 'minor' }] }],
  ])('refuses an applicant with %s (Ajv and zod agree)', (_name, change) => {
    const data = eligibleOrganization(change as never);
    expect(compile()(data)).toBe(false);
    expect(parseApplication(data).ok).toBe(false);
  });

  it('the check character is beyond JSON Schema: Ajv accepts, zod refuses', () => {
    const data = eligibleOrganization({ creditCode: '91350100M000100Y44' });
    expect(compile()(data)).toBe(true);
    expect(parseApplication(data).ok).toBe(false);
  });

  it('every application zod accepts, Ajv accepts too (fast-check differential)', () => {
    const validate = compile();
    fc.assert(
      fc.property(application, (app) => {
        expect(parseApplication(app).ok).toBe(true);
        expect(validate(app), JSON.stringify(validate.errors)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
