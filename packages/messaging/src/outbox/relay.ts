import { randomUUID } from 'node:crypto';
import type { AnyEvent } from '@enforcement/contracts';
import type { Collection, Document } from 'mongodb';
import { type BackoffOptions, backoffDelay, sleep } from '../backoff.ts';
import { errorMessage, type Logger, silentLogger } from '../logger.ts';
import { createMessagingMetrics, type MessagingMetrics } from '../metrics.ts';
import type { OutboxEntry, OutboxFields } from './entry.ts';
import { type OutboxStats, readOutboxStats } from './stats.ts';

/** Anything that publishes an event with confirms; an EventPublisher in production. */
export interface EventSink {
  publish(event: AnyEvent): Promise<void>;
}

export interface OutboxRelayOptions {
  /** The aggregate collection whose documents carry outbox fields. */
  collection: Collection<Document>;
  publisher: EventSink;
  /** Names this relay in leases; unique per process (default: a random UUID). */
  owner?: string;
  /** How long a claim on a document lasts without progress (default 30 s); renewed on each publish. */
  leaseMs?: number;
  /** Pause between looks for due documents when idle (default 500 ms); `kick()` cuts it short. */
  pollIntervalMs?: number;
  /** Delay between failed publishes of an event (default 1 s growing to 60 s). */
  retry?: BackoffOptions;
  /** An event pending longer than this is reported as stuck (default 60 s). */
  stuckAfterMs?: number;
  /** How often the pending/oldest/stuck figures are refreshed (default 5 s). */
  statsIntervalMs?: number;
  logger?: Logger;
  metrics?: MessagingMetrics;
}

type OutboxDocument = Document & OutboxFields;

const defaultRetry: BackoffOptions = { initialMs: 1_000, maxMs: 60_000, factor: 2, jitter: 0.3 };

/**
 * Publishes the events services wrote into their aggregates' outboxes. Each pass claims one due
 * document at a time with findOneAndUpdate (a lease), publishes its events in array order with
 * confirms and pulls each one once confirmed, so several replicas can run side by side: a document
 * is worked by one relay at a time, which keeps the order per subject. Delivery is at least once:
 * a relay that dies after a confirm and before the pull gets that event published again.
 */
export class OutboxRelay {
  readonly owner: string;
  readonly #options: OutboxRelayOptions;
  readonly #collection: Collection<OutboxDocument>;
  readonly #logger: Logger;
  readonly #metrics: MessagingMetrics;
  #stopping = new AbortController();
  #wake = new AbortController();
  #loop: Promise<void> | undefined;
  #lastStatsAt = 0;

  constructor(options: OutboxRelayOptions) {
    this.#options = options;
    this.owner = options.owner ?? randomUUID();
    this.#collection = options.collection as Collection<OutboxDocument>;
    this.#logger = options.logger ?? silentLogger;
    this.#metrics = options.metrics ?? createMessagingMetrics();
  }

  /** The index the relay's claim query runs on; call once at start (idempotent). */
  async ensureIndexes(): Promise<void> {
    await this.#collection.createIndex({ outboxDueAt: 1 }, { name: 'outbox_due' });
  }

  /** Starts publishing in the background until stop(). */
  start(): void {
    if (this.#loop) return;
    this.#stopping = new AbortController();
    this.#loop = this.#run();
  }

  /** Looks for due events now instead of at the next poll, e.g. right after a service wrote some. */
  kick(): void {
    this.#wake.abort();
  }

  /** Finishes the event being published, releases its lease and stops. */
  async stop(): Promise<void> {
    this.#stopping.abort();
    this.#wake.abort();
    await this.#loop;
    this.#loop = undefined;
  }

  /** Publishes everything due now, one document at a time; returns how many events were published. */
  async runOnce(): Promise<number> {
    let published = 0;
    while (!this.#stopping.signal.aborted) {
      const claimed = await this.#claim();
      if (claimed === null) break;
      published += await this.#publishDocument(claimed);
    }
    return published;
  }

  /** Recomputes pending, oldest age and stuck events for metrics, logging the stuck ones. */
  async refreshStats(now: Date = new Date()): Promise<OutboxStats> {
    const stats = await readOutboxStats(this.#collection, this.#options.stuckAfterMs ?? 60_000, now);
    const collection = this.#collection.collectionName;
    this.#metrics.outboxPending.set({ collection }, stats.pending);
    this.#metrics.outboxOldestAgeSeconds.set({ collection }, stats.oldestAgeMs / 1000);
    this.#metrics.outboxStuck.set({ collection }, stats.stuck.length);
    for (const entry of stats.stuck) {
      this.#logger.warn(
        {
          eventId: entry.event.id,
          type: entry.routingKey,
          correlationId: entry.event.correlationId,
          attempts: entry.attempts,
          lastError: entry.lastError,
          pendingMs: now.getTime() - entry.enqueuedAt.getTime(),
          collection,
        },
        'outbox event stuck: not published in time',
      );
    }
    return stats;
  }

  async #run(): Promise<void> {
    const signal = this.#stopping.signal;
    while (!signal.aborted) {
      this.#wake = new AbortController();
      try {
        await this.runOnce();
        if (Date.now() - this.#lastStatsAt >= (this.#options.statsIntervalMs ?? 5_000)) {
          this.#lastStatsAt = Date.now();
          await this.refreshStats();
        }
      } catch (error) {
        // MongoDB unavailable, most likely: the next pass tries again; nothing is lost meanwhile.
        this.#logger.error({ err: errorMessage(error), owner: this.owner }, 'outbox relay pass failed');
      }
      await sleep(this.#options.pollIntervalMs ?? 500, AbortSignal.any([signal, this.#wake.signal]));
    }
  }

  async #claim(): Promise<OutboxDocument | null> {
    const now = new Date();
    return this.#collection.findOneAndUpdate(
      {
        outboxDueAt: { $lte: now },
        $or: [{ outboxLease: null }, { 'outboxLease.until': { $lte: now } }],
      },
      { $set: { outboxLease: { owner: this.owner, until: this.#leaseEnd() } } },
      { sort: { outboxDueAt: 1 }, returnDocument: 'after', projection: { outbox: 1, outboxLease: 1 } },
    );
  }

  async #publishDocument(document: OutboxDocument): Promise<number> {
    const mine = { _id: document._id, 'outboxLease.owner': this.owner };
    let published = 0;
    for (const entry of document.outbox ?? []) {
      if (this.#stopping.signal.aborted) break;
      try {
        await this.#options.publisher.publish(entry.event);
      } catch (error) {
        await this.#recordFailure(document, entry, error);
        return published;
      }
      // Typed as a plain Document: the driver's PullOperator types cannot express a condition on an
      // array element's nested field.
      const pull: Document = {
        $pull: { outbox: { 'event.id': entry.event.id } },
        $set: { 'outboxLease.until': this.#leaseEnd() },
      };
      const pulled = await this.#collection.updateOne(mine, pull);
      if (pulled.matchedCount === 0) {
        // Our lease ran out and another relay took the document: it carries on from here.
        this.#logger.warn(
          { eventId: entry.event.id, type: entry.routingKey, owner: this.owner },
          'outbox lease lost',
        );
        return published;
      }
      published += 1;
    }
    // Events pushed while we worked keep the document due; otherwise it leaves the relay's index.
    const finished = await this.#collection.updateOne(
      { ...mine, outbox: { $size: 0 } },
      { $unset: { outboxDueAt: '', outboxLease: '' } },
    );
    if (finished.matchedCount === 0) await this.#collection.updateOne(mine, { $unset: { outboxLease: '' } });
    return published;
  }

  /** The failed event is the head of the outbox (those before it were pulled): count it and back off. */
  async #recordFailure(document: OutboxDocument, entry: OutboxEntry, error: unknown): Promise<void> {
    const attempts = entry.attempts + 1;
    const delayMs = backoffDelay(attempts, this.#options.retry ?? defaultRetry);
    this.#logger.warn(
      {
        eventId: entry.event.id,
        type: entry.routingKey,
        correlationId: entry.event.correlationId,
        attempts,
        delayMs,
        err: errorMessage(error),
      },
      'outbox publish failed; will retry',
    );
    await this.#collection.updateOne(
      { _id: document._id, 'outboxLease.owner': this.owner },
      {
        $inc: { 'outbox.0.attempts': 1 },
        $set: {
          'outbox.0.lastError': errorMessage(error).slice(0, 2_000),
          outboxDueAt: new Date(Date.now() + delayMs),
        },
        $unset: { outboxLease: '' },
      },
    );
  }

  #leaseEnd(): Date {
    return new Date(Date.now() + (this.#options.leaseMs ?? 30_000));
  }
}
