import type { AnyEvent } from '@enforcement/contracts';
import type { Collection, Db, Filter } from 'mongodb';
import type { ExecutionUnit, OfficerDeployment } from '../domain/units.ts';
import { type OutboxFields, withEvents } from './outbox.ts';

/** An execution unit as stored, with its roster and the outbox of its events. */
interface UnitDocument extends Omit<ExecutionUnit, 'id'>, OutboxFields {
  _id: string;
}

/** Outbox fields are the relay's business, never part of a unit as read. */
const UNIT_VIEW_PROJECTION = { outbox: 0, outboxDueAt: 0, outboxLease: 0 } as const;

export interface UnitListFilter {
  province?: string | undefined;
  kind?: string | undefined;
  afterId?: string | undefined;
  limit: number;
}

function unitFromDocument(document: Omit<UnitDocument, keyof OutboxFields>): ExecutionUnit {
  const { _id, ...rest } = document;
  return { id: _id, ...rest };
}

export const UNITS_COLLECTION = 'execution_units';

/** The `execution_units` collection; roster changes are filtered by id and version like cases. */
export class UnitRepository {
  readonly #units: Collection<UnitDocument>;

  constructor(db: Db) {
    this.#units = db.collection<UnitDocument>(UNITS_COLLECTION);
  }

  async ensureIndexes(): Promise<void> {
    await this.#units.createIndexes([
      { key: { province: 1, _id: 1 }, name: 'by_province' },
      { key: { kind: 1, _id: 1 }, name: 'by_kind' },
    ]);
  }

  async insert(unit: ExecutionUnit): Promise<void> {
    const { id, ...rest } = unit;
    await this.#units.insertOne({ _id: id, ...rest });
  }

  async findById(id: string): Promise<ExecutionUnit | null> {
    const document = await this.#units.findOne({ _id: id }, { projection: UNIT_VIEW_PROJECTION });
    return document === null ? null : unitFromDocument(document);
  }

  /** Adds a deployment and its event; false when the unit changed since it was read. */
  async addDeployment(
    unit: ExecutionUnit,
    deployment: OfficerDeployment,
    events: readonly AnyEvent[],
    now: Date,
  ): Promise<boolean> {
    const result = await this.#units.updateOne(
      { _id: unit.id, version: unit.version },
      withEvents({ $inc: { version: 1 }, $push: { deployments: deployment } }, events, now),
    );
    return result.matchedCount === 1;
  }

  /** Records a release and its event; false when the unit changed since it was read. */
  async releaseDeployment(
    unit: ExecutionUnit,
    released: OfficerDeployment,
    events: readonly AnyEvent[],
    now: Date,
  ): Promise<boolean> {
    const result = await this.#units.updateOne(
      { _id: unit.id, version: unit.version, 'deployments.deploymentId': released.deploymentId },
      withEvents(
        { $inc: { version: 1 }, $set: { 'deployments.$.releasedAt': released.releasedAt } },
        events,
        now,
      ),
    );
    return result.matchedCount === 1;
  }

  async list(filter: UnitListFilter): Promise<{ items: ExecutionUnit[]; more: boolean }> {
    const query: Filter<UnitDocument> = {
      ...(filter.province === undefined ? {} : { province: filter.province as UnitDocument['province'] }),
      ...(filter.kind === undefined ? {} : { kind: filter.kind as UnitDocument['kind'] }),
      ...(filter.afterId === undefined ? {} : { _id: { $gt: filter.afterId } }),
    };
    const documents = await this.#units
      .find(query, { projection: UNIT_VIEW_PROJECTION })
      .sort({ _id: 1 })
      .limit(filter.limit + 1)
      .toArray();
    return {
      items: documents.slice(0, filter.limit).map(unitFromDocument),
      more: documents.length > filter.limit,
    };
  }
}
