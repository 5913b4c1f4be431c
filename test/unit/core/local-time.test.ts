import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatLocalTime } from '../../../src/core/local-time.ts';

describe('formatLocalTime: recorded moments in China time (Asia/Shanghai)', () => {
  it('shows a UTC evening as the next morning in China', () => {
    expect(formatLocalTime('2026-07-01T17:30:00.000Z')).toBe('2026-07-02 01:30');
    expect(formatLocalTime('2026-07-01T01:05:09Z')).toBe('2026-07-01 09:05');
    expect(formatLocalTime('2026-07-01T09:05:00+08:00')).toBe('2026-07-01 09:05');
  });
  it('is UTC + 8 hours for any moment (China has kept no daylight saving since 1991)', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1992-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }), (d) => {
        const shifted = new Date(d.getTime() + 8 * 3600_000).toISOString();
        expect(formatLocalTime(d.toISOString())).toBe(`${shifted.slice(0, 10)} ${shifted.slice(11, 16)}`);
      }),
    );
  });
  it('leaves text that is not a time as it is', () => {
    expect(formatLocalTime('not a time')).toBe('not a time');
  });
});
