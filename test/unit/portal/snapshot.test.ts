import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { snapshotToApplication, parseApplication, evaluateEligibility, demoPortalAdapter, type FieldReadingLike } from '../../../src/index.ts';

const opts = { submittedOn: '2026-06-30', year: 2026 };
const r = (key: string, value: string | boolean | null, found = true): FieldReadingLike => ({ key, found, value });
const rows = (x: unknown[]) => JSON.stringify(x);

const organization: FieldReadingLike[] = [
  r('applicant.kind', '组织'),
  r('applicant.name', ' 连云港海州精密机械有限公司 '),
  r('applicant.creditCode', '91320706MA1Q8K2L3J'),
  r('applicant.registeredInLianyungang', '是'),
  r('applicant.independentLegalPerson', '是'),
  r('applicant.policyCompliant', true),
  r('applicant.establishedOn', '2015年3月1日'),
  r('applicant.operationInterrupted', '否'),
  r('applicant.qmsCertificates', rows([{ standard: 'GB/T 19001-2016', validUntil: '2027/8/31' }, { standard: '', validUntil: '' }])),
  r('applicant.excellenceResults', '是'),
  r('applicant.productLevel', '省内先进'),
  r('applicant.registeredTrademarks', '３'),
  r('applicant.inventionPatents', '2'),
  r('applicant.industryLeading', '是'),
  r('applicant.socialResponsibility', '是'),
  r('applicant.qualityStaff', rows([{ year: '2024', qualified: '6', total: '20' }, { year: '2025', qualified: '9', total: '22' }])),
  r('applicant.goodCredit', '是'),
  r('applicant.accidents', rows([{ date: '2025-04-02', kind: '安全', severity: '一般' }])),
  r('applicant.majorQualityComplaints', '0'),
  r('applicant.ownFaultQualityDisputes', '0'),
  r('applicant.inspectionFailures', '[]'),
  r('applicant.laborDishonestyRecord', '否'),
  r('applicant.otherViolations', '否'),
  r('applicant.exporter', '否'),
  r('applicant.exportQualityIncidents', ''),
  r('history', rows([{ date: '2019-01-10', event: '获市长质量奖提名奖' }])),
];

describe('snapshotToApplication', () => {
  it('turns an organisation reading into a valid application file, with portal texts mapped', () => {
    const app = snapshotToApplication(organization, opts) as Record<string, any>;
    const parsed = parseApplication(app);
    expect(parsed.ok, JSON.stringify(!parsed.ok && parsed.errors)).toBe(true);
    expect(app.format).toBe('lyg-award/application@1');
    expect(app.submittedOn).toBe('2026-06-30');
    expect(app.applicant).toMatchObject({
      kind: 'organization',
      name: '连云港海州精密机械有限公司',
      registeredInLianyungang: true,
      policyCompliant: true,
      establishedOn: '2015-03-01',
      operationInterrupted: false,
      productLevel: 'provincial-advanced',
      registeredTrademarks: 3,
      inventionPatents: 2,
      qmsCertificates: [{ standard: 'GB/T 19001-2016', validUntil: '2027-08-31' }],
      qualityStaff: [{ year: 2024, qualified: 6, total: 20 }, { year: 2025, qualified: 9, total: 22 }],
      accidents: [{ date: '2025-04-02', kind: 'safety', severity: 'general' }],
      inspectionFailures: [],
    });
    expect(app.history).toEqual([{ date: '2019-01-10', event: 'won-nomination-award' }]);
    // An empty field is unknown: left out, not 0 and not false.
    expect('exportQualityIncidents' in app.applicant).toBe(false);
    expect(evaluateEligibility(parsed.ok ? parsed.application : (null as never)).verdict).not.toBe('ineligible');
  });

  it('unknown is not false: fields not found, or null, are left out', () => {
    const app = snapshotToApplication([r('applicant.kind', '组织'), r('applicant.goodCredit', null), r('applicant.exporter', '是', false)], opts) as Record<string, any>;
    expect(app.applicant).toEqual({ kind: 'organization' });
  });

  it('never coerces garbage: the portal text is kept so validation names the field', () => {
    const app = snapshotToApplication([
      r('applicant.kind', '组织'),
      r('applicant.inventionPatents', '两件'),
      r('applicant.establishedOn', '去年春天'),
      r('applicant.productLevel', '世界领先'),
      r('applicant.registeredInLianyungang', '大概'),
      r('applicant.qualityStaff', '不是表格'),
      r('applicant.registeredTrademarks', '2.5'),
    ], opts) as Record<string, any>;
    expect(app.applicant).toMatchObject({ inventionPatents: '两件', establishedOn: '去年春天', productLevel: '世界领先', registeredInLianyungang: '大概', qualityStaff: '不是表格', registeredTrademarks: 2.5 });
    const parsed = parseApplication(app);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      const paths = parsed.errors.map((e) => e.path);
      for (const p of ['applicant.inventionPatents', 'applicant.establishedOn', 'applicant.productLevel', 'applicant.registeredInLianyungang', 'applicant.qualityStaff', 'applicant.registeredTrademarks']) expect(paths).toContain(p);
    }
  });

  it('a date that looks right but does not exist is kept as given (2025-02-30), never rolled over', () => {
    const app = snapshotToApplication([r('applicant.kind', '组织'), r('applicant.establishedOn', '2025年2月30日')], opts) as Record<string, any>;
    expect(app.applicant.establishedOn).toBe('2025-02-30');
    expect(parseApplication(app).ok).toBe(false);
  });

  it('individual: 9(4) headed organisation is null when the applicant heads none, an object of 8(6) facts when they do', () => {
    const base = [r('applicant.kind', '个人'), r('applicant.name', '张明华'), r('applicant.qualityWorkInLianyungangSince', '2010-05-01'), r('applicant.goodConduct', '是'), r('applicant.goodCredit', '是'), r('applicant.craftsmanshipResults', '是')];
    const none = snapshotToApplication([...base, r('applicant.headsOrganization', '否'), r('applicant.headsOrganization.goodCredit', '是')], opts) as Record<string, any>;
    expect(none.applicant.headsOrganization).toBeNull();
    expect(parseApplication(none).ok).toBe(true);
    const heads = snapshotToApplication([...base, r('applicant.headsOrganization', '是'), r('applicant.headsOrganization.goodCredit', '是'), r('applicant.headsOrganization.majorQualityComplaints', '1'), r('applicant.headsOrganization.accidents', '[]')], opts) as Record<string, any>;
    expect(heads.applicant.headsOrganization).toEqual({ goodCredit: true, majorQualityComplaints: 1, accidents: [] });
    expect(parseApplication(heads).ok).toBe(true);
    const yesButEmpty = snapshotToApplication([...base, r('applicant.headsOrganization', '是')], opts) as Record<string, any>;
    expect(yesButEmpty.applicant.headsOrganization).toEqual({});
  });

  it('fields of the other applicant kind are dropped (an individual has no credit code field)', () => {
    const app = snapshotToApplication([r('applicant.kind', '个人'), r('applicant.creditCode', '91320706MA1Q8K2L3J'), r('applicant.goodConduct', '是')], opts) as Record<string, any>;
    expect(app.applicant).toEqual({ kind: 'individual', goodConduct: true });
  });

  it('an application value already in application form (a prefilled select) is accepted as is', () => {
    const app = snapshotToApplication([r('applicant.kind', '组织'), r('applicant.productLevel', 'national-advanced')], opts) as Record<string, any>;
    expect(app.applicant.productLevel).toBe('national-advanced');
  });

  it('property: never throws, and always returns the file format with the given date and year', () => {
    const keys = [...new Set(demoPortalAdapter.fields.map((f) => f.key)), 'applicant.kind', 'not.a.key', '__proto__', 'constructor'];
    const value = fc.oneof(fc.string(), fc.boolean(), fc.constant(null), fc.jsonValue().map((j) => JSON.stringify(j)), fc.constantFrom('是', '否', '组织', '个人', '[{"date":"2024-01-01"}]', '[1,2,null]'));
    fc.assert(fc.property(fc.array(fc.record({ key: fc.constantFrom(...keys), found: fc.boolean(), value }), { maxLength: 60 }), (readings) => {
      const app = snapshotToApplication(readings, opts) as Record<string, unknown>;
      expect(app.format).toBe('lyg-award/application@1');
      expect(app.submittedOn).toBe(opts.submittedOn);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      parseApplication(app); // must not throw either
    }), { numRuns: 2000 });
  });
});
