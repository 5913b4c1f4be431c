import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateEligibility, lianyungang2021, type Application, type RuleId } from '../../../src/index.ts';
import { isoDate } from './arbitraries.ts';
import { eligibleOrganization } from './builders.ts';

const finding = (app: Application, rule: RuleId, policy = lianyungang2021) => {
  const f = evaluateEligibility(app, { policy }).findings.find((x) => x.rule === rule);
  if (!f) throw new Error(`no finding for ${rule}`);
  return f;
};

describe('an organisation meeting every clause', () => {
  it('is eligible, with findings 8.1–8.6, 14, 15, 16 all passing and citing their article', () => {
    const report = evaluateEligibility(eligibleOrganization());
    expect(report.verdict).toBe('eligible');
    expect(report.findings.map((f) => f.rule)).toEqual(['8.1', '8.2', '8.3', '8.4', '8.5', '8.6', '14', '15', '16']);
    for (const f of report.findings) {
      expect(f.status).toBe('pass');
      expect(f.message.zh).toMatch(/^第(八|十四|十五|十六)条/);
      expect(f.message.en).toMatch(/^Art\. (8\(\d\)|14|15|16) met/);
    }
  });
});

describe('第八条（一） operation', () => {
  it('exactly 3 years of operation on the submission date passes; one day short fails', () => {
    expect(finding(eligibleOrganization({ establishedOn: '2023-06-30' }), '8.1').status).toBe('pass');
    const short = finding(eligibleOrganization({ establishedOn: '2023-07-01' }), '8.1');
    expect(short.status).toBe('fail');
    expect(short.message.zh).toContain('不满 3 年');
    expect(short.message.zh).toContain('2026-07-01 起方可申报');
    expect(short.message.en).toContain('you may apply from 2026-07-01');
    expect(short.fields).toEqual(['applicant.establishedOn']);
  });

  it('founded on Feb 29: three years are complete on Feb 28 of the common year', () => {
    const founded = { establishedOn: '2020-02-29' };
    expect(finding(eligibleOrganization(founded, { submittedOn: '2023-02-28' }), '8.1').status).toBe('pass');
    expect(finding(eligibleOrganization(founded, { submittedOn: '2023-02-27' }), '8.1').status).toBe('fail');
    // into a leap year: Feb 29 + 4 years is Feb 29
    const four = { ...lianyungang2021, organization: { ...lianyungang2021.organization, minOperatingYears: 4 } };
    expect(finding(eligibleOrganization(founded, { submittedOn: '2024-02-29' }), '8.1', four).status).toBe('pass');
    expect(finding(eligibleOrganization(founded, { submittedOn: '2024-02-28' }), '8.1', four).status).toBe('fail');
  });

  it('reads the number of years from the policy pack', () => {
    const five = { ...lianyungang2021, organization: { ...lianyungang2021.organization, minOperatingYears: 5 } };
    const f = finding(eligibleOrganization({ establishedOn: '2022-01-01' }), '8.1', five);
    expect(f.status).toBe('fail');
    expect(f.message.zh).toContain('不满 5 年');
  });

  it.each([
    ['registeredInLianyungang', false, '未在连云港市行政区域内登记注册'],
    ['independentLegalPerson', false, '不具有独立法人资格'],
    ['policyCompliant', false, '不符合国家产业'],
    ['operationInterrupted', true, '曾中断'],
  ] as const)('%s = %s fails', (field, value, text) => {
    const f = finding(eligibleOrganization({ [field]: value }), '8.1');
    expect(f.status).toBe('fail');
    expect(f.message.zh).toContain(text);
    expect(f.evidence).toContain('营业执照');
  });

  it.each(['registeredInLianyungang', 'independentLegalPerson', 'policyCompliant', 'establishedOn', 'operationInterrupted'] as const)(
    'unknown %s needs evidence, never passes silently',
    (field) => {
      for (const unknown of [null, undefined]) {
        const f = finding(eligibleOrganization({ [field]: unknown }), '8.1');
        expect(f.status).toBe('needs-evidence');
        expect(f.message.zh).toContain('未填写');
        expect(f.fields).toEqual([`applicant.${field}`]);
      }
    },
  );
});

describe('第八条（二） quality management system', () => {
  const cert = (standard: string, validUntil: string | null) => ({ qmsCertificates: [{ standard, validUntil }] });

  it('a certificate valid on the submission date passes; expired the day before fails', () => {
    expect(finding(eligibleOrganization(cert('ISO 9001:2015', '2026-06-30')), '8.2').status).toBe('pass');
    const expired = finding(eligibleOrganization(cert('ISO 9001:2015', '2026-06-29')), '8.2');
    expect(expired.status).toBe('fail');
    expect(expired.message.zh).toContain('已过期');
  });

  it('no certificate at all fails; certificates not given need evidence', () => {
    expect(finding(eligibleOrganization({ qmsCertificates: [] }), '8.2').status).toBe('fail');
    expect(finding(eligibleOrganization({ qmsCertificates: null }), '8.2').status).toBe('needs-evidence');
  });

  it('matches accepted standards however they are spelled', () => {
    for (const s of ['GB/T19001-2016', 'gb/t 19001-2016 idt iso 9001:2015', 'IATF 16949:2016'])
      expect(finding(eligibleOrganization(cert(s, '2027-01-01')), '8.2').status).toBe('pass');
  });

  it('a standard not on the policy list is for the reviewers to judge', () => {
    const f = finding(eligibleOrganization(cert('ISO 14001:2015', '2027-01-01')), '8.2');
    expect(f.status).toBe('needs-evidence');
    expect(f.message.zh).toContain('由评审认定');
  });

  it('a certificate without an expiry date needs evidence', () => {
    expect(finding(eligibleOrganization(cert('ISO 9001', null)), '8.2').status).toBe('needs-evidence');
  });

  it('excellence results: self-declared true passes with evidence listed, false fails, unknown needs evidence', () => {
    const yes = finding(eligibleOrganization({ excellenceResults: true }), '8.2');
    expect(yes.status).toBe('pass');
    expect(yes.evidence).toEqual(['质量管理体系认证证书', '卓越绩效成效证明']);
    expect(yes.message.zh).toContain('请附证明');
    expect(finding(eligibleOrganization({ excellenceResults: false }), '8.2').status).toBe('fail');
    expect(finding(eligibleOrganization({ excellenceResults: null }), '8.2').status).toBe('needs-evidence');
  });
});

describe('第八条（三） products and intellectual property', () => {
  it('provincial advanced or above passes; below fails', () => {
    for (const level of ['international-advanced', 'national-advanced', 'provincial-advanced'] as const)
      expect(finding(eligibleOrganization({ productLevel: level }), '8.3').status).toBe('pass');
    const below = finding(eligibleOrganization({ productLevel: 'below-provincial' }), '8.3');
    expect(below.status).toBe('fail');
    expect(below.message.zh).toContain('低于省内先进');
  });

  it('needs at least one trademark and the policy minimum of invention patents', () => {
    expect(finding(eligibleOrganization({ registeredTrademarks: 0 }), '8.3').status).toBe('fail');
    expect(finding(eligibleOrganization({ inventionPatents: 0 }), '8.3').status).toBe('fail');
    const three = { ...lianyungang2021, organization: { ...lianyungang2021.organization, minInventionPatents: 3 } };
    expect(finding(eligibleOrganization({ inventionPatents: 2 }), '8.3', three).status).toBe('fail');
    expect(finding(eligibleOrganization({ inventionPatents: 3 }), '8.3', three).status).toBe('pass');
  });

  it.each(['productLevel', 'registeredTrademarks', 'inventionPatents'] as const)('unknown %s needs evidence', (field) => {
    expect(finding(eligibleOrganization({ [field]: null }), '8.3').status).toBe('needs-evidence');
  });
});

describe('第八条（四） results and social responsibility (judgement)', () => {
  it('self-declared true passes with the evidence to attach', () => {
    const f = finding(eligibleOrganization(), '8.4');
    expect(f.status).toBe('pass');
    expect(f.evidence).toEqual(expect.arrayContaining(['纳税证明', '社会责任报告']));
  });
  it.each(['industryLeading', 'socialResponsibility'] as const)('%s false fails, unknown needs evidence', (field) => {
    expect(finding(eligibleOrganization({ [field]: false }), '8.4').status).toBe('fail');
    expect(finding(eligibleOrganization({ [field]: undefined }), '8.4').status).toBe('needs-evidence');
  });
});

describe('第八条（五） quality staff share', () => {
  const staff = (...rows: [number, number, number][]) => ({
    qualityStaff: rows.map(([year, qualified, total]) => ({ year, qualified, total })),
  });

  it('two years, rising share: pass', () => {
    expect(finding(eligibleOrganization(staff([2024, 4, 10], [2025, 5, 10])), '8.5').status).toBe('pass');
  });
  it('compares shares, not head counts, and sorts by year', () => {
    // 5/10 = 50% then 6/13 ≈ 46%: more people, lower share
    expect(finding(eligibleOrganization(staff([2025, 6, 13], [2024, 5, 10])), '8.5').status).toBe('fail');
    // 1/3 then 2/6 are equal exactly (no floating-point wobble): not a rise
    expect(finding(eligibleOrganization(staff([2024, 1, 3], [2025, 2, 6])), '8.5').status).toBe('needs-evidence');
  });
  it('any fall fails, naming the years', () => {
    const f = finding(eligibleOrganization(staff([2023, 3, 10], [2024, 5, 10], [2025, 4, 10])), '8.5');
    expect(f.status).toBe('fail');
    expect(f.message.zh).toContain('2025 年质量工作者比例 40.0% 低于 2024 年的 50.0%');
  });
  it('one year of data, or none, needs evidence', () => {
    expect(finding(eligibleOrganization(staff([2025, 5, 10])), '8.5').status).toBe('needs-evidence');
    expect(finding(eligibleOrganization(staff()), '8.5').status).toBe('needs-evidence');
    expect(finding(eligibleOrganization({ qualityStaff: null }), '8.5').status).toBe('needs-evidence');
  });
  it('a policy may require a minimum share', () => {
    const min = { ...lianyungang2021, organization: { ...lianyungang2021.organization, qualityStaffMinShare: 0.6 } };
    expect(finding(eligibleOrganization(staff([2024, 4, 10], [2025, 5, 10])), '8.5', min).status).toBe('fail');
    expect(finding(eligibleOrganization(staff([2024, 5, 10], [2025, 6, 10])), '8.5', min).status).toBe('pass');
  });
});

describe('第八条（六） credit and clean record', () => {
  const accident = (date: string, severity: 'general' | 'larger' | 'major' | 'especially-major') => ({
    accidents: [{ date, kind: 'quality' as const, severity }],
  });

  it('a larger accident exactly 3 years before submission still counts; one day earlier does not', () => {
    const exactly = finding(eligibleOrganization(accident('2023-06-30', 'larger')), '8.6');
    expect(exactly.status).toBe('fail');
    expect(exactly.message.zh).toContain('2023-06-30 发生较大质量事故');
    expect(finding(eligibleOrganization(accident('2023-06-29', 'larger')), '8.6').status).toBe('pass');
    expect(finding(eligibleOrganization(accident('2023-07-01', 'larger')), '8.6').status).toBe('fail');
  });

  it('major and especially major accidents fail; general ones never do', () => {
    expect(finding(eligibleOrganization(accident('2026-01-01', 'major')), '8.6').status).toBe('fail');
    expect(finding(eligibleOrganization(accident('2026-01-01', 'especially-major')), '8.6').status).toBe('fail');
    for (const date of ['2026-06-30', '2025-01-01', '2023-06-30'])
      expect(finding(eligibleOrganization(accident(date, 'general')), '8.6').status).toBe('pass');
  });

  it('general accidents never fail, whatever their date, kind or number (fast-check)', () => {
    const general = fc.record({
      date: isoDate,
      kind: fc.constantFrom('quality', 'safety', 'environment', 'public-health', 'food-safety' as const),
      severity: fc.constant('general' as const),
    });
    fc.assert(
      fc.property(fc.array(general, { maxLength: 6 }), isoDate, (accidents, submittedOn) => {
        expect(finding(eligibleOrganization({ accidents }, { submittedOn }), '8.6').status).toBe('pass');
      }),
    );
  });

  it('a failed inspection exactly 2 years before counts; one day earlier does not', () => {
    const fail = finding(eligibleOrganization({ inspectionFailures: [{ date: '2024-06-30', level: 'municipal' }] }), '8.6');
    expect(fail.status).toBe('fail');
    expect(fail.message.zh).toContain('市级监督检查中不合格');
    expect(finding(eligibleOrganization({ inspectionFailures: [{ date: '2024-06-29', level: 'national' }] }), '8.6').status).toBe('pass');
  });

  it.each([
    ['goodCredit', false],
    ['majorQualityComplaints', 1],
    ['ownFaultQualityDisputes', 2],
    ['laborDishonestyRecord', true],
    ['otherViolations', true],
  ] as const)('%s = %s fails', (field, value) => {
    expect(finding(eligibleOrganization({ [field]: value }), '8.6').status).toBe('fail');
  });

  it('exporters need zero export quality incidents; non-exporters are not asked', () => {
    expect(finding(eligibleOrganization({ exporter: true, exportQualityIncidents: 0 }), '8.6').status).toBe('pass');
    const f = finding(eligibleOrganization({ exporter: true, exportQualityIncidents: 1 }), '8.6');
    expect(f.status).toBe('fail');
    expect(f.evidence).toContain('海关无质量通报证明');
    expect(finding(eligibleOrganization({ exporter: true }), '8.6').status).toBe('needs-evidence');
    expect(finding(eligibleOrganization({ exporter: false, exportQualityIncidents: 3 }), '8.6').status).toBe('pass');
    expect(finding(eligibleOrganization({ exporter: null }), '8.6').status).toBe('needs-evidence');
  });

  it.each([
    'goodCredit',
    'accidents',
    'majorQualityComplaints',
    'ownFaultQualityDisputes',
    'inspectionFailures',
    'laborDishonestyRecord',
    'otherViolations',
  ] as const)('unknown %s needs evidence', (field) => {
    expect(finding(eligibleOrganization({ [field]: null }), '8.6').status).toBe('needs-evidence');
  });

  it('windows come from the policy pack', () => {
    const five = { ...lianyungang2021, organization: { ...lianyungang2021.organization, accidentWindowYears: 5 } };
    expect(finding(eligibleOrganization(accident('2022-01-01', 'larger')), '8.6', five).status).toBe('fail');
    expect(finding(eligibleOrganization(accident('2022-01-01', 'larger')), '8.6').status).toBe('pass');
  });
});
