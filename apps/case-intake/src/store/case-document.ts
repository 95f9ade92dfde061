import { searchKey } from '@enforcement/contracts';
import { Long } from 'mongodb';
import type { SmugglingCase } from '../domain/case.ts';
import type { HistoryEntry } from '../domain/history.ts';
import type { OutboxFields } from './outbox.ts';

type Stored<T, K extends keyof T> = Omit<T, K> & { [P in K]: Long };

/**
 * A case as stored. Rial amounts anyone sums (the estimated total, the fine, the seized total) are
 * int64 so the database can add and compare them; item-level amounts stay canonical digit strings.
 * The history and the outbox live in the same document, so a change, its history entry and its
 * events are one atomic write.
 */
export interface CaseDocument
  extends Omit<SmugglingCase, 'id' | 'totalEstimatedValueRials' | 'verdict' | 'assetSeizure'>,
    OutboxFields {
  _id: string;
  totalEstimatedValueRials: Long;
  verdict?: Stored<NonNullable<SmugglingCase['verdict']>, 'fineRials'>;
  assetSeizure?: Stored<NonNullable<SmugglingCase['assetSeizure']>, 'totalValueRials'>;
  /** The deadline while the case is open, absent once closed: the "overdue" filter is one range scan. */
  openDeterminationDueAt?: Date;
  /** Search keys of the reference number and party names (words and whole values). */
  searchTokens: string[];
  history: HistoryEntry[];
}

/** The fields the write paths set (everything but the arrays and derived keys that change on their own). */
export type CaseState = Omit<CaseDocument, '_id' | 'history' | keyof OutboxFields>;

/** Fields never returned with a case: the file and the outbox can be long. */
export const CASE_VIEW_PROJECTION = {
  history: 0,
  outbox: 0,
  outboxDueAt: 0,
  outboxLease: 0,
  searchTokens: 0,
} as const;

/** The whole key (so "1404/12" matches a reference by prefix) and its parts. */
function referenceTokens(reference: string): string[] {
  const key = searchKey(reference);
  return [key, ...key.split(/[\s/\\\-_.,]+/)];
}

/** Names are searched word by word; the whole name adds nothing a query of its words would not find. */
function nameTokens(name: string): string[] {
  return searchKey(name).split(' ');
}

export function searchTokensOf(kase: SmugglingCase): string[] {
  const names = kase.parties.map((party) => (party.kind === 'person' ? party.fullName : party.name));
  const tokens = [...referenceTokens(kase.discoveryReference), ...names.flatMap(nameTokens)];
  return [...new Set(tokens.filter((token) => token !== ''))];
}

export function caseState(kase: SmugglingCase): CaseState {
  const { id: _id, verdict, assetSeizure, totalEstimatedValueRials, ...rest } = kase;
  return {
    ...rest,
    totalEstimatedValueRials: Long.fromString(totalEstimatedValueRials),
    ...(verdict === undefined
      ? {}
      : { verdict: { ...verdict, fineRials: Long.fromString(verdict.fineRials) } }),
    ...(assetSeizure === undefined
      ? {}
      : {
          assetSeizure: { ...assetSeizure, totalValueRials: Long.fromString(assetSeizure.totalValueRials) },
        }),
    ...(kase.status === 'closed' ? {} : { openDeterminationDueAt: kase.determinationDueAt }),
    searchTokens: searchTokensOf(kase),
  };
}

/**
 * Reads back int64 rials (stored amounts and the database's sums of them) as canonical digit text;
 * the driver may hand them out as plain numbers (small values) or as Long.
 */
export function rials(value: Long | number | bigint): string {
  return typeof value === 'object' ? value.toString() : String(value);
}

/** A case document as read with CASE_VIEW_PROJECTION. */
export type CaseViewDocument = Omit<CaseDocument, 'history' | 'searchTokens' | keyof OutboxFields>;

export function caseFromDocument(document: CaseViewDocument): SmugglingCase {
  const {
    _id,
    verdict,
    assetSeizure,
    totalEstimatedValueRials,
    openDeterminationDueAt: _open,
    ...fields
  } = document;
  return {
    ...fields,
    id: _id,
    totalEstimatedValueRials: rials(totalEstimatedValueRials),
    ...(verdict === undefined ? {} : { verdict: { ...verdict, fineRials: rials(verdict.fineRials) } }),
    ...(assetSeizure === undefined
      ? {}
      : { assetSeizure: { ...assetSeizure, totalValueRials: rials(assetSeizure.totalValueRials) } }),
  };
}
