import fc from 'fast-check';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { caseIdFor, newEvents, syncStatusRows, type EventLike } from '../../../src/messaging/case-sync.ts';
import { demoPortalAdapter, statusRowsToEvents } from '../../../src/portal/index.ts';
import * as storage from '../../../src/storage/repos.ts';
import { replayCase } from '../../../src/cases/index.ts';

beforeEach(async () => {
  await storage.closeDb();
  globalThis.indexedDB = new IDBFactory();
});

const rows = [
  { applicationNo: 'LYG2026-0012', applicantName: '连云港海州精密机械有限公司', statusText: '待推荐', date: '2026-03-02' },
  { applicationNo: 'LYG2026-0012', applicantName: '连云港海州精密机械有限公司', statusText: '已推荐', date: '2026-03-10' },
  { applicationNo: 'LYG2026-0012', applicantName: '连云港海州精密机械有限公司', statusText: '已受理', date: '2026-03-20' },
];

const deps = {
  statusRowsToEvents: (r: typeof rows) => statusRowsToEvents(r, demoPortalAdapter, { applicantKind: 'organization' }) as never,
  getCase: storage.getCase,
  createCase: storage.createCase,
  getCaseEvents: storage.getCaseEvents,
  appendCaseEvents: (id: string, events: EventLike[], by: string) => storage.appendCaseEvents(id, events as never, by),
  applicantKind: 'organization' as const,
};

afterEach(() => {
  vi.useRealTimers();
});

describe('status page → case log (第十条)', () => {
  it('creates the case once and appends only events not yet recorded', async () => {
    const ids = await syncStatusRows(rows.slice(0, 2), deps);
    expect(ids).toEqual([caseIdFor('LYG2026-0012', '')]);
    await syncStatusRows(rows, deps); // the page is read again, now with one more row
    await syncStatusRows(rows, deps); // and again, unchanged
    const stored = await storage.getCaseEvents(ids[0]!);
    expect(stored.map((s) => s.event.type)).toEqual(['apply', 'recommend', 'accept']);
    expect(stored.every((s) => s.recordedBy === 'portal-status-page')).toBe(true);
    expect(replayCase(stored.map((s) => s.event) as never).stage).toBe('material-review');
  });

  it('newEvents never returns an event already in the log, and keeps every new one (property)', () => {
    const event = fc.record({ type: fc.constantFrom('apply', 'recommend', 'accept', 'return'), on: fc.constantFrom('2026-03-01', '2026-03-02', '2026-03-03') });
    fc.assert(
      fc.property(fc.array(event, { maxLength: 8 }), fc.array(event, { maxLength: 8 }), (existing, incoming) => {
        const fresh = newEvents(existing, incoming);
        const key = (e: EventLike) => `${e.type}|${e.on}`;
        const old = new Set(existing.map(key));
        return fresh.every((e) => !old.has(key(e))) && incoming.filter((e) => !old.has(key(e))).every((e) => fresh.some((f) => key(f) === key(e)));
      }),
    );
  });

  it('a case first seen without a dated event gets China’s year: 2027 once it is 2027-01-01 in China', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-12-31T16:30:00Z')); // 2027-01-01 00:30 in China, still 2026 in UTC
    const undated = { ...deps, statusRowsToEvents: () => ({ cases: [{ applicationNo: 'LYG2027-0001', applicantName: '连云港新年机械有限公司', events: [] }] }) };
    const [id] = await syncStatusRows([], undated);
    expect((await storage.getCase(id!))?.year).toBe(2027);
  });

  it('one minute earlier in China (2026-12-31 23:59) the case is still of 2026', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-12-31T15:59:00Z'));
    const undated = { ...deps, statusRowsToEvents: () => ({ cases: [{ applicationNo: 'LYG2026-0999', applicantName: '连云港旧年机械有限公司', events: [] }] }) };
    const [id] = await syncStatusRows([], undated);
    expect((await storage.getCase(id!))?.year).toBe(2026);
  });
});
