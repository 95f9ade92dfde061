import type { EventContext } from '@enforcement/service-kit';
import type { Resolution } from '../domain/resolution.ts';
import { resolutionObligation } from '../domain/resolution-rules.ts';
import { type RepeatedOverdueDeps, reviewRepeatedOverdue } from '../scheduler/repeated-overdue.ts';
import type { ObligationStore } from '../store/obligation-store.ts';
import { resolvedEvent } from './notification-events.ts';

export interface WatchResolutionDeps extends RepeatedOverdueDeps {
  obligations: ObligationStore;
}

/**
 * Brings the `resolution_overdue` obligation in line with the resolution after each write: opened
 * when it is created (the sweep raises it at the due date), met when the chair completes it, which
 * resolves its notification and may bring the assignee's overdue count under the dereliction
 * threshold. Every step is idempotent, so running it again after a crash between the resolution's
 * write and this one completes what was left.
 */
export async function watchResolution(
  deps: WatchResolutionDeps,
  resolution: Resolution,
  context: EventContext,
  now: Date,
): Promise<void> {
  const obligation = resolutionObligation(resolution);
  await deps.obligations.apply(obligation);
  if (resolution.state !== 'completed') return;
  await deps.notifications.resolve(
    obligation,
    'obligation_met',
    (n) => resolvedEvent(n, 'obligation_met', context, now),
    now,
  );
  await reviewRepeatedOverdue(deps, now, context, {
    agency: resolution.assigneeAgency,
    province: resolution.province,
  });
}

/**
 * The routes' fast path, after the resolution and its event are written: a failure here must not turn
 * a stored write into a 500, or the client's retry (its Idempotency-Key released by the 500) would
 * store the resolution twice. The event in the outbox brings the service back here through its own
 * consumer (`on-resolution-written.ts`), so the watch still happens.
 */
export async function watchAfterWrite(
  deps: WatchResolutionDeps,
  resolution: Resolution,
  context: EventContext,
  now: Date,
  log: { warn(details: object, message: string): void },
): Promise<void> {
  try {
    await watchResolution(deps, resolution, context, now);
  } catch (error) {
    log.warn({ err: error, resolutionId: resolution.id }, 'resolution watch failed; its event will redo it');
  }
}
