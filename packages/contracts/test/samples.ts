import type { z } from 'zod';
import type { CatalogEntry, EventRoutingKey } from '../src/index.ts';

type PayloadInput<K extends EventRoutingKey> = z.input<Extract<CatalogEntry, { routingKey: K }>['payload']>;

const notificationSubject = {
  notificationId: 'ntf-7f3a',
  ruleId: 'execution_stalled_no_seizure',
  subject: { kind: 'case', id: 'case-1404-000123' },
  province: 'khuzestan',
} as const;

const resolution = {
  resolutionId: 'res-4-07',
  workgroup: { id: 'wg-khz-exec', name: 'کارگروه نظارت بر اجرای احکام پرونده‌های قاچاق کالا و ارز' },
  meeting: { id: 'meet-4', number: 4, heldAt: '2025-09-21T06:30:00Z' },
  assigneeAgency: 'police',
  province: 'khuzestan',
  dueAt: '2025-10-21T20:30:00Z',
} as const;

const transit = {
  transitId: 'trn-0042',
  lotId: 'lot-bik-2025-0917',
  origin: { officeId: 'khz_bandar_imam_khomeini', province: 'khuzestan' },
  destination: { officeId: 'thr_gharb', province: 'tehran' },
  quantityAtExit: { amount: 1200, unit: 'carton' },
} as const;

/** One valid payload per catalog entry, as a producer would write it (input form). */
export const samplePayloads: { [K in EventRoutingKey]: PayloadInput<K> } = {
  'case.registered.v1': {
    caseId: 'case-1404-000123',
    category: 'fuel',
    discoveringAgency: 'police',
    discoveryReference: '۱۴۰۴/ك/۵۵۱',
    province: 'khuzestan',
    handlingAuthority: 'tazirat',
    parties: [
      { kind: 'person', role: 'suspect', fullName: 'علي رضايي', nationalId: '۰۴۹۹۳۷۰۸۹۹' },
      { kind: 'company', role: 'owner', name: 'شرکت حمل نمونه', nationalCompanyId: null },
    ],
    seizedItems: [
      {
        kind: 'goods',
        description: 'گازوئیل در مخزن جاسازی‌شده',
        hsCode: '2710.19',
        quantity: { amount: 24000, unit: 'litre' },
        estimatedValueRials: 1_440_000_000,
      },
      { kind: 'currency', currencyCode: 'usd', amount: '1500.50', estimatedValueRials: '1500000000000' },
    ],
    totalEstimatedValueRials: '1501440000000',
    discoveredAt: '2025-09-20T22:10:00Z',
    registeredAt: '2025-09-21T05:00:00Z',
  },
  'case.assigned.v1': {
    caseId: 'case-1404-000123',
    handlingAuthority: 'tazirat',
    province: 'khuzestan',
    branch: { id: 'tzr-ahvaz-3', name: 'شعبه ۳ تعزیرات حکومتی اهواز' },
    assignedAt: '2025-09-22T07:00:00Z',
  },
  'case.verdict_issued.v1': {
    caseId: 'case-1404-000123',
    category: 'fuel',
    province: 'khuzestan',
    handlingAuthority: 'tazirat',
    verdictReference: '۹۸۷۶/۱۴۰۴',
    outcome: 'convicted',
    fineRials: '4500000000',
    goodsConfiscated: true,
    issuedAt: '2025-10-01T09:00:00Z',
  },
  'case.execution_started.v1': {
    caseId: 'case-1404-000123',
    province: 'khuzestan',
    executionUnit: { id: 'tzr-ahvaz-exec', kind: 'tazirat' },
    fineRials: '4500000000',
    startedAt: '2025-10-03T06:00:00Z',
  },
  'case.assets_seized.v1': {
    caseId: 'case-1404-000123',
    province: 'khuzestan',
    executionUnitId: 'tzr-ahvaz-exec',
    assets: [
      { kind: 'vehicle', description: 'تانکر حمل سوخت', valueRials: '3000000000' },
      { kind: 'bank_account', description: 'حساب بانکی', valueRials: 1_500_000_000 },
    ],
    totalValueRials: '4500000000',
    seizedAt: '2025-10-20T08:00:00Z',
  },
  'case.closed.v1': {
    caseId: 'case-1404-000123',
    province: 'khuzestan',
    previousStatus: 'assets_seized',
    reason: 'assets_seized',
    closedAt: '2025-10-25T08:00:00Z',
  },
  'case.note_added.v1': {
    caseId: 'case-1404-000123',
    noteId: 'note-1',
    authorAgency: 'prosecutor',
    text: 'پیگیری قبض اموال در جلسه چهارم کارگروه مطرح شد.',
    addedAt: '2025-09-21T07:00:00Z',
  },
  'unit.officer_deployed.v1': {
    unitId: 'tzr-ahvaz-exec',
    unitKind: 'tazirat',
    province: 'khuzestan',
    deploymentId: 'dep-17',
    officerId: 'P-558812',
    officerName: 'ستوان یکم محمد کریمی',
    startsAt: '2025-10-01T04:30:00Z',
    endsAt: null,
  },
  'unit.officer_released.v1': {
    unitId: 'tzr-ahvaz-exec',
    unitKind: 'tazirat',
    province: 'khuzestan',
    deploymentId: 'dep-17',
    officerId: 'P-558812',
    releasedAt: '2026-03-20T04:30:00Z',
    remainingOfficers: 2,
  },
  'goods.lot_registered.v1': {
    lotId: 'lot-bik-2025-0917',
    officeId: 'khz_bandar_imam_khomeini',
    province: 'khuzestan',
    description: 'لوازم خانگی، ۱۲۰۰ کارتن',
    hsCode: '85161000',
    category: 'general',
    quantity: { amount: 1200, unit: 'carton' },
    valueRials: '85000000000000',
    caseId: null,
    arrivedAt: '2025-06-01T10:00:00Z',
  },
  'goods.status_changed.v1': {
    lotId: 'lot-bik-2025-0917',
    officeId: 'khz_bandar_imam_khomeini',
    province: 'khuzestan',
    category: 'general',
    from: 'held',
    to: 'abandoned',
    heldSince: '2025-06-02T10:00:00Z',
    caseId: null,
    changedAt: '2025-09-02T10:00:00Z',
  },
  'goods.transit_opened.v1': { ...transit, exitedAt: '2025-10-05T05:00:00Z' },
  'goods.transit_closed.v1': {
    ...transit,
    quantityAtArrival: { amount: 1200, unit: 'carton' },
    exitedAt: '2025-10-05T05:00:00Z',
    arrivedAt: '2025-10-06T15:00:00Z',
  },
  'goods.transit_discrepancy.v1': {
    ...transit,
    quantityAtArrival: { amount: 1150, unit: 'carton' },
    direction: 'shortage',
    difference: { amount: 50, unit: 'carton' },
    detectedAt: '2025-10-06T15:00:00Z',
  },
  'oversight.notification_raised.v1': {
    ...notificationSubject,
    severity: 'warning',
    level: 0,
    audiences: ['tazirat', 'inspection'],
    title: { fa: 'اجرای حکم بدون قبض اموال', en: 'Execution stalled without asset seizure' },
    text: {
      fa: '۳۰ روز از صدور حکم گذشته و قبض اموال ثبت نشده است.',
      en: '30 days since the verdict and no asset seizure recorded.',
    },
    dueAt: '2025-10-31T09:00:00Z',
    raisedAt: '2025-10-31T09:00:05Z',
  },
  'oversight.notification_escalated.v1': {
    ...notificationSubject,
    severity: 'critical',
    fromLevel: 0,
    toLevel: 1,
    audiences: ['tazirat', 'inspection', 'governorate'],
    escalatedAt: '2025-11-30T09:00:00Z',
  },
  'oversight.notification_acknowledged.v1': {
    ...notificationSubject,
    acknowledgedBy: { agency: 'tazirat', principalId: 'key-tzr-khz-1' },
    acknowledgedAt: '2025-11-01T06:00:00Z',
  },
  'oversight.notification_resolved.v1': {
    ...notificationSubject,
    resolution: 'obligation_met',
    resolvedAt: '2025-11-02T06:00:00Z',
  },
  'oversight.resolution_created.v1': {
    ...resolution,
    text: 'استقرار مأمورین آموزش‌دیده فراجا در واحدهای اجرای احکام دادسرا و تعزیرات',
    createdAt: '2025-09-21T08:00:00Z',
  },
  'oversight.resolution_completed.v1': {
    ...resolution,
    completedAt: '2025-10-15T08:00:00Z',
    completedLate: false,
  },
};

export const SAMPLE_EVENT_ID = '0f8fad5b-d9cb-469f-a165-70867728950e';

/** A complete event on the wire for a catalog entry, with its sample payload. */
export function sampleEvent(entry: CatalogEntry): Record<string, unknown> {
  return {
    id: SAMPLE_EVENT_ID,
    type: entry.type,
    version: entry.version,
    occurredAt: '2025-10-05T08:30:00.000Z',
    producer: entry.producer,
    correlationId: 'req-5b1c',
    causationId: null,
    subject: { kind: entry.subjectKind, id: 'subject-1' },
    payload: samplePayloads[entry.routingKey],
  };
}
