import { z } from 'zod';
import { entityIdSchema, serviceNameSchema, traceIdSchema } from '../values/identifiers.ts';
import { utcDateTimeSchema } from '../values/time.ts';

/** The one durable topic exchange every event is published to. */
export const EVENTS_EXCHANGE = 'enforcement.events';
export const EVENTS_EXCHANGE_TYPE = 'topic';

/** `case.registered` + 1 -> `case.registered.v1`: the routing key and the channel address. */
export type RoutingKey<T extends string, V extends number> = `${T}.v${V}`;

export function routingKeyOf<T extends string, V extends number>(type: T, version: V): RoutingKey<T, V> {
  return `${type}.v${version}`;
}

/** `<context>.<what_happened>` in snake_case, e.g. `goods.transit_opened`. */
export const eventTypeSchema = z
  .string()
  .regex(/^[a-z][a-z_]*\.[a-z][a-z_]*$/, 'an event type is <context>.<what_happened>, e.g. case.registered');

const envelopeFields = {
  id: z.uuid().meta({ description: 'Unique per event; consumers deduplicate on it (inbox)' }),
  occurredAt: utcDateTimeSchema.meta({ description: 'When the change happened (UTC)' }),
  producer: serviceNameSchema.meta({ description: 'The service that published the event' }),
  correlationId: traceIdSchema.meta({ description: 'Shared by every event and request of one chain' }),
  causationId: traceIdSchema
    .nullable()
    .default(null)
    .meta({ description: 'Id of the event or request that caused this one; null for the first of a chain' }),
};

/**
 * The envelope of one catalog entry, as consumers read it. Objects are Zod's default (non-strict)
 * objects: fields a consumer does not know are accepted and stripped, so producers can add optional
 * fields without breaking anyone.
 */
export function envelopeSchemaOf<T extends string, V extends number, K extends string, P extends z.ZodType>(
  type: T,
  version: V,
  subjectKind: K,
  payload: P,
) {
  return z.object({
    ...envelopeFields,
    type: z.literal(type),
    version: z.literal(version),
    subject: z.object({ kind: z.literal(subjectKind), id: entityIdSchema }),
    payload,
  });
}

/** The envelope with any type and an unread payload: the first step of reading a message. */
export const eventHeaderSchema = z.object({
  ...envelopeFields,
  type: eventTypeSchema,
  version: z.int().min(1),
  subject: z.object({ kind: z.string().min(1), id: entityIdSchema }),
  payload: z.unknown(),
});

export type EventHeader = z.output<typeof eventHeaderSchema>;
