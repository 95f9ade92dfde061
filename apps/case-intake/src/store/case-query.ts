import { type CaseListQuery, decodeCursor, encodeCursor, searchKey } from '@enforcement/contracts';
import type { Filter } from 'mongodb';
import type { CaseVisibility } from '../domain/access.ts';
import type { CaseDocument } from './case-document.ts';

/** Where the previous page ended: the last case's registration time and id (the listing order). */
export interface CaseListPosition {
  registeredAt: Date;
  id: string;
}

export function caseCursor(position: CaseListPosition): string {
  return encodeCursor({ r: position.registeredAt.toISOString(), id: position.id });
}

/** The position a cursor stands for, or undefined when it is not one this listing issued. */
export function casePositionFrom(cursor: string): CaseListPosition | undefined {
  const decoded = decodeCursor(cursor);
  if (typeof decoded?.r !== 'string' || typeof decoded.id !== 'string') return undefined;
  const registeredAt = new Date(decoded.r);
  return Number.isNaN(registeredAt.getTime()) ? undefined : { registeredAt, id: decoded.id };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Every word of the search must start one of the case's search tokens (an anchored, indexable prefix). */
function searchFilter(q: string): Filter<CaseDocument> | undefined {
  const words = searchKey(q)
    .split(' ')
    .filter((word) => word !== '');
  if (words.length === 0) return undefined;
  return { searchTokens: { $all: words.map((word) => new RegExp(`^${escapeRegExp(word)}`)) } };
}

/**
 * The cases a caller may see, as filter clauses (none when it sees every case): the listing and the
 * caseload report both start from them, so both show the same cases.
 */
export function visibilityClauses(visibility: CaseVisibility): Filter<CaseDocument>[] {
  const clauses: Filter<CaseDocument>[] = [];
  if (visibility.province !== undefined)
    clauses.push({ province: visibility.province as CaseDocument['province'] });
  if (visibility.involvedAgency !== undefined) {
    const agency = visibility.involvedAgency as CaseDocument['discoveringAgency'];
    clauses.push({
      $or: [
        { discoveringAgency: agency },
        { handlingAuthority: agency as CaseDocument['handlingAuthority'] },
      ],
    });
  }
  return clauses;
}

/** The MongoDB filter of one listing: the caller's visibility, the query's filters and the page position. */
export function caseListFilter(
  query: CaseListQuery,
  visibility: CaseVisibility,
  now: Date,
  after: CaseListPosition | undefined,
): Filter<CaseDocument> {
  const clauses = visibilityClauses(visibility);
  if (query.status !== undefined) clauses.push({ status: query.status });
  if (query.category !== undefined) clauses.push({ category: query.category });
  if (query.province !== undefined) clauses.push({ province: query.province });
  if (query.handlingAuthority !== undefined) clauses.push({ handlingAuthority: query.handlingAuthority });
  if (query.discoveringAgency !== undefined) clauses.push({ discoveringAgency: query.discoveringAgency });
  if (query.registeredFrom !== undefined || query.registeredTo !== undefined) {
    clauses.push({
      registeredAt: {
        ...(query.registeredFrom === undefined ? {} : { $gte: new Date(query.registeredFrom) }),
        ...(query.registeredTo === undefined ? {} : { $lt: new Date(query.registeredTo) }),
      },
    });
  }
  if (query.overdueForDetermination === true) clauses.push({ openDeterminationDueAt: { $lt: now } });
  if (query.overdueForDetermination === false) {
    clauses.push({
      $or: [{ openDeterminationDueAt: { $exists: false } }, { openDeterminationDueAt: { $gte: now } }],
    });
  }
  const search = query.q === undefined ? undefined : searchFilter(query.q);
  if (search) clauses.push(search);
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
