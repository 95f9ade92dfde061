import type { AnyEvent, NotificationResolution } from '@enforcement/contracts';
import type { Collection, Db } from 'mongodb';
import { MongoServerError } from 'mongodb';
import type { Acknowledgement, Notification } from '../domain/notification.ts';
import { Counter } from './counter.ts';
import { type OutboxFields, outboxOfNew, withEvents } from './outbox.ts';

export interface NotificationDocument extends Omit<Notification, 'id'>, OutboxFields {
  _id: string;
  updatedAt: Date;
}

export const NOTIFICATIONS_COLLECTION = 'notifications';
const DUPLICATE_KEY = 11000;

export function notificationOf(document: NotificationDocument): Notification {
  const { _id, updatedAt: _u, outbox: _o, outboxDueAt: _d, outboxLease: _l, ...fields } = document;
  return { id: _id, ...fields };
}

/** Notifications and their outbox: each state change and its event land in one write. */
export class NotificationStore {
  readonly collection: Collection<NotificationDocument>;
  readonly seq: Counter;

  constructor(db: Db) {
    this.collection = db.collection<NotificationDocument>(NOTIFICATIONS_COLLECTION);
    this.seq = new Counter(db, NOTIFICATIONS_COLLECTION);
  }

  async ensureIndexes(): Promise<void> {
    // Deduplication: at most one OPEN notification per rule and subject; resolved ones stay as history.
    await this.collection.createIndex(
      { ruleId: 1, subjectKey: 1 },
      { unique: true, partialFilterExpression: { state: 'open' }, name: 'one_open_per_rule_subject' },
    );
    await this.collection.createIndex({ state: 1, escalateAt: 1 }, { name: 'escalation_due' });
    await this.collection.createIndex({ audiences: 1, seq: 1 }, { name: 'feed_by_audience' });
  }

  /** Inserts a raised notification; false when one is already open for its rule and subject. */
  async raise(n: Notification, event: (stored: Notification) => AnyEvent, now: Date): Promise<boolean> {
    const { id, ...fields } = n;
    try {
      await this.collection.insertOne({
        _id: id,
        ...fields,
        updatedAt: now,
        ...outboxOfNew([event(n)], now),
      });
      return true;
    } catch (error) {
      if (error instanceof MongoServerError && error.code === DUPLICATE_KEY) return false;
      throw error;
    }
  }

  async findById(id: string): Promise<Notification | null> {
    const document = await this.collection.findOne({ _id: id });
    return document === null ? null : notificationOf(document);
  }

  /** Resolves the open notification of a rule and subject, if any; a second call finds none. */
  async resolve(
    key: { ruleId: string; subjectKey: string },
    resolution: NotificationResolution,
    event: (n: Notification) => AnyEvent,
    now: Date,
  ): Promise<boolean> {
    const open = await this.collection.findOne({
      ruleId: key.ruleId,
      subjectKey: key.subjectKey,
      state: 'open',
    });
    if (open === null) return false;
    const resolved: Notification = {
      ...notificationOf(open),
      state: 'resolved',
      resolution,
      resolvedAt: now,
      seq: await this.seq.next(),
    };
    const result = await this.collection.updateOne(
      { _id: open._id, state: 'open' },
      withEvents(
        {
          $set: {
            state: 'resolved',
            resolution,
            resolvedAt: now,
            escalateAt: null,
            seq: resolved.seq,
            updatedAt: now,
          },
        },
        [event(resolved)],
        now,
      ),
    );
    return result.modifiedCount === 1;
  }

  /** Open notifications whose escalation time passed, oldest first (indexed). */
  async dueForEscalation(now: Date, limit: number): Promise<Notification[]> {
    const documents = await this.collection
      .find({ state: 'open', escalateAt: { $lte: now } })
      .sort({ escalateAt: 1 })
      .limit(limit)
      .toArray();
    return documents.map(notificationOf);
  }

  /** Escalates from the level read; a concurrent sweep that escalated first makes this a no-op. */
  async escalate(from: Notification, next: Notification, event: AnyEvent, now: Date): Promise<boolean> {
    const result = await this.collection.updateOne(
      { _id: from.id, state: 'open', level: from.level },
      withEvents(
        {
          $set: {
            level: next.level,
            audiences: next.audiences,
            escalateAt: next.escalateAt,
            seq: next.seq,
            updatedAt: now,
          },
        },
        [event],
        now,
      ),
    );
    return result.modifiedCount === 1;
  }

  /** Records an acknowledgement of an open notification; false when it is no longer open. */
  async acknowledge(
    n: Notification,
    ack: Acknowledgement,
    escalateAt: Date | null,
    event: AnyEvent,
    seq: number,
  ): Promise<boolean> {
    const result = await this.collection.updateOne(
      { _id: n.id, state: 'open' },
      withEvents(
        { $push: { acknowledgements: ack }, $set: { escalateAt, seq, updatedAt: ack.at } },
        [event],
        ack.at,
      ),
    );
    return result.modifiedCount === 1;
  }
}
