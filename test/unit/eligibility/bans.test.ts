import { describe, expect, it } from 'vitest';
import { banEnd, evaluateEligibility, lianyungang2021, type Application, type RuleId } from '../../../src/index.ts';
import { eligibleIndividual, eligibleOrganization } from './builders.ts';

type Event = NonNullable<Application['history']>[number]['event'];
const finding = (app: Application, rule: RuleId) => evaluateEligibility(app).findings.find((x) => x.rule === rule)!;
const withHistory = (event: Event, date: string, submittedOn: string) =>
  eligibleOrganization({}, { submittedOn, history: [{ date, event }] });

describe('第十四条–第十六条: bans counted per 民法典 第二百零一条/第二百零二条, checked on submittedOn', () => {
  it('banEnd is the first free day: a 3-year ban decided 2023-05-10 runs through 2026-05-10, free from 2026-05-11', () => {
    expect(banEnd({ date: '2023-05-10' }, 3)).toBe('2026-05-11');
    // decided on Feb 29: the last day is Feb 28 (no corresponding day), free from Mar 1
    expect(banEnd({ date: '2024-02-29' }, 5)).toBe('2029-03-01');
  });

  it('the issue\'s boundary: decided 2023-06-30, 3-year ban → still banned on 2026-06-30, free on 2026-07-01', () => {
    const banned = finding(withHistory('disqualified-false-material', '2023-06-30', '2026-06-30'), '14');
    expect(banned.status).toBe('fail');
    expect(banned.message.zh).toContain('2026-07-01 起方可再次申报');
    expect(banned.message.zh).toContain('民法典第二百零一条、第二百零二条');
    expect(banned.message.en).toContain('Civil Code arts. 201–202');
    expect(finding(withHistory('disqualified-false-material', '2023-06-30', '2026-07-01'), '14').status).toBe('pass');
  });

  it.each([
    ['disqualified-false-material', '14', lianyungang2021.bans.falseMaterialYears, '2023-05-10', '2026-05-10', '2026-05-11'],
    ['revoked-fraud', '14', lianyungang2021.bans.fraudRevocationYears, '2021-05-10', '2026-05-10', '2026-05-11'],
    ['revoked-incident', '15', lianyungang2021.bans.incidentRevocationYears, '2021-05-10', '2026-05-10', '2026-05-11'],
    ['won-mayor-award', '16', lianyungang2021.bans.mayorAwardLockYears, '2021-05-10', '2026-05-10', '2026-05-11'],
  ] as const)('%s (rule %s, %i years): the last day of the ban fails, the first free day passes', (event, rule, _years, date, lastDay, freeDay) => {
    const banned = finding(withHistory(event, date, lastDay), rule);
    expect(banned.status).toBe('fail');
    expect(banned.message.zh).toContain(`${freeDay} 起方可再次申报`);
    expect(banned.message.en).toContain(`you may apply again from ${freeDay}`);
    expect(banned.fields).toEqual(['history']);
    expect(finding(withHistory(event, date, freeDay), rule).status).toBe('pass');
    // the decision day itself is inside the ban
    expect(finding(withHistory(event, date, date), rule).status).toBe('fail');
  });

  it('a ban decided on Feb 29 ends on Feb 28 of a common year (第二百零二条: the month\'s last day)', () => {
    expect(finding(withHistory('won-mayor-award', '2024-02-29', '2029-02-28'), '16').status).toBe('fail');
    expect(finding(withHistory('won-mayor-award', '2024-02-29', '2029-03-01'), '16').status).toBe('pass');
  });

  it('the other rules ignore an event that is not theirs', () => {
    const report = evaluateEligibility(withHistory('revoked-incident', '2025-01-01', '2026-06-30'));
    expect(report.findings.filter((f) => f.status === 'fail').map((f) => f.rule)).toEqual(['15']);
  });

  it('a Nomination award locks nothing, even the next day', () => {
    const f = finding(withHistory('won-nomination-award', '2026-06-29', '2026-06-30'), '16');
    expect(f.status).toBe('pass');
    expect(f.message.zh).toContain('提名奖不限制再次申报');
    expect(evaluateEligibility(withHistory('won-nomination-award', '2026-06-29', '2026-06-30')).verdict).toBe('eligible');
  });

  it('a Mayor award locks individuals too', () => {
    const app = eligibleIndividual({}, { submittedOn: '2026-06-30', history: [{ date: '2024-12-30', event: 'won-mayor-award' }] });
    expect(finding(app, '16').status).toBe('fail');
  });

  it('an event after the submission date has not happened yet as of that date', () => {
    expect(finding(withHistory('disqualified-false-material', '2026-07-01', '2026-06-30'), '14').status).toBe('pass');
  });

  it('the longest running ban is reported', () => {
    const app = eligibleOrganization({}, {
      submittedOn: '2026-06-30',
      history: [
        { date: '2022-01-01', event: 'revoked-fraud' },
        { date: '2024-01-01', event: 'disqualified-false-material' },
      ],
    });
    expect(finding(app, '14').message.zh).toContain('2027-01-02 起方可再次申报');
  });

  it('history is optional: left out or null, no ban is recorded, and the message says so', () => {
    for (const history of [null, undefined]) {
      const report = evaluateEligibility(eligibleOrganization({}, { history }));
      expect(report.verdict).toBe('eligible');
      for (const rule of ['14', '15', '16']) {
        const f = report.findings.find((x) => x.rule === rule)!;
        expect(f.status).toBe('pass');
        expect(f.message.zh).toContain('申报文件未填写以往申报和获奖记录，按无记录处理');
        expect(f.message.en).toContain('checks its own records at the qualification review');
      }
    }
    const declared = evaluateEligibility(eligibleOrganization({}, { history: [] }));
    expect(declared.findings.find((x) => x.rule === '14')!.message.zh).not.toContain('未填写');
  });

  it('ban lengths come from the policy pack', () => {
    const policy = { ...lianyungang2021, bans: { ...lianyungang2021.bans, falseMaterialYears: 1 } };
    const report = evaluateEligibility(withHistory('disqualified-false-material', '2025-06-30', '2026-07-01'), { policy });
    expect(report.findings.find((f) => f.rule === '14')!.status).toBe('pass');
    const lastDay = evaluateEligibility(withHistory('disqualified-false-material', '2025-06-30', '2026-06-30'), { policy });
    expect(lastDay.findings.find((f) => f.rule === '14')!.status).toBe('fail');
    expect(evaluateEligibility(withHistory('disqualified-false-material', '2025-06-30', '2026-07-01')).findings.find((f) => f.rule === '14')!.status).toBe('fail');
  });
});
