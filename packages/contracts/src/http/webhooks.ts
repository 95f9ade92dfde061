import { z } from 'zod';
import { feedAudienceSchema, feedNotificationSchema } from './feeds.ts';
import { cursorPageQuerySchema, cursorPageSchema } from './pagination.ts';

/** HTTP bodies of oversight-notifications' webhooks: signed POSTs of an audience's notification changes. */

/** An audience entry as notifications carry it, as feeds name it: `agency` or `agency:province`. */
export const webhookAudienceSchema = feedAudienceSchema;

export const registerWebhookBodySchema = z.strictObject({
  audience: webhookAudienceSchema,
  url: z
    .string()
    .min(1)
    .max(2048)
    .meta({ description: 'http(s) URL on a host the operator allows; redirects are not followed' }),
  description: z.string().min(1).max(500).optional(),
});
export type RegisterWebhookBody = z.output<typeof registerWebhookBodySchema>;

export const webhookViewSchema = z
  .object({
    id: z.string(),
    agency: z.string(),
    audience: z.string(),
    url: z.string(),
    description: z.string().nullable(),
    state: z.enum(['active', 'paused']),
    cursor: z.int().min(0).meta({ description: 'Change number (seq) of the last change delivered' }),
    consecutiveFailures: z.int().min(0),
    attempts: z.int().min(0).meta({ description: 'Delivery attempts made so far' }),
    nextAttemptAt: z.string(),
    pausedAt: z.string().nullable(),
    pausedReason: z.string().nullable(),
    lastDeliveredAt: z.string().nullable(),
    lastFailureAt: z.string().nullable(),
    createdAt: z.string(),
    createdBy: z.string(),
  })
  .meta({ id: 'Webhook' });
export type WebhookView = z.output<typeof webhookViewSchema>;

export const registeredWebhookViewSchema = webhookViewSchema
  .extend({
    secret: z.string().meta({
      description: 'Signing secret, shown in this response only: keep it to verify Webhook-Signature',
    }),
  })
  .meta({ id: 'RegisteredWebhook' });

export const webhookListQuerySchema = cursorPageQuerySchema.extend({
  audience: webhookAudienceSchema.optional(),
});
export const webhookPageSchema = cursorPageSchema(webhookViewSchema);

export const webhookDeliveryViewSchema = z
  .object({
    id: z.string(),
    webhookId: z.string(),
    number: z.int().min(1).meta({ description: "Place in the webhook's log: 1 for its first attempt" }),
    messageId: z.string().meta({ description: 'Webhook-Id sent; the same on every attempt at one change' }),
    notificationId: z.string(),
    seq: z.int(),
    attempt: z.int().min(1),
    outcome: z.enum(['delivered', 'failed']),
    statusCode: z.int().nullable(),
    error: z.string().nullable(),
    durationMs: z.int().min(0),
    at: z.string(),
  })
  .meta({ id: 'WebhookDelivery' });
export type WebhookDeliveryView = z.output<typeof webhookDeliveryViewSchema>;

export const webhookDeliveryPageSchema = cursorPageSchema(webhookDeliveryViewSchema);

/**
 * The body POSTed to a receiver: one notification at its latest change. `seq` only grows per webhook,
 * so a receiver keeping the highest seq per notification id can ignore anything older.
 */
export const webhookMessageSchema = z
  .object({
    id: z.string().meta({ description: 'Equals the Webhook-Id header' }),
    type: z.literal('notification.changed'),
    webhookId: z.string(),
    audience: z.string(),
    seq: z.int(),
    notification: feedNotificationSchema,
  })
  .meta({ id: 'WebhookMessage' });
export type WebhookMessage = z.output<typeof webhookMessageSchema>;
