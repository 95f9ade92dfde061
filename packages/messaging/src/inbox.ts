import { type Collection, type Db, MongoServerError } from 'mongodb';

/** One event a consumer finished handling. */
export interface InboxRecord {
  consumer: string;
  eventId: string;
  type: string;
  processedAt: Date;
}

/** What a consumer needs to run each event's handler once (despite at-least-once delivery). */
export interface Inbox {
  /** True when `consumer` already finished the event. */
  seen(consumer: string, eventId: string): Promise<boolean>;
  /** Records the event as finished; recording it twice is not an error. */
  record(consumer: string, eventId: string, type: string): Promise<void>;
}

const DUPLICATE_KEY = 11000;

/**
 * The inbox in a MongoDB collection with a unique index on (consumer, eventId). A record is written
 * after the handler succeeds and before the ack: a crash in between reruns the handler once more,
 * so handlers still make their own writes idempotent where a rerun would hurt (e.g. upserts).
 */
export class MongoInbox implements Inbox {
  readonly #collection: Collection<InboxRecord>;

  constructor(db: Db, collectionName = 'messaging_inbox') {
    this.#collection = db.collection<InboxRecord>(collectionName);
  }

  /** Creates the unique index; call once at start (idempotent). */
  async ensureIndexes(): Promise<void> {
    await this.#collection.createIndex({ consumer: 1, eventId: 1 }, { unique: true, name: 'consumer_event' });
  }

  async seen(consumer: string, eventId: string): Promise<boolean> {
    const found = await this.#collection.findOne({ consumer, eventId }, { projection: { _id: 1 } });
    return found !== null;
  }

  async record(consumer: string, eventId: string, type: string): Promise<void> {
    try {
      await this.#collection.insertOne({ consumer, eventId, type, processedAt: new Date() });
    } catch (error) {
      // Two deliveries of one event handled side by side: the first record stands.
      if (error instanceof MongoServerError && error.code === DUPLICATE_KEY) return;
      throw error;
    }
  }
}
