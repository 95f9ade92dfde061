import type { CaseCategory, CaseStatus } from '@enforcement/contracts';

/** How long a case may stay open after registration before it is overdue for determination. */
export interface DeterminationPolicy {
  days: number;
  /** Fuel smuggling is the workgroup's top priority, so its deadline is shorter. */
  fuelDays: number;
}

export const DEFAULT_DETERMINATION_POLICY: DeterminationPolicy = { days: 90, fuelDays: 30 };

const DAY_MS = 86_400_000;

export function determinationDeadline(
  registeredAt: Date,
  category: CaseCategory,
  policy: DeterminationPolicy,
): Date {
  const days = category === 'fuel' ? policy.fuelDays : policy.days;
  return new Date(registeredAt.getTime() + days * DAY_MS);
}

/** Overdue once the deadline has passed while the case is still open; a closed case never is. */
export function isOverdueForDetermination(
  kase: { status: CaseStatus; determinationDueAt: Date },
  now: Date,
): boolean {
  return kase.status !== 'closed' && kase.determinationDueAt.getTime() < now.getTime();
}
