// Issue 16: a year whose cases are judged under two awards: the year report counts each award's stages
// in its own words, and names each reward's and lock's tier by its case's own award.
import { describe, expect, it } from 'vitest';
import { caseStages } from '../../../machines/case.stages.ts';
import { jiangsuGovernor2023, lianyungang2021 } from '../../../src/awards/index.ts';
import { buildYearReport } from '../../../src/staff/year-report.ts';

const zero = () => Object.fromEntries(caseStages.map((s) => [s, 0])) as Record<(typeof caseStages)[number], number>;
const lyg = { ...zero(), approval: 2, awarded: 1 };
const js = { ...zero(), approval: 1 };
const base = {
  year: 2027,
  today: '2027-10-01',
  summary: null,
  quotaArticle: '第四条',
  rewardArticle: '第十一条',
  rewards: { items: [], totalYuan: 0 },
  duties: [],
  pack: lianyungang2021,
};

describe('年度评审工作报告 for a year under two awards (issue 16)', () => {
  it('counts each award’s stages in its own words, the award named on each row', () => {
    const report = buildYearReport({
      ...base,
      stageCounts: { ...zero(), approval: 3, awarded: 1 },
      stageCountsByAward: [
        { pack: lianyungang2021, counts: lyg },
        { pack: jiangsuGovernor2023, counts: js },
      ],
      bans: [],
    });
    expect(report.sections[0]!.title).toContain('共 4 件');
    expect(report.sections[0]!.head).toEqual(['奖项', '阶段', '案件数（件）']);
    expect(report.sections[0]!.rows).toEqual([
      ['连云港市市长质量奖', '市政府批准', 2],
      ['连云港市市长质量奖', '已获奖', 1],
      ['江苏省省长质量奖', '批准', 1],
    ]);
  });

  it('a year under one award reads as before', () => {
    const report = buildYearReport({ ...base, stageCounts: lyg, stageCountsByAward: [{ pack: lianyungang2021, counts: lyg }], bans: [] });
    expect(report.sections[0]!.head).toEqual(['阶段', '案件数（件）']);
    expect(report.sections[0]!.rows).toEqual([['市政府批准', 2], ['已获奖', 1]]);
  });

  it('a lock and a reward are named by their case’s own award', () => {
    const report = buildYearReport({
      ...base,
      stageCounts: lyg,
      rewards: { items: [{ tier: 'award', kind: 'organization', yuan: 1, article: '第X条', label: { zh: '', en: '' }, recalled: false, caseId: 'js-1', applicantName: '乙公司' }], totalYuan: 1 },
      bans: [{ caseId: 'js-1', applicant: '乙公司', kind: 'organization', cause: 'won-mayor-award', article: '第X条', from: '2027-05-20', until: '2030-05-20', mayApplyFrom: '2030-05-21', message: { zh: '', en: '' } }],
      packOfCase: (id) => (id.startsWith('js') ? jiangsuGovernor2023 : lianyungang2021),
    });
    expect(report.sections[2]!.rows[0]![1]).toBe('省长质量奖');
    expect(report.sections[3]!.rows[0]![1]).toBe('已获省长质量奖，期满前不得再次申报');
  });
});
