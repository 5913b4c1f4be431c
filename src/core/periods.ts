import { z } from './zod-mini.ts';
import { addDays, addYears, isoDateSchema, type IsoDate } from './dates.ts';
import { parseOrThrow } from './zod-contract.ts';

/**
 * Periods counted in years, as the Civil Code counts them (民法典 第二百零一条、第二百零二条):
 * - 第二百零一条: a period counted in years starts on the day after the decision (the day itself
 *   does not count);
 * - 第二百零二条: its last day is the corresponding day of the last year; where that month has no
 *   corresponding day (Feb 29 in a common year), the month's last day.
 * So a 3-year ban decided on 2023-06-30 runs 2023-07-01 … 2026-06-30, and 2026-07-01 is free.
 * Used by the bans and locks of 第十四、十五、十六条 (and any award's like clauses).
 */
const yearsSchema = z.number().check(z.int()).check(z.positive());

/** The last day of a period of `years` years decided on `decidedOn` (inclusive). */
export function lastDayOfYears(decidedOn: IsoDate, years: number): IsoDate {
  parseOrThrow(isoDateSchema, decidedOn);
  parseOrThrow(yearsSchema, years);
  // addYears keeps the day, or takes the month's last day where there is none (Feb 29 → Feb 28).
  return addYears(decidedOn, years);
}

/** The first day after the period: the day one may apply again. */
export function firstDayAfterYears(decidedOn: IsoDate, years: number): IsoDate {
  return addDays(lastDayOfYears(decidedOn, years), 1);
}

/** The period itself, both ends inclusive. */
export function periodOfYears(decidedOn: IsoDate, years: number): { from: IsoDate; through: IsoDate } {
  return { from: addDays(parseOrThrow(isoDateSchema, decidedOn), 1), through: lastDayOfYears(decidedOn, years) };
}

/** How the messages cite the rule. */
export const civilCodePeriodCitation = {
  zh: '民法典第二百零一条、第二百零二条',
  en: 'Civil Code arts. 201–202',
} as const;
