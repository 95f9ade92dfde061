import { accept, type Decision, invalidStep } from './refusal.ts';

/** Clocks of agency systems drift; a few minutes ahead of ours is not "in the future". */
export const CLOCK_SKEW_MS = 5 * 60_000;

export const DAY_MS = 86_400_000;

/** A reported instant (or now when absent), refused when in the future or before `notBefore`. */
export function reportedTime(
  at: string | undefined,
  now: Date,
  notBefore: { instant: Date; what: string },
  field: string,
): Decision<Date> {
  if (at === undefined) return accept(now);
  const instant = new Date(at);
  if (instant.getTime() > now.getTime() + CLOCK_SKEW_MS)
    return invalidStep(field, 'must not be in the future');
  if (instant.getTime() < notBefore.instant.getTime()) {
    return invalidStep(field, `must not be before ${notBefore.what}`);
  }
  return accept(instant);
}
