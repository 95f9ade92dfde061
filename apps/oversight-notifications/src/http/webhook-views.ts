import type { WebhookDeliveryView, WebhookView } from '@enforcement/contracts';
import type { Webhook, WebhookDelivery } from '../webhooks/webhook.ts';

/** A webhook as the API shows it: never its secret. */
export function webhookView(w: Webhook): WebhookView {
  return {
    id: w.id,
    agency: w.agency,
    audience: w.audience,
    url: w.url,
    description: w.description,
    state: w.state,
    cursor: w.cursor,
    consecutiveFailures: w.consecutiveFailures,
    attempts: w.attempts,
    nextAttemptAt: w.nextAttemptAt.toISOString(),
    pausedAt: w.pausedAt?.toISOString() ?? null,
    pausedReason: w.pausedReason,
    lastDeliveredAt: w.lastDeliveredAt?.toISOString() ?? null,
    lastFailureAt: w.lastFailureAt?.toISOString() ?? null,
    createdAt: w.createdAt.toISOString(),
    createdBy: w.createdBy,
  };
}

export function webhookDeliveryView(d: WebhookDelivery): WebhookDeliveryView {
  return { ...d, at: d.at.toISOString() };
}
