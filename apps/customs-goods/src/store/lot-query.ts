import { decodeCursor, encodeCursor, type LotListQuery } from '@enforcement/contracts';
import type { Filter } from 'mongodb';
import { DAY_MS } from '../domain/time.ts';
import type { LotDocument } from './lot-document.ts';

/** Where the previous page ended: the last lot's registration time and id (the listing order). */
export interface LotListPosition {
  registeredAt: Date;
  id: string;
}

export function lotCursor(position: LotListPosition): string {
  return encodeCursor({ r: position.registeredAt.toISOString(), id: position.id });
}

/** The position a cursor stands for, or undefined when it is not one this listing issued. */
export function lotPositionFrom(cursor: string): LotListPosition | undefined {
  const decoded = decodeCursor(cursor);
  if (typeof decoded?.r !== 'string' || typeof decoded.id !== 'string') return undefined;
  const registeredAt = new Date(decoded.r);
  return Number.isNaN(registeredAt.getTime()) ? undefined : { registeredAt, id: decoded.id };
}

/** The MongoDB filter of one listing: the caller's province limit, the query's filters and the page position. */
export function lotListFilter(
  query: LotListQuery,
  provinceLimit: string | undefined,
  now: Date,
  after: LotListPosition | undefined,
): Filter<LotDocument> {
  const clauses: Filter<LotDocument>[] = [];
  const province = (provinceLimit ?? query.province) as LotDocument['province'] | undefined;
  if (province !== undefined) clauses.push({ province });
  if (query.officeId !== undefined) clauses.push({ officeId: query.officeId });
  if (query.status !== undefined) clauses.push({ status: query.status });
  if (query.category !== undefined) clauses.push({ category: query.category });
  if (query.caseId !== undefined) clauses.push({ caseId: query.caseId });
  if (query.minDwellDays !== undefined) {
    clauses.push({ openHeldSince: { $lte: new Date(now.getTime() - query.minDwellDays * DAY_MS) } });
  }
  if (query.pastAbandonment === true) clauses.push({ heldAbandonmentDueAt: { $lt: now } });
  if (query.pastAbandonment === false) {
    clauses.push({
      $or: [{ heldAbandonmentDueAt: { $exists: false } }, { heldAbandonmentDueAt: { $gte: now } }],
    });
  }
  if (after) {
    clauses.push({
      $or: [
        { registeredAt: { $lt: after.registeredAt } },
        { registeredAt: after.registeredAt, _id: { $lt: after.id } },
      ],
    });
  }
  return clauses.length === 0 ? {} : { $and: clauses };
}
