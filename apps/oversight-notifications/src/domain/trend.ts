import { DAY_MS } from './time.ts';
import { datesOf } from './wording.ts';

/** The UTC calendar day of an instant, `YYYY-MM-DD`: the day buckets of the overview. */
export function utcDayOf(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}

/** The last `count` UTC days, ending with the day of `now`, and the instants bounding them. */
export interface TrendWindow {
  days: string[];
  /** Start of the first day (inclusive). */
  start: Date;
  /** Start of the day after the last (exclusive). */
  end: Date;
}

export function trendWindow(now: Date, count: number): TrendWindow {
  const today = Math.floor(now.getTime() / DAY_MS) * DAY_MS;
  const first = today - (count - 1) * DAY_MS;
  const days = Array.from({ length: count }, (_, i) => utcDayOf(new Date(first + i * DAY_MS)));
  return { days, start: new Date(first), end: new Date(today + DAY_MS) };
}

/**
 * The Solar Hijri label of a UTC day, as people in Iran read dates. Taken at noon UTC (15:30 in
 * Tehran), so the Tehran calendar day is the same one.
 */
export function persianDayLabel(day: string): string {
  return datesOf(new Date(`${day}T12:00:00.000Z`)).fa;
}

/** One day of the trend of notifications. */
export interface TrendDay {
  day: string;
  dayFa: string;
  raised: number;
  resolved: number;
  openAtEndOfDay: number;
}

/**
 * Per day: notifications raised, resolved, and open when the day ended, carried forward from the
 * count open when the window started (so the database only counts events per day).
 */
export function trendOf(
  days: readonly string[],
  openAtStart: number,
  raised: ReadonlyMap<string, number>,
  resolved: ReadonlyMap<string, number>,
): TrendDay[] {
  let open = openAtStart;
  return days.map((day) => {
    const raisedThatDay = raised.get(day) ?? 0;
    const resolvedThatDay = resolved.get(day) ?? 0;
    open += raisedThatDay - resolvedThatDay;
    return {
      day,
      dayFa: persianDayLabel(day),
      raised: raisedThatDay,
      resolved: resolvedThatDay,
      openAtEndOfDay: open,
    };
  });
}
