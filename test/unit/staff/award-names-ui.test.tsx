// Issue 16: the stage chips, the tier filter and each list row of a Jiangsu-only year read in the Jiangsu
// award's words (no 市政府批准, no 市长质量奖 there).
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendCaseEvents, createCase } from '../../../src/storage/index.ts';
import { CaseRow } from '../../../src/ui/staff/CaseList.tsx';
import { FilterBar, StageChips } from '../../../src/ui/staff/FilterBar.tsx';
import { cases, loadAll, rows, year } from '../../../src/ui/staff/store.ts';
import { lang } from '../../../src/ui/lang.ts';
import { freshDb } from '../storage/fresh-db.ts';

beforeEach(async () => {
  await freshDb();
  cases.value = new Map();
  year.value = 2027;
  lang.value = 'zh';
});
afterEach(cleanup);

describe('names on the list pages follow the award present (issue 16)', () => {
  it('a Jiangsu-only year: chips, tier filter and rows in Jiangsu’s words', async () => {
    await createCase({ id: 'js-1', year: 2027, kind: 'organization', applicantName: '乙公司', award: { awardId: 'jiangsu-governor', versionId: '2023' } });
    await appendCaseEvents('js-1', [{ type: 'apply', on: '2027-03-01', kind: 'organization' }, { type: 'recommend', on: '2027-03-10', by: '市质量发展委员会办公室' }, { type: 'accept', on: '2027-04-01' }, { type: 'pass-material-review', on: '2027-05-01' }, { type: 'complete-site-review', on: '2027-06-01' }, { type: 'propose', on: '2027-07-01', tier: 'award' }] as never, 'staff');
    await loadAll();
    render(<><StageChips /><FilterBar /></>);
    expect(screen.getByTestId('chip-approval').textContent).toMatch(/^批准/);
    expect(screen.getByTestId('chip-committee').textContent).toContain('省质量发展委员会');
    const text = document.body.textContent ?? '';
    expect(text).toContain('省长质量奖');
    expect(text).not.toContain('市长质量奖');
    expect(text).not.toContain('市政府');
    cleanup();
    render(<CaseRow row={rows.value.find((r) => r.id === 'js-1')!} />);
    expect(screen.getByTestId('case-row').textContent).toContain('省长质量奖');
  });
});
