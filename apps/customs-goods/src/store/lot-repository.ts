import type { AnyEvent, LotListQuery } from '@enforcement/contracts';
import type { Collection, Db, Document, Filter } from 'mongodb';
import type { Lot } from '../domain/lot.ts';
import {
  derivedFields,
  LOT_VIEW_PROJECTION,
  type LotDocument,
  lotFromDocument,
  lotState,
} from './lot-document.ts';
import { ensureLotIndexes, LOT_LIST_ORDER } from './lot-indexes.ts';
import { type LotListPosition, lotListFilter } from './lot-query.ts';
import { outboxOfNew, withEvents } from './outbox.ts';

export const LOTS_COLLECTION = 'lots';

/** A change to write: the lot after it and its events, in one update. */
export interface LotWrite {
  next: Lot;
  events: readonly AnyEvent[];
  now: Date;
}

/** A page of one listing. */
export interface Page<T> {
  items: T[];
  more: boolean;
}

/**
 * The `lots` collection. Every write is one document operation carrying the state and the outbox
 * events; updates are filtered by id AND the version read, so a concurrent change makes the write
 * match nothing instead of being overwritten.
 */
export class LotRepository {
  readonly #lots: Collection<LotDocument>;

  constructor(db: Db) {
    // int64 values come back as Long, never as a JS number that could lose digits above 2^53.
    this.#lots = db.collection<LotDocument>(LOTS_COLLECTION, { promoteLongs: false });
  }

  /** For the read models (transits, dwell report) that query the same documents. */
  get collection(): Collection<LotDocument> {
    return this.#lots;
  }

  ensureIndexes(): Promise<void> {
    return ensureLotIndexes(this.#lots);
  }

  async insert(write: LotWrite): Promise<void> {
    const { next, events, now } = write;
    await this.#lots.insertOne({ _id: next.id, ...lotState(next), ...outboxOfNew(events, now) });
  }

  async findById(id: string): Promise<Lot | null> {
    const document = await this.#lots.findOne({ _id: id }, { projection: LOT_VIEW_PROJECTION });
    return document === null ? null : lotFromDocument(document);
  }

  async findByTransitId(transitId: string): Promise<Lot | null> {
    const document = await this.#lots.findOne(
      { 'transit.transitId': transitId },
      { projection: LOT_VIEW_PROJECTION },
    );
    return document === null ? null : lotFromDocument(document);
  }

  /** Applies a change read at `expectedVersion`; false when the lot moved on meanwhile. */
  async update(expectedVersion: number, write: LotWrite): Promise<boolean> {
    const { next, events, now } = write;
    const derived = derivedFields(next);
    const unset: Document = {};
    if (derived.openHeldSince === undefined) unset.openHeldSince = '';
    if (derived.heldAbandonmentDueAt === undefined) unset.heldAbandonmentDueAt = '';
    const update: Document = {
      $set: lotState(next),
      ...(Object.keys(unset).length > 0 ? { $unset: unset } : {}),
    };
    const result = await this.#lots.updateOne(
      { _id: next.id, version: expectedVersion },
      withEvents(update, events, now),
    );
    return result.matchedCount === 1;
  }

  async list(
    query: LotListQuery,
    provinceLimit: string | undefined,
    now: Date,
    after: LotListPosition | undefined,
  ): Promise<Page<Lot>> {
    const documents = await this.#lots
      .find(lotListFilter(query, provinceLimit, now, after), { projection: LOT_VIEW_PROJECTION })
      .sort(LOT_LIST_ORDER)
      .limit(query.limit + 1)
      .toArray();
    return {
      items: documents.slice(0, query.limit).map(lotFromDocument),
      more: documents.length > query.limit,
    };
  }

  /** The lots of a case that a verdict may still change (not in a final state). */
  async findOpenOfCase(caseId: string): Promise<Lot[]> {
    const filter: Filter<LotDocument> = {
      caseId,
      status: { $nin: ['exited', 'auctioned', 'destroyed', 'returned'] },
    };
    const documents = await this.#lots
      .find(filter, { projection: LOT_VIEW_PROJECTION })
      .limit(10_000)
      .toArray();
    return documents.map(lotFromDocument);
  }
}
