import type { Collection, Document } from 'mongodb';
import type { OutboxEntry, OutboxFields } from './entry.ts';

/** What an outbox holds right now. */
export interface OutboxStats {
  pending: number;
  /** 0 when nothing is pending. */
  oldestAgeMs: number;
  /** Pending events older than the stuck bound (at most `maxStuckListed` of them). */
  stuck: OutboxEntry[];
}

/**
 * Reads every document with pending events (the index on outboxDueAt keeps this cheap while the
 * outbox is healthy, i.e. nearly empty). `scanLimit` bounds the cost when it is not.
 */
export async function readOutboxStats(
  collection: Collection<Document & OutboxFields>,
  stuckAfterMs: number,
  now: Date,
  scanLimit = 10_000,
  maxStuckListed = 20,
): Promise<OutboxStats> {
  const documents = await collection
    .find({ outboxDueAt: { $exists: true } }, { projection: { outbox: 1 } })
    .limit(scanLimit)
    .toArray();
  let pending = 0;
  let oldest = now.getTime();
  const stuck: OutboxEntry[] = [];
  for (const document of documents) {
    for (const entry of document.outbox ?? []) {
      pending += 1;
      const enqueued = entry.enqueuedAt.getTime();
      oldest = Math.min(oldest, enqueued);
      if (now.getTime() - enqueued > stuckAfterMs && stuck.length < maxStuckListed) stuck.push(entry);
    }
  }
  return { pending, oldestAgeMs: now.getTime() - oldest, stuck };
}
