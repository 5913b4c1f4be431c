import { computed, effect, signal } from '@preact/signals';
import { errorText } from '../../i18n/error-text.ts';
import { todayInChina, type IsoDate } from '../../core/dates.ts';
import type { Bilingual } from '../../core/i18n.ts';
import { defaultPolicy, policyPackSchema, type PolicyPack } from '../../policy/index.ts';
import type { AwardPack } from '../../policy/schema.ts';
import { measuresLabel, packOfRecord } from '../../awards/index.ts';
import { replayCase, type CaseView } from '../../cases/replay.ts';
import type { CaseRecord as LifecycleCaseRecord } from '../../cases/year.ts';
import { rewardForCase, type CaseBan } from '../../cases/staff.ts';
import { bansFromViews } from '../../staff/bans.ts';
import { runYearGate } from './year-gate-client.ts';
import type { YearGateResult } from './year-gate.ts';
import type { CaseEventInput } from '../../../machines/case.events.ts';
import type { StoredCaseEvent, CaseRecord } from '../../storage/index.ts';
import { onRecordChange } from '../../storage/record-changes.ts';

/**
 * The data layer (IndexedDB, its migrations and schemas) comes from its own file (issue 19: the page's
 * frame paints without it). Its load starts with the first case read, which is asynchronous anyway.
 */
const storage = () => import('../../storage/index.ts');
import { filterCaseRows, recommendersOf, stageCountsFor, type StaffCaseFilter, type StaffCaseRow } from '../../staff/rows.ts';
import { staffRowOf, yearRewards, type StaffCaseHeader } from '../../staff/derive.ts';

/** One case as the page holds it: header, append-ordered log, and its replay (null if the log is unreadable). */
export interface LoadedCase {
  header: CaseRecord;
  events: StoredCaseEvent[];
  view: CaseView | null;
  error: Bilingual | null;
}

/** The office's award (its year-level quotas and rewards); each case is judged by its own measures (`policyOf`). */
export const policy = defaultPolicy;

/**
 * The measures a case is judged by (issue 16): the award and version its record names; a record from
 * before issue 16 is judged by the office award's version in force on the day it was filed.
 * An unknown award version throws (the case then shows that it cannot be judged, never a guess).
 */
export function policyOf(header: Pick<CaseRecord, 'award' | 'createdAt'>): AwardPack {
  const pack = packOfRecord(header, todayInChina);
  return pack.id === defaultPolicy.id ? defaultPolicy : pack;
}

/** A loaded case's own measures by its id (exports of a mixed list, issue 16); null when unknown or not judgeable. */
export function packOfCase(id: string): AwardPack | null {
  const c = cases.value.get(id);
  try {
    return c ? policyOf(c.header) : null;
  } catch {
    return null;
  }
}

/** The case's measures when they are complete (rewards, publicity): null for an award whose measures are partly unverified. */
export function fullPolicyOf(header: Pick<CaseRecord, 'award' | 'createdAt'>): PolicyPack | null {
  try {
    const pack = policyOf(header);
    if (pack === defaultPolicy) return defaultPolicy;
    const parsed = policyPackSchema.safeParse(pack);
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
export const today = signal<IsoDate>(todayInChina());
export const cases = signal<ReadonlyMap<string, LoadedCase>>(new Map());
export const loading = signal<{ done: number; total: number } | null>({ done: 0, total: 0 });
export const loadError = signal<Bilingual | null>(null);
export const year = signal<number | null>(null);
export const filter = signal<StaffCaseFilter>({});
export const selectedId = signal<string | null>(null);
export const tab = signal<'cases' | 'year' | 'bans' | 'duties'>('cases');
export const toast = signal<{ kind: 'ok' | 'error'; text: Bilingual } | null>(null);

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

/** Cases replayed before the first rows show: a screenful and some, of the selected (latest) year. */
export const FIRST_PAGE = 60;
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
    const { getDb, yearFirst, getCaseEventsOf, listCases } = await storage();
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

/**
 * After this page appended `stored` to a case whose view was `c`: the new log and its view (already
 * replayed by the form), without re-reading or replaying (issue 19). A newer copy already shown, from
 * another tab's record, is kept.
 */
export function appendedToCase(c: LoadedCase, stored: StoredCaseEvent[], view: CaseView): void {
  const version = (c.header.version ?? 0) + 1;
  if ((cases.value.get(c.header.id)?.header.version ?? 0) > version) return;
  const next = new Map(cases.value);
  next.set(c.header.id, { header: { ...c.header, version }, events: [...c.events, ...stored], view, error: null });
  cases.value = next;
}

/** Re-read one case (header with its version, and log) from storage, e.g. after another tab recorded on it. */
export async function reloadCase(id: string): Promise<void> {
  const { getCase, getCaseEvents } = await storage();
  const [header, events] = await Promise.all([getCase(id), getCaseEvents(id)]);
  if (header) refreshCase(header, events);
}

/**
 * Keeps the page's cases current while another staff tab (or the background) records on them: a case
 * whose announced version differs from the one shown is re-read (issue 15). Returns the unsubscribe.
 */
export function followRecordChanges(): () => void {
  return onRecordChange((change) => {
    if (change.store !== 'cases') return;
    const shown = cases.value.get(change.id)?.header.version;
    if (shown === undefined || shown !== change.version) void reloadCase(change.id).catch(() => undefined);
  });
}

export function addCases(list: { header: CaseRecord; events: StoredCaseEvent[] }[]): void {
  const next = new Map(cases.value);
  for (const c of list) next.set(c.header.id, replayOne(c.header, c.events));
  cases.value = next;
}

/** Years with cases, newest first, and this year in China always offered. */
export const years = computed(() => {
  const set = new Set<number>([Number(today.value.slice(0, 4))]);
  for (const c of cases.value.values()) set.add(c.header.year);
  return [...set].sort((a, b) => b - a);
});

export const asLifecycleRecord = (c: LoadedCase): LifecycleCaseRecord => ({
  id: c.header.id,
  year: c.header.year,
  kind: c.header.kind,
  applicant: c.header.applicantName,
  // counted in its own award's 第四条 places, judged by its own measures (issue 16)
  award: c.header.award ?? null,
  events: c.events.map((e) => e.event as CaseEventInput),
});

const hasApproval = (c: LoadedCase) => c.events.some((e) => e.event.type === 'government-approve');

/** The selected year's cases, and the ones holding a government approval (第四条 can refuse only those). */
export const yearCohort = computed(() => {
  const y = year.value;
  const cohort = [...cases.value.values()].filter((c) => c.header.year === y && c.view !== null);
  const approved = cohort.filter(hasApproval);
  const key = `${y}|${approved.map((c) => `${c.header.id}:${c.events.length}`).join(',')}`;
  return { year: y, cohort, approved, key };
});

/** Result of the year's quota replay, computed off the main thread (year-gate.worker.ts). */
export const yearGate = signal<YearGateResult | null>(null);

let gateRun = 0;
effect(() => {
  const { year: y, approved, key } = yearCohort.value;
  if (loading.value !== null || y === null) return; // once, after the load
  if (yearGate.peek()?.key === key) return;
  const run = ++gateRun;
  void runYearGate({ year: y, key, approved: approved.map(asLifecycleRecord) }).then((result) => {
    if (run === gateRun) yearGate.value = result;
  });
});

/**
 * 第四条 for the selected year: quotas from summarizeYear, and the year-gated views (approvals beyond
 * the quota refused by replayYear). While a new run is pending the last one for the year stays shown.
 */
export const yearState = computed(() => {
  const { year: y, cohort } = yearCohort.value;
  const gate = yearGate.value && yearGate.value.year === y ? yearGate.value : null;
  const lengths = new Map(cohort.map((c) => [c.header.id, c.events.length]));
  const gated = new Map<string, CaseView>();
  // A gated view counts only while its log is the one that was replayed.
  for (const [id, view] of gate?.gated ?? []) if (lengths.get(id) === view.history.length + view.rejected.length) gated.set(id, view);
  return { year: y, cohort, gated, summary: gate?.summary ?? null, error: gate?.error ?? null, pending: gate?.key !== yearCohort.value.key };
});

/** The view staff see: the year-gated one when the case went through the quota check. */
export function viewOf(c: LoadedCase): CaseView | null {
  return yearState.value.gated.get(c.header.id) ?? c.view;
}

export const rows = computed<StaffCaseRow[]>(() => {
  const out: StaffCaseRow[] = [];
  for (const c of cases.value.values()) out.push(staffRowOf(c.header as StaffCaseHeader, viewOf(c), c.events.length));
  return out;
});

export const effectiveFilter = computed<StaffCaseFilter>(() => ({ ...filter.value, year: year.value }));
export const filteredRows = computed(() => filterCaseRows(rows.value, effectiveFilter.value));
export const stageCounts = computed(() => stageCountsFor(rows.value, effectiveFilter.value));
export const recommenders = computed(() => recommendersOf(rows.value.filter((r) => r.year === year.value)));

export const selectedCase = computed(() => (selectedId.value ? cases.value.get(selectedId.value) ?? null : null));

/** Every 第十四条–第十六条 ban and lock the logs hold, over all years, read off the replayed views. */
export const allBans = computed<CaseBan[]>(() => {
  const entries = [];
  for (const c of cases.value.values()) {
    if (c.view && (c.view.banUntil || c.view.lockedUntil)) entries.push({ caseId: c.header.id, applicant: c.header.applicantName, kind: c.header.kind, view: c.view });
  }
  return bansFromViews(entries);
});

/** The bans and locks still running today. */
export const runningBans = computed<CaseBan[]>(() => allBans.value.filter((b) => b.until >= today.value));

export const headersById = computed(() => {
  const map = new Map<string, StaffCaseHeader>();
  for (const [id, c] of cases.value) map.set(id, c.header as StaffCaseHeader);
  return map;
});

/** 第十一条 rewards of the selected year. */
export const rewardsOfYear = computed(() =>
  yearRewards(
    yearState.value.cohort.map((c) => {
      const v = viewOf(c);
      const own = fullPolicyOf(c.header);
      return { header: c.header as StaffCaseHeader, reward: v && own ? rewardForCase(v, c.header.kind, own) : null };
    }),
  ),
);
