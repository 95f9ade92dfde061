import { DAY_MS } from './time.ts';

/** A calendar date in the Solar Hijri calendar (as people in Iran read dates). */
export interface SolarHijriDate {
  year: number;
  month: number;
  day: number;
}

const formatter = new Intl.DateTimeFormat('en-US-u-ca-persian-nu-latn', {
  timeZone: 'Asia/Tehran',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
});

/** The Solar Hijri date of an instant, in Iran's time zone. */
export function solarHijriDateOf(instant: Date): SolarHijriDate {
  const parts = formatter.formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    Number.parseInt(parts.find((candidate) => candidate.type === type)?.value ?? '', 10);
  return { year: part('year'), month: part('month'), day: part('day') };
}

function compare(a: SolarHijriDate, b: SolarHijriDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/** `yyyy/mm/dd` as written on Iranian forms. */
export function formatSolarHijri(date: SolarHijriDate): string {
  return `${date.year}/${String(date.month).padStart(2, '0')}/${String(date.day).padStart(2, '0')}`;
}

/**
 * The instant `months` Solar Hijri months after `from`, at the same time of day: legal periods such
 * as the 3 months before goods count as abandoned run in the Iranian calendar, whose months have 31,
 * 30 or 29 days. A day past the end of the target month clamps to its last day (31 Shahrivar + 1
 * month = 30 Mehr). Iran has no daylight saving time, so whole days are 24 hours.
 */
export function addSolarHijriMonths(from: Date, months: number): Date {
  const start = solarHijriDateOf(from);
  const monthIndex = start.month - 1 + months;
  const target = {
    year: start.year + Math.floor(monthIndex / 12),
    month: (((monthIndex % 12) + 12) % 12) + 1,
    day: start.day,
  };
  // Months are 29 to 31 days: start a few days short and walk forward; at most ~10 steps.
  let candidate = new Date(from.getTime() + (months * 29 - 2) * DAY_MS);
  let last = candidate;
  for (let step = 0; step < 3 * Math.abs(months) + 40; step += 1) {
    const date = solarHijriDateOf(candidate);
    const order = compare(date, target);
    if (order === 0) return candidate;
    if (order > 0) return date.month !== target.month ? last : candidate;
    last = candidate;
    candidate = new Date(candidate.getTime() + DAY_MS);
  }
  throw new RangeError(`could not add ${months} Solar Hijri months to ${from.toISOString()}`);
}
