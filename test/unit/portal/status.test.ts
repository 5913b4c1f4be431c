import { describe, expect, it } from 'vitest';
import { statusRowsToEvents, demoPortalAdapter, replayCase, matchPortalPage, normalizePortalDate } from '../../../src/index.ts';
// @ts-expect-error plain JS module of the demo portal
import { applications } from '../../portal/public/app/data.js';

const rowsOf = (list: Array<{ no: string; name: string; status: string; on: string }>) =>
  list.map((a) => ({ applicationNo: a.no, applicantName: a.name, statusText: a.status, date: a.on }));

describe('statusRowsToEvents', () => {
  const rows = rowsOf(applications);

  it('turns the demo status table into one event log per application, in date order', () => {
    const { cases, unmapped } = statusRowsToEvents(rows, demoPortalAdapter, { applicantKind: 'organization' });
    expect(unmapped).toEqual([]);
    const won = cases.find((c) => c.applicationNo === 'LYG2026-0012')!;
    expect(won.events.map((e) => e.type)).toEqual([
      'apply', 'recommend', 'accept', 'pass-material-review', 'complete-site-review', 'propose', 'committee-approve', 'publicity-end', 'government-approve',
    ]);
    expect(won.events[0]).toEqual({ type: 'apply', on: '2026-03-02', kind: 'organization' });
    expect(won.events.find((e) => e.type === 'propose')?.tier).toBe('award');
  });

  it('the events replay through the case machine to the stage the portal shows (已获奖 → awarded, 不予受理 → not-accepted)', () => {
    const { cases } = statusRowsToEvents(rows, demoPortalAdapter, { applicantKind: 'organization' });
    expect(replayCase(cases.find((c) => c.applicationNo === 'LYG2026-0012')!.events as never).stage).toBe('awarded');
    expect(replayCase(cases.find((c) => c.applicationNo === 'LYG2026-0031')!.events as never).stage).toBe('not-accepted');
    expect(replayCase(cases.find((c) => c.applicationNo === 'LYG2026-0023')!.events as never).stage).toBe('draft');
  });

  it('progress-only statuses (资料审查中) add no event; unknown statuses and bad dates are listed, not guessed', () => {
    const { cases, unmapped } = statusRowsToEvents([
      { applicationNo: 'X1', applicantName: 'A', statusText: '资料审查中', date: '2026-03-01' },
      { applicationNo: 'X1', applicantName: 'A', statusText: '神秘状态', date: '2026-03-02' },
      { applicationNo: 'X1', applicantName: 'A', statusText: '已受理', date: '2026年3月5日' },
      { applicationNo: 'X1', applicantName: 'A', statusText: '已推荐', date: '三月' },
      { applicationNo: 'X1', applicantName: 'A', statusText: '已推荐', date: null },
    ], demoPortalAdapter);
    expect(cases).toEqual([{ applicationNo: 'X1', applicantName: 'A', events: [{ type: 'accept', on: '2026-03-05' }] }]);
    expect(unmapped.map((u) => u.row.statusText)).toEqual(['神秘状态', '已推荐', '已推荐']);
    expect(unmapped[0]!.reason.zh).toContain('神秘状态');
    expect(unmapped[0]!.reason.en).toContain('Unknown status');
  });

  it('a status date printed with its time of day keeps the calendar date; an impossible time is not guessed', () => {
    const { cases, unmapped } = statusRowsToEvents([
      { applicationNo: 'X2', applicantName: 'B', statusText: '已受理', date: '2026-03-05 14:30:00' },
      { applicationNo: 'X2', applicantName: 'B', statusText: '资料审查通过', date: '2026/4/1 9:05' },
      { applicationNo: 'X2', applicantName: 'B', statusText: '已推荐', date: '2026-04-02 24:00' },
    ], demoPortalAdapter);
    expect(cases).toEqual([
      {
        applicationNo: 'X2',
        applicantName: 'B',
        events: [
          { type: 'accept', on: '2026-03-05' },
          { type: 'pass-material-review', on: '2026-04-01' },
        ],
      },
    ]);
    expect(unmapped.map((u) => u.row.date)).toEqual(['2026-04-02 24:00']);
    expect(normalizePortalDate('2026-03-05T23:59:59.123')).toBe('2026-03-05');
    expect(normalizePortalDate('2026年3月5日 08:00')).toBe('2026-03-05');
    expect(normalizePortalDate('2026-03-05 8')).toBe('2026-03-05 8');
  });

  it('an apply row without a known applicant kind is listed (contract §3 apply needs the kind), not invented', () => {
    const { unmapped } = statusRowsToEvents([{ applicationNo: 'X', applicantName: 'A', statusText: '待推荐', date: '2026-03-01' }], demoPortalAdapter);
    expect(unmapped).toHaveLength(1);
    expect(unmapped[0]!.reason.en).toContain('applicant kind');
  });

  it('rows without an application number are grouped by applicant name', () => {
    const { cases } = statusRowsToEvents([
      { applicationNo: null, applicantName: '甲', statusText: '已受理', date: '2026-03-01' },
      { applicationNo: null, applicantName: '乙', statusText: '已受理', date: '2026-03-01' },
    ], demoPortalAdapter);
    expect(cases.map((c) => c.applicantName)).toEqual(['甲', '乙']);
  });
});

describe('matchPortalPage', () => {
  it('recognises the demo portal’s pages by URL pattern, on any port', () => {
    expect(matchPortalPage('http://127.0.0.1:5175/app/apply/a/basic', demoPortalAdapter)).toBe('application-form');
    expect(matchPortalPage('http://localhost:9999/app/apply/b/attachments?x=1', demoPortalAdapter)).toBe('application-form');
    expect(matchPortalPage('http://127.0.0.1:5175/app/my-applications', demoPortalAdapter)).toBe('application-status');
    expect(matchPortalPage('http://127.0.0.1:5175/app/review/LYG2026-0015', demoPortalAdapter)).toBe('recommender-review');
    expect(matchPortalPage('http://127.0.0.1:5175/', demoPortalAdapter)).toBe('unknown');
    expect(matchPortalPage('http://127.0.0.1:5175/app/my-applications/extra', demoPortalAdapter)).toBe('unknown');
    expect(matchPortalPage('not a url', demoPortalAdapter)).toBe('unknown');
  });

  it('host patterns restrict a page to its portal; regex characters in patterns are literal', () => {
    const adapter = { pages: { 'application-form': [{ origin: 'https://*.gov.cn', host: '*.gov.cn', path: '/form.do' }], 'application-status': [], 'recommender-review': [] } };
    expect(matchPortalPage('https://zwfw.lyg.gov.cn/form.do', adapter)).toBe('application-form');
    expect(matchPortalPage('https://evil.example/form.do', adapter)).toBe('unknown');
    expect(matchPortalPage('https://zwfw.lyg.gov.cn/formXdo', adapter)).toBe('unknown');
  });
});
