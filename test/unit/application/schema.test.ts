import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import {
  applicationErrorMap,
  applicationFieldLabels,
  applicationSchema,
  fieldLabel,
  fieldsForRule,
  parseApplication,
  ruleIds,
} from '../../../src/index.ts';
import { application } from '../eligibility/arbitraries.ts';
import { eligibleIndividual, eligibleOrganization } from '../eligibility/builders.ts';

const base = { format: 'lyg-award/application@1', year: 2026, submittedOn: '2026-06-30' } as const;

function errorsOf(input: unknown) {
  const result = parseApplication(input);
  if (result.ok) throw new Error('expected errors');
  return result.errors;
}

describe('application file lyg-award/application@1', () => {
  it('a half-filled form parses: unknown facts may be left out or null', () => {
    const result = parseApplication({ ...base, applicant: { kind: 'organization', name: null, establishedOn: null } });
    expect(result.ok).toBe(true);
    expect(parseApplication({ ...base, applicant: { kind: 'individual' } }).ok).toBe(true);
  });

  it('keeps null (unknown) apart from false', () => {
    const result = parseApplication({ ...base, applicant: { kind: 'organization', goodCredit: null, exporter: false } });
    expect(result.ok && result.application.applicant).toMatchObject({ goodCredit: null, exporter: false });
  });

  it('complete organisations and individuals parse unchanged', () => {
    for (const app of [eligibleOrganization(), eligibleIndividual()]) {
      const result = parseApplication(app);
      expect(result).toEqual({ ok: true, application: app });
    }
  });

  it('refuses 2023-02-30 and 2023-02-29, accepts 2024-02-29', () => {
    expect(errorsOf({ ...base, submittedOn: '2023-02-30' })[0]).toMatchObject({ path: 'submittedOn' });
    const leap = errorsOf({ ...base, applicant: { kind: 'organization', establishedOn: '2023-02-29' } });
    expect(leap).toHaveLength(1);
    expect(leap[0]!.path).toBe('applicant.establishedOn');
    expect(leap[0]!.message.zh).toContain('成立日期');
    expect(leap[0]!.message.en).toContain('Date of establishment');
    expect(parseApplication({ ...base, applicant: { kind: 'organization', establishedOn: '2024-02-29' } }).ok).toBe(true);
  });

  it('refuses negative counts with a message naming the field', () => {
    const errors = errorsOf({ ...base, applicant: { kind: 'organization', inventionPatents: -1 } });
    expect(errors).toEqual([
      {
        path: 'applicant.inventionPatents',
        message: { zh: '发明专利数量：不能为负数', en: 'Invention patents (count): must not be negative' },
      },
    ]);
  });

  it('refuses fractional counts', () => {
    const errors = errorsOf({ ...base, applicant: { kind: 'organization', registeredTrademarks: 1.5 } });
    expect(errors[0]!.path).toBe('applicant.registeredTrademarks');
    expect(errors[0]!.message.en).toContain('whole number');
  });

  it('names array items by number', () => {
    const errors = errorsOf({
      ...base,
      applicant: { kind: 'organization', accidents: [{ date: '2024-01-01', kind: 'safety', severity: 'larger' }, { date: '2024-13-01', kind: 'safety', severity: 'larger' }] },
    });
    expect(errors).toHaveLength(1);
    expect(errors[0]!.path).toBe('applicant.accidents[1].date');
    expect(errors[0]!.message.zh).toMatch(/^事故日期（第 2 条）：/);
    expect(errors[0]!.message.en).toMatch(/^Accident date \(item 2\): /);
  });

  it('refuses quality-staff years with more qualified than total, zero total, or a repeated year', () => {
    const errors = errorsOf({
      ...base,
      applicant: {
        kind: 'organization',
        qualityStaff: [
          { year: 2024, qualified: 11, total: 10 },
          { year: 2024, qualified: 0, total: 0 },
        ],
      },
    });
    const paths = errors.map((e) => e.path);
    expect(paths).toContain('applicant.qualityStaff[0].qualified');
    expect(paths).toContain('applicant.qualityStaff[1].total');
    expect(paths).toContain('applicant.qualityStaff');
  });

  it('refuses an unknown applicant kind, format and missing submission date, naming each', () => {
    const errors = errorsOf({ format: 'x', year: 2026, applicant: { kind: 'company' } });
    expect(errors.map((e) => e.path).sort()).toEqual(['applicant.kind', 'format', 'submittedOn']);
    expect(errors.find((e) => e.path === 'submittedOn')!.message).toEqual({ zh: '申报日期：必须填写', en: 'Submission date: is required' });
    for (const e of errors) {
      expect(e.message.zh.length).toBeGreaterThan(0);
      expect(e.message.en).toMatch(/^[A-Z]/);
    }
  });

  it('every error message starts with the field name in both languages (fast-check)', () => {
    const junk = fc.oneof(fc.constant(-1), fc.constant(1.5), fc.constant('x'), fc.constant(true), fc.constant('2023-02-30'), fc.constant({}));
    const keys = ['creditCode', 'establishedOn', 'registeredTrademarks', 'accidents', 'qmsCertificates', 'qualityStaff', 'exporter', 'productLevel'];
    fc.assert(
      fc.property(fc.constantFrom(...keys), junk, (key, value) => {
        const result = parseApplication({ ...base, applicant: { kind: 'organization', [key]: value } });
        if (result.ok) return;
        for (const e of result.errors) {
          const label = fieldLabel(e.path);
          expect(e.message.zh.startsWith(label.zh)).toBe(true);
          expect(e.message.en.startsWith(label.en)).toBe(true);
          expect(e.path.startsWith(`applicant.${key}`)).toBe(true);
        }
      }),
    );
  });

  it('parseApplication never throws and agrees with the schema on generated files', () => {
    fc.assert(
      fc.property(application, (app) => {
        const result = parseApplication(app);
        expect(result.ok).toBe(true);
      }),
    );
    fc.assert(fc.property(fc.anything(), (junk) => { parseApplication(junk); }));
  });

  it('the error map gives a thrown ZodError bilingual messages naming the field', () => {
    let caught: unknown;
    try {
      applicationSchema.parse({ ...base, year: 'next' }, { error: applicationErrorMap });
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(ZodError);
    expect((caught as ZodError).issues[0]!.message).toBe('评奖年度：应为数字 / Award year: must be a number');
  });

  it('labels every field path a rule reads', () => {
    for (const id of ruleIds) {
      for (const path of fieldsForRule[id]) expect(applicationFieldLabels[path], `${id} ${path}`).toBeDefined();
    }
  });

  it('labels every field of both applicant kinds', () => {
    for (const key of Object.keys(eligibleOrganization().applicant)) expect(applicationFieldLabels[`applicant.${key}`], key).toBeDefined();
    const person = eligibleIndividual().applicant;
    for (const key of Object.keys(person)) expect(applicationFieldLabels[`applicant.${key}`], key).toBeDefined();
    if (person.kind === 'individual' && person.headsOrganization)
      for (const key of Object.keys(person.headsOrganization))
        expect(applicationFieldLabels[`applicant.headsOrganization.${key}`], key).toBeDefined();
  });
});

describe('fieldLabel', () => {
  it('numbers list items in both path spellings', () => {
    expect(fieldLabel('applicant.accidents[2].date')).toEqual({ zh: '事故日期（第 3 条）', en: 'Accident date (item 3)' });
    expect(fieldLabel('applicant.accidents.2.date')).toEqual(fieldLabel('applicant.accidents[2].date'));
    expect(fieldLabel('applicant.qualityStaff[1]')).toEqual({ zh: '质量管理岗位人员（按年度）（第 2 条）', en: 'Quality-management staff (by year) (item 2)' });
  });
  it('falls back to the nearest labelled parent, then to the path itself', () => {
    expect(fieldLabel('applicant.unknownThing')).toEqual({ zh: '申报主体：applicant.unknownThing', en: 'Applicant: applicant.unknownThing' });
    expect(fieldLabel('zzz')).toEqual({ zh: 'zzz', en: 'zzz' });
    expect(fieldLabel('')).toEqual({ zh: '申报文件', en: 'application file' });
  });
  it('has both languages for every catalogued path', () => {
    for (const [path, label] of Object.entries(applicationFieldLabels)) {
      expect(label.zh, path).toMatch(/[\u4e00-\u9fff]/);
      expect(label.en, path).toMatch(/^[A-Z]/);
    }
  });
});
