import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, compareDates, daysInMonth, formatIsoDate } from '../../../src/core/dates.ts';
import { firstDayAfterYears, lastDayOfYears, periodOfYears } from '../../../src/core/periods.ts';

describe('periods in years per 民法典 第二百零一条/第二百零二条', () => {
  it('a 3-year period decided 2023-06-30 starts 2023-07-01 and ends 2026-06-30; 2026-07-01 is free', () => {
    expect(periodOfYears('2023-06-30', 3)).toEqual({ from: '2023-07-01', through: '2026-06-30' });
    expect(lastDayOfYears('2023-06-30', 3)).toBe('2026-06-30');
    expect(firstDayAfterYears('2023-06-30', 3)).toBe('2026-07-01');
  });

  it('decided on Feb 29: no corresponding day in a common year, so the month\'s last day (02-28) ends it', () => {
    expect(lastDayOfYears('2024-02-29', 3)).toBe('2027-02-28');
    expect(firstDayAfterYears('2024-02-29', 3)).toBe('2027-03-01');
    expect(lastDayOfYears('2024-02-29', 4)).toBe('2028-02-29');
  });

  it('property: the last day is in the Nth year, same month, the same day or the month\'s last day, and never before the decision', () => {
    const date = fc
      .record({ year: fc.integer({ min: 1990, max: 2100 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 31 }) })
      .map(({ year, month, day }) => formatIsoDate({ year, month, day: Math.min(day, daysInMonth(year, month)) }));
    fc.assert(
      fc.property(date, fc.integer({ min: 1, max: 10 }), (decided, years) => {
        const last = lastDayOfYears(decided, years);
        const [y, m, d] = decided.split('-').map(Number) as [number, number, number];
        const [ly, lm, ld] = last.split('-').map(Number) as [number, number, number];
        expect(ly).toBe(y + years);
        expect(lm).toBe(m);
        expect(ld).toBe(Math.min(d, daysInMonth(ly, lm)));
        expect(compareDates(last, decided)).toBeGreaterThan(0);
        expect(firstDayAfterYears(decided, years)).toBe(addDays(last, 1));
        expect(periodOfYears(decided, years).from).toBe(addDays(decided, 1));
      }),
    );
  });

  it('rejects a malformed date or a non-positive count instead of answering wrongly', () => {
    expect(() => lastDayOfYears('2023-02-30', 3)).toThrow();
    expect(() => lastDayOfYears('2023-06-30', 0)).toThrow();
    expect(() => lastDayOfYears('2023-06-30', 1.5)).toThrow();
  });
});
