import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/preact';
import { effect } from '@preact/signals';
import { closeDb, getDb, listCases } from '../../../src/storage/index.ts';
import { cases, loadAll, loading, year } from '../../../src/ui/staff/store.ts';
import { StageChips } from '../../../src/ui/staff/FilterBar.tsx';
import { CaseList } from '../../../src/ui/staff/CaseList.tsx';
// @ts-expect-error plain .mjs fixture shared with the bench (test/bench/fixtures/cases.mjs)
import { generateCases } from '../../bench/fixtures/cases.mjs';

interface Generated { header: { id: string; year: number; createdAt: string }; events: unknown[] }

/** Writes generated cases straight into the database, like the bench and the 10k e2e do. */
async function seed(count: number): Promise<Generated[]> {
  const all = generateCases(count) as Generated[];
  const db = await getDb();
  const tx = db.transaction(['cases', 'caseEvents'], 'readwrite');
  for (const c of all) {
    void tx.objectStore('cases').put(c.header as never);
    for (const event of c.events) void tx.objectStore('caseEvents').add({ caseId: c.header.id, event, recordedAt: '2026-12-01T00:00:00.000Z', recordedBy: 'import' } as never);
  }
  await tx.done;
  return all;
}

interface Snapshot { ids: string[]; year: number | null; loading: boolean }

function watchPublishes(): { snapshots: Snapshot[]; stop: () => void } {
  const snapshots: Snapshot[] = [];
  const stop = effect(() => {
    const map = cases.value;
    if (map.size) snapshots.push({ ids: [...map.keys()], year: year.peek(), loading: loading.peek() !== null });
  });
  return { snapshots, stop };
}

beforeEach(async () => {
  await closeDb();
  globalThis.indexedDB = new IDBFactory();
  cases.value = new Map();
  year.value = null;
  loading.value = { done: 0, total: 0 };
});
afterEach(cleanup);

describe('staff page: staged load (issue 14, first rows at 10,000 cases)', () => {
  it('shows the latest year’s first N cases first, then the rest arrive, each case once with its whole log', async () => {
    const all = await seed(300);
    const latest = Math.max(...all.map((c) => c.header.year));
    const { snapshots, stop } = watchPublishes();
    await loadAll({ firstPage: 12 });
    stop();

    // First page: exactly the latest year's first 12 in list order, shown while the rest still load.
    const expectedFirst = (await listCases({ year: latest })).slice(0, 12).map((h) => h.id);
    expect(snapshots[0]).toEqual({ ids: expectedFirst, year: latest, loading: true });
    expect(snapshots.length).toBeGreaterThan(1);

    // Everything arrived, in list order, nothing doubled, every log complete and replayed.
    const final = cases.value;
    expect(final.size).toBe(300);
    expect([...final.keys()]).toEqual((await listCases()).map((h) => h.id));
    for (const c of all) {
      const loaded = final.get(c.header.id)!;
      expect(loaded.events.length).toBe(c.events.length);
      expect(loaded.events.map((e) => e.event)).toEqual(c.events);
      expect(loaded.view).not.toBeNull();
    }
    // Every snapshot keeps the first page's cases (rows never vanish while the rest load).
    for (const s of snapshots) expect(expectedFirst.every((id) => s.ids.includes(id))).toBe(true);
    for (const s of snapshots) expect(new Set(s.ids).size).toBe(s.ids.length);
    expect(loading.value).toBeNull();
    expect(year.value).toBe(latest);
  });

  it('a small database (fewer cases than a page) loads whole, and an empty one ends with no cases and no error', async () => {
    await seed(5);
    await loadAll({ firstPage: 60 });
    expect(cases.value.size).toBe(5);
    expect(loading.value).toBeNull();

    await closeDb();
    globalThis.indexedDB = new IDBFactory();
    cases.value = new Map();
    year.value = null;
    await loadAll();
    expect(cases.value.size).toBe(0);
    expect(loading.value).toBeNull();
  });

  it('a case recorded on by another tab during the load keeps its newer copy', async () => {
    const all = await seed(40);
    const latest = Math.max(...all.map((c) => c.header.year));
    const firstId = (await listCases({ year: latest }))[0]!.id;
    let recorded = false;
    const stop = effect(() => {
      const c = cases.value.get(firstId);
      if (c && !recorded) {
        recorded = true;
        // what reloadCase does after another tab appended: a newer header version
        cases.value = new Map(cases.value).set(firstId, { ...c, header: { ...c.header, version: 99 } });
      }
    });
    await loadAll({ firstPage: 3 });
    stop();
    expect(cases.value.get(firstId)!.header.version).toBe(99);
    expect(cases.value.size).toBe(40);
  });

  it('stage-chip counts say 加载中… until every case is loaded, then the numbers', () => {
    loading.value = { done: 60, total: 10_000 };
    render(<StageChips />);
    expect(screen.getByTestId('count-draft').textContent).toContain('加载中');
    expect(screen.getByTestId('count-draft').getAttribute('data-loading')).toBe('true');
    loading.value = null;
    cleanup();
    render(<StageChips />);
    expect(screen.getByTestId('count-draft').textContent).toMatch(/^\d+$/);
  });
});

describe('staff case list while the cases load', () => {
  it('says it is loading, not that no case matches, and the footer counts what is loaded so far', () => {
    cases.value = new Map();
    loading.value = { done: 0, total: 10_000 };
    render(<CaseList />);
    expect(screen.queryByTestId('empty-list')).toBeNull();
    expect(screen.getByRole('status').textContent).toContain('正在载入案件');
    expect(screen.getByTestId('list-count').textContent).toContain('加载中');
    loading.value = null;
    cleanup();
    render(<CaseList />);
    expect(screen.getByTestId('empty-list')).toBeTruthy();
    expect(screen.getByTestId('list-count').textContent).toContain('共 0 件');
  });
});
