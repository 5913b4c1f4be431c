/**
 * Calendar dates in China time (Asia/Shanghai), as ISO `YYYY-MM-DD` strings. No time of day.
 * Everything here is pure arithmetic on the proleptic Gregorian calendar, independent of the
 * machine's time zone.
 */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

export interface DateParts {
  year: number;
  month: number;
  day: number;
}

/** Parses a real calendar date; `null` for anything else (2023-02-30, 2023-13-01, "2023-1-1"). */
export function parseIsoDate(text: string): DateParts | null {
  const m = ISO_DATE.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (year < 1900 || year > 2999 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

export function isIsoDate(text: unknown): text is IsoDate {
  return typeof text === 'string' && parseIsoDate(text) !== null;
}

export function formatIsoDate({ year, month, day }: DateParts): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function partsOf(date: IsoDate): DateParts {
  const parts = parseIsoDate(date);
  if (!parts) throw new RangeError(`not a calendar date: ${date}`);
  return parts;
}

/**
 * Adds whole years. Feb 29 + N years is Feb 28 when the target year is not a leap year
 * (contract §1, counting rule).
 */
export function addYears(date: IsoDate, years: number): IsoDate {
  const { year, month, day } = partsOf(date);
  const y = year + years;
  return formatIsoDate({ year: y, month, day: Math.min(day, daysInMonth(y, month)) });
}

/** Days since 1970-01-01 for a calendar date (UTC arithmetic: a calendar date has no zone). */
export function toDayNumber(date: IsoDate): number {
  const { year, month, day } = partsOf(date);
  return Math.round(Date.UTC(year, month - 1, day) / 86_400_000);
}

export function fromDayNumber(n: number): IsoDate {
  const d = new Date(n * 86_400_000);
  return formatIsoDate({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() });
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** ISO dates of one format compare correctly as strings. */
export function compareDates(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * "N 年以上": true when `since` is at least N whole years before `asOf`. The day exactly N years
 * before counts (contract §1).
 */
export function atLeastYearsBefore(since: IsoDate, asOf: IsoDate, years: number): boolean {
  return compareDates(addYears(since, years), asOf) <= 0;
}

/**
 * "近 N 年 / N 年以内": true when `date` lies within the N years up to and including `asOf`.
 * A date exactly N years before `asOf` is inside the window; a date after `asOf` is not yet past.
 */
export function withinYearsBefore(date: IsoDate, asOf: IsoDate, years: number): boolean {
  return compareDates(addYears(date, years), asOf) >= 0 && compareDates(date, asOf) <= 0;
}

/** Today's calendar date in China time, whatever the machine's zone. */
export function todayInChina(now: Date = new Date()): IsoDate {
  const shanghai = new Date(now.getTime() + 8 * 3_600_000); // China has had no DST since 1991
  return formatIsoDate({
    year: shanghai.getUTCFullYear(),
    month: shanghai.getUTCMonth() + 1,
    day: shanghai.getUTCDate(),
  });
}
