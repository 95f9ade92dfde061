import { type AnyEvent, parseEvent, routingKeyOf } from '@enforcement/contracts';
import type { Document } from 'mongodb';
import { invalidEvent } from '../errors.ts';

/** One event waiting in an aggregate's outbox, kept in the aggregate's own document. */
export interface OutboxEntry {
  event: AnyEvent;
  routingKey: string;
  enqueuedAt: Date;
  /** Failed publish attempts so far. */
  attempts: number;
  lastError: string | null;
}

/** A relay's claim on a document: only the owner publishes its outbox until `until`. */
export interface OutboxLease {
  owner: string;
  until: Date;
}

/**
 * The fields an aggregate document carries for its outbox. `outboxDueAt` is set while events wait
 * (the earliest time the relay should look at the document) and is what the relay's index serves.
 */
export interface OutboxFields {
  outbox?: OutboxEntry[];
  outboxDueAt?: Date;
  outboxLease?: OutboxLease | null;
}

/** Validated outbox entries: a broken event fails the state change instead of blocking the relay later. */
export function outboxEntries(events: readonly AnyEvent[], now: Date = new Date()): OutboxEntry[] {
  return events.map((event) => {
    const parsed = parseEvent(event);
    if (!parsed.ok) throw invalidEvent(parsed.error.message);
    return {
      event: parsed.event,
      routingKey: routingKeyOf(parsed.event.type, parsed.event.version),
      enqueuedAt: now,
      attempts: 0,
      lastError: null,
    };
  });
}

/**
 * Adds `events` to an update of the aggregate, so the state change and its events are written by
 * one updateOne (one document: atomic without a transaction):
 *
 *   await cases.updateOne({ _id, status: 'open' }, withOutbox({ $set: { status: 'closed' } }, [closed]));
 *
 * Events are appended in order; `$min` keeps `outboxDueAt` at the earliest pending time.
 */
export function withOutbox(update: Document, events: readonly AnyEvent[], now: Date = new Date()): Document {
  if (events.length === 0) return update;
  const push: Document = update.$push ?? {};
  const min: Document = update.$min ?? {};
  if ('outbox' in push || 'outboxDueAt' in min) throw new Error('the update already writes the outbox');
  return {
    ...update,
    $push: { ...push, outbox: { $each: outboxEntries(events, now) } },
    $min: { ...min, outboxDueAt: now },
  };
}

/** The outbox fields of a new aggregate, for insertOne: `{ ...caseDocument, ...newOutbox([registered]) }`. */
export function newOutbox(events: readonly AnyEvent[], now: Date = new Date()): OutboxFields {
  return events.length === 0 ? {} : { outbox: outboxEntries(events, now), outboxDueAt: now };
}
