// 第十二条 on the staff page (issue 16): an awarded Lianyungang case offers to start the Jiangsu Governor
// award case; the new case is stored linked to it, both case pages show the link, and the offer is gone.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CaseViewPanel } from '../../../src/ui/staff/CaseView.tsx';
import { cases, reloadCase, selectedId, today } from '../../../src/ui/staff/store.ts';
import { appendCaseEvents, createCase, listCases } from '../../../src/storage/index.ts';
import { lang } from '../../../src/ui/lang.ts';
import { freshDb } from '../storage/fresh-db.ts';

beforeEach(async () => {
  await freshDb();
  cases.value = new Map();
  selectedId.value = null;
  lang.value = 'zh';
  today.value = '2026-10-10';
});
afterEach(cleanup);

const awarded = [
  { type: 'apply', on: '2026-03-01', kind: 'organization' },
  { type: 'recommend', on: '2026-03-10', by: '海州区政府' },
  { type: 'accept', on: '2026-04-01' },
  { type: 'pass-material-review', on: '2026-05-01' },
  { type: 'complete-site-review', on: '2026-06-01' },
  { type: 'propose', on: '2026-07-01', tier: 'award' },
  { type: 'committee-approve', on: '2026-08-01' },
  { type: 'publicity-end', on: '2026-08-08' },
  { type: 'government-approve', on: '2026-09-01' },
];

describe('staff: recommend a city winner to the provincial award (第十二条)', () => {
  it('starts the Jiangsu case once, linked both ways, citing 第十二条', async () => {
    await createCase({ id: 'lyg-1', year: 2026, kind: 'organization', applicantName: '甲公司', recommender: '海州区政府', award: { awardId: 'lianyungang-mayor', versionId: '2021' } });
    await appendCaseEvents('lyg-1', awarded as never, 'staff');
    await reloadCase('lyg-1');
    selectedId.value = 'lyg-1';
    render(<CaseViewPanel />);
    const start = await screen.findByTestId('recommend-onward-start', {}, { timeout: 15_000 });
    expect(start.textContent).toBe('推荐申报江苏省省长质量奖（第十二条）');
    fireEvent.click(start);
    await waitFor(() => expect(screen.queryByTestId('recommend-onward-start')).toBeNull(), { timeout: 15_000 });
    const stored = (await listCases()).find((c) => c.recommendedFrom?.caseId === 'lyg-1')!;
    expect(stored).toMatchObject({ year: 2027, applicantName: '甲公司', award: { awardId: 'jiangsu-governor', versionId: '2023' } });
    expect(screen.getByTestId('recommend-onward').textContent).toContain(`已推荐（第十二条）：${stored.id}（2027 · 江苏省省长质量奖`);
    // the provincial case's page names the city case it came from
    fireEvent.click(screen.getByText(stored.id, { exact: false }));
    await waitFor(() => expect(screen.getByTestId('case-view').getAttribute('data-case-id')).toBe(stored.id), { timeout: 15_000 });
    expect((await screen.findByTestId('recommend-onward', {}, { timeout: 15_000 })).textContent).toContain('推荐自（第十二条）：lyg-1');
    expect(screen.queryByTestId('recommend-onward-start')).toBeNull();
  });
});
