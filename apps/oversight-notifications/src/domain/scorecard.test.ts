import { describe, expect, it } from 'vitest';
import {
  daysOf,
  median,
  type ObligationTally,
  type OpenNotificationCount,
  scorecardRows,
  sortScorecards,
} from './scorecard.ts';
import { DAY_MS } from './time.ts';

const tally = (over: Partial<ObligationTally> = {}): ObligationTally => ({
  agency: 'prosecutor',
  province: 'khuzestan',
  metOnTime: 0,
  metLate: 0,
  openOverdue: 0,
  openNotYetDue: 0,
  lateMetMs: [],
  overdueOpenMs: [],
  ...over,
});

const open = (over: Partial<OpenNotificationCount> = {}): OpenNotificationCount => ({
  agency: 'prosecutor',
  province: 'khuzestan',
  severity: 'warning',
  dereliction: false,
  count: 1,
  ...over,
});

describe('median', () => {
  it('is the middle value of an odd count, whatever the order', () => {
    expect(median([30, 4, 10])).toBe(10);
  });

  it('is the mean of the two middle values of an even count', () => {
    expect(median([46, 30])).toBe(38);
    expect(median([1, 2, 3, 100])).toBe(2.5);
  });

  it('is null when there is nothing to take the median of', () => {
    expect(median([])).toBeNull();
  });
});

describe('daysOf', () => {
  it('gives days to one decimal, so lateness under a day still shows', () => {
    expect(daysOf(10 * 3_600_000)).toBe(0.4);
    expect(daysOf(30 * DAY_MS)).toBe(30);
  });
});

describe('scorecard rows', () => {
  it('turns the counts of the database into a row with the on-time rate and both medians in days', () => {
    const [row] = scorecardRows(
      [
        tally({
          metOnTime: 1,
          metLate: 3,
          openOverdue: 3,
          openNotYetDue: 2,
          lateMetMs: [10 * DAY_MS, 4 * DAY_MS, 30 * DAY_MS],
          overdueOpenMs: [30 * DAY_MS, 46 * DAY_MS, 153 * DAY_MS],
        }),
      ],
      [],
    );
    expect(row).toEqual({
      agency: 'prosecutor',
      province: 'khuzestan',
      metOnTime: 1,
      metLate: 3,
      openOverdue: 3,
      openNotYetDue: 2,
      onTimeRate: 0.143,
      medianDaysLateMet: 10,
      medianDaysOverdueOpen: 46,
      openNotificationsBySeverity: { info: 0, warning: 0, high: 0, critical: 0 },
      derelictionsOpen: 0,
    });
  });

  it('has no on-time rate while nothing has fallen due', () => {
    const [row] = scorecardRows([tally({ openNotYetDue: 4 })], []);
    expect(row).toMatchObject({ onTimeRate: null, medianDaysLateMet: null, medianDaysOverdueOpen: null });
  });

  it('adds open notifications by severity and counts suspected dereliction apart', () => {
    const rows = scorecardRows(
      [tally({ metOnTime: 2 })],
      [
        open({ severity: 'warning', count: 3 }),
        open({ severity: 'high', count: 1 }),
        open({ severity: 'critical', dereliction: true, count: 2 }),
        open({ agency: 'customs', province: 'bushehr', severity: 'info', count: 5 }),
      ],
    );
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({
      agency: 'prosecutor',
      metOnTime: 2,
      openNotificationsBySeverity: { info: 0, warning: 3, high: 1, critical: 0 },
      derelictionsOpen: 2,
    });
    // An agency with open notifications and no counted obligation still gets its row.
    expect(rows[1]).toMatchObject({
      agency: 'customs',
      province: 'bushehr',
      metOnTime: 0,
      openNotificationsBySeverity: { info: 5, warning: 0, high: 0, critical: 0 },
    });
  });

  it('keeps the same agency of two provinces on two rows', () => {
    const rows = scorecardRows([tally({ metLate: 1 }), tally({ province: 'bushehr', metLate: 2 })], []);
    expect(rows.map((row) => [row.province, row.metLate])).toEqual([
      ['khuzestan', 1],
      ['bushehr', 2],
    ]);
  });
});

describe('sorting scorecards', () => {
  const rows = scorecardRows(
    [
      tally({ agency: 'tazirat', province: 'bushehr', openOverdue: 1 }),
      tally({ agency: 'prosecutor', openOverdue: 3, metLate: 1, lateMetMs: [10 * DAY_MS] }),
      tally({ agency: 'tazirat', openOverdue: 0, metLate: 1, lateMetMs: [20 * DAY_MS] }),
      tally({ agency: 'customs', openOverdue: 1 }),
    ],
    [],
  );
  const order = (sorted: { agency: string; province: string | null }[]) =>
    sorted.map((row) => `${row.agency}/${row.province}`);

  it('puts the most overdue first, ties by agency then province', () => {
    expect(order(sortScorecards(rows, 'openOverdue', 'desc'))).toEqual([
      'prosecutor/khuzestan',
      'customs/khuzestan',
      'tazirat/bushehr',
      'tazirat/khuzestan',
    ]);
  });

  it('puts rows without a median last in either order', () => {
    expect(order(sortScorecards(rows, 'medianDaysLate', 'desc')).slice(0, 2)).toEqual([
      'tazirat/khuzestan',
      'prosecutor/khuzestan',
    ]);
    expect(order(sortScorecards(rows, 'medianDaysLate', 'asc')).slice(0, 2)).toEqual([
      'prosecutor/khuzestan',
      'tazirat/khuzestan',
    ]);
    expect(sortScorecards(rows, 'medianDaysLate', 'asc').at(-1)?.medianDaysLateMet).toBeNull();
  });
});
