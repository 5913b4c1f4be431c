import type { Bilingual } from '../core/i18n.ts';
import { isIsoDate } from '../core/calendar.ts';
import type { PortalAdapter } from './adapter-schema.ts';
import { normalizeLabel, normalizePortalDate } from './normalize.ts';

/** One row of the portal's status table (structurally the protocol's `StatusRow`). */
export interface StatusRowLike {
  applicationNo: string | null;
  applicantName: string;
  statusText: string;
  date: string | null;
}

/** A lifecycle event (contract §3) read off the portal. */
export interface PortalCaseEvent {
  type: string;
  on: string;
  kind?: 'organization' | 'individual';
  by?: string;
  tier?: 'award' | 'nomination';
  reason?: 'fraud' | 'incident';
}

export interface PortalCaseEvents {
  applicationNo: string | null;
  applicantName: string;
  events: PortalCaseEvent[];
}

export interface StatusRowsToEventsResult {
  cases: PortalCaseEvents[];
  /** rows that could not become an event, with why (unknown status text, bad date, …) */
  unmapped: Array<{ row: StatusRowLike; reason: Bilingual }>;
}

export interface StatusRowsOptions {
  /** the applicant's kind, needed by `apply` events (contract §3); the status table doesn't say */
  applicantKind?: 'organization' | 'individual';
}

/**
 * The status page's rows → event logs per application, through the adapter's status map
 * (e.g. 已受理 → accept). Progress-only texts (mapped to `null`, e.g. 资料审查中) add no event.
 */
export function statusRowsToEvents(
  rows: readonly StatusRowLike[],
  adapter: Pick<PortalAdapter, 'statusTable'>,
  options: StatusRowsOptions = {},
): StatusRowsToEventsResult {
  const map = adapter.statusTable.statusEvents;
  const byCase = new Map<string, PortalCaseEvents>();
  const unmapped: StatusRowsToEventsResult['unmapped'] = [];
  rows.forEach((row) => {
    const spec = lookupStatus(map, row.statusText);
    if (spec === undefined) {
      unmapped.push({ row, reason: { zh: `未知的办理状态“${row.statusText}”，请在适配器中补充对照`, en: `Unknown status “${row.statusText}”; add it to the adapter’s status map` } });
      return;
    }
    if (spec === null) return;
    const on = row.date === null ? '' : normalizePortalDate(row.date);
    if (!isIsoDate(on)) {
      unmapped.push({ row, reason: { zh: `办理日期“${row.date ?? ''}”不是有效日期`, en: `Date “${row.date ?? ''}” is not a valid date` } });
      return;
    }
    const event: PortalCaseEvent = { type: spec.type, on };
    if (spec.type === 'apply') {
      if (!options.applicantKind) {
        unmapped.push({ row, reason: { zh: '申报事件需要申报类型（组织/个人），状态表未提供', en: 'An apply event needs the applicant kind, which the status table does not give' } });
        return;
      }
      event.kind = options.applicantKind;
    }
    if (spec.type === 'recommend') event.by = spec.by ?? '推荐单位';
    if (spec.tier) event.tier = spec.tier;
    if (spec.reason) event.reason = spec.reason;
    const caseKey = row.applicationNo ?? `name:${row.applicantName}`;
    let c = byCase.get(caseKey);
    if (!c) byCase.set(caseKey, (c = { applicationNo: row.applicationNo, applicantName: row.applicantName, events: [] }));
    c.events.push(event);
  });
  // Portals list newest first or oldest first; an event log is in date order (stable for same-day rows).
  for (const c of byCase.values()) {
    c.events = c.events.map((e, i) => [e, i] as const).sort((a, b) => (a[0].on < b[0].on ? -1 : a[0].on > b[0].on ? 1 : a[1] - b[1])).map(([e]) => e);
  }
  return { cases: [...byCase.values()], unmapped };
}

function lookupStatus<T>(map: Record<string, T>, text: string): T | undefined {
  const t = text.trim();
  if (Object.hasOwn(map, t)) return map[t];
  const n = normalizeLabel(t);
  for (const [k, v] of Object.entries(map)) if (normalizeLabel(k) === n) return v;
  return undefined;
}
