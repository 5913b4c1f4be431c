// Issue 19: one staff event is validated once and replayed once. Recording an event used to check it
// against the lifecycle schema five times (the form, the preview replay, storage twice, the reload
// replay), re-read the header and log it had just written, and replay the case twice.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const counts = vi.hoisted(() => ({ logParses: 0, reads: 0 }));

vi.mock('../../../machines/case.events.ts', async (importOriginal) => {
  const orig = await importOriginal<typeof import('../../../machines/case.events.ts')>();
  return {
    ...orig,
    parseCaseEventLog: (events: unknown) => {
      counts.logParses++;
      return orig.parseCaseEventLog(events);
    },
  };
});

vi.mock('../../../src/storage/index.ts', async (importOriginal) => {
  const orig = await importOriginal<typeof import('../../../src/storage/index.ts')>();
  return {
    ...orig,
    getCase: (id: string) => {
      counts.reads++;
      return orig.getCase(id);
    },
    getCaseEvents: (id: string) => {
      counts.reads++;
      return orig.getCaseEvents(id);
    },
  };
});

import { caseEventSchema } from '../../../machines/case.events.ts';
import { CaseFold } from '../../../src/cases/replay.ts';
import { caseEventRecordSchema } from '../../../src/storage/records.ts';
import { RecordEventForm } from '../../../src/ui/staff/RecordEventForm.tsx';
import { cases, reloadCase } from '../../../src/ui/staff/store.ts';
import { appendCaseEvents, createCase, getCaseEvents } from '../../../src/storage/index.ts';
import { replayCase } from '../../../src/cases/replay.ts';
import { freshDb } from '../storage/fresh-db.ts';

beforeEach(freshDb);
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

async function seedCase() {
  await createCase({ id: 'case-a', year: 2026, kind: 'organization', applicantName: '连云港甲公司', recommender: '市工信局' });
  await appendCaseEvents('case-a', [{ type: 'apply', on: '2026-05-01', kind: 'organization' }], 'staff');
  cases.value = new Map();
  await reloadCase('case-a');
  return cases.value.get('case-a')!;
}

describe('staff: one event recorded = validated once, replayed once, nothing re-read (issue 19)', () => {
  it('推荐 on a filed case', async () => {
    const loaded = await seedCase();
    render(<RecordEventForm c={loaded} />);
    const eventChecks = vi.spyOn(caseEventSchema, 'safeParse');
    const recordChecks = vi.spyOn(caseEventRecordSchema, 'safeParse');
    const views = vi.spyOn(CaseFold.prototype, 'view');
    counts.logParses = 0;
    counts.reads = 0;

    fireEvent.change(screen.getByTestId('record-type'), { target: { value: 'recommend' } });
    fireEvent.input(screen.getByTestId('record-on'), { target: { value: '2026-05-10' } });
    fireEvent.click(screen.getByTestId('record-submit'));
    await waitFor(() => expect(cases.value.get('case-a')?.events).toHaveLength(2));

    const validations = eventChecks.mock.calls.length + recordChecks.mock.calls.length + counts.logParses;
    expect({ validations, replays: views.mock.calls.length, reads: counts.reads }).toEqual({ validations: 1, replays: 1, reads: 0 });

    // what the page holds is what a fresh load would hold
    const shown = cases.value.get('case-a')!;
    const stored = await getCaseEvents('case-a');
    expect(shown.header.version).toBe(2);
    expect(shown.events).toEqual(stored);
    expect(shown.view).toEqual(replayCase(stored.map((e) => e.event as never)));
    expect(shown.view?.stage).toBe(replayCase(stored.map((e) => e.event as never)).stage);
  });
});
