import type { Collection, Db, Filter } from 'mongodb';
import type { WebhookDelivery } from '../webhooks/webhook.ts';

interface DeliveryDocument extends Omit<WebhookDelivery, 'id'> {
  _id: string;
}

export const WEBHOOK_DELIVERIES_COLLECTION = 'webhook_deliveries';

function deliveryOf(document: DeliveryDocument): WebhookDelivery {
  const { _id, ...fields } = document;
  return { id: _id, ...fields };
}

/** The delivery log: one document per attempt, read newest first per webhook. */
export class WebhookDeliveryStore {
  readonly collection: Collection<DeliveryDocument>;

  constructor(db: Db) {
    this.collection = db.collection<DeliveryDocument>(WEBHOOK_DELIVERIES_COLLECTION);
  }

  async ensureIndexes(): Promise<void> {
    await this.collection.createIndex({ webhookId: 1, number: -1 }, { name: 'log_by_webhook' });
  }

  async record(delivery: WebhookDelivery): Promise<void> {
    const { id, ...fields } = delivery;
    await this.collection.insertOne({ _id: id, ...fields });
  }

  /** A webhook's attempts, newest first, numbered below `before` when given. */
  async newestFirst(webhookId: string, limit: number, before?: number): Promise<WebhookDelivery[]> {
    const filter: Filter<DeliveryDocument> = { webhookId };
    if (before !== undefined) filter.number = { $lt: before };
    const documents = await this.collection.find(filter).sort({ number: -1 }).limit(limit).toArray();
    return documents.map(deliveryOf);
  }

  async deleteOf(webhookId: string): Promise<void> {
    await this.collection.deleteMany({ webhookId });
  }
}
