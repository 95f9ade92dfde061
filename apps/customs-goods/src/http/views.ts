import type { LotTransitView, LotView, OfficeView } from '@enforcement/contracts';
import { isPastAbandonment } from '../domain/abandonment.ts';
import { dwellDays } from '../domain/lifecycle.ts';
import type { Lot, Transit } from '../domain/lot.ts';
import type { Office } from '../domain/offices.ts';
import { isOverdue } from '../domain/transit.ts';

export function transitView(lotId: string, transit: Transit, now: Date): LotTransitView {
  return {
    transitId: transit.transitId,
    lotId,
    state: transit.state,
    origin: transit.origin,
    destination: transit.destination,
    quantityAtExit: transit.quantityAtExit,
    quantityAtArrival: transit.quantityAtArrival,
    exitedAt: transit.exitedAt.toISOString(),
    expectedArrivalAt: transit.expectedArrivalAt.toISOString(),
    arrivedAt: transit.arrivedAt?.toISOString() ?? null,
    overdue: isOverdue(transit, now),
    discrepancy: transit.discrepancy,
  };
}

/** The lot as clients read it: instants as ISO text, and its dwell and abandonment right now. */
export function lotView(lot: Lot, now: Date): LotView {
  return {
    id: lot.id,
    version: lot.version,
    status: lot.status,
    officeId: lot.officeId,
    province: lot.province,
    description: lot.description,
    hsCode: lot.hsCode,
    category: lot.category,
    quantity: lot.quantity,
    valueRials: lot.valueRials,
    caseId: lot.caseId,
    arrivedAt: lot.arrivedAt.toISOString(),
    registeredAt: lot.registeredAt.toISOString(),
    heldSince: lot.heldSince?.toISOString() ?? null,
    abandonmentDueAt: lot.abandonmentDueAt?.toISOString() ?? null,
    abandonmentExtended: lot.abandonmentExtended,
    pastAbandonment: isPastAbandonment(lot, now),
    dwellDays: dwellDays(lot, now),
    terminalAt: lot.terminalAt?.toISOString() ?? null,
    caseVerdict:
      lot.caseVerdict === null
        ? null
        : {
            outcome: lot.caseVerdict.outcome,
            goodsConfiscated: lot.caseVerdict.goodsConfiscated,
            verdictReference: lot.caseVerdict.verdictReference,
            issuedAt: lot.caseVerdict.issuedAt.toISOString(),
          },
    transit: lot.transit === null ? null : transitView(lot.id, lot.transit, now),
    updatedAt: lot.updatedAt.toISOString(),
  };
}

export function officeView(office: Office): OfficeView {
  return { ...office, updatedAt: office.updatedAt.toISOString() };
}
