import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { addDays } from '../../../src/core/dates.ts';
import { lianyungang2021 } from '../../../src/policy/index.ts';
import { replayCase } from '../../../src/cases/replay.ts';
import { checkQuota, replayYear, summarizeYear, type CaseRecord } from '../../../src/cases/year.ts';
import { bansFromCases, publicityDeadline, rewardForCase } from '../../../src/cases/staff.ts';
import { happyPath, makeEvent } from './fixtures.ts';

/** n cases of one kind and tier, each a day later than the previous one. */
const cohort = (n: number, kind: 'organization' | 'individual', tier: 'award' | 'nomination', prefix: string, offset = 0): CaseRecord[] =>
  Array.from({ length: n }, (_, i) => ({
    id: `${prefix}${i + 1}`,
    year: 2026,
    kind,
    applicant: `${prefix}-applicant-${i + 1}`,
    events: happyPath(kind, tier, addDays('2026-03-02', offset + i)),
  }));

describe('replayYear: 第四条 quotas on government approval', () => {
  it('approves at most 3 Mayor awards; the 4th approval (by date) is refused citing 第四条', () => {
    const { cases, years } = replayYear(cohort(4, 'organization', 'award', 'org'));
    expect(cases.map((c) => c.view.stage)).toEqual(['awarded', 'awarded', 'awarded', 'approval']);
    const refused = cases[3]!.view.rejected[0]!;
    expect(refused).toMatchObject({ code: 'over-quota', index: 8 });
    expect(refused.event.type).toBe('government-approve');
    expect(refused.reason).toContain('第四条');
    expect(refused.reasonI18n.en).toContain('at most 3');
    expect(cases[3]!.view.nextEvents).not.toContain('government-approve');
    expect(cases[3]!.view.nextEvents).toContain('government-reject');
    expect(years[0]).toMatchObject({ year: 2026, violations: [] });
    expect(years[0]!.award).toMatchObject({ used: 3, left: 0, organizations: 3, individuals: 0 });
  });

  it('at most 1 individual per tier; organisations still fit', () => {
    const cases = [...cohort(2, 'individual', 'award', 'ind'), ...cohort(1, 'organization', 'award', 'org', 5)];
    const r = replayYear(cases);
    expect(r.cases.map((c) => c.view.stage)).toEqual(['awarded', 'approval', 'awarded']);
    expect(r.cases[1]!.view.rejected[0]!.reasonI18n.en).toContain('individual');
    expect(r.years[0]!.award).toMatchObject({ used: 2, individuals: 1, organizations: 1 });
  });

  it('nomination: at most 5, 1 individual, counted apart from the Mayor award', () => {
    const cases = [...cohort(6, 'organization', 'nomination', 'n'), ...cohort(3, 'organization', 'award', 'a')];
    const r = replayYear(cases);
    expect(r.cases.filter((c) => c.view.stage === 'awarded').map((c) => c.id)).toEqual(['n1', 'n2', 'n3', 'n4', 'n5', 'a1', 'a2', 'a3']);
    expect(r.years[0]!.nomination).toMatchObject({ used: 5, left: 0 });
  });

  it('the earlier approval keeps the place, whatever the input order', () => {
    const late = cohort(1, 'organization', 'award', 'late', 30);
    const early = cohort(3, 'organization', 'award', 'early');
    const r = replayYear([...late, ...early]);
    expect(r.cases.find((c) => c.id === 'late1')!.view.stage).toBe('approval');
  });

  it('a revoked award keeps its place (no backfill)', () => {
    const [first, ...rest] = cohort(4, 'organization', 'award', 'o');
    const revoked = { ...first!, events: [...first!.events, makeEvent('revoke', '2026-04-20')] };
    const r = replayYear([revoked, ...rest]);
    expect(r.cases.map((c) => c.view.stage)).toEqual(['revoked', 'awarded', 'awarded', 'approval']);
  });

  it('years are separate cohorts', () => {
    const y2027 = cohort(3, 'organization', 'award', 'b').map((c) => ({ ...c, year: 2027 }));
    const r = replayYear([...cohort(3, 'organization', 'award', 'a'), ...y2027]);
    expect(r.cases.every((c) => c.view.stage === 'awarded')).toBe(true);
    expect(r.years.map((y) => y.year)).toEqual([2026, 2027]);
  });

  it('reads the quota from the policy pack', () => {
    const policy = { ...lianyungang2021, quotas: { ...lianyungang2021.quotas, award: { ...lianyungang2021.quotas.award, max: 2 } } };
    const r = replayYear(cohort(3, 'organization', 'award', 'o'), { policy });
    expect(r.cases.map((c) => c.view.stage)).toEqual(['awarded', 'awarded', 'approval']);
  });

  it('rejects duplicate ids and malformed cases with ZodError', () => {
    const [a] = cohort(1, 'organization', 'award', 'x');
    expect(() => replayYear([a!, a!])).toThrow(ZodError);
    expect(() => replayYear([{ ...a!, year: 'next' as never }])).toThrow(ZodError);
  });
});

describe('summarizeYear and checkQuota', () => {
  it('counts places used and left, by kind', () => {
    const s = summarizeYear([...cohort(1, 'individual', 'award', 'i'), ...cohort(1, 'organization', 'nomination', 'n')]);
    expect(s.award).toMatchObject({ max: 3, used: 1, left: 2, organizations: 0, individuals: 1, caseIds: ['i1'] });
    expect(s.nomination).toMatchObject({ max: 5, used: 1, left: 4, organizations: 1, individuals: 0 });
    expect(s.violations).toEqual([]);
  });

  it('lists violations when the record holds too many approvals', () => {
    const s = summarizeYear([...cohort(4, 'organization', 'award', 'o'), ...cohort(2, 'individual', 'nomination', 'i')]);
    expect(s.award.used).toBe(4);
    expect(s.violations.map((v) => [v.tier, v.rule, v.article])).toEqual([
      ['award', 'max', '第四条'],
      ['nomination', 'maxIndividuals', '第四条'],
    ]);
    expect(s.violations[0]!.reason).toMatch(/（第四条）.*\/.*\(Art\. 4\)/);
  });

  it('refuses to mix award years', () => {
    const mixed = [...cohort(1, 'organization', 'award', 'a'), { ...cohort(1, 'organization', 'award', 'b')[0]!, year: 2027 }];
    expect(() => summarizeYear(mixed)).toThrow(ZodError);
  });

  it('checkQuota: the 3rd Mayor award fits, the 4th does not; a 2nd individual does not', () => {
    const two = summarizeYear(cohort(2, 'organization', 'award', 'o'));
    expect(checkQuota(two, { tier: 'award', kind: 'organization' })).toEqual({ ok: true });
    const three = summarizeYear(cohort(3, 'organization', 'award', 'o'));
    const no = checkQuota(three, { tier: 'award', kind: 'organization' });
    expect(no.ok).toBe(false);
    expect(!no.ok && no.article).toBe('第四条');
    const ind = summarizeYear(cohort(1, 'individual', 'award', 'i'));
    expect(checkQuota(ind, { tier: 'award', kind: 'individual' }).ok).toBe(false);
    expect(checkQuota(ind, { tier: 'award', kind: 'organization' }).ok).toBe(true);
    expect(() => checkQuota(ind, { tier: 'gold' as never, kind: 'organization' })).toThrow(ZodError);
  });
});

describe('staff helpers', () => {
  it('bansFromCases lists 第十四条/第十五条 bans and the 第十六条 lock, with the first day to apply again', () => {
    const award = happyPath('organization', 'award', '2026-03-02');
    const approvedOn = award.at(-1)!.on;
    const cases = [
      { id: 'f', applicant: '甲公司', events: [...award.slice(0, 3), makeEvent('false-material-found', '2026-05-10')] },
      { id: 'r', applicant: '乙公司', events: [...award, makeEvent('revoke', '2027-06-01', { reason: 'incident' })] },
      { id: 'w', applicant: '丙公司', events: award },
      { id: 'n', applicant: '丁', events: happyPath('individual', 'nomination') },
    ];
    const bans = bansFromCases(cases);
    expect(bans.map((b) => [b.caseId, b.cause, b.article, b.from, b.until, b.mayApplyFrom])).toEqual([
      ['f', 'disqualified-false-material', '第十四条', '2026-05-10', '2029-05-10', '2029-05-11'],
      ['r', 'revoked-incident', '第十五条', '2027-06-01', '2032-06-01', '2032-06-02'],
      ['r', 'won-mayor-award', '第十六条', approvedOn, approvedOn.replace('2026', '2031'), addDays(approvedOn.replace('2026', '2031'), 1)],
      ['w', 'won-mayor-award', '第十六条', approvedOn, approvedOn.replace('2026', '2031'), addDays(approvedOn.replace('2026', '2031'), 1)],
    ]);
    expect(bans[0]!.message.zh).toContain('甲公司');
    expect(bans[0]!.message.en).toContain('may apply again from 2029-05-11');
    // still running on the last banned day (the corresponding day, 民法典 第二百零二条), gone the day after
    expect(bansFromCases(cases, { asOf: '2029-05-10' }).map((b) => b.caseId)).toContain('f');
    expect(bansFromCases(cases, { asOf: '2029-05-11' }).map((b) => b.caseId)).not.toContain('f');
  });

  it('rewardForCase: 第十一条 amounts by tier and kind; revoked money is recalled; none before the award', () => {
    expect(rewardForCase(replayCase(happyPath('organization', 'award')))).toMatchObject({ yuan: 500_000, article: '第十一条', recalled: false });
    expect(rewardForCase(replayCase(happyPath('individual', 'award')))!.yuan).toBe(100_000);
    expect(rewardForCase(replayCase(happyPath('organization', 'nomination')))!.yuan).toBe(150_000);
    expect(rewardForCase(replayCase(happyPath('individual', 'nomination')), 'individual')!.yuan).toBe(50_000);
    const revoked = replayCase([...happyPath('organization', 'award'), makeEvent('revoke', '2027-01-01')]);
    expect(rewardForCase(revoked)).toMatchObject({ yuan: 500_000, recalled: true });
    expect(rewardForCase(replayCase(happyPath('organization').slice(0, 8)))).toBeNull();
  });

  it('publicityDeadline: posted 10-01 runs through 10-07, can end 10-08', () => {
    const v = replayCase(happyPath('organization', 'award', '2026-09-25').slice(0, 7));
    expect(publicityDeadline(v, '2026-10-05')).toEqual({
      startedOn: '2026-10-01',
      lastDay: '2026-10-07',
      canEndOn: '2026-10-08',
      running: true,
      daysLeft: 3,
    });
    expect(publicityDeadline(v, '2026-10-09')!.daysLeft).toBe(0);
    expect(publicityDeadline(replayCase([]))).toBeNull();
  });
});
