import type { Obligation } from './obligation.ts';

/** What the store must do so the stored obligation matches what the facts now imply. */
export type ObligationChange =
  | { kind: 'insert' }
  | { kind: 'meet'; metAt: Date }
  | { kind: 'reopen' }
  | { kind: 'none' };

/**
 * Facts only grow, so an obligation goes open -> met once; the one exception is a new episode of a
 * rule that can recur (a unit losing its officers again), recognized by an opening after the meeting.
 */
export function reconcile(
  stored: Pick<Obligation, 'state' | 'metAt'> | null,
  derived: Obligation,
): ObligationChange {
  if (stored === null) return { kind: 'insert' };
  if (stored.state === 'open' && derived.state === 'met' && derived.metAt !== null)
    return { kind: 'meet', metAt: derived.metAt };
  if (
    stored.state === 'met' &&
    derived.state === 'open' &&
    stored.metAt !== null &&
    derived.openedAt > stored.metAt
  )
    return { kind: 'reopen' };
  return { kind: 'none' };
}
