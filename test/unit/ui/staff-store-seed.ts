// Loads cases straight into the staff page's store (no database read), and puts the store back after each test.
import { cleanup } from '@testing-library/preact';
import { replayCase } from '../../../src/cases/replay.ts';
import type { CaseEvent } from '../../../machines/case.events.ts';
import type { CaseRecord } from '../../../src/storage/repos.ts';
import { lang } from '../../../src/ui/lang.ts';
import { cases, loading, selectedId, tab, today, year } from '../../../src/ui/staff/store.ts';
// On the page every case arrives through the data layer, which brings the reward and ban rules first (caseRules):
// the seeded store has them too.
import '../../../src/ui/staff/store-load.ts';

/** Organisation cases of `onYear`, each with its events as stored, recommended by an English-named body (data). */
export function seedStaffStore(onYear: number, list: ReadonlyArray<{ id: string; name: string; events: readonly CaseEvent[] }>): void {
  const header = (id: string, name: string) =>
    ({ id, year: onYear, kind: 'organization', applicantName: name, creditCode: null, recommender: 'Haizhou', createdAt: `${onYear}-03-01T00:00:00.000Z`, version: 0 }) as unknown as CaseRecord;
  const stored = (id: string, raw: readonly object[]) => raw.map((event, i) => ({ seq: i + 1, caseId: id, event, recordedAt: `${onYear}-03-02T00:00:00.000Z`, recordedBy: 'staff' }));
  cases.value = new Map(list.map((c) => [c.id, { header: header(c.id, c.name), events: stored(c.id, c.events), view: replayCase(c.events), error: null }])) as never;
  loading.value = null;
  year.value = onYear;
  today.value = '2026-12-07';
}

export function resetStaffStore(): void {
  cleanup();
  lang.value = 'zh';
  selectedId.value = null;
  tab.value = 'cases';
  cases.value = new Map();
}
