import { cleanup, render } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { lang } from '../../../src/ui/lang.ts';
import { FilterBar, StageChips } from '../../../src/ui/staff/FilterBar.tsx';
import { CaseViewPanel } from '../../../src/ui/staff/CaseView.tsx';
import { cases, selectedId } from '../../../src/ui/staff/store.ts';
import { replayCase } from '../../../src/cases/replay.ts';
import type { CaseRecord } from '../../../src/storage/repos.ts';
import { chineseLeft } from './one-language.ts';

afterEach(() => {
  cleanup();
  lang.value = 'zh';
  selectedId.value = null;
  cases.value = new Map();
});

/** The staff console in one language (issue 13): stage chips, filters and the case view's labels. */
describe('the staff console in English says nothing in Chinese', () => {
  it('stage chips (text and titles) and the filter bar (options, placeholder)', () => {
    lang.value = 'en';
    const { container } = render(<div><StageChips /><FilterBar /></div>);
    expect(chineseLeft(container)).toEqual([]);
  });

  it('the case view: facts, history table, refused events, deadlines', () => {
    lang.value = 'en';
    const header = { id: 'c1', year: 2026, kind: 'organization', applicantName: 'Acme Ltd', creditCode: null, recommender: 'Haizhou', createdAt: '2026-06-01T00:00:00.000Z', version: 0 } as unknown as CaseRecord;
    const raw = [{ type: 'apply', on: '2026-06-01', kind: 'organization' }, { type: 'recommend', on: '2026-06-10', by: 'Haizhou' }, { type: 'accept', on: '2026-06-11' }, { type: 'complete-site-review', on: '2026-06-12' }];
    const events = raw.map((event, i) => ({ seq: i + 1, caseId: 'c1', event, recordedAt: '2026-06-12T00:00:00.000Z', recordedBy: 'staff' }));
    cases.value = new Map([['c1', { header, events, view: replayCase(raw as never), error: null }]]);
    selectedId.value = 'c1';
    const { container } = render(<CaseViewPanel />);
    expect(container.querySelector('[data-testid="case-view"]')).not.toBeNull();
    expect(chineseLeft(container)).toEqual([]);
  });
});
