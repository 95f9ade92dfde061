import type { Lot } from './lot.ts';
import { accept, type Decision, invalidStep } from './refusal.ts';
import { addSolarHijriMonths } from './solar-hijri.ts';
import { DAY_MS } from './time.ts';

/** The abandonment (متروکه) period set at warehousing, and the one extension allowed. */
export interface AbandonmentPolicy {
  months: number;
  maxExtensionMonths: number;
}

export const DEFAULT_ABANDONMENT_POLICY: AbandonmentPolicy = { months: 3, maxExtensionMonths: 2 };

/** The date warehoused goods count as abandoned: `months` Solar Hijri months after warehousing. */
export function abandonmentDueDate(warehousedAt: Date, policy: AbandonmentPolicy): Date {
  return addSolarHijriMonths(warehousedAt, policy.months);
}

/**
 * The lot with its abandonment date pushed out by `days`: once per lot, while it is held, by at
 * most `maxExtensionMonths` (Solar Hijri) past the date set at warehousing.
 */
export function extendAbandonment(
  lot: Lot,
  days: number,
  policy: AbandonmentPolicy,
  now: Date,
): Decision<Lot> {
  if (lot.status !== 'held' || lot.abandonmentDueAt === null) {
    return invalidStep('body', `only a held lot's abandonment date is extended; the lot is ${lot.status}`);
  }
  if (lot.abandonmentExtended) return invalidStep('body', 'the abandonment date was already extended once');
  const extended = new Date(lot.abandonmentDueAt.getTime() + days * DAY_MS);
  const limit = addSolarHijriMonths(lot.abandonmentDueAt, policy.maxExtensionMonths);
  if (extended.getTime() > limit.getTime()) {
    return invalidStep(
      'body.days',
      `must extend by at most ${policy.maxExtensionMonths} months (to ${limit.toISOString()})`,
    );
  }
  return accept({
    ...lot,
    abandonmentDueAt: extended,
    abandonmentExtended: true,
    version: lot.version + 1,
    updatedAt: now,
  });
}

/** Held past the abandonment date right now (the obligation the oversight rule watches). */
export function isPastAbandonment(lot: Pick<Lot, 'status' | 'abandonmentDueAt'>, now: Date): boolean {
  return (
    lot.status === 'held' && lot.abandonmentDueAt !== null && lot.abandonmentDueAt.getTime() < now.getTime()
  );
}
