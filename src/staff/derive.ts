import { compareDates, type IsoDate } from '../core/calendar.ts';
import { bi, type Bilingual } from '../core/i18n.ts';
import type { CaseView } from '../cases/replay.ts';
import type { CaseBan, CaseReward } from '../cases/staff.ts';
import type { ApplicantKind } from '../../machines/case.events.ts';
import type { StaffCaseRow } from './rows.ts';

/** A case header as the staff page stores it (see src/storage db.ts `cases`). */
export interface StaffCaseHeader {
  id: string;
  year: number;
  kind: ApplicantKind;
  applicantName: string;
  creditCode?: string | null;
  recommender?: string | null;
}

/** The list row of a case; the recommender signed on the log wins over the one typed in the header. */
export function staffRowOf(header: StaffCaseHeader, view: CaseView | null, eventCount: number): StaffCaseRow {
  return {
    id: header.id,
    year: header.year,
    kind: header.kind,
    applicantName: header.applicantName,
    creditCode: header.creditCode ?? null,
    recommender: view?.recommendedBy ?? header.recommender ?? null,
    stage: view?.stage ?? 'draft',
    tier: view?.tier ?? null,
    stageSince: view?.stageSince ?? null,
    eventCount,
    refusedCount: view?.rejected.length ?? 0,
  };
}

const sameCode = (a: string | null | undefined, b: string | null | undefined) =>
  !!a && !!b && a.trim().toUpperCase() === b.trim().toUpperCase();
const sameName = (a: string | null | undefined, b: string | null | undefined) =>
  !!a && !!b && a.normalize('NFKC').replace(/\s+/g, '') === b.normalize('NFKC').replace(/\s+/g, '');

/**
 * 第十四条–第十六条: the bans and locks that stop a new application by this applicant on `asOf`
 * (its submission date): decided on or before that day and not yet over. The same applicant is the same credit code, or the same name when either
 * side has no code.
 */
export function bansAgainstApplicant(
  applicant: { applicantName: string; creditCode?: string | null },
  bans: readonly CaseBan[],
  headers: ReadonlyMap<string, StaffCaseHeader>,
  asOf: IsoDate,
): CaseBan[] {
  return bans.filter((ban) => {
    if (compareDates(ban.until, asOf) < 0 || compareDates(ban.from, asOf) > 0) return false;
    const h = headers.get(ban.caseId);
    if (!h) return false;
    if (applicant.creditCode && h.creditCode) return sameCode(applicant.creditCode, h.creditCode);
    return sameName(applicant.applicantName, h.applicantName);
  });
}

export interface YearRewards {
  items: (CaseReward & { caseId: string; applicantName: string })[];
  /** Paid out: revoked awards are recalled (第十四条/第十五条) and not counted. */
  totalYuan: number;
}

export function yearRewards(entries: readonly { header: StaffCaseHeader; reward: CaseReward | null }[]): YearRewards {
  const items = entries
    .filter((e): e is { header: StaffCaseHeader; reward: CaseReward } => e.reward !== null)
    .map((e) => ({ ...e.reward, caseId: e.header.id, applicantName: e.header.applicantName }));
  return { items, totalYuan: items.reduce((sum, r) => sum + (r.recalled ? 0 : r.yuan), 0) };
}

export { formatYuan } from '../policy/rewards.ts';
