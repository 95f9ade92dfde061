import type { Collection, IndexDescription } from 'mongodb';
import type { CaseDocument } from './case-document.ts';

/** Newest first, ties broken by id: the one stable order of every case listing. */
export const CASE_LIST_ORDER = { registeredAt: -1, _id: -1 } as const;

/**
 * The listing order as stored in indexes: ascending, walked backwards for newest first (MongoDB
 * reads a compound index in either direction). New cases then land at the end of each index range
 * instead of its start, which keeps inserts cheap on ordered-array stores such as the stand-in.
 */
const INDEXED_ORDER = { registeredAt: 1, _id: 1 } as const;

/**
 * One index per filter of `GET /v1/cases`, each ending in the listing order so a filtered page is
 * read in index order without an in-memory sort. The unique reference index is the duplicate guard.
 */
export const caseIndexes: IndexDescription[] = [
  {
    key: { discoveringAgency: 1, discoveryReference: 1 },
    name: 'unique_agency_reference',
    unique: true,
  },
  { key: { ...INDEXED_ORDER }, name: 'list_order' },
  { key: { status: 1, ...INDEXED_ORDER }, name: 'by_status' },
  { key: { category: 1, ...INDEXED_ORDER }, name: 'by_category' },
  { key: { province: 1, ...INDEXED_ORDER }, name: 'by_province' },
  { key: { handlingAuthority: 1, ...INDEXED_ORDER }, name: 'by_handling_authority' },
  { key: { discoveringAgency: 1, ...INDEXED_ORDER }, name: 'by_discovering_agency' },
  { key: { openDeterminationDueAt: 1 }, name: 'open_by_determination_deadline', sparse: true },
  { key: { searchTokens: 1 }, name: 'by_search_token' },
  { key: { 'execution.executionUnitId': 1, status: 1 }, name: 'by_execution_unit' },
];

export async function ensureCaseIndexes(cases: Collection<CaseDocument>): Promise<void> {
  await cases.createIndexes(caseIndexes);
}
