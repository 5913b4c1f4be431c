import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applicationJsonSchema, isIsoDate, parseApplication } from '../../../src/index.ts';
import { applicationFormSchema } from '../../../src/export/form-schema.ts';
import { applicationJsonFormsUiSchema, applicationRjsfUiSchema } from '../../../src/export/form-ui-schema.ts';
import { applicationFormilySchema } from '../../../src/export/formily-schema.ts';
import { application } from '../eligibility/arbitraries.ts';

type Node = Record<string, unknown>;
const fixtures = join(import.meta.dirname, '../../fixtures/applications');
const files = readdirSync(fixtures).filter((f) => f.endsWith('.json'));

/** Every sub-schema with the title of the node that holds it (its parent field). */
function* walk(node: unknown, parentTitle?: unknown): Generator<{ node: Node; parentTitle: unknown }> {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const n of node) yield* walk(n, parentTitle);
    return;
  }
  const n = node as Node;
  yield { node: n, parentTitle };
  for (const [k, v] of Object.entries(n)) {
    if (k === 'properties') for (const child of Object.values(v as Node)) yield* walk(child, n.title);
    else if (k === 'anyOf' || k === 'oneOf' || k === 'allOf') yield* walk(v, n.title);
    else if (k === 'items' || k === 'then' || k === 'if') yield* walk(v, n.title);
  }
}

describe('applicationFormSchema(): the application as a draft-07 form for form engines', () => {
  // Ajv's default class is draft-07: what RJSF's validator-ajv8 and JSON Forms load.
  const compile = () => new Ajv({ strict: true, allErrors: true, formats: { date: isIsoDate } }).compile(applicationFormSchema());

  it('is draft-07 and compiles in strict Ajv', () => {
    expect(applicationFormSchema().$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(() => compile()).not.toThrow();
  });

  it.each(files)('fixture %s validates', (file) => {
    const validate = compile();
    const data = JSON.parse(readFileSync(join(fixtures, file), 'utf8')) as unknown;
    expect(validate(data), JSON.stringify(validate.errors)).toBe(true);
  });

  it('every application zod accepts, the form schema accepts (fast-check differential)', () => {
    const validate = compile();
    fc.assert(fc.property(application, (app) => {
      expect(parseApplication(app).ok).toBe(true);
      expect(validate(app), JSON.stringify(validate.errors)).toBe(true);
    }), { numRuns: 300 });
  });

  it('refuses an unknown kind, a string for a yes/no fact and an English-free code that is not one', () => {
    const validate = compile();
    const base = { format: 'lyg-award/application@1', year: 2026, submittedOn: '2026-06-30' };
    expect(validate({ ...base, applicant: { kind: 'company' } })).toBe(false);
    expect(validate({ ...base, applicant: { kind: 'organization', goodCredit: 'yes' } })).toBe(false);
    expect(validate({ ...base, applicant: { kind: 'organization', productLevel: 'world-class' } })).toBe(false);
    expect(validate({ ...base, applicant: { kind: 'organization', creditCode: '9132' } })).toBe(false);
    expect(validate({ ...base, applicant: { kind: 'organization', goodCredit: null, productLevel: null } })).toBe(true);
  });

  it('titles every field in Chinese, and no branch repeats its parent field\'s title', () => {
    const schema = applicationFormSchema();
    let fields = 0;
    for (const { node, parentTitle } of walk(schema)) {
      if (node.title !== undefined && parentTitle !== undefined) expect(node.title).not.toBe(parentTitle);
      if ('type' in node && !('const' in node) && node !== schema && node.type !== 'null' && !(node.type === 'object' && !node.title)) {
        fields++;
        expect(String(node.title), JSON.stringify(node).slice(0, 120)).toMatch(/[\u4e00-\u9fff]/);
      }
    }
    expect(fields).toBeGreaterThan(45);
  });

  it('codes are oneOf const + Chinese title; yes/no facts are 是 / 否 / 未填', () => {
    const applicant = (applicationFormSchema().properties as Record<string, Node>).applicant!;
    expect((applicant.properties as Record<string, Node>).kind!.oneOf).toEqual([
      { const: 'organization', title: '组织' }, { const: 'individual', title: '个人' },
    ]);
    const org = ((applicant.allOf as Node[])[0]!.then as Node).properties as Record<string, Node>;
    expect(org.productLevel!.oneOf).toContainEqual({ const: 'international-advanced', title: '国际先进' });
    expect(org.goodCredit!.oneOf).toEqual([{ const: true, title: '是' }, { const: false, title: '否' }, { const: null, title: '未填' }]);
    for (const { node } of walk(applicationFormSchema())) {
      if (Array.isArray(node.oneOf) && (node.oneOf as Node[]).every((o) => 'const' in o)) {
        for (const o of node.oneOf as Node[]) expect(String(o.title)).toMatch(/[\u4e00-\u9fff]/);
      }
      expect(node.enum).toBeUndefined();
    }
  });

  it('an English form is available and says the same fields', () => {
    const en = JSON.stringify(applicationFormSchema({ lang: 'en' }));
    expect(en).toContain('"title":"Unified social credit code"');
    expect(en).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it('the contract export stays draft 2020-12, its branches titled 组织 / 个人 and never repeating a title', () => {
    const schema = applicationJsonSchema();
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    const branches = ((schema.properties as Record<string, Node>).applicant!.oneOf as Node[]).map((b) => b.title);
    expect(branches).toEqual(['组织', '个人']);
    for (const { node, parentTitle } of walk(schema)) if (node.title !== undefined) expect(node.title).not.toBe(parentTitle);
  });

  it('the UI hints point at fields that exist, and choose radios for every 未填 choice', () => {
    const schema = applicationFormSchema();
    const scopes = JSON.stringify(applicationJsonFormsUiSchema()).match(/"scope":"[^"]+"/g)!.map((s) => s.slice(9, -1));
    expect(scopes.length).toBeGreaterThan(40);
    for (const scope of scopes) {
      const target = scope.slice(2).split('/').reduce<unknown>((n, k) => (n as Node)?.[k], schema);
      expect(target, scope).toBeTypeOf('object');
    }
    const rjsf = applicationRjsfUiSchema() as Record<string, Record<string, Node>>;
    expect(rjsf.applicant!.goodCredit).toMatchObject({ 'ui:widget': 'radio' });
    expect(rjsf.format).toEqual({ 'ui:widget': 'hidden' });
  });

  it('the Formily schema has the same fields with x-component / x-decorator', () => {
    const formily = applicationFormilySchema() as { properties: Record<string, Node> };
    const applicant = formily.properties.applicant!.properties as Record<string, Node>;
    expect(applicant.creditCode).toMatchObject({ title: '统一社会信用代码', 'x-decorator': 'FormItem', 'x-component': 'Input' });
    expect(applicant.goodCredit).toMatchObject({ 'x-component': 'Radio.Group', enum: [{ label: '是', value: true }, { label: '否', value: false }, { label: '未填', value: null }] });
    expect(applicant.qualityWorkInLianyungangSince).toMatchObject({ 'x-component': 'DatePicker' });
    expect(JSON.parse(JSON.stringify(formily))).toEqual(formily);
  });
});
