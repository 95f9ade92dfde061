import { type Decision, invalidStep } from './refusal.ts';

/** Clocks of agency systems drift; a few minutes ahead of ours is not "in the future". */
export const CLOCK_SKEW_MS = 5 * 60_000;

/** A refusal when a reported instant lies in the future, else undefined. */
export function notInFuture<T>(instant: Date, now: Date, field: string): Decision<T> | undefined {
  if (instant.getTime() > now.getTime() + CLOCK_SKEW_MS) {
    return invalidStep(field, 'must not be in the future');
  }
  return undefined;
}
