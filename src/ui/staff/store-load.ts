import type { Bilingual } from '../../core/i18n.ts';
import { errorText } from '../../i18n/error-text.ts';
import { policyPackSchema, type AwardPack } from '../../policy/schema.ts';
import { measuresLabel } from '../../awards/index.ts';
import { replayCase } from '../../cases/replay.ts';
import { rewardForCase } from '../../cases/staff.ts';
import { bansFromViews } from '../../staff/bans.ts';
import type { CaseEventInput } from '../../../machines/case.events.ts';
import { getCase, getCaseEvents, getCaseEventsOf, getDb, listCases, yearFirst, type StoredCaseEvent, type CaseRecord } from '../../storage/index.ts';
import { caseRules, cases, FIRST_PAGE, loadError, loading, policyOf, today, year, years, type LoadedCase } from './store.ts';

/*
 * The staff page's data layer (issue 19): IndexedDB, the replay of each case's log and the rules that
 * replay cases. store.ts loads this file on the first case read, so the page's frame paints without it;
 * it is the only writer of `cases`, and makes the reward and ban rules available before any case is in.
 */
caseRules.value = {
  rewardForCase,
  bansFromViews,
  completePack: (pack) => {
    const parsed = policyPackSchema.safeParse(pack);
    return parsed.success ? parsed.data : null;
  },
};

function replayOne(header: CaseRecord, events: StoredCaseEvent[]): LoadedCase {
  let own: AwardPack;
  try {
    own = policyOf(header);
  } catch {
    const named = measuresLabel(header.award);
    return { header, events, view: null, error: { zh: `无法评判：本案适用的${named.zh}，本助手的这一版本尚未收录`, en: `cannot be judged: this version of Award Pilot does not include the case’s ${named.en}` } };
  }
  try {
    return { header, events, view: replayCase(events.map((e) => e.event as CaseEventInput), { policy: own }), error: null };
  } catch (err) {
    const why = errorText(err);
    return { header, events, view: null, error: { zh: `事件记录无法读取：${why.zh}`, en: `the case’s history cannot be read: ${why.en}` } };
  }
}

/** Stages of the load, as performance marks (the bench's staff section reports them). */
const mark = (name: string) => globalThis.performance?.mark?.(`staff-load:${name}`);
const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
/** Lets the first rows render and paint before the rest of the load (a hidden tab, with no frames, waits at most 100 ms). */
const afterPaint = () =>
  new Promise<void>((resolve) => {
    const done = () => (clearTimeout(timer), resolve());
    const timer = setTimeout(done, 100);
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(done, 0));
  });

const SLICE = 500;

/**
 * Loads every case in stages (issue 14: first rows at 10,000 cases ≤ 400 ms):
 * 1. the latest year, from one backwards key on the byYear index;
 * 2. that year's headers, and the logs of only its first FIRST_PAGE cases (in list order), replayed and shown;
 * 3. then every other case, in slices of contiguous case ids read through the byCase index, each slice
 *    after a pause so the page stays responsive. A case already loaded is never read or replayed again.
 * Counts that need every case (stage chips, overdue duties, bans, rewards, quotas) say 加载中… until the last slice.
 */
export async function loadAll(options: { firstPage?: number } = {}): Promise<void> {
  loadError.value = null;
  const firstPage = options.firstPage ?? FIRST_PAGE;
  mark('start');
  try {
    const db = await getDb();
    mark('db-open');
    const shown = await yearFirst(year.value);
    const total = shown.total;
    loading.value = { done: 0, total };
    if (year.value === null && shown.year !== null) year.value = shown.year;
    const next = new Map<string, LoadedCase>();
    const wanted = year.value;
    if (wanted !== null && total > 0) {
      const first = shown.headers.slice(0, firstPage);
      mark('year-headers');
      const logs = await getCaseEventsOf(first.map((h) => h.id));
      mark('first-logs');
      for (const h of first) next.set(h.id, replayOne(h, logs.get(h.id) ?? []));
      mark('first-replayed');
      loading.value = { done: next.size, total };
      if (next.size) publish(new Map(next));
      await afterPaint();
    }
    const headers = await listCases(); // list order: created, then id
    loading.value = { done: next.size, total: headers.length };
    const rest = headers.filter((h) => !next.has(h.id)).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)); // IndexedDB string key order
    const slices: CaseRecord[][] = [];
    for (let i = 0; i < rest.length; i += SLICE) slices.push(rest.slice(i, i + SLICE));
    slices.sort((a, b) => Number(b.some((h) => h.year === wanted)) - Number(a.some((h) => h.year === wanted)));
    for (const [n, slice] of slices.entries()) {
      const range = IDBKeyRange.bound(slice[0]!.id, slice[slice.length - 1]!.id);
      // The byCase index returns each case's events together, in append (seq) order.
      const events = await db.getAllFromIndex('caseEvents', 'byCase', range);
      const byCase = new Map<string, StoredCaseEvent[]>();
      for (const e of events) {
        if (next.has(e.caseId)) continue; // loaded in the first page
        const list = byCase.get(e.caseId);
        if (list) list.push(e);
        else byCase.set(e.caseId, [e]);
      }
      for (const h of slice) next.set(h.id, replayOne(h, byCase.get(h.id) ?? []));
      loading.value = { done: next.size, total: headers.length };
      if (n % 4 === 3 || n === slices.length - 1) publish(inListOrder(headers, next));
      await pause();
    }
    if (slices.length === 0) publish(inListOrder(headers, next));
    mark('all-loaded');
  } catch (err) {
    const message = (err as { userMessage?: Bilingual }).userMessage;
    loadError.value = message ?? { zh: `读取案件失败：${String(err)}`, en: `could not read the cases: ${String(err)}` };
  } finally {
    loading.value = null;
  }
}

/** The loaded cases in the list's order (headers as listCases returns them), cases recorded meanwhile kept. */
function inListOrder(headers: readonly CaseRecord[], loaded: ReadonlyMap<string, LoadedCase>): Map<string, LoadedCase> {
  const out = new Map<string, LoadedCase>();
  const shown = cases.value;
  for (const h of headers) {
    const c = loaded.get(h.id);
    if (!c) continue;
    const now = shown.get(h.id);
    // A case re-read after another tab recorded on it (reloadCase) is newer than the load's copy.
    out.set(h.id, now && (now.header.version ?? 0) > (c.header.version ?? 0) ? now : c);
  }
  for (const [id, c] of shown) if (!out.has(id)) out.set(id, c); // created or imported during the load
  return out;
}

function publish(next: Map<string, LoadedCase>): void {
  cases.value = next;
  if (year.value === null || !years.value.includes(year.value)) year.value = latestYearWithCases(next) ?? Number(today.value.slice(0, 4));
}

function latestYearWithCases(map: ReadonlyMap<string, LoadedCase>): number | null {
  let latest: number | null = null;
  for (const c of map.values()) if (latest === null || c.header.year > latest) latest = c.header.year;
  return latest;
}

/** After an append: replay just that case. */
export function refreshCase(header: CaseRecord, events: StoredCaseEvent[]): void {
  const next = new Map(cases.value);
  next.set(header.id, replayOne(header, events));
  cases.value = next;
}

/** Re-read one case (header with its version, and log) from storage, e.g. after another tab recorded on it. */
export async function reloadCase(id: string): Promise<void> {
  const [header, events] = await Promise.all([getCase(id), getCaseEvents(id)]);
  if (header) refreshCase(header, events);
}

export function addCases(list: { header: CaseRecord; events: StoredCaseEvent[] }[]): void {
  const next = new Map(cases.value);
  for (const c of list) next.set(c.header.id, replayOne(c.header, c.events));
  cases.value = next;
}
