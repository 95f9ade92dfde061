import { describe, expect, it } from 'vitest';
import { dwellSummary, percentile } from './dwell.ts';

describe('dwell arithmetic', () => {
  it('takes nearest-rank percentiles', () => {
    const days = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(percentile(days, 50)).toBe(5);
    expect(percentile(days, 90)).toBe(9);
    expect(percentile([], 50)).toBe(0);
  });

  it('counts whole days across the Solar Hijri new year (no day lost at Nowruz)', () => {
    // Held on 1403/12/28 (18 March 2025); the report runs on 1404/01/05 (25 March 2025).
    const now = new Date('2025-03-25T08:00:00Z');
    expect(dwellSummary([new Date('2025-03-18T08:00:00Z')], now)).toEqual({ p50: 7, p90: 7, max: 7 });
  });

  it('summarizes a group from the instants its lots were first held', () => {
    const now = new Date('2025-10-05T00:00:00Z');
    const heldSince = [0, 10, 20, 30, 400].map((days) => new Date(now.getTime() - days * 86_400_000));
    expect(dwellSummary(heldSince, now)).toEqual({ p50: 20, p90: 400, max: 400 });
  });
});
