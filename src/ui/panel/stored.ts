import { caseMachine, replayCase, type CaseStage, type CaseView, type StageMeta } from '../../cases/index.ts';
import type { TabState } from '../../messaging/panel-protocol.ts';
import { scoreSelfEvaluation, workbookSchema, workbookSheet, catalogueItems } from '../../self-evaluation/index.ts';
import { getCaseEvents, listAdapters, listCases, listSelfEvaluations, type CaseRecord } from '../../storage/index.ts';
import { portalAdapterSchema, shippedPortalAdapters, type PortalAdapter } from '../../portal/index.ts';
import type { Bilingual } from '../../core/i18n.ts';
import { todayInChina } from '../../core/calendar.ts';
import { packOfRecord } from '../../awards/index.ts';
import type { AwardPack } from '../../policy/schema.ts';

export interface CaseSummary {
  record: CaseRecord;
  view: CaseView;
  /** the raw log, for the dates shown beside each stage */
  eventCount: number;
  /** the measures the case is judged by (issue 16); null when this build does not know its version, absent = the default award */
  pack?: AwardPack | null;
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
export async function loadCases(state: TabState | null): Promise<{ cases: CaseRecord[]; preferred: string | null; matched: boolean }> {
  const cases = await listCases();
  const fromTab = state?.caseIds.find((id) => cases.some((c) => c.id === id));
  if (fromTab) return { cases, preferred: fromTab, matched: true };
  const code = readingText(state, 'applicant.creditCode');
  const name = readingText(state, 'applicant.name');
  const match = cases.find((c) => (code && c.creditCode === code) || (name && c.applicantName === name));
  if (match) return { cases, preferred: match.id, matched: true };
  // Nothing ties the page to a case: 进度 may still show the latest, but it is not this application's.
  return { cases, preferred: cases[cases.length - 1]?.id ?? null, matched: false };
}

export async function loadCase(record: CaseRecord): Promise<CaseSummary> {
  const stored = await getCaseEvents(record.id);
  // the case's own award and version (issue 16). An unknown one leaves `pack` null: the stages still
  // show, but StatusTab says the version is unknown and shows no period worked out under a guess.
  let pack: AwardPack | null = null;
  try {
    pack = packOfRecord(record, todayInChina);
  } catch {}
  const view = replayCase(stored.map((s) => s.event) as never, pack ? { policy: pack } : undefined);
  return { record, view, eventCount: stored.length, pack };
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

/** Attachment names of the adapter the tab was read with (a saved adapter wins over a shipped one). */
export async function loadAttachmentLabels(adapterId: string | null): Promise<Record<string, Bilingual>> {
  if (!adapterId) return {};
  let adapter: PortalAdapter | undefined;
  try {
    for (const r of await listAdapters()) {
      const parsed = portalAdapterSchema.safeParse(r.adapter);
      if (parsed.success && parsed.data.id === adapterId) adapter = parsed.data;
    }
  } catch {
    // fall back to the shipped adapters
  }
  adapter ??= shippedPortalAdapters.find((a) => a.id === adapterId);
  return Object.fromEntries((adapter?.attachments ?? []).map((a) => [a.key, a.label]));
}
