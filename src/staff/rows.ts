import type { IsoDate } from '../core/calendar.ts';
import type { Bilingual } from '../core/i18n.ts';
import { applicantKindTitles, caseStages, stageTitles, tierTitles, type CaseStage } from '../../machines/case.stages.ts';
import type { ApplicantKind, Tier } from '../../machines/case.events.ts';

/** What the staff list shows of one case: its header plus the few facts of its replayed view. */
export interface StaffCaseRow {
  id: string;
  year: number;
  kind: ApplicantKind;
  applicantName: string;
  creditCode: string | null;
  recommender: string | null;
  stage: CaseStage;
  tier: Tier | null;
  stageSince: IsoDate | null;
  eventCount: number;
  refusedCount: number;
}

export interface StaffCaseFilter {
  year?: number | null;
  stage?: CaseStage | null;
  kind?: ApplicantKind | null;
  recommender?: string | null;
  /** `none`: cases not (yet) proposed for a tier */
  tier?: Tier | 'none' | null;
  text?: string;
}

/** Full-width letters and digits typed by a Chinese IME match their ASCII forms. */
export const normalizeSearchText = (text: string): string => text.normalize('NFKC').trim().toLowerCase();

/** Each row's normalised search text, computed once per row object (typing re-filters 10,000 rows). */
const haystacks = new WeakMap<StaffCaseRow, string>();
function haystackOf(row: StaffCaseRow): string {
  let hay = haystacks.get(row);
  if (hay === undefined) {
    hay = normalizeSearchText([row.applicantName, row.creditCode ?? '', row.recommender ?? '', row.id].join('\n'));
    haystacks.set(row, hay);
  }
  return hay;
}

/** Compiles a filter once (the search words are normalised once, not per row). */
export function caseRowPredicate(filter: StaffCaseFilter): (row: StaffCaseRow) => boolean {
  const words = filter.text ? normalizeSearchText(filter.text).split(/\s+/).filter(Boolean) : [];
  const { year, stage, kind, tier } = filter;
  const recommender = filter.recommender || null;
  return (row) => {
    if (year != null && row.year !== year) return false;
    if (stage != null && row.stage !== stage) return false;
    if (kind != null && row.kind !== kind) return false;
    if (recommender !== null && row.recommender !== recommender) return false;
    if (tier != null && (tier === 'none' ? row.tier !== null : row.tier !== tier)) return false;
    if (words.length) {
      const hay = haystackOf(row);
      for (const w of words) if (!hay.includes(w)) return false;
    }
    return true;
  };
}

export function caseRowMatches(row: StaffCaseRow, filter: StaffCaseFilter): boolean {
  return caseRowPredicate(filter)(row);
}

export function filterCaseRows(rows: readonly StaffCaseRow[], filter: StaffCaseFilter): StaffCaseRow[] {
  return rows.filter(caseRowPredicate(filter));
}

/** Count per stage, every stage present (0 when none), in lifecycle order. */
export function countCaseRowsByStage(rows: readonly StaffCaseRow[]): Record<CaseStage, number> {
  const counts = Object.fromEntries(caseStages.map((s) => [s, 0])) as Record<CaseStage, number>;
  for (const row of rows) counts[row.stage] += 1;
  return counts;
}

/** Counts for the stage chips: every filter applies except the stage itself, so chips stay clickable. */
export function stageCountsFor(rows: readonly StaffCaseRow[], filter: StaffCaseFilter): Record<CaseStage, number> {
  return countCaseRowsByStage(filterCaseRows(rows, { ...filter, stage: null }));
}

/** Distinct recommenders, sorted in Chinese collation order, for the filter's options. */
export function recommendersOf(rows: readonly StaffCaseRow[]): string[] {
  const names = new Set<string>();
  for (const row of rows) if (row.recommender) names.add(row.recommender);
  return [...names].sort((a, b) => a.localeCompare(b, 'zh-CN'));
}

/** Names shown on staff pages: the lifecycle's own, defined once in machines/case.stages.ts. */
export const caseStageLabels: Record<CaseStage, Bilingual> = stageTitles;
export const applicantKindLabels: Record<ApplicantKind, Bilingual> = applicantKindTitles;
export const caseTierLabels: Record<Tier, Bilingual> = tierTitles;
