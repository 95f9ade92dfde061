import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { ServiceName } from '../vocab/services.ts';
import {
  type EventDefinitionOf,
  type EventOf,
  type EventType,
  type EventVersion,
  findEventDefinition,
} from './catalog.ts';
import { describeIssues, fieldIssues } from './issues.ts';

/**
 * What a publisher writes: the envelope without what the library fills in. `id` and `occurredAt`
 * may be given (tests, replays); `producer` defaults to the catalog's producer of the event.
 */
export interface EventDraft<T extends EventType, V extends EventVersion<T>> {
  version: V;
  subjectId: string;
  correlationId: string;
  causationId?: string | null;
  payload: z.input<EventDefinitionOf<T, V>['payload']>;
  producer?: ServiceName;
  id?: string;
  occurredAt?: Date | string;
}

/** A draft that does not match its contract: a bug in the publisher, caught before it reaches the broker. */
export class EventContractError extends Error {
  override readonly name = 'EventContractError';
}

/**
 * Builds a complete, validated event in canonical form (rials as digit strings, ids normalized).
 * Throws EventContractError naming the offending field: a producer must not publish a broken event.
 */
export function newEvent<T extends EventType, V extends EventVersion<T>>(
  type: T,
  draft: EventDraft<T, V>,
): EventOf<T, V> {
  const definition = findEventDefinition(type, draft.version);
  if (definition === undefined)
    throw new EventContractError(`unknown event: ${type} version ${draft.version}`);
  const occurredAt = draft.occurredAt ?? new Date();
  const parsed = definition.schema.safeParse({
    id: draft.id ?? randomUUID(),
    type,
    version: draft.version,
    occurredAt: occurredAt instanceof Date ? occurredAt.toISOString() : occurredAt,
    producer: draft.producer ?? definition.producer,
    correlationId: draft.correlationId,
    causationId: draft.causationId ?? null,
    subject: { kind: definition.subjectKind, id: draft.subjectId },
    payload: draft.payload,
  });
  if (!parsed.success) {
    throw new EventContractError(
      `invalid ${definition.routingKey} event: ${describeIssues(fieldIssues(parsed.error))}`,
    );
  }
  // The entry was looked up by this type and version, so its output is EventOf<T, V>.
  return parsed.data as EventOf<T, V>;
}
