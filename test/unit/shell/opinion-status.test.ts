import { afterEach, describe, expect, it, vi } from 'vitest';
import { replayCase } from '../../../src/cases/index.ts';
import { runPrecheck } from '../../../src/messaging/precheck.ts';
import { buildChecklist } from '../../../src/ui/panel/checklist.ts';
import { draftOpinion, recommendationOf } from '../../../src/ui/panel/opinion.ts';
import { stepperSteps } from '../../../src/ui/panel/StatusTab.tsx';
import { core, eligibleOrganization, PORTAL_URL } from './fixtures.ts';
import type { TabState } from '../../../src/messaging/panel-protocol.ts';

function review(overrides: Record<string, string | boolean | null> = {}) {
  const fields = eligibleOrganization(overrides);
  const { precheck } = runPrecheck(core, fields, 'demo-portal');
  const state: TabState = { tabId: 3, url: PORTAL_URL, page: 'recommender-review', adapterId: 'demo-portal', takenAt: 1, fields, attachments: [], precheck, hints: [], draftId: null, caseIds: [], picker: null };
  const checklist = buildChecklist({ state, recommended: null, selfEvaluation: null });
  return { precheck, checklist };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('draft 推荐意见', () => {
  it('recommends a complete, eligible application and says so citing the measures', () => {
    const { precheck, checklist } = review();
    const input = { applicantName: '连云港示范精工有限公司', creditCode: '91320700MA1NXQ0BX9', year: 2026, precheck, checklist, selfEvaluationScore: 612.5 };
    expect(recommendationOf(input)).toBe('recommend');
    const text = draftOpinion(input);
    expect(text).toContain('连云港示范精工有限公司（统一社会信用代码：91320700MA1NXQ0BX9）申报2026年度');
    expect(text).toContain('第八条');
    expect(text).toContain('自评得分 612.5 分');
    expect(text).toContain('同意推荐');
  });

  it('does not recommend when a clause fails, naming the clause', () => {
    const { precheck, checklist } = review({ 'applicant.establishedOn': '2024-01-01' });
    const text = draftOpinion({ applicantName: null, creditCode: null, year: 2026, precheck, checklist, selfEvaluationScore: null });
    expect(text).toContain('不符合：第八条（一）（成立于 2024-01-01');
    expect(text).not.toContain('（第八条（一）不符合'); // the citation is not repeated inside the reason
    expect(text).toContain('不予推荐');
  });

  it('without a year, the draft names China’s award year: 2027 once it is 2027-01-01 in China', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-12-31T16:30:00Z')); // 2027-01-01 00:30 in China, still 2026 in UTC
    const { precheck, checklist } = review();
    expect(draftOpinion({ applicantName: '连云港示范精工有限公司', creditCode: null, year: null, precheck, checklist, selfEvaluationScore: null })).toContain('连云港示范精工有限公司申报2027年度');
    vi.setSystemTime(new Date('2026-12-31T15:59:00Z')); // 23:59 in China: still 2026
    expect(draftOpinion({ applicantName: '连云港示范精工有限公司', creditCode: null, year: null, precheck, checklist, selfEvaluationScore: null })).toContain('连云港示范精工有限公司申报2026年度');
  });

  it('asks for completion when facts are missing', () => {
    const { precheck, checklist } = review({ 'applicant.inventionPatents': '' });
    expect(recommendationOf({ precheck, checklist })).toBe('complete-first');
    expect(draftOpinion({ applicantName: 'x', creditCode: null, year: 2026, precheck, checklist, selfEvaluationScore: null })).toContain('发明专利数量');
  });
});

describe('status stepper (第十条)', () => {
  it('marks stages done, current and upcoming with the dates they were entered', () => {
    const view = replayCase([
      { type: 'apply', on: '2026-03-02', kind: 'organization' },
      { type: 'recommend', on: '2026-03-10', by: '海州区' },
      { type: 'accept', on: '2026-03-20' },
    ] as never);
    const steps = stepperSteps(view);
    expect(steps.find((s) => s.stage === 'recommendation')).toMatchObject({ state: 'done', on: '2026-03-02' });
    expect(steps.find((s) => s.stage === 'material-review')).toMatchObject({ state: 'current', on: '2026-03-20' });
    expect(steps.find((s) => s.stage === 'publicity')?.state).toBe('upcoming');
    expect(steps.some((s) => s.stage === 'presentation')).toBe(false); // organisations get the on-site review
  });

  it('an outcome off the path is shown where the case stopped', () => {
    const view = replayCase([
      { type: 'apply', on: '2026-03-08', kind: 'organization' },
      { type: 'recommend', on: '2026-03-15', by: '市工信局' },
      { type: 'reject', on: '2026-03-28' },
    ] as never);
    const steps = stepperSteps(view);
    const stopped = steps.find((s) => s.state === 'stopped');
    expect(stopped).toMatchObject({ stage: 'not-accepted', on: '2026-03-28' });
    expect(steps[steps.indexOf(stopped!) - 1]?.stage).toBe('qualification-review');
  });
});
