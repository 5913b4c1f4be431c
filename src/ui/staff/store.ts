import { computed, signal } from '@preact/signals';
import { todayInChina, type IsoDate } from '../../core/dates.ts';
import type { Bilingual } from '../../core/i18n.ts';
import { defaultPolicy } from '../../policy/index.ts';
import { replayCase, type CaseView } from '../../cases/replay.ts';
import { replayYear, summarizeYear, type CaseRecord as LifecycleCaseRecord, type YearSummary } from '../../cases/year.ts';
import { bansFromCases, rewardForCase, type CaseBan } from '../../cases/staff.ts';
import type { CaseEventInput } from '../../../machines/case.events.ts';
import { listAllCaseEvents, listCases, type StoredCaseEvent, type CaseRecord } from '../../storage/index.ts';
import { filterCaseRows, recommendersOf, stageCountsFor, type StaffCaseFilter, type StaffCaseRow } from '../../staff/rows.ts';
import { staffRowOf, yearRewards, type StaffCaseHeader } from '../../staff/derive.ts';

/** One case as the page holds it: header, append-ordered log, and its replay (null if the log is unreadable). */
export interface LoadedCase {
  header: CaseRecord;
  events: StoredCaseEvent[];
  view: CaseView | null;
  error: Bilingual | null;
}

export const policy = defaultPolicy;
export const today = signal<IsoDate>(todayInChina());
export const cases = signal<ReadonlyMap<string, LoadedCase>>(new Map());
export const loading = signal<{ done: number; total: number } | null>({ done: 0, total: 0 });
export const loadError = signal<Bilingual | null>(null);
export const year = signal<number | null>(null);
export const filter = signal<StaffCaseFilter>({});
export const selectedId = signal<string | null>(null);
export const tab = signal<'cases' | 'year' | 'bans'>('cases');
export const toast = signal<{ kind: 'ok' | 'error'; text: Bilingual } | null>(null);

function replayOne(header: CaseRecord, events: StoredCaseEvent[]): LoadedCase {
  try {
    return { header, events, view: replayCase(events.map((e) => e.event as CaseEventInput), { policy }), error: null };
  } catch (err) {
    const why = err instanceof Error ? err.message.slice(0, 300) : String(err);
    return { header, events, view: null, error: { zh: `事件日志无法重放：${why}`, en: `the event log cannot be replayed: ${why}` } };
  }
}

const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Loads every case and replays it in slices, so a year of 10,000 cases never freezes the page. */
export async function loadAll(): Promise<void> {
  loadError.value = null;
  try {
    const [headers, events] = await Promise.all([listCases(), listAllCaseEvents()]);
    const byCase = new Map<string, StoredCaseEvent[]>();
    for (const e of events) {
      const list = byCase.get(e.caseId);
      if (list) list.push(e);
      else byCase.set(e.caseId, [e]);
    }
    loading.value = { done: 0, total: headers.length };
    const next = new Map<string, LoadedCase>();
    const SLICE = 500;
    for (let i = 0; i < headers.length; i += SLICE) {
      for (const h of headers.slice(i, i + SLICE)) next.set(h.id, replayOne(h, byCase.get(h.id) ?? []));
      loading.value = { done: Math.min(headers.length, i + SLICE), total: headers.length };
      if (i + SLICE < headers.length) await pause();
    }
    cases.value = next;
    if (year.value === null || !years.value.includes(year.value)) year.value = years.value[0] ?? Number(today.value.slice(0, 4));
  } catch (err) {
    const message = (err as { userMessage?: Bilingual }).userMessage;
    loadError.value = message ?? { zh: `读取案件失败：${String(err)}`, en: `could not read the cases: ${String(err)}` };
  } finally {
    loading.value = null;
  }
}

/** After an append: replay just that case. */
export function refreshCase(header: CaseRecord, events: StoredCaseEvent[]): void {
  const next = new Map(cases.value);
  next.set(header.id, replayOne(header, events));
  cases.value = next;
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

const asLifecycleRecord = (c: LoadedCase): LifecycleCaseRecord => ({
  id: c.header.id,
  year: c.header.year,
  kind: c.header.kind,
  applicant: c.header.applicantName,
  events: c.events.map((e) => e.event as CaseEventInput),
});

const hasApproval = (c: LoadedCase) => c.events.some((e) => e.event.type === 'government-approve');

/**
 * 第四条 for the selected year. Only a `government-approve` can be refused for quota, so only the cases
 * that hold one go through the year replay (every other case folds exactly as replayCase does).
 */
export const yearState = computed(() => {
  const y = year.value;
  const cohort = [...cases.value.values()].filter((c) => c.header.year === y && c.view !== null);
  const approved = cohort.filter(hasApproval).map(asLifecycleRecord);
  let gated = new Map<string, CaseView>();
  let summary: YearSummary | null = null;
  let error: Bilingual | null = null;
  try {
    gated = new Map(replayYear(approved, { policy }).cases.map((c) => [c.id, c.view]));
    summary = summarizeYear(approved.length ? approved : [], policy);
    summary = { ...summary, year: y ?? summary.year };
  } catch (err) {
    error = { zh: `年度重放失败：${String(err)}`, en: `the year replay failed: ${String(err)}` };
  }
  return { year: y, cohort, gated, summary, error };
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

/** Every 第十四条–第十六条 ban and lock the logs hold, over all years (only decisive logs are replayed). */
export const allBans = computed<CaseBan[]>(() => {
  const decisive = [...cases.value.values()].filter(
    (c) => c.view !== null && c.events.some((e) => ['false-material-found', 'revoke', 'government-approve'].includes(e.event.type)),
  );
  try {
    return bansFromCases(
      decisive.map((c) => ({ ...asLifecycleRecord(c), kind: c.header.kind })),
      { policy },
    );
  } catch {
    return [];
  }
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
      return { header: c.header as StaffCaseHeader, reward: v ? rewardForCase(v, c.header.kind, policy) : null };
    }),
  ),
);
