import { describe, expect, it } from 'vitest';
import { persianDayLabel, trendOf, trendWindow, utcDayOf } from './trend.ts';

describe('day buckets of the overview', () => {
  it('cuts days at midnight UTC', () => {
    expect(utcDayOf(new Date('2025-06-01T23:59:59.999Z'))).toBe('2025-06-01');
    expect(utcDayOf(new Date('2025-06-02T00:00:00.000Z'))).toBe('2025-06-02');
  });

  it('spans the last N days ending today, bounded by midnights', () => {
    const window = trendWindow(new Date('2025-03-02T15:00:00.000Z'), 3);
    expect(window.days).toEqual(['2025-02-28', '2025-03-01', '2025-03-02']);
    expect(window.start.toISOString()).toBe('2025-02-28T00:00:00.000Z');
    expect(window.end.toISOString()).toBe('2025-03-03T00:00:00.000Z');
  });

  it('labels each day in the Solar Hijri calendar', () => {
    expect(persianDayLabel('2025-03-21')).toBe('۱ فروردین ۱۴۰۴');
    expect(persianDayLabel('2025-06-01')).toBe('۱۱ خرداد ۱۴۰۴');
  });

  it('carries the open count forward from the start of the window through raised and resolved', () => {
    const trend = trendOf(
      ['2025-04-01', '2025-04-02', '2025-04-03'],
      2,
      new Map([
        ['2025-04-01', 3],
        ['2025-04-03', 1],
      ]),
      new Map([['2025-04-02', 4]]),
    );
    expect(trend.map(({ dayFa: _fa, ...day }) => day)).toEqual([
      { day: '2025-04-01', raised: 3, resolved: 0, openAtEndOfDay: 5 },
      { day: '2025-04-02', raised: 0, resolved: 4, openAtEndOfDay: 1 },
      { day: '2025-04-03', raised: 1, resolved: 0, openAtEndOfDay: 2 },
    ]);
  });
});
