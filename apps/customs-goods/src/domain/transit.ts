import type { Quantity } from '@enforcement/contracts';
import type { Lot, Transit, TransitDiscrepancy } from './lot.ts';
import type { Office } from './offices.ts';
import { accept, type Decision, invalidStep } from './refusal.ts';
import { reportedTime } from './time.ts';

export interface TransitRequest {
  destinationOfficeId: string;
  quantity: Quantity;
  expectedArrivalAt: string;
}

/** A transit from the lot's office towards another office, opened by the lot's exit at `at`. */
export function openTransit(
  lot: Lot,
  request: TransitRequest,
  context: { at: Date; destination: Office | undefined; transitId: string },
): Decision<Transit> {
  const { destination, at } = context;
  if (destination === undefined || destination.id !== request.destinationOfficeId) {
    return invalidStep('body.transit.destinationOfficeId', `no office ${request.destinationOfficeId}`);
  }
  if (!destination.active)
    return invalidStep('body.transit.destinationOfficeId', `office ${destination.id} is inactive`);
  if (destination.id === lot.officeId) {
    return invalidStep('body.transit.destinationOfficeId', 'must be another office than the lot’s');
  }
  if (request.quantity.unit !== lot.quantity.unit) {
    return invalidStep('body.transit.quantity.unit', `must be ${lot.quantity.unit}, the unit of the lot`);
  }
  const expectedArrivalAt = new Date(request.expectedArrivalAt);
  if (expectedArrivalAt.getTime() <= at.getTime()) {
    return invalidStep('body.transit.expectedArrivalAt', 'must be after the exit');
  }
  return accept({
    transitId: context.transitId,
    state: 'open',
    origin: { officeId: lot.officeId, province: lot.province },
    destination: { officeId: destination.id, province: destination.province },
    quantityAtExit: request.quantity,
    quantityAtArrival: null,
    exitedAt: at,
    expectedArrivalAt,
    arrivedAt: null,
    discrepancy: null,
  });
}

/** Shortage or excess of what arrived against what left; null when they match. */
export function discrepancyOf(sent: Quantity, received: Quantity): TransitDiscrepancy | null {
  // Amounts are decimals (kg, litres): compare at a micro-unit so float noise is not a discrepancy.
  const difference = Math.round((received.amount - sent.amount) * 1e6) / 1e6;
  if (difference === 0) return null;
  return {
    direction: difference < 0 ? 'shortage' : 'excess',
    difference: { amount: Math.abs(difference), unit: sent.unit },
  };
}

/** The transit closed by the destination's record of the arrival. */
export function recordArrival(
  transit: Transit,
  arrival: { quantity: Quantity; arrivedAt: string | undefined },
  now: Date,
): Decision<Transit> {
  if (transit.state === 'closed') return invalidStep('body', `transit ${transit.transitId} already arrived`);
  if (arrival.quantity.unit !== transit.quantityAtExit.unit) {
    return invalidStep(
      'body.quantity.unit',
      `must be ${transit.quantityAtExit.unit}, the unit it was sent in`,
    );
  }
  const arrivedAt = reportedTime(
    arrival.arrivedAt,
    now,
    { instant: transit.exitedAt, what: 'the exit' },
    'body.arrivedAt',
  );
  if (!arrivedAt.ok) return arrivedAt;
  return accept({
    ...transit,
    state: 'closed',
    quantityAtArrival: arrival.quantity,
    arrivedAt: arrivedAt.value,
    discrepancy: discrepancyOf(transit.quantityAtExit, arrival.quantity),
  });
}

/** Open past its expected arrival. */
export function isOverdue(transit: Transit, now: Date): boolean {
  return transit.state === 'open' && transit.expectedArrivalAt.getTime() < now.getTime();
}
