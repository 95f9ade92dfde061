import type { Collection, Db, Filter } from 'mongodb';
import type { Webhook } from '../webhooks/webhook.ts';
import { WebhookDeliveryStore } from './webhook-delivery-store.ts';

interface WebhookDocument extends Omit<Webhook, 'id'> {
  _id: string;
  /** Kept only to sign deliveries: never returned by reads, never logged. */
  secret: string;
  /** The replica delivering to it now, and until when its claim holds. */
  lease: { owner: string; until: Date } | null;
  updatedAt: Date;
}

/** A webhook claimed for one delivery, with the secret to sign it. */
export interface ClaimedWebhook extends Webhook {
  secret: string;
}

export const WEBHOOKS_COLLECTION = 'webhooks';

function webhookOf(document: WebhookDocument): Webhook {
  const { _id, secret: _s, lease: _l, updatedAt: _u, ...fields } = document;
  return { id: _id, ...fields };
}

/** Which webhooks a list shows: those of an agency, optionally only some audiences, by id. */
export interface WebhookListQuery {
  agency: string;
  audiences?: readonly string[];
  afterId?: string;
  limit: number;
}

/** Registered webhooks, their delivery cursors and leases; the delivery log is `deliveries`. */
export class WebhookStore {
  readonly collection: Collection<WebhookDocument>;
  readonly deliveries: WebhookDeliveryStore;

  constructor(db: Db) {
    this.collection = db.collection<WebhookDocument>(WEBHOOKS_COLLECTION);
    this.deliveries = new WebhookDeliveryStore(db);
  }

  async ensureIndexes(): Promise<void> {
    await Promise.all([
      this.collection.createIndex({ state: 1, nextAttemptAt: 1 }, { name: 'due_webhooks' }),
      this.collection.createIndex({ agency: 1, _id: 1 }, { name: 'webhooks_by_agency' }),
      this.deliveries.ensureIndexes(),
    ]);
  }

  async insert(webhook: Webhook, secret: string): Promise<void> {
    const { id, ...fields } = webhook;
    await this.collection.insertOne({
      _id: id,
      ...fields,
      secret,
      lease: null,
      updatedAt: webhook.createdAt,
    });
  }

  async findById(id: string): Promise<Webhook | null> {
    const document = await this.collection.findOne({ _id: id });
    return document === null ? null : webhookOf(document);
  }

  async list(query: WebhookListQuery): Promise<Webhook[]> {
    const filter: Filter<WebhookDocument> = { agency: query.agency };
    if (query.audiences !== undefined) filter.audience = { $in: [...query.audiences] };
    if (query.afterId !== undefined) filter._id = { $gt: query.afterId };
    const documents = await this.collection.find(filter).sort({ _id: 1 }).limit(query.limit).toArray();
    return documents.map(webhookOf);
  }

  /**
   * Claims the active webhook waiting longest whose retry time has come and that has changes to catch
   * up on (its cursor below the watermark), unless another replica holds it: one delivery at a time per
   * webhook across replicas. The lease outlives a delivery, so only a replica that died loses it.
   */
  async claimDue(claim: {
    now: Date;
    watermark: number;
    owner: string;
    leaseMs: number;
  }): Promise<ClaimedWebhook | null> {
    const document = await this.collection.findOneAndUpdate(
      {
        state: 'active',
        nextAttemptAt: { $lte: claim.now },
        cursor: { $lt: claim.watermark },
        $or: [{ lease: null }, { 'lease.until': { $lte: claim.now } }],
      },
      { $set: { lease: { owner: claim.owner, until: new Date(claim.now.getTime() + claim.leaseMs) } } },
      { sort: { nextAttemptAt: 1 }, returnDocument: 'after' },
    );
    return document === null ? null : { ...webhookOf(document), secret: document.secret };
  }

  /**
   * Ends a claim, writing what the delivery changed; false when the claim was lost meanwhile (lease
   * expired and taken over, or the webhook deleted), in which case nothing is written.
   */
  async release(
    claimed: Pick<Webhook, 'id' | 'cursor'>,
    owner: string,
    changes: Partial<Omit<Webhook, 'id' | 'agency' | 'audience' | 'url' | 'createdAt' | 'createdBy'>>,
    now: Date,
  ): Promise<boolean> {
    const result = await this.collection.updateOne(
      { _id: claimed.id, cursor: claimed.cursor, 'lease.owner': owner },
      { $set: { ...changes, lease: null, updatedAt: now } },
    );
    return result.modifiedCount === 1;
  }

  /** Makes a paused webhook active again, due at once, with its failure count reset; null when absent. */
  async resume(id: string, now: Date): Promise<Webhook | null> {
    await this.collection.updateOne(
      { _id: id, state: 'paused' },
      {
        $set: {
          state: 'active',
          consecutiveFailures: 0,
          nextAttemptAt: now,
          pausedAt: null,
          pausedReason: null,
          updatedAt: now,
        },
      },
    );
    return this.findById(id);
  }

  /** Deletes a webhook and its delivery log; false when it was not there. */
  async delete(id: string): Promise<boolean> {
    const result = await this.collection.deleteOne({ _id: id });
    await this.deliveries.deleteOf(id);
    return result.deletedCount === 1;
  }
}
