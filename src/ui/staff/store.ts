import { computed, effect, signal } from '@preact/signals';
import { todayInChina, type IsoDate } from '../../core/calendar.ts';
import type { Bilingual } from '../../core/i18n.ts';
import { defaultPolicy } from '../../awards/lianyungang-mayor/2021.ts';
import type { AwardPack, PolicyPack } from '../../policy/schema.ts';
import { packOfRecord } from '../../awards/index.ts';
import type { CaseView } from '../../cases/replay.ts';
import type { CaseRecord as LifecycleCaseRecord } from '../../cases/year.ts';
import type { rewardForCase, CaseBan } from '../../cases/staff.ts';
import type { bansFromViews } from '../../staff/bans.ts';
import { runYearGate } from './year-gate-client.ts';
import type { YearGateResult } from './year-gate.ts';
import type { CaseEventInput } from '../../../machines/case.events.ts';
import type { StoredCaseEvent, CaseRecord } from '../../storage/index.ts';
import { onRecordChange } from '../../storage/record-changes.ts';

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
    // the measures' schema comes with the data layer (store-load.ts), before any case is loaded
    return caseRules.value?.completePack(pack) ?? null;
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

/** Cases replayed before the first rows show: a screenful and some, of the selected (latest) year. */
export const FIRST_PAGE = 60;

/**
 * The data layer — IndexedDB, the replay of each case's log, and the reward and ban rules that replay
 * — comes from its own file (store-load.ts), whose load starts with the first case read (issue 19: the
 * page's frame paints without it; reads are asynchronous anyway). Only that file writes `cases`.
 */
const data = () => import('./store-load.ts');

/** The reward and ban rules (they replay cases), set by store-load.ts when it loads, before any case is in. */
export const caseRules = signal<{
  rewardForCase: typeof rewardForCase;
  bansFromViews: typeof bansFromViews;
  /** the measures when they are complete (the policy pack's schema accepts them), else null */
  completePack: (pack: AwardPack) => PolicyPack | null;
} | null>(null);

/**
 * Loads every case in stages (issue 14: first rows at 10,000 cases ≤ 400 ms): see store-load.ts.
 * Counts that need every case (stage chips, overdue duties, bans, rewards, quotas) say 加载中… until the last slice.
 */
export function loadAll(options: { firstPage?: number } = {}): Promise<void> {
  loadError.value = null;
  return data().then(
    (m) => m.loadAll(options),
    (err: unknown) => {
      loadError.value = { zh: `读取案件失败：${String(err)}`, en: `could not read the cases: ${String(err)}` };
      loading.value = null;
    },
  );
}

/** Re-read one case (header with its version, and log) from storage, e.g. after another tab recorded on it. */
export function reloadCase(id: string): Promise<void> {
  return data().then((m) => m.reloadCase(id));
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
  const rules = caseRules.value;
  if (!rules) return [];
  for (const c of cases.value.values()) {
    if (c.view && (c.view.banUntil || c.view.lockedUntil)) entries.push({ caseId: c.header.id, applicant: c.header.applicantName, kind: c.header.kind, view: c.view });
  }
  return rules.bansFromViews(entries);
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
      const rules = caseRules.value;
      const v = viewOf(c);
      const own = fullPolicyOf(c.header);
      return { header: c.header as StaffCaseHeader, reward: v && own && rules ? rules.rewardForCase(v, c.header.kind, own) : null };
    }),
  ),
);
