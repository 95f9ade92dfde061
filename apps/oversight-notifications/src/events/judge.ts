import type { EventContext } from '@enforcement/service-kit';
import { unitFactsFromCase } from '../domain/event-facts.ts';
import type { FactUpdate } from '../domain/facts.ts';
import { derelictionKeyOf } from '../domain/notification.ts';
import { obligationsOf } from '../domain/obligations-of.ts';
import type { FactsStore } from '../store/facts-store.ts';
import type { NotificationStore } from '../store/notification-store.ts';
import type { ObligationStore } from '../store/obligation-store.ts';
import type { RulesStore } from '../store/rules-store.ts';
import { resolvedEvent } from './notification-events.ts';

/** What every consumed-event handler works with. */
export interface JudgeDeps {
  facts: FactsStore;
  obligations: ObligationStore;
  notifications: NotificationStore;
  rules: RulesStore;
  now: () => Date;
}

/**
 * Merges an event's facts into its subject, re-judges every rule of the subject and applies the
 * outcome: new obligations are stored (the sweep raises them when due), met ones resolve their
 * notification and any suspected-dereliction notice. Every step is idempotent, so a redelivery or a
 * crash-and-retry changes nothing twice.
 */
export async function judgeSubject(
  deps: JudgeDeps,
  update: FactUpdate,
  context: EventContext,
): Promise<void> {
  const facts = await deps.facts.merge(update);
  const { rules } = await deps.rules.current();
  const now = deps.now();
  for (const obligation of obligationsOf(update.subjectKey, facts, rules)) {
    const change = await deps.obligations.apply(obligation);
    if (change.kind !== 'meet') continue;
    const resolution = obligation.metBy ?? 'obligation_met';
    for (const key of [obligation, derelictionKeyOf(obligation)]) {
      await deps.notifications.resolve(
        key,
        resolution,
        (n) => resolvedEvent(n, resolution, context, now),
        now,
      );
    }
  }
  if (update.subjectKey.startsWith('case:')) {
    const unit = unitFactsFromCase(update.subjectKey.slice('case:'.length), facts);
    if (unit !== null) await judgeSubject(deps, unit, context);
  }
}

export function contextOf(event: { id: string; correlationId: string }): EventContext {
  return { correlationId: event.correlationId, causationId: event.id };
}
