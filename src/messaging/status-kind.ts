import type { Bilingual } from '../core/i18n.ts';
import { caseIdFor, syncStatusRows, type CaseSyncDeps, type EventLike } from './case-sync.ts';
import type { StatusRow } from './protocol.ts';

export type ApplicantKind = 'organization' | 'individual';

/** A stored draft as far as kind matching needs it (the application is untrusted JSON). */
export interface DraftLike {
  application: unknown;
}

type RowsToEvents = (rows: StatusRow[], kind: ApplicantKind | undefined) => ReturnType<CaseSyncDeps['statusRowsToEvents']> & {
  unmapped?: Array<{ row: StatusRow; reason: Bilingual }>;
};

export interface KindedSyncDeps extends Omit<CaseSyncDeps, 'statusRowsToEvents' | 'applicantKind'> {
  statusRowsToEvents: RowsToEvents;
}

export interface KindedSyncResult {
  caseIds: string[];
  unmapped: Array<{ row: StatusRow; reason: Bilingual }>;
}

/** Names as the portal and the form write them may differ in spaces and full/half width. */
function sameName(a: string, b: string): boolean {
  const n = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');
  return n(a) !== '' && n(a) === n(b);
}

function applicantOf(application: unknown): { name?: unknown; kind?: unknown; applicationNo?: unknown } {
  const a = (application as { applicant?: unknown; applicationNo?: unknown } | null)?.applicant;
  const applicationNo = (application as { applicationNo?: unknown } | null)?.applicationNo;
  return a && typeof a === 'object' ? { ...(a as object), applicationNo } : { applicationNo };
}

/**
 * The applicant kind of one status-table case (contract §3 `apply` needs it): first the kind the
 * portal prints in the case's own rows (rows that disagree → null); rows without one fall back to a
 * draft whose application number or applicant name matches the row. No match, or drafts that match
 * but disagree → null (unknown), never a guess from whichever draft was edited last.
 */
export function kindForStatusRows(rows: readonly Pick<StatusRow, 'applicationNo' | 'applicantName' | 'applicantKind'>[], drafts: readonly DraftLike[]): ApplicantKind | null {
  const own = new Set(rows.map((r) => r.applicantKind).filter((k): k is ApplicantKind => k === 'organization' || k === 'individual'));
  if (own.size > 1) return null;
  if (own.size === 1) return [...own][0]!;
  const kinds = new Set<ApplicantKind>();
  for (const d of drafts) {
    const a = applicantOf(d.application);
    if (a.kind !== 'organization' && a.kind !== 'individual') continue;
    const matches = rows.some(
      (r) => (r.applicationNo !== null && typeof a.applicationNo === 'string' && a.applicationNo.trim() === r.applicationNo.trim()) || (typeof a.name === 'string' && sameName(a.name, r.applicantName)),
    );
    if (matches) kinds.add(a.kind);
  }
  return kinds.size === 1 ? [...kinds][0]! : null;
}

const kindUnknown: Bilingual = {
  zh: '无法确定申报类型（组织/个人）：没有与该申报名称匹配的草稿，未记录该案件（第十条）',
  en: 'Applicant kind (organisation/individual) unknown: no draft matches this applicant, so the case was not recorded (Art. 10)',
};

/**
 * Status rows → case logs, each case with its OWN applicant kind (see kindForStatusRows). A case whose
 * kind is unknown gets no `apply` event (statusRowsToEvents reports it as unmapped); if the case is not
 * on record yet it is not created either, since a case header needs a kind.
 */
export async function syncStatusRowsByKind(rows: StatusRow[], drafts: readonly DraftLike[], deps: KindedSyncDeps): Promise<KindedSyncResult> {
  const groups = new Map<string, StatusRow[]>();
  for (const row of rows) {
    const key = row.applicationNo ?? `name:${row.applicantName}`;
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  const caseIds: string[] = [];
  const unmapped: KindedSyncResult['unmapped'] = [];
  for (const group of groups.values()) {
    let kind: ApplicantKind | null = kindForStatusRows(group, drafts);
    const read = kind ? deps.statusRowsToEvents(group, kind) : deps.statusRowsToEvents(group, undefined);
    unmapped.push(...(read.unmapped ?? []));
    if (!kind) {
      const first = group[0]!;
      const existing = (await deps.getCase(caseIdFor(first.applicationNo, first.applicantName))) as { kind?: unknown } | undefined;
      // A case already on record keeps the kind it was recorded with; later events may still be appended.
      if (existing?.kind === 'organization' || existing?.kind === 'individual') kind = existing.kind;
      else {
        unmapped.push(...group.map((row) => ({ row, reason: kindUnknown })));
        continue;
      }
    }
    const fixed = read;
    const ids = await syncStatusRows(group, {
      ...deps,
      statusRowsToEvents: () => fixed as { cases: { applicationNo: string | null; applicantName: string; events: EventLike[] }[] },
      applicantKind: kind,
    } as CaseSyncDeps);
    caseIds.push(...ids);
  }
  return { caseIds, unmapped };
}
