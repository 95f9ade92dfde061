import type { AnyEvent } from '@enforcement/contracts';
import { newOutbox, type OutboxFields, withOutbox } from '@enforcement/messaging';
import type { Document } from 'mongodb';

/**
 * The transactional outbox, embedded in the aggregate's own document (packages/messaging's design):
 * a change's events are written by the SAME insertOne/updateOne as the change, so both land or
 * neither does, without transactions. Fields (owned by @enforcement/messaging):
 *   outbox: [{ event, routingKey, enqueuedAt, attempts, lastError }]  in publish order
 *   outboxDueAt: when the relay should next look at the document (set while events wait)
 *   outboxLease: { owner, until }  the relay's claim while publishing
 * Its OutboxRelay publishes each document's entries in order with confirms and `$pull`s them. This
 * is the one module of the service that touches those fields.
 */
export type { OutboxEntry, OutboxFields } from '@enforcement/messaging';

/** The outbox fields of a new aggregate, spread into its insertOne document. */
export function outboxOfNew(events: readonly AnyEvent[], now: Date): OutboxFields {
  return newOutbox(events, now);
}

/** `update` extended to append `events` to the aggregate's outbox in the same updateOne. */
export function withEvents(update: Document, events: readonly AnyEvent[], now: Date): Document {
  return withOutbox(update, events, now);
}
