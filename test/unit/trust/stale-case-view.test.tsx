// Issue 15 item 5 on the staff page: two staff tabs both recorded an event on one case from stale views.
// Now the second is refused in Chinese, nothing is written, the view shows the latest log, and what the
// clerk chose in the form is still there; another tab's record also refreshes an open view by itself.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RecordEventForm } from '../../../src/ui/staff/RecordEventForm.tsx';
import { cases, followRecordChanges, reloadCase } from '../../../src/ui/staff/store.ts';
import { appendCaseEvents, createCase, getCaseEvents } from '../../../src/storage/index.ts';
import { freshDb } from '../storage/fresh-db.ts';

beforeEach(freshDb);
afterEach(cleanup);

async function seedCase() {
  await createCase({ id: 'case-a', year: 2026, kind: 'organization', applicantName: '连云港甲公司', recommender: '市工信局' });
  await appendCaseEvents('case-a', [{ type: 'apply', on: '2026-05-01', kind: 'organization' }], 'staff');
  cases.value = new Map();
  await reloadCase('case-a');
  return cases.value.get('case-a')!;
}

describe('staff: a record from a stale view is refused (issue 15)', () => {
  it('the other tab recorded 推荐 meanwhile: 撤回 here is refused in Chinese, not written, and the view refreshes', async () => {
    const loaded = await seedCase();
    expect(loaded.header.version).toBe(1);
    render(<RecordEventForm c={loaded} />);
    // the other staff tab
    await appendCaseEvents('case-a', [{ type: 'recommend', on: '2026-05-10', by: '市工信局' }], '乙', { expectedVersion: 1 });
    fireEvent.change(screen.getByTestId('record-type'), { target: { value: 'withdraw' } });
    fireEvent.input(screen.getByTestId('record-on'), { target: { value: '2026-05-11' } });
    fireEvent.click(screen.getByTestId('record-submit'));
    await waitFor(() => expect(screen.getByTestId('record-error').textContent).toContain('未记录'));
    expect(screen.getByTestId('record-error').textContent).toMatch(/其他页面/);
    expect((await getCaseEvents('case-a')).map((e) => e.event.type)).toEqual(['apply', 'recommend']);
    await waitFor(() => expect(cases.value.get('case-a')?.header.version).toBe(2));
    expect(cases.value.get('case-a')?.events.map((e) => e.event.type)).toEqual(['apply', 'recommend']);
    expect((screen.getByTestId('record-on') as HTMLInputElement).value).toBe('2026-05-11');
  });

  it('an open view follows another tab’s record without reloading the page', async () => {
    await seedCase();
    const stop = followRecordChanges();
    try {
      await appendCaseEvents('case-a', [{ type: 'recommend', on: '2026-05-10', by: '市工信局' }], '乙');
      await waitFor(() => expect(cases.value.get('case-a')?.header.version).toBe(2));
      expect(cases.value.get('case-a')?.view?.stage).toBeTruthy();
      expect(cases.value.get('case-a')?.events).toHaveLength(2);
    } finally {
      stop();
    }
  });
});
