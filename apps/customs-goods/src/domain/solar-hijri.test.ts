import { describe, expect, it } from 'vitest';
import { DEFAULT_ABANDONMENT_POLICY, extendAbandonment } from './abandonment.ts';
import type { Lot } from './lot.ts';
import { addSolarHijriMonths, formatSolarHijri, solarHijriDateOf } from './solar-hijri.ts';

const shamsi = (instant: Date) => formatSolarHijri(solarHijriDateOf(instant));

describe('Solar Hijri dates', () => {
  it('reads an instant in Iran’s time zone: 20:30 UTC on 20 March is already Nowruz 1404', () => {
    expect(shamsi(new Date('2025-03-20T20:30:00Z'))).toBe('1404/01/01');
    expect(shamsi(new Date('2025-03-20T20:00:00Z'))).toBe('1403/12/30');
  });

  it('adds months across the new year at the same time of day', () => {
    const warehoused = new Date('2025-03-15T06:00:00Z'); // 1403/12/25
    const due = addSolarHijriMonths(warehoused, 3);
    expect(shamsi(due)).toBe('1404/03/25');
    expect(due.getUTCHours()).toBe(6);
  });

  it('clamps to the last day of a shorter month: 31 Shahrivar + 1 month is 30 Mehr', () => {
    const lastOfShahrivar = new Date('2025-09-22T06:00:00Z'); // 1404/06/31
    expect(shamsi(lastOfShahrivar)).toBe('1404/06/31');
    expect(shamsi(addSolarHijriMonths(lastOfShahrivar, 1))).toBe('1404/07/30');
  });

  it('allows one extension of at most two months past the date set at warehousing', () => {
    const lot = {
      status: 'held',
      abandonmentDueAt: new Date('2025-06-15T06:00:00Z'),
      abandonmentExtended: false,
      version: 2,
    } as Lot;
    const now = new Date('2025-06-01T00:00:00Z');
    const extended = extendAbandonment(lot, 60, DEFAULT_ABANDONMENT_POLICY, now);
    expect(extended.ok && extended.value.abandonmentDueAt?.toISOString()).toBe('2025-08-14T06:00:00.000Z');
    expect(extended.ok && extendAbandonment(extended.value, 1, DEFAULT_ABANDONMENT_POLICY, now).ok).toBe(
      false,
    );
    // 1 Dey 1404 + 2 months = 1 Esfand: Dey and Bahman have 30 days, so 61 days is past it.
    const inDey = { ...lot, abandonmentDueAt: new Date('2025-12-22T06:00:00Z') };
    expect(shamsi(inDey.abandonmentDueAt)).toBe('1404/10/01');
    expect(extendAbandonment(inDey, 60, DEFAULT_ABANDONMENT_POLICY, now).ok).toBe(true);
    const tooLong = extendAbandonment(inDey, 61, DEFAULT_ABANDONMENT_POLICY, now);
    expect(!tooLong.ok && tooLong.refusal).toMatchObject({ field: 'body.days' });
  });
});
