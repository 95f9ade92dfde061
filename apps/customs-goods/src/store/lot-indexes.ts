import type { Collection, IndexDescription } from 'mongodb';
import type { LotDocument } from './lot-document.ts';

/** Newest first, ties broken by id: the one stable order of every lot listing. */
export const LOT_LIST_ORDER = { registeredAt: -1, _id: -1 } as const;

/** The listing order as indexed: ascending, walked backwards (new lots land at the end of a range). */
const INDEXED_ORDER = { registeredAt: 1, _id: 1 } as const;

/**
 * One index per filter of `GET /v1/lots`, each ending in the listing order so a filtered page is read
 * in index order; the sparse "stuck goods" indexes serve the dwell and abandonment filters and the
 * dwell report; the transit indexes serve `GET /v1/transits` and the arrival lookup.
 */
export const lotIndexes: IndexDescription[] = [
  { key: { ...INDEXED_ORDER }, name: 'list_order' },
  { key: { officeId: 1, ...INDEXED_ORDER }, name: 'by_office' },
  { key: { province: 1, ...INDEXED_ORDER }, name: 'by_province' },
  { key: { status: 1, ...INDEXED_ORDER }, name: 'by_status' },
  { key: { category: 1, ...INDEXED_ORDER }, name: 'by_category' },
  { key: { caseId: 1, ...INDEXED_ORDER }, name: 'by_case' },
  { key: { openHeldSince: 1 }, name: 'open_by_held_since', sparse: true },
  { key: { heldAbandonmentDueAt: 1 }, name: 'held_by_abandonment_date', sparse: true },
  { key: { 'transit.transitId': 1 }, name: 'by_transit', sparse: true },
  {
    key: { 'transit.state': 1, 'transit.expectedArrivalAt': 1, _id: 1 },
    name: 'transits_by_state',
    sparse: true,
  },
];

export async function ensureLotIndexes(lots: Collection<LotDocument>): Promise<void> {
  await lots.createIndexes(lotIndexes);
}
