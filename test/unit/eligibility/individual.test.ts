import { describe, expect, it } from 'vitest';
import { evaluateEligibility, type Application, type RuleId } from '../../../src/index.ts';
import { eligibleIndividual } from './builders.ts';

const finding = (app: Application, rule: RuleId) => {
  const f = evaluateEligibility(app).findings.find((x) => x.rule === rule);
  if (!f) throw new Error(`no finding for ${rule}`);
  return f;
};

describe('an individual meeting every clause', () => {
  it('is eligible, with findings 9.1–9.4, 14, 15, 16', () => {
    const report = evaluateEligibility(eligibleIndividual());
    expect(report.verdict).toBe('eligible');
    expect(report.findings.map((f) => f.rule)).toEqual(['9.1', '9.2', '9.3', '9.4', '14', '15', '16']);
    expect(report.findings.every((f) => f.status === 'pass')).toBe(true);
  });
});

describe('第九条（一） years of quality work', () => {
  it('exactly 10 years passes; one day short fails with the first possible date', () => {
    expect(finding(eligibleIndividual({ qualityWorkInLianyungangSince: '2016-06-30' }), '9.1').status).toBe('pass');
    const short = finding(eligibleIndividual({ qualityWorkInLianyungangSince: '2016-07-01' }), '9.1');
    expect(short.status).toBe('fail');
    expect(short.message.zh).toBe('第九条（一）不符合：自 2016-07-01 起在本市从事质量工作，至申报日 2026-06-30 不满 10 年；2026-07-01 起方可申报');
  });
  it('unknown start needs evidence', () => {
    expect(finding(eligibleIndividual({ qualityWorkInLianyungangSince: null }), '9.1').status).toBe('needs-evidence');
  });
});

describe('第九条（二）（三） judgement clauses', () => {
  it.each([
    ['goodConduct', '9.2'],
    ['goodCredit', '9.2'],
    ['craftsmanshipResults', '9.3'],
  ] as const)('%s: true passes with evidence, false fails, unknown needs evidence', (field, rule) => {
    const yes = finding(eligibleIndividual({ [field]: true }), rule);
    expect(yes.status).toBe('pass');
    expect(yes.evidence.length).toBeGreaterThan(0);
    expect(finding(eligibleIndividual({ [field]: false }), rule).status).toBe('fail');
    expect(finding(eligibleIndividual({ [field]: undefined }), rule).status).toBe('needs-evidence');
  });
});

describe('第九条（四） the organisation the applicant heads', () => {
  const clean = eligibleIndividual().applicant;
  const headed = clean.kind === 'individual' ? clean.headsOrganization! : null!;

  it('null: heads no organisation, the clause does not apply', () => {
    const f = finding(eligibleIndividual({ headsOrganization: null }), '9.4');
    expect(f.status).toBe('pass');
    expect(f.message.zh).toContain('不适用');
  });

  it('left out: not known whether the applicant heads one, needs evidence', () => {
    expect(finding(eligibleIndividual({ headsOrganization: undefined }), '9.4').status).toBe('needs-evidence');
  });

  it('applies the 8(6) reading: a larger accident exactly 3 years before fails, one day earlier passes', () => {
    const at = (date: string) =>
      eligibleIndividual({ headsOrganization: { ...headed, accidents: [{ date, kind: 'food-safety', severity: 'larger' }] } });
    const f = finding(at('2023-06-30'), '9.4');
    expect(f.status).toBe('fail');
    expect(f.message.zh).toContain('所负责组织于 2023-06-30 发生较大食品安全事故');
    expect(finding(at('2023-06-29'), '9.4').status).toBe('pass');
  });

  it('a failed inspection or a dishonesty record of the organisation fails the individual', () => {
    expect(
      finding(eligibleIndividual({ headsOrganization: { ...headed, inspectionFailures: [{ date: '2025-01-01', level: 'industry' }] } }), '9.4').status,
    ).toBe('fail');
    expect(finding(eligibleIndividual({ headsOrganization: { ...headed, laborDishonestyRecord: true } }), '9.4').status).toBe('fail');
  });

  it('unknown facts of the organisation need evidence, naming them as the headed organisation’s', () => {
    const f = finding(eligibleIndividual({ headsOrganization: { ...headed, goodCredit: null } }), '9.4');
    expect(f.status).toBe('needs-evidence');
    expect(f.message.zh).toContain('所负责组织诚信记录良好');
    expect(f.fields).toEqual(['applicant.headsOrganization.goodCredit']);
    expect(f.evidence).toContain('任职证明');
  });
});
