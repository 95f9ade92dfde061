import type { AnyEvent, CaseListQuery, CaseStatsRow } from '@enforcement/contracts';
import { type Collection, type Db, MongoServerError } from 'mongodb';
import type { CaseJurisdiction, CaseVisibility } from '../domain/access.ts';
import type { SmugglingCase } from '../domain/case.ts';
import type { HistoryEntry } from '../domain/history.ts';
import { CASE_VIEW_PROJECTION, type CaseDocument, caseFromDocument, caseState } from './case-document.ts';
import { CASE_LIST_ORDER, ensureCaseIndexes } from './case-indexes.ts';
import { type CaseListPosition, caseListFilter } from './case-query.ts';
import { caseStats } from './case-stats.ts';
import { outboxOfNew, withEvents } from './outbox.ts';

const DUPLICATE_KEY = 11000;

export type InsertOutcome = { inserted: true } | { inserted: false; existingCaseId: string };

/** A change to write: the case after it, its history entry and its events, all in one update. */
export interface CaseWrite {
  next: SmugglingCase;
  entry: HistoryEntry;
  events: readonly AnyEvent[];
  now: Date;
}

export const CASES_COLLECTION = 'cases';

/**
 * The `cases` collection. Every write is one document operation carrying the state, the history
 * entry and the outbox events; updates are filtered by id AND the version read, so a concurrent
 * change makes the write match nothing instead of being overwritten.
 */
export class CaseRepository {
  readonly #cases: Collection<CaseDocument>;

  constructor(db: Db) {
    // int64 amounts come back as Long, never as a JS number that could lose digits above 2^53.
    this.#cases = db.collection<CaseDocument>(CASES_COLLECTION, { promoteLongs: false });
  }

  ensureIndexes(): Promise<void> {
    return ensureCaseIndexes(this.#cases);
  }

  async insert(write: CaseWrite): Promise<InsertOutcome> {
    const { next, entry, events, now } = write;
    try {
      await this.#cases.insertOne({
        _id: next.id,
        ...caseState(next),
        history: [entry],
        ...outboxOfNew(events, now),
      });
      return { inserted: true };
    } catch (error) {
      if (!(error instanceof MongoServerError && error.code === DUPLICATE_KEY)) throw error;
      const existing = await this.#cases.findOne(
        { discoveringAgency: next.discoveringAgency, discoveryReference: next.discoveryReference },
        { projection: { _id: 1 } },
      );
      if (existing === null) throw error;
      return { inserted: false, existingCaseId: existing._id };
    }
  }

  async findById(id: string): Promise<SmugglingCase | null> {
    const document = await this.#cases.findOne({ _id: id }, { projection: CASE_VIEW_PROJECTION });
    return document === null ? null : caseFromDocument(document);
  }

  /** Applies a change read at `expectedVersion`; false when the case moved on meanwhile. */
  async update(expectedVersion: number, write: CaseWrite): Promise<boolean> {
    const { next, entry, events, now } = write;
    // caseState carries openDeterminationDueAt only while the case is open; closing removes it.
    const closing = next.status === 'closed' ? { $unset: { openDeterminationDueAt: '' } } : {};
    const result = await this.#cases.updateOne(
      { _id: next.id, version: expectedVersion },
      withEvents({ $set: caseState(next), ...closing, $push: { history: entry } }, events, now),
    );
    return result.matchedCount === 1;
  }

  async list(
    query: CaseListQuery,
    visibility: CaseVisibility,
    now: Date,
    after: CaseListPosition | undefined,
  ): Promise<{ items: SmugglingCase[]; more: boolean }> {
    const documents = await this.#cases
      .find(caseListFilter(query, visibility, now, after), { projection: CASE_VIEW_PROJECTION })
      .sort(CASE_LIST_ORDER)
      .limit(query.limit + 1)
      .toArray();
    return {
      items: documents.slice(0, query.limit).map(caseFromDocument),
      more: documents.length > query.limit,
    };
  }

  /** The caseload by province, category and status of the cases `scope` shows (see caseStats). */
  stats(scope: CaseVisibility, now: Date): Promise<CaseStatsRow[]> {
    return caseStats(this.#cases, scope, now);
  }

  /** A page of a case's history after entry `afterSeq`, with what access to it depends on. */
  async history(
    id: string,
    afterSeq: number,
    limit: number,
  ): Promise<{ jurisdiction: CaseJurisdiction; entries: HistoryEntry[] } | null> {
    // Only what the page needs: the jurisdiction fields and one slice of the history.
    const document = await this.#cases.findOne(
      { _id: id },
      {
        projection: {
          province: 1,
          discoveringAgency: 1,
          handlingAuthority: 1,
          history: { $slice: [afterSeq, limit + 1] },
        },
      },
    );
    if (document === null) return null;
    const { province, discoveringAgency, handlingAuthority, history } = document;
    return { jurisdiction: { province, discoveringAgency, handlingAuthority }, entries: history };
  }

  /** How many cases each unit is executing now. */
  async countInExecution(unitIds: readonly string[]): Promise<Map<string, number>> {
    if (unitIds.length === 0) return new Map();
    const counts = await this.#cases
      .aggregate<{ _id: string; cases: number }>([
        { $match: { 'execution.executionUnitId': { $in: [...unitIds] }, status: 'in_execution' } },
        { $group: { _id: '$execution.executionUnitId', cases: { $sum: 1 } } },
      ])
      .toArray();
    return new Map(counts.map((count) => [count._id, count.cases]));
  }
}
