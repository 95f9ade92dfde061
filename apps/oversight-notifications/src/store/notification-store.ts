import type { AnyEvent, NotificationResolution } from '@enforcement/contracts';
import type { Collection, Db, Filter } from 'mongodb';
import { MongoServerError } from 'mongodb';
import type { Acknowledgement, Notification } from '../domain/notification.ts';
import { type OutboxFields, outboxOfNew, withEvents } from './outbox.ts';
import { Sequencer } from './sequencer.ts';

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
  readonly seq: Sequencer;

  constructor(db: Db) {
    this.collection = db.collection<NotificationDocument>(NOTIFICATIONS_COLLECTION);
    this.seq = new Sequencer(db, NOTIFICATIONS_COLLECTION);
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

  /**
   * Inserts the notification `build` makes with its change number; null when one is already open for
   * its rule and subject.
   */
  async raise(
    build: (seq: number) => Notification,
    event: (stored: Notification) => AnyEvent,
    now: Date,
  ): Promise<Notification | null> {
    return this.seq.around(async (seq) => {
      const n = build(seq);
      const { id, ...fields } = n;
      try {
        await this.collection.insertOne({
          _id: id,
          ...fields,
          updatedAt: now,
          ...outboxOfNew([event(n)], now),
        });
        return n;
      } catch (error) {
        if (error instanceof MongoServerError && error.code === DUPLICATE_KEY) return null;
        throw error;
      }
    });
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
    return this.seq.around(async (seq) => {
      const resolved: Notification = {
        ...notificationOf(open),
        state: 'resolved',
        resolution,
        resolvedAt: now,
        seq,
      };
      const result = await this.collection.updateOne(
        { _id: open._id, state: 'open' },
        withEvents(
          { $set: { state: 'resolved', resolution, resolvedAt: now, escalateAt: null, seq, updatedAt: now } },
          [event(resolved)],
          now,
        ),
      );
      return result.modifiedCount === 1;
    });
  }

  /**
   * The audience's notifications changed after `after`, oldest change first, never past the watermark:
   * a notification appears once, at its latest change, so a cursor on `seq` resumes with no gap and no
   * repeat even when writes of several replicas commit out of order.
   */
  async changes(query: ChangesQuery): Promise<ChangesPage> {
    const watermark = await this.seq.watermark();
    if (watermark <= query.after) return { items: [], watermark };
    const filter: Filter<NotificationDocument> = {
      audiences: query.audience,
      seq: { $gt: query.after, $lte: watermark },
    };
    if (query.state !== undefined) filter.state = query.state;
    if (query.severity !== undefined) filter.severity = { $in: query.severity };
    if (query.ruleId !== undefined) filter.ruleId = { $in: query.ruleId };
    if (query.province !== undefined) filter.province = { $in: query.province };
    const documents = await this.collection.find(filter).sort({ seq: 1 }).limit(query.limit).toArray();
    return { items: documents.map(notificationOf), watermark };
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
  async escalate(
    from: Notification,
    step: Pick<Notification, 'level' | 'audiences' | 'escalateAt'>,
    event: (next: Notification) => AnyEvent,
    now: Date,
  ): Promise<boolean> {
    return this.seq.around(async (seq) => {
      const next: Notification = { ...from, ...step, seq };
      const result = await this.collection.updateOne(
        { _id: from.id, state: 'open', level: from.level },
        withEvents(
          {
            $set: {
              level: next.level,
              audiences: next.audiences,
              escalateAt: next.escalateAt,
              seq,
              updatedAt: now,
            },
          },
          [event(next)],
          now,
        ),
      );
      return result.modifiedCount === 1;
    });
  }

  /** Records an acknowledgement of an open notification; its new change number, or null when no longer open. */
  async acknowledge(
    n: Notification,
    ack: Acknowledgement,
    escalateAt: Date | null,
    event: AnyEvent,
  ): Promise<number | null> {
    return this.seq.around(async (seq) => {
      const result = await this.collection.updateOne(
        { _id: n.id, state: 'open' },
        withEvents(
          { $push: { acknowledgements: ack }, $set: { escalateAt, seq, updatedAt: ack.at } },
          [event],
          ack.at,
        ),
      );
      return result.modifiedCount === 1 ? seq : null;
    });
  }
}

/** Which changes of an audience's notifications to read: after a change number, optionally narrowed. */
export interface ChangesQuery {
  audience: string;
  after: number;
  limit: number;
  state?: Notification['state'];
  severity?: Notification['severity'][];
  ruleId?: string[];
  province?: string[];
}

/** A page of changes, in change-number order, and the watermark it was read under. */
export interface ChangesPage {
  items: Notification[];
  /** Every change up to here has landed; a reader that reached it and saw nothing more is up to date. */
  watermark: number;
}
