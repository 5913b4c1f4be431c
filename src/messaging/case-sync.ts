import { caseEventSchema } from '../../machines/case.events.ts';
import { todayInChina } from '../core/calendar.ts';
import type { StatusRow } from './protocol.ts';

/** A case event as stored (contract §3, dates as ISO strings). */
export type EventLike = { type: string; on: string; [k: string]: unknown };

export interface CaseSyncDeps {
  statusRowsToEvents(rows: StatusRow[]): { cases: { applicationNo: string | null; applicantName: string; events: EventLike[] }[] };
  getCase(id: string): Promise<unknown>;
  createCase(header: { id: string; year: number; kind: 'organization' | 'individual'; applicantName: string; creditCode: null; recommender: null }): Promise<unknown>;
  getCaseEvents(caseId: string): Promise<{ event: EventLike }[]>;
  appendCaseEvents(caseId: string, events: EventLike[], recordedBy: string): Promise<unknown>;
  applicantKind: 'organization' | 'individual';
}

/** Same event twice (the status page is read on every visit): same type, date and details. */
export function eventKey(e: EventLike): string {
  return JSON.stringify(Object.keys(e).sort().map((k) => [k, e[k]]));
}

/** Events of `incoming` not already in `existing`, in their order (the log is append-only: 第十条). */
export function newEvents(existing: readonly EventLike[], incoming: readonly EventLike[]): EventLike[] {
  const seen = new Set(existing.map(eventKey));
  const out: EventLike[] = [];
  for (const e of incoming) {
    const k = eventKey(e);
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(e);
  }
  return out;
}

export function caseIdFor(applicationNo: string | null, applicantName: string): string {
  return applicationNo ? `portal:${applicationNo}` : `portal:name:${applicantName}`.slice(0, 200);
}

/**
 * The portal's status rows → each application's case log: the case is created on first sight,
 * and only events not yet recorded are appended (domain-validated first). Returns the case ids.
 */
export async function syncStatusRows(rows: StatusRow[], deps: CaseSyncDeps): Promise<string[]> {
  const { cases } = deps.statusRowsToEvents(rows);
  const ids: string[] = [];
  for (const c of cases) {
    const events = c.events.filter((e) => caseEventSchema.safeParse(e).success);
    const id = caseIdFor(c.applicationNo, c.applicantName);
    if (!(await deps.getCase(id))) {
      const year = Number((events[0]?.on ?? '').slice(0, 4)) || Number(todayInChina().slice(0, 4)); // China's year, not the machine time zone's
      await deps.createCase({ id, year, kind: deps.applicantKind, applicantName: c.applicantName.slice(0, 300), creditCode: null, recommender: null });
    }
    const existing = (await deps.getCaseEvents(id)).map((s) => s.event);
    const fresh = newEvents(existing, events);
    if (fresh.length) await deps.appendCaseEvents(id, fresh, 'portal-status-page');
    ids.push(id);
  }
  return ids;
}
