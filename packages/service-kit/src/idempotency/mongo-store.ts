import { type Collection, type Db, MongoServerError } from 'mongodb';
import type { BeginOutcome, IdempotencyStore, StoredResponse } from './store.ts';

/** One remembered Idempotency-Key; `response` is absent while the first request is in flight. */
interface IdempotencyDocument {
  _id: string;
  fingerprint: string;
  response?: StoredResponse;
  expiresAt: Date;
}

const DUPLICATE_KEY = 11000;

/**
 * Idempotency-Key records shared by every replica. `begin` is an insert-if-absent on `_id`, so of
 * two concurrent requests with one key exactly one proceeds. A TTL index removes expired records;
 * as the TTL sweep lags, an expired record still present is taken over explicitly.
 */
export class MongoIdempotencyStore implements IdempotencyStore {
  readonly #records: Collection<IdempotencyDocument>;
  readonly #now: () => Date;

  constructor(db: Db, options: { collection?: string; now?: () => Date } = {}) {
    this.#records = db.collection<IdempotencyDocument>(options.collection ?? 'idempotency_keys');
    this.#now = options.now ?? (() => new Date());
  }

  async ensureIndexes(): Promise<void> {
    await this.#records.createIndex({ expiresAt: 1 }, { name: 'expiry_ttl', expireAfterSeconds: 0 });
  }

  async begin(key: string, fingerprint: string, ttlMs: number): Promise<BeginOutcome> {
    const now = this.#now();
    const fresh = { fingerprint, expiresAt: new Date(now.getTime() + ttlMs) };
    try {
      await this.#records.insertOne({ _id: key, ...fresh });
      return { state: 'started' };
    } catch (error) {
      if (!(error instanceof MongoServerError && error.code === DUPLICATE_KEY)) throw error;
    }
    const taken = await this.#records.updateOne(
      { _id: key, expiresAt: { $lte: now } },
      { $set: fresh, $unset: { response: '' } },
    );
    if (taken.modifiedCount === 1) return { state: 'started' };
    const existing = await this.#records.findOne({ _id: key });
    // Gone between the two reads (expired and swept): the key is free again.
    if (existing === null) return this.begin(key, fingerprint, ttlMs);
    return existing.response === undefined
      ? { state: 'in_progress', fingerprint: existing.fingerprint }
      : { state: 'completed', fingerprint: existing.fingerprint, response: existing.response };
  }

  async complete(key: string, response: StoredResponse, ttlMs: number): Promise<void> {
    const expiresAt = new Date(this.#now().getTime() + ttlMs);
    await this.#records.updateOne({ _id: key }, { $set: { response, expiresAt } });
  }

  async abandon(key: string): Promise<void> {
    await this.#records.deleteOne({ _id: key, response: { $exists: false } });
  }
}
