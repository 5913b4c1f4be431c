import { describe, expect, it } from 'vitest';
import { replayCase } from '../../../src/cases/replay.ts';
import { bansFromCases, rewardForCase } from '../../../src/cases/staff.ts';
import { bansAgainstApplicant, staffRowOf, yearRewards, type StaffCaseHeader } from '../../../src/staff/derive.ts';
import type { CaseEventInput } from '../../../machines/case.events.ts';

const toAward = (kind: 'organization' | 'individual', tier: 'award' | 'nomination'): CaseEventInput[] => [
  { type: 'apply', on: '2026-03-02', kind },
  { type: 'recommend', on: '2026-04-01', by: '海州区人民政府' },
  { type: 'accept', on: '2026-05-06' },
  { type: 'pass-material-review', on: '2026-06-03' },
  kind === 'organization' ? { type: 'complete-site-review', on: '2026-07-08' } : { type: 'complete-presentation', on: '2026-07-08' },
  { type: 'propose', on: '2026-08-05', tier },
  { type: 'committee-approve', on: '2026-09-01' },
  { type: 'publicity-end', on: '2026-09-08' },
  { type: 'government-approve', on: '2026-09-20' },
];
const falseMaterial: CaseEventInput[] = [
  { type: 'apply', on: '2026-03-02', kind: 'organization' },
  { type: 'false-material-found', on: '2026-05-20' },
];

const headers = new Map<string, StaffCaseHeader>([
  ['a', { id: 'a', year: 2026, kind: 'organization', applicantName: '甲公司', creditCode: '913207006089012330' }],
  ['b', { id: 'b', year: 2026, kind: 'organization', applicantName: '乙 公司', creditCode: null }],
]);
const bans = bansFromCases([
  { id: 'a', applicant: '甲公司', events: toAward('organization', 'award') },
  { id: 'b', applicant: '乙 公司', events: falseMaterial },
]);

describe('bans against a new application (第十四条–第十六条)', () => {
  it('matches the same credit code (case-insensitive), citing the article', () => {
    const hit = bansAgainstApplicant({ applicantName: '改了名的甲公司', creditCode: '913207006089012330' }, bans, headers, '2026-11-26');
    expect(hit.map((b) => [b.cause, b.article])).toEqual([['won-mayor-award', '第十六条']]);
  });

  it('matches by name when a side has no code (whitespace and full-width folded)', () => {
    const hit = bansAgainstApplicant({ applicantName: '乙公司', creditCode: null }, bans, headers, '2026-11-26');
    expect(hit.map((b) => b.article)).toEqual(['第十四条']);
  });

  it('the last banned day still bans; the next day is free (3 years of 第十四条 decided 2026-05-20: through 2029-05-20, 民法典 第二百零二条)', () => {
    const who = { applicantName: '乙公司', creditCode: null };
    expect(bansAgainstApplicant(who, bans, headers, '2029-05-20')).toHaveLength(1);
    expect(bansAgainstApplicant(who, bans, headers, '2029-05-21')).toHaveLength(0);
  });

  it('a different applicant is not affected', () => {
    expect(bansAgainstApplicant({ applicantName: '丙公司', creditCode: '91320700MA1Y8QW1X0' }, bans, headers, '2026-11-26')).toHaveLength(0);
  });
});

describe('rows and rewards', () => {
  it('a row takes the signed recommender from the log over the header, and the stage from the replay', () => {
    const view = replayCase(toAward('organization', 'nomination').slice(0, 2));
    const row = staffRowOf({ id: 'x', year: 2026, kind: 'organization', applicantName: 'X', recommender: '旧推荐单位' }, view, 2);
    expect(row).toMatchObject({ stage: 'qualification-review', recommender: '海州区人民政府', stageSince: '2026-04-01', eventCount: 2, refusedCount: 0 });
    expect(staffRowOf({ id: 'y', year: 2026, kind: 'individual', applicantName: 'Y' }, null, 0).stage).toBe('draft');
  });

  it('第十一条: the year total sums awarded cases and leaves recalled (revoked) money out', () => {
    const h = (id: string, kind: 'organization' | 'individual'): StaffCaseHeader => ({ id, year: 2026, kind, applicantName: id });
    const mayor = replayCase(toAward('organization', 'award'));
    const nomIndividual = replayCase(toAward('individual', 'nomination'));
    const revoked = replayCase([...toAward('organization', 'nomination'), { type: 'revoke', on: '2026-10-10', reason: 'fraud' }]);
    const r = yearRewards([
      { header: h('m', 'organization'), reward: rewardForCase(mayor, 'organization') },
      { header: h('n', 'individual'), reward: rewardForCase(nomIndividual, 'individual') },
      { header: h('r', 'organization'), reward: rewardForCase(revoked, 'organization') },
      { header: h('d', 'organization'), reward: null },
    ]);
    expect(r.items.map((i) => [i.caseId, i.yuan, i.recalled])).toEqual([
      ['m', 500_000, false],
      ['n', 50_000, false],
      ['r', 150_000, true],
    ]);
    expect(r.totalYuan).toBe(550_000);
  });
});

describe('a ban decided after the submission date does not apply to it', () => {
  it('checks from ≤ asOf ≤ until', () => {
    const who = { applicantName: '乙公司', creditCode: null };
    expect(bansAgainstApplicant(who, bans, headers, '2026-05-19')).toHaveLength(0);
    expect(bansAgainstApplicant(who, bans, headers, '2026-05-20')).toHaveLength(1);
  });
});
