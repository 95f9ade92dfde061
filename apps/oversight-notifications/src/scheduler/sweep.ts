import { randomUUID } from 'node:crypto';
import type { EventContext } from '@enforcement/service-kit';
import { derelictionFor, escalationOf, notificationFor } from '../domain/notification.ts';
import { escalatedEvent, raisedEvent, resolvedEvent } from '../events/notification-events.ts';
import type { NotificationStore } from '../store/notification-store.ts';
import type { ObligationDocument, ObligationStore } from '../store/obligation-store.ts';
import type { ResolutionStore } from '../store/resolution-store.ts';
import type { RulesStore } from '../store/rules-store.ts';
import { reviewRepeatedOverdue } from './repeated-overdue.ts';

export interface SweepDeps {
  obligations: ObligationStore;
  notifications: NotificationStore;
  rules: RulesStore;
  /** Repeated overdue resolutions of one agency office raise suspected dereliction. */
  resolutions: ResolutionStore;
  newId: () => string;
  /** This replica's name in leases. */
  owner: string;
  /** How long a claim holds if the replica dies mid-way. */
  leaseMs: number;
  /** At most this many obligations and escalations per sweep; the rest wait for the next one. */
  batch: number;
}

export interface SweepReport {
  raised: number;
  derelictions: number;
  escalated: number;
}

/**
 * One pass of the scheduler at `now`: raises notifications for obligations that fell due, suspected
 * dereliction for those past their escalation point, and escalates unacknowledged notifications.
 * Obligations are claimed one at a time by indexed due time (a lease), and the unique open index
 * backs it up, so replicas sweeping at once never raise the same notification twice.
 */
export async function sweep(deps: SweepDeps, now: Date): Promise<SweepReport> {
  const report: SweepReport = { raised: 0, derelictions: 0, escalated: 0 };
  const { rules } = await deps.rules.current();
  const context: EventContext = { correlationId: randomUUID(), causationId: null };
  for (let handled = 0; handled < deps.batch; handled += 1) {
    const due = await deps.obligations.claimDue(now, deps.owner, deps.leaseMs);
    if (due === null) break;
    if (due.raisedAt === null) {
      const id = deps.newId();
      const raised = await deps.notifications.raise(
        (seq) => notificationFor(due, { id, seq }, now, rules),
        (stored) => raisedEvent(stored, context),
        now,
      );
      if (raised !== null) report.raised += 1;
      const pending = due.derelictAt;
      await deps.obligations.release(due._id, deps.owner, { raisedAt: now, nextCheckAt: pending });
    } else if (due.derelictionRaisedAt === null && due.derelictAt !== null && due.derelictAt <= now) {
      const id = deps.newId();
      const raised = await deps.notifications.raise(
        (seq) => derelictionFor(due, { id, seq }, now, rules),
        (stored) => raisedEvent(stored, context),
        now,
      );
      if (raised !== null) report.derelictions += 1;
      await deps.obligations.release(due._id, deps.owner, { derelictionRaisedAt: now, nextCheckAt: null });
    } else {
      await deps.obligations.release(due._id, deps.owner, { nextCheckAt: null });
    }
    await resolveIfMetMeanwhile(deps, due, context, now);
  }
  report.derelictions += await reviewRepeatedOverdue(deps, now, context);
  report.escalated = await escalate(deps, now, context);
  return report;
}

/** The obligation may have been met while we raised: whoever writes second sees the other's write. */
async function resolveIfMetMeanwhile(
  deps: SweepDeps,
  due: ObligationDocument,
  context: EventContext,
  now: Date,
) {
  const current = await deps.obligations.find(due.ruleId, due.subjectKey);
  if (current?.state !== 'met') return;
  const resolution = current.metBy ?? 'obligation_met';
  await deps.notifications.resolve(due, resolution, (n) => resolvedEvent(n, resolution, context, now), now);
}

async function escalate(deps: SweepDeps, now: Date, context: EventContext): Promise<number> {
  const { rules } = await deps.rules.current();
  let escalated = 0;
  for (const n of await deps.notifications.dueForEscalation(now, deps.batch)) {
    const step = escalationOf(n, now, rules);
    // A notification at the last level has no escalation time, so it is never listed here.
    if (step === null) continue;
    const event = (next: typeof n) => escalatedEvent(next, n.level, context, now);
    if (await deps.notifications.escalate(n, step, event, now)) escalated += 1;
  }
  return escalated;
}
