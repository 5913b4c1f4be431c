import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/preact';
import { CaseRow } from '../../../src/ui/staff/CaseList.tsx';
import { today } from '../../../src/ui/staff/store.ts';
import type { StaffCaseRow } from '../../../src/staff/rows.ts';

afterEach(cleanup);

const base: StaffCaseRow = {
  id: 'c1',
  year: 2026,
  kind: 'organization',
  applicantName: '连云港海州精密机械有限公司',
  creditCode: null,
  recommender: '海州区市场监督管理局',
  stage: 'committee',
  tier: 'nomination',
  stageSince: '2026-05-01',
  eventCount: 8,
  refusedCount: 0,
};

describe('staff case list row: bilingual (zh first, en second)', () => {
  it('the row button is named by its visible text, zh and en, in column order: name, kind, recommender, stage, tier, days; the stage in the case’s own award’s words (issue 16)', () => {
    today.value = '2026-05-13';
    render(<CaseRow row={base} />);
    // named by its visible text in column order, with context words for screen readers
    const button = screen.getByRole('button', {
      name: '连云港海州精密机械有限公司 组织 Organisation 推荐单位： Recommender: 海州区市场监督管理局 市质量发展委员会审议 Committee deliberation 市长质量奖提名奖 Nomination Award 12 天 12 days 在当前阶段 in this stage',
    });
    expect(button.hasAttribute('aria-label')).toBe(false); // no label that could drift from what is on screen
    expect(button.querySelector('.c-stage')!.getAttribute('title')).toBe('市质量发展委员会审议 / Committee deliberation');
    expect(button.querySelector('.c-stage [lang="en"]')!.textContent).toBe('Committee deliberation');
    expect(button.querySelector('.c-kind [lang="en"]')!.textContent).toBe('Organisation');
    expect(button.querySelector('.c-tier [lang="en"]')!.textContent).toBe('Nomination Award');
    expect(button.querySelector('.c-days [lang="en"]')!.textContent).toBe('12 days');
  });

  it('an individual draft with one day in stage, no recommender, no tier, one refused event', () => {
    today.value = '2026-03-02';
    render(<CaseRow row={{ ...base, kind: 'individual', applicantName: '王建国', recommender: null, stage: 'draft', tier: null, stageSince: '2026-03-01', refusedCount: 1 }} />);
    expect(
      screen.getByRole('button', {
        name: '王建国 个人 Individual 无推荐单位 No recommender 填写申报材料 Preparing the application 1 天 1 day 在当前阶段 in this stage !1 个未生效的事件 refused event',
      }),
    ).toBeTruthy();
  });
});
