import type { AgencyCode, AnyEvent, ProvinceCode } from '@enforcement/contracts';
import type { Collection, Db, Filter } from 'mongodb';
import type { Completion, ProgressReport, Resolution } from '../domain/resolution.ts';
import type { OverdueTally } from '../domain/resolution-rules.ts';
import { type OutboxFields, outboxOfNew, withEvents } from './outbox.ts';

export interface ResolutionDocument extends Omit<Resolution, 'id'>, OutboxFields {
  _id: string;
  updatedAt: Date;
}

export const RESOLUTIONS_COLLECTION = 'resolutions';
/** Writers racing on one resolution are rare; this many fresh attempts settle them. */
const WRITE_ATTEMPTS = 5;

/** What became of a completion: done, or why not. */
export type CompletionOutcome =
  | { kind: 'completed'; resolution: Resolution }
  | { kind: 'not_found' }
  | { kind: 'not_open'; current: Resolution }
  | { kind: 'version_mismatch'; current: Resolution };

export function resolutionOf(document: ResolutionDocument): Resolution {
  const { _id, updatedAt: _u, outbox: _o, outboxDueAt: _d, outboxLease: _l, ...fields } = document;
  return { id: _id, ...fields };
}

/** Which resolutions a caller may list: the seats it holds (all, for inspection) within its province limit. */
export interface ResolutionVisibility {
  /** Only resolutions of workgroups where this agency sits; undefined: every workgroup. */
  seat?: AgencyCode;
  /** A provincial key sees its province's workgroups and the national ones. */
  province?: ProvinceCode;
}

export interface ResolutionListQuery {
  workgroupId?: string;
  assignee?: AgencyCode;
  province?: ProvinceCode;
  state?: Resolution['state'];
  overdue?: boolean;
  limit: number;
}

/** Where the previous page ended: the listing is by due date, then id. */
export interface ResolutionPosition {
  dueAt: Date;
  id: string;
}

/** Resolutions and their outbox: creation and completion write their events in the same write. */
export class ResolutionStore {
  readonly collection: Collection<ResolutionDocument>;

  constructor(db: Db) {
    this.collection = db.collection<ResolutionDocument>(RESOLUTIONS_COLLECTION);
  }

  async ensureIndexes(): Promise<void> {
    // The sweep's tally of every overdue resolution reads only those past due, not all open ones.
    await this.collection.createIndex({ state: 1, dueAt: 1 }, { name: 'overdue' });
    // One agency office's tally, after a completion.
    await this.collection.createIndex(
      { state: 1, assigneeAgency: 1, province: 1, dueAt: 1 },
      { name: 'open_by_assignee' },
    );
    await this.collection.createIndex({ 'workgroup.id': 1, dueAt: 1, _id: 1 }, { name: 'by_workgroup' });
    await this.collection.createIndex({ 'workgroup.seats': 1, dueAt: 1, _id: 1 }, { name: 'by_seat' });
  }

  async insert(resolution: Resolution, event: AnyEvent, now: Date): Promise<void> {
    const { id, ...fields } = resolution;
    await this.collection.insertOne({ _id: id, ...fields, updatedAt: now, ...outboxOfNew([event], now) });
  }

  async findById(id: string): Promise<Resolution | null> {
    const document = await this.collection.findOne({ _id: id });
    return document === null ? null : resolutionOf(document);
  }

  /** Appends a progress report to an open resolution (of the version given, if any); its new version, or null. */
  async addProgress(id: string, report: ProgressReport, expectedVersion: number | undefined, now: Date) {
    const document = await this.collection.findOneAndUpdate(
      { _id: id, state: 'open', ...(expectedVersion === undefined ? {} : { version: expectedVersion }) },
      { $push: { progress: report }, $inc: { version: 1 }, $set: { updatedAt: now } },
      { returnDocument: 'after' },
    );
    return document === null ? null : resolutionOf(document);
  }

  /**
   * Closes an open resolution with its event, filtered by the version read; a concurrent progress
   * report only bumps the version, so the completion is tried again on the fresh read unless the
   * client pinned a version with If-Match.
   */
  async complete(
    id: string,
    completion: Completion,
    expectedVersion: number | undefined,
    event: (completed: Resolution) => AnyEvent,
    now: Date,
  ): Promise<CompletionOutcome> {
    for (let attempt = 0; attempt < WRITE_ATTEMPTS; attempt += 1) {
      const current = await this.findById(id);
      if (current === null) return { kind: 'not_found' };
      if (current.state !== 'open') return { kind: 'not_open', current };
      if (expectedVersion !== undefined && expectedVersion !== current.version)
        return { kind: 'version_mismatch', current };
      const completed: Resolution = {
        ...current,
        state: 'completed',
        completion,
        version: current.version + 1,
      };
      const result = await this.collection.updateOne(
        { _id: id, version: current.version },
        withEvents(
          { $set: { state: 'completed', completion, version: completed.version, updatedAt: now } },
          [event(completed)],
          now,
        ),
      );
      if (result.modifiedCount === 1) return { kind: 'completed', resolution: completed };
    }
    throw new Error(`resolution ${id} changed on every attempt to complete it`);
  }

  async list(
    query: ResolutionListQuery,
    visibility: ResolutionVisibility,
    after: ResolutionPosition | undefined,
    now: Date,
  ): Promise<{ items: Resolution[]; more: boolean }> {
    const clauses: Filter<ResolutionDocument>[] = [];
    if (visibility.seat !== undefined) clauses.push({ 'workgroup.seats': visibility.seat });
    if (visibility.province !== undefined) clauses.push({ province: { $in: [visibility.province, null] } });
    if (query.workgroupId !== undefined) clauses.push({ 'workgroup.id': query.workgroupId });
    if (query.assignee !== undefined) clauses.push({ assigneeAgency: query.assignee });
    if (query.province !== undefined) clauses.push({ province: query.province });
    if (query.state !== undefined) clauses.push({ state: query.state });
    if (query.overdue === true) clauses.push({ state: 'open', dueAt: { $lte: now } });
    if (query.overdue === false) clauses.push({ $or: [{ state: 'completed' }, { dueAt: { $gt: now } }] });
    if (after !== undefined) {
      clauses.push({
        $or: [{ dueAt: { $gt: after.dueAt } }, { dueAt: after.dueAt, _id: { $gt: after.id } }],
      });
    }
    const documents = await this.collection
      .find(clauses.length === 0 ? {} : { $and: clauses })
      .sort({ dueAt: 1, _id: 1 })
      .limit(query.limit + 1)
      .toArray();
    return { items: documents.slice(0, query.limit).map(resolutionOf), more: documents.length > query.limit };
  }

  /**
   * The open resolutions at or past their due date, tallied per assignee agency and province (only
   * that office's when `only` is given).
   */
  async overdueTallies(
    now: Date,
    only?: { agency: AgencyCode; province: ProvinceCode | null },
  ): Promise<OverdueTally[]> {
    const match: Filter<ResolutionDocument> = {
      state: 'open',
      ...(only === undefined ? {} : { assigneeAgency: only.agency, province: only.province }),
      dueAt: { $lte: now },
    };
    const groups = await this.collection
      .aggregate<{ _id: { agency: AgencyCode; province: ProvinceCode | null }; dueAts: Date[] }>([
        { $match: match },
        {
          $group: {
            _id: { agency: '$assigneeAgency', province: '$province' },
            dueAts: { $push: '$dueAt' },
          },
        },
      ])
      .toArray();
    return groups.map((group) => ({
      agency: group._id.agency,
      province: group._id.province,
      dueAts: group.dueAts,
    }));
  }
}
