import { caseMachine, replayCase, type CaseStage, type CaseView, type StageMeta } from '../../cases/index.ts';
import type { TabState } from '../../messaging/panel-protocol.ts';
import { scoreSelfEvaluation, workbookSchema, workbookSheet, catalogueItems } from '../../self-evaluation/index.ts';
import { getCaseEvents, listCases, listSelfEvaluations, type CaseRecord } from '../../storage/index.ts';

export interface CaseSummary {
  record: CaseRecord;
  view: CaseView;
  /** the raw log, for the dates shown beside each stage */
  eventCount: number;
}

export function stageMeta(stage: CaseStage): StageMeta | null {
  return ((caseMachine.states as Record<string, { meta?: unknown } | undefined>)[stage]?.meta as StageMeta | undefined) ?? null;
}

function readingText(state: TabState | null, key: string): string | null {
  const v = state?.fields.find((f) => f.key === key)?.value;
  return typeof v === 'string' && v.trim() ? v.trim() : null;
}

/**
 * The case this panel is about: one read off this tab's status page, else the one whose credit code or
 * name matches the application on the page, else the most recent. All cases come back for a picker.
 */
export async function loadCases(state: TabState | null): Promise<{ cases: CaseRecord[]; preferred: string | null }> {
  const cases = await listCases();
  const fromTab = state?.caseIds.find((id) => cases.some((c) => c.id === id));
  if (fromTab) return { cases, preferred: fromTab };
  const code = readingText(state, 'applicant.creditCode');
  const name = readingText(state, 'applicant.name');
  const match = cases.find((c) => (code && c.creditCode === code) || (name && c.applicantName === name));
  return { cases, preferred: match?.id ?? cases[cases.length - 1]?.id ?? null };
}

export async function loadCase(record: CaseRecord): Promise<CaseSummary> {
  const stored = await getCaseEvents(record.id);
  const view = replayCase(stored.map((s) => s.event) as never);
  return { record, view, eventCount: stored.length };
}

/** 推荐意见 signed: the case log has an accepted `recommend` event. */
export function isRecommended(view: CaseView | null): boolean | null {
  if (!view) return null;
  return view.history.some((h) => h.event.type === 'recommend');
}

/** Progress of the newest self-evaluation round in storage (null when none). */
export async function loadSelfEvaluationProgress(): Promise<{ scored: number; total: number; score: number } | null> {
  const [latest] = await listSelfEvaluations();
  if (!latest) return null;
  const wb = workbookSchema.safeParse(latest.data);
  const sheet = wb.success ? workbookSheet(wb.data) : latest.data;
  try {
    const score = scoreSelfEvaluation(sheet);
    return { scored: catalogueItems.length - score.missing.length, total: catalogueItems.length, score: score.total };
  } catch {
    return null;
  }
}
