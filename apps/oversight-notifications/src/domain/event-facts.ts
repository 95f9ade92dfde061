import type { AnyEvent, EventOf } from '@enforcement/contracts';
import { type Facts, type FactUpdate, factKey } from './facts.ts';
import { earliest } from './time.ts';

/** What each consumed event tells about its subject; pure, so the same event always says the same. */
export const factsFrom = {
  caseRegistered: ({ payload: p }: EventOf<'case.registered'>): FactUpdate => ({
    subjectKey: `case:${p.caseId}`,
    attributes: { category: p.category, province: p.province, authority: p.handlingAuthority },
    times: { registered: new Date(p.registeredAt) },
  }),
  verdictIssued: ({ payload: p }: EventOf<'case.verdict_issued'>): FactUpdate => ({
    subjectKey: `case:${p.caseId}`,
    attributes: {
      category: p.category,
      province: p.province,
      authority: p.handlingAuthority,
      outcome: p.outcome,
      fineRials: p.fineRials,
    },
    times: { verdict: new Date(p.issuedAt) },
  }),
  executionStarted: ({ payload: p }: EventOf<'case.execution_started'>): FactUpdate => ({
    subjectKey: `case:${p.caseId}`,
    attributes: { province: p.province, executionUnitId: p.executionUnit.id, unitKind: p.executionUnit.kind },
    times: { executionStarted: new Date(p.startedAt) },
  }),
  assetsSeized: ({ payload: p }: EventOf<'case.assets_seized'>): FactUpdate => ({
    subjectKey: `case:${p.caseId}`,
    attributes: { province: p.province, executionUnitId: p.executionUnitId },
    times: { assetsSeized: new Date(p.seizedAt) },
  }),
  caseClosed: ({ payload: p }: EventOf<'case.closed'>): FactUpdate => ({
    subjectKey: `case:${p.caseId}`,
    attributes: { province: p.province },
    times: { closed: new Date(p.closedAt) },
  }),
  officerDeployed: ({ payload: p }: EventOf<'unit.officer_deployed'>): FactUpdate => ({
    subjectKey: `execution_unit:${p.unitId}`,
    attributes: { province: p.province, unitKind: p.unitKind },
    times: { [factKey('deployed', p.deploymentId)]: new Date(p.startsAt) },
  }),
  officerReleased: ({ payload: p }: EventOf<'unit.officer_released'>): FactUpdate => ({
    subjectKey: `execution_unit:${p.unitId}`,
    attributes: { province: p.province, unitKind: p.unitKind },
    times: { [factKey('released', p.deploymentId)]: new Date(p.releasedAt) },
  }),
  lotRegistered: ({ payload: p }: EventOf<'goods.lot_registered'>): FactUpdate => ({
    subjectKey: `lot:${p.lotId}`,
    attributes: { province: p.province, category: p.category, officeId: p.officeId },
    times: { [factKey('reached', 'arrived')]: new Date(p.arrivedAt) },
  }),
  lotStatusChanged: ({ payload: p }: EventOf<'goods.status_changed'>): FactUpdate => ({
    subjectKey: `lot:${p.lotId}`,
    attributes: { province: p.province, category: p.category, officeId: p.officeId },
    times: {
      [factKey('reached', p.to)]: new Date(p.changedAt),
      ...(p.heldSince === null ? {} : { heldSince: new Date(p.heldSince) }),
    },
  }),
  transitOpened: ({ payload: p }: EventOf<'goods.transit_opened'>): FactUpdate => ({
    subjectKey: `transit:${p.transitId}`,
    attributes: transitAttributes(p),
    times: { exited: new Date(p.exitedAt) },
  }),
  transitClosed: ({ payload: p }: EventOf<'goods.transit_closed'>): FactUpdate => ({
    subjectKey: `transit:${p.transitId}`,
    attributes: transitAttributes(p),
    times: { exited: new Date(p.exitedAt), arrived: new Date(p.arrivedAt) },
  }),
  transitDiscrepancy: ({ payload: p }: EventOf<'goods.transit_discrepancy'>): FactUpdate => ({
    subjectKey: `transit:${p.transitId}`,
    attributes: {
      ...transitAttributes(p),
      difference: `${p.direction} ${p.difference.amount} ${p.difference.unit}`,
    },
    times: { discrepancy: new Date(p.detectedAt) },
  }),
};

function transitAttributes(p: {
  lotId: string;
  origin: { province: string };
  destination: { province: string };
}) {
  return {
    lotId: p.lotId,
    originProvince: p.origin.province,
    destinationProvince: p.destination.province,
  };
}

/** The fact update of any event the rules watch, or null for an event they do not. */
export function factUpdateOf(event: AnyEvent): FactUpdate | null {
  switch (event.type) {
    case 'case.registered':
      return factsFrom.caseRegistered(event);
    case 'case.verdict_issued':
      return factsFrom.verdictIssued(event);
    case 'case.execution_started':
      return factsFrom.executionStarted(event);
    case 'case.assets_seized':
      return factsFrom.assetsSeized(event);
    case 'case.closed':
      return factsFrom.caseClosed(event);
    case 'unit.officer_deployed':
      return factsFrom.officerDeployed(event);
    case 'unit.officer_released':
      return factsFrom.officerReleased(event);
    case 'goods.lot_registered':
      return factsFrom.lotRegistered(event);
    case 'goods.status_changed':
      return factsFrom.lotStatusChanged(event);
    case 'goods.transit_opened':
      return factsFrom.transitOpened(event);
    case 'goods.transit_closed':
      return factsFrom.transitClosed(event);
    case 'goods.transit_discrepancy':
      return factsFrom.transitDiscrepancy(event);
    default:
      return null;
  }
}

/**
 * A case in execution keeps its unit busy until assets are seized or the case closes. case.closed does
 * not name the unit, so the unit's facts follow from the case's merged facts, whatever came first.
 */
export function unitFactsFromCase(caseId: string, caseFacts: Facts): FactUpdate | null {
  const unitId = caseFacts.attributes.executionUnitId;
  const unitKind = caseFacts.attributes.unitKind;
  const started = caseFacts.times.executionStarted;
  if (typeof unitId !== 'string' || typeof unitKind !== 'string' || started === undefined) return null;
  const finished = earliest(caseFacts.times.assetsSeized, caseFacts.times.closed);
  return {
    subjectKey: `execution_unit:${unitId}`,
    attributes: { province: caseFacts.attributes.province ?? null, unitKind },
    times: {
      [factKey('executing', caseId)]: started,
      ...(finished === undefined ? {} : { [factKey('finished', caseId)]: finished }),
    },
  };
}
