import type { Severity } from '@enforcement/contracts';
import type { Collection, Db, Document } from 'mongodb';
import { NOTIFICATIONS_COLLECTION, type NotificationDocument } from './notification-store.ts';

/** Which open notifications of an audience to count: the feed's filters, state aside. */
export interface OpenCountsQuery {
  audience: string;
  severity?: Severity[];
  ruleId?: string[];
  province?: string[];
}

export interface OpenCounts {
  open: number;
  bySeverity: Record<Severity, number>;
}

/** Counts of an audience's open notifications by severity, for the head of its feed. */
export class FeedCounts {
  readonly #collection: Collection<NotificationDocument>;

  constructor(db: Db) {
    this.#collection = db.collection<NotificationDocument>(NOTIFICATIONS_COLLECTION);
  }

  async ensureIndexes(): Promise<void> {
    // Open notifications are a small slice of an audience's history: count them without reading the rest.
    await this.#collection.createIndex(
      { audiences: 1, state: 1, severity: 1 },
      { name: 'open_by_audience_severity' },
    );
  }

  async openCounts(query: OpenCountsQuery): Promise<OpenCounts> {
    const match: Document = { audiences: query.audience, state: 'open' };
    if (query.severity !== undefined) match.severity = { $in: query.severity };
    if (query.ruleId !== undefined) match.ruleId = { $in: query.ruleId };
    if (query.province !== undefined) match.province = { $in: query.province };
    const groups = await this.#collection
      .aggregate<{ _id: Severity; count: number }>([
        { $match: match },
        { $group: { _id: '$severity', count: { $sum: 1 } } },
      ])
      .toArray();
    const bySeverity: Record<Severity, number> = { info: 0, warning: 0, high: 0, critical: 0 };
    for (const group of groups) if (group._id in bySeverity) bySeverity[group._id] = group.count;
    const open = Object.values(bySeverity).reduce((sum, count) => sum + count, 0);
    return { open, bySeverity };
  }
}
