import { type AnyEvent, newEvent } from '@enforcement/contracts';
import type { EventContext } from '@enforcement/service-kit';
import type { StatusChange } from '../domain/lifecycle.ts';
import type { Lot, Transit } from '../domain/lot.ts';

function envelope(lot: Lot, context: EventContext, occurredAt: Date) {
  return {
    version: 1 as const,
    subjectId: lot.id,
    correlationId: context.correlationId,
    causationId: context.causationId,
    occurredAt,
  };
}

export function lotRegisteredEvent(lot: Lot, context: EventContext): AnyEvent {
  return newEvent('goods.lot_registered', {
    ...envelope(lot, context, lot.registeredAt),
    payload: {
      lotId: lot.id,
      officeId: lot.officeId,
      province: lot.province,
      description: lot.description,
      hsCode: lot.hsCode,
      category: lot.category,
      quantity: lot.quantity,
      valueRials: lot.valueRials,
      caseId: lot.caseId,
      arrivedAt: lot.arrivedAt.toISOString(),
    },
  });
}

export function statusChangedEvent(lot: Lot, change: StatusChange, context: EventContext): AnyEvent {
  return newEvent('goods.status_changed', {
    ...envelope(lot, context, change.at),
    payload: {
      lotId: lot.id,
      officeId: lot.officeId,
      province: lot.province,
      category: lot.category,
      from: change.from,
      to: change.to,
      heldSince: lot.heldSince?.toISOString() ?? null,
      caseId: lot.caseId,
      changedAt: change.at.toISOString(),
    },
  });
}

function transitFields(lot: Lot, transit: Transit) {
  return {
    transitId: transit.transitId,
    lotId: lot.id,
    origin: transit.origin,
    destination: transit.destination,
    quantityAtExit: transit.quantityAtExit,
  };
}

export function transitOpenedEvent(lot: Lot, transit: Transit, context: EventContext): AnyEvent {
  return newEvent('goods.transit_opened', {
    ...envelope(lot, context, transit.exitedAt),
    payload: { ...transitFields(lot, transit), exitedAt: transit.exitedAt.toISOString() },
  });
}

/** The arrival's events: the transit closed and, when quantities differ, the discrepancy at once. */
export function arrivalEvents(lot: Lot, transit: Transit, context: EventContext, now: Date): AnyEvent[] {
  const { quantityAtArrival, arrivedAt, discrepancy } = transit;
  if (quantityAtArrival === null || arrivedAt === null)
    throw new Error(`transit ${transit.transitId} has not arrived`);
  const closed = newEvent('goods.transit_closed', {
    ...envelope(lot, context, arrivedAt),
    payload: {
      ...transitFields(lot, transit),
      quantityAtArrival,
      exitedAt: transit.exitedAt.toISOString(),
      arrivedAt: arrivedAt.toISOString(),
    },
  });
  if (discrepancy === null) return [closed];
  const mismatch = newEvent('goods.transit_discrepancy', {
    ...envelope(lot, context, now),
    payload: {
      ...transitFields(lot, transit),
      quantityAtArrival,
      direction: discrepancy.direction,
      difference: discrepancy.difference,
      detectedAt: now.toISOString(),
    },
  });
  return [closed, mismatch];
}
