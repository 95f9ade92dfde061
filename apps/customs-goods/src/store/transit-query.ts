import { decodeCursor, encodeCursor, type TransitListQuery } from '@enforcement/contracts';
import type { Collection, Filter } from 'mongodb';
import type { Lot, Transit } from '../domain/lot.ts';
import { LOT_VIEW_PROJECTION, type LotDocument, lotFromDocument } from './lot-document.ts';
import type { Page } from './lot-repository.ts';

/** Where the previous page ended: expected arrival and lot id (transits are listed soonest due first). */
export interface TransitListPosition {
  expectedArrivalAt: Date;
  lotId: string;
}

export function transitCursor(position: TransitListPosition): string {
  return encodeCursor({ e: position.expectedArrivalAt.toISOString(), id: position.lotId });
}

export function transitPositionFrom(cursor: string): TransitListPosition | undefined {
  const decoded = decodeCursor(cursor);
  if (typeof decoded?.e !== 'string' || typeof decoded.id !== 'string') return undefined;
  const expectedArrivalAt = new Date(decoded.e);
  return Number.isNaN(expectedArrivalAt.getTime()) ? undefined : { expectedArrivalAt, lotId: decoded.id };
}

/** A transit with the lot it belongs to. */
export interface LotInTransit {
  lot: Lot;
  transit: Transit;
}

/**
 * Transits are embedded in their lot, so listing them is a query over lots on the transit index:
 * state first (open/overdue/closed), then the expected arrival (overdue = a range below now).
 */
export async function listTransits(
  lots: Collection<LotDocument>,
  query: TransitListQuery,
  provinceLimit: string | undefined,
  now: Date,
  after: TransitListPosition | undefined,
): Promise<Page<LotInTransit>> {
  const clauses: Filter<LotDocument>[] = [{ 'transit.state': query.state === 'closed' ? 'closed' : 'open' }];
  if (query.state === 'overdue') clauses.push({ 'transit.expectedArrivalAt': { $lt: now } });
  if (query.originProvince !== undefined) clauses.push({ 'transit.origin.province': query.originProvince });
  if (query.destinationProvince !== undefined) {
    clauses.push({ 'transit.destination.province': query.destinationProvince });
  }
  if (provinceLimit !== undefined) {
    clauses.push({
      $or: [{ 'transit.origin.province': provinceLimit }, { 'transit.destination.province': provinceLimit }],
    } as Filter<LotDocument>);
  }
  if (after) {
    clauses.push({
      $or: [
        { 'transit.expectedArrivalAt': { $gt: after.expectedArrivalAt } },
        { 'transit.expectedArrivalAt': after.expectedArrivalAt, _id: { $gt: after.lotId } },
      ],
    });
  }
  const documents = await lots
    .find({ $and: clauses }, { projection: LOT_VIEW_PROJECTION })
    .sort({ 'transit.state': 1, 'transit.expectedArrivalAt': 1, _id: 1 })
    .limit(query.limit + 1)
    .toArray();
  const items = documents
    .slice(0, query.limit)
    .map(lotFromDocument)
    .flatMap((lot) => (lot.transit === null ? [] : [{ lot, transit: lot.transit }]));
  return { items, more: documents.length > query.limit };
}
