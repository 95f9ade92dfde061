import { z } from 'zod';

export const MAX_LIST_LIMIT = 1_000;
export const DEFAULT_LIST_LIMIT = 50;
export const MAX_REDRIVE_LIMIT = 10_000;

const text = (description: string) => z.string().optional().meta({ description });

/** A dead-lettered message as the routes show it (`DeadLetter`); absent members were not on the message. */
export const deadLetterSchema = z.object({
  messageId: text('The event id'),
  routingKey: text('The routing key it was published with, e.g. case.verdict_issued.v1'),
  correlationId: text('The correlation id it carried'),
  reason: text(
    'Why it was dead-lettered: invalid_json, invalid_envelope, unknown_event, invalid_payload, no_handler, rejected, retries_exhausted',
  ),
  detail: text("The consumer's explanation: the failing field paths, or the handler's last error"),
  attempts: z.number().int().meta({ description: 'Attempts the consumer made before dead-lettering it' }),
  deadLetteredAt: text('When it was (last) dead-lettered, ISO 8601'),
  redrivenAt: text('When it was last re-driven, if ever: it failed again after that'),
  body: z.unknown().meta({ description: 'The message body: its JSON, or the raw text when it is not JSON' }),
});

export const consumerParamsSchema = z.object({
  consumer: z.string().meta({ description: 'The consumer, e.g. case-events' }),
});

export const messageParamsSchema = consumerParamsSchema.extend({
  messageId: z.string().meta({ description: 'The message id (the event id)' }),
});

/** Query values arrive as text. */
export const listQuerySchema = z.strictObject({
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_LIST_LIMIT)
    .default(DEFAULT_LIST_LIMIT)
    .meta({ description: 'How many messages to show, oldest first' }),
});

export const listResponseSchema = z
  .object({
    consumer: z.string(),
    total: z.number().int().meta({ description: 'Messages in the dead-letter queue' }),
    items: z.array(deadLetterSchema),
  })
  .meta({ description: 'The first messages and how many wait in all' });

export const redriveBodySchema = z.strictObject({
  messageIds: z
    .array(z.string().min(1).max(512))
    .max(1_000)
    .optional()
    .meta({ description: 'Only these messages; every one (up to limit) when absent' }),
  limit: z
    .number()
    .int()
    .min(1)
    .max(MAX_REDRIVE_LIMIT)
    .optional()
    .meta({ description: `At most this many messages (default ${MAX_REDRIVE_LIMIT})` }),
});

export const redriveResponseSchema = z
  .object({ consumer: z.string(), redriven: z.array(z.string()) })
  .meta({ description: 'The ids of the messages moved back' });
