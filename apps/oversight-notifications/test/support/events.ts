import { type AnyEvent, type EventOf, newEvent, type ProvinceCode } from '@enforcement/contracts';

/** Builders of the events the service consumes, as their producers would publish them. */
const meta = (subjectId: string) => ({ version: 1 as const, subjectId, correlationId: `corr-${subjectId}` });

export function caseRegistered(caseId: string, at: string, category: 'goods' | 'fuel' = 'goods') {
  return newEvent('case.registered', {
    ...meta(caseId),
    payload: {
      caseId,
      category,
      discoveringAgency: 'police',
      discoveryReference: `REF-${caseId}`,
      province: 'khuzestan',
      handlingAuthority: 'prosecutor',
      parties: [],
      seizedItems: [],
      totalEstimatedValueRials: '5000000000',
      discoveredAt: at,
      registeredAt: at,
    },
  });
}

export function verdictIssued(caseId: string, at: string, fineRials = '25000000000') {
  return newEvent('case.verdict_issued', {
    ...meta(caseId),
    payload: {
      caseId,
      category: 'goods',
      province: 'khuzestan',
      handlingAuthority: 'prosecutor',
      verdictReference: '9809-1404',
      outcome: fineRials === '0' ? 'acquitted' : 'convicted',
      fineRials,
      goodsConfiscated: false,
      issuedAt: at,
    },
  });
}

export function executionStarted(caseId: string, unitId: string, at: string) {
  return newEvent('case.execution_started', {
    ...meta(caseId),
    payload: {
      caseId,
      province: 'khuzestan',
      executionUnit: { id: unitId, kind: 'prosecutor' },
      fineRials: '25000000000',
      startedAt: at,
    },
  });
}

export function assetsSeized(caseId: string, unitId: string, at: string) {
  return newEvent('case.assets_seized', {
    ...meta(caseId),
    payload: {
      caseId,
      province: 'khuzestan',
      executionUnitId: unitId,
      assets: [{ kind: 'bank_account', description: 'حساب بانکی', valueRials: '1000' }],
      totalValueRials: '1000',
      seizedAt: at,
    },
  });
}

export function caseClosed(caseId: string, at: string) {
  return newEvent('case.closed', {
    ...meta(caseId),
    payload: {
      caseId,
      province: 'khuzestan',
      previousStatus: 'registered',
      reason: 'dismissed',
      closedAt: at,
    },
  });
}

export function officerDeployed(unitId: string, deploymentId: string, at: string) {
  return newEvent('unit.officer_deployed', {
    ...meta(unitId),
    payload: {
      unitId,
      unitKind: 'prosecutor',
      province: 'khuzestan',
      deploymentId,
      officerId: 'P-1001',
      officerName: 'سرکار ستوان رضایی',
      startsAt: at,
      endsAt: null,
    },
  });
}

export function officerReleased(unitId: string, deploymentId: string, at: string) {
  return newEvent('unit.officer_released', {
    ...meta(unitId),
    payload: {
      unitId,
      unitKind: 'prosecutor',
      province: 'khuzestan',
      deploymentId,
      officerId: 'P-1001',
      releasedAt: at,
      remainingOfficers: 0,
    },
  });
}

type Category = EventOf<'goods.lot_registered'>['payload']['category'];
type Status = EventOf<'goods.status_changed'>['payload']['to'];

export function lotRegistered(lotId: string, at: string, category: Category = 'general') {
  return newEvent('goods.lot_registered', {
    ...meta(lotId),
    payload: {
      lotId,
      officeId: 'khz_bandar_imam',
      province: 'khuzestan',
      description: 'لوازم خانگی',
      hsCode: null,
      category,
      quantity: { amount: 100, unit: 'piece' },
      valueRials: '9000000000',
      caseId: null,
      arrivedAt: at,
    },
  });
}

export function lotStatusChanged(
  lotId: string,
  from: Status,
  to: Status,
  at: string,
  heldSince: string | null,
  category: Category = 'general',
) {
  return newEvent('goods.status_changed', {
    ...meta(lotId),
    payload: {
      lotId,
      officeId: 'khz_bandar_imam',
      province: 'khuzestan',
      category,
      from,
      to,
      heldSince,
      caseId: null,
      changedAt: at,
    },
  });
}

const transitFields = (transitId: string, destinationProvince: ProvinceCode) => ({
  transitId,
  lotId: `lot-of-${transitId}`,
  origin: { officeId: 'khz_bandar_imam', province: 'khuzestan' as const },
  destination: { officeId: 'bsh_port', province: destinationProvince },
  quantityAtExit: { amount: 100, unit: 'piece' as const },
});

export function transitOpened(transitId: string, at: string, destinationProvince: ProvinceCode = 'bushehr') {
  return newEvent('goods.transit_opened', {
    ...meta(`lot-of-${transitId}`),
    payload: { ...transitFields(transitId, destinationProvince), exitedAt: at },
  });
}

export function transitClosed(transitId: string, exitedAt: string, arrivedAt: string) {
  return newEvent('goods.transit_closed', {
    ...meta(`lot-of-${transitId}`),
    payload: {
      ...transitFields(transitId, 'bushehr'),
      quantityAtArrival: { amount: 100, unit: 'piece' },
      exitedAt,
      arrivedAt,
    },
  });
}

export function transitDiscrepancy(transitId: string, at: string) {
  return newEvent('goods.transit_discrepancy', {
    ...meta(`lot-of-${transitId}`),
    payload: {
      ...transitFields(transitId, 'bushehr'),
      quantityAtArrival: { amount: 90, unit: 'piece' },
      direction: 'shortage',
      difference: { amount: 10, unit: 'piece' },
      detectedAt: at,
    },
  });
}

export type ConsumedEvent = AnyEvent;
