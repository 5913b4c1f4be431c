import type { IsoDate } from '../core/calendar.ts';
import { bansFromReplayedCases, type CaseBan, type ReplayedCaseEntry } from '../cases/staff.ts';

/**
 * `bansFromCases` (src/cases/staff.ts) read off views the page has already replayed, so the staff
 * page never folds 10,000 logs twice. Both run the same derivation (`bansFromReplayedCases`);
 * a unit test holds the two together. 第十四条 false material / fraud, 第十五条 incident, 第十六条 Mayor award lock.
 */
export function bansFromViews(entries: readonly ReplayedCaseEntry[], options?: { asOf?: IsoDate }): CaseBan[] {
  return bansFromReplayedCases(entries, options);
}
