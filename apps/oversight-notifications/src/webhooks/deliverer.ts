import { performance } from 'node:perf_hooks';
import type { WebhookMessage } from '@enforcement/contracts';
import type { Logger } from 'pino';
import type { Notification } from '../domain/notification.ts';
import { notificationView } from '../http/views.ts';
import type { NotificationStore } from '../store/notification-store.ts';
import type { ClaimedWebhook, WebhookStore } from '../store/webhook-store.ts';
import type { PostOutcome, WebhookSender } from './http-sender.ts';
import type { WebhookMetrics } from './metrics.ts';
import { signedHeaders } from './signature.ts';
import { urlForLogs } from './url-policy.ts';
import { afterFailure, messageIdOf, type RetryPolicy } from './webhook.ts';

export interface WebhookDelivererDeps {
  webhooks: WebhookStore;
  notifications: NotificationStore;
  sender: WebhookSender;
  metrics: WebhookMetrics;
  logger: Pick<Logger, 'warn'>;
  /** This replica's name on the leases it takes. */
  owner: string;
  /** How long a claim holds: longer than a delivery can take, so only a dead replica loses one. */
  leaseMs: number;
  retry: RetryPolicy;
  /** Deliveries made by one `deliverDue` at most (it returns early when nothing more is due). */
  batch: number;
  /** Webhooks served at once, so one slow receiver does not hold up the others. */
  concurrency: number;
  newId: () => string;
  random?: () => number;
}

/** The body of one delivery: the notification at its latest change. */
export function messageOf(webhook: Pick<ClaimedWebhook, 'id' | 'audience'>, n: Notification): WebhookMessage {
  return {
    id: messageIdOf(webhook.id, n.seq),
    type: 'notification.changed',
    webhookId: webhook.id,
    audience: webhook.audience,
    seq: n.seq,
    notification: notificationView(n),
  };
}

/**
 * Delivers each webhook's audience changes in change order, one at a time per webhook: claim a due
 * webhook (a lease in MongoDB, so replicas never deliver to one webhook at once), read the next change
 * after its cursor, POST it signed, log the attempt, then move the cursor on success or schedule the
 * retry (pausing after too many failures in a row). Time is a parameter.
 */
export class WebhookDeliverer {
  readonly #deps: WebhookDelivererDeps;

  constructor(deps: WebhookDelivererDeps) {
    this.#deps = deps;
  }

  /**
   * Serves every webhook due at `now` until nothing is due or `batch` attempts were made; the attempts
   * made. A round can outlast many POSTs, so each claim, signature and log entry takes `now` plus the
   * time elapsed since the round began: leases and timestamps stay current, and tests still set the clock.
   */
  async deliverDue(now: Date): Promise<number> {
    const began = performance.now();
    const clock = () => new Date(now.getTime() + Math.round(performance.now() - began));
    const watermark = await this.#deps.notifications.seq.watermark();
    let budget = this.#deps.batch;
    let attempts = 0;
    const lane = async () => {
      while (budget > 0) {
        budget -= 1;
        const at = clock();
        const webhook = await this.#deps.webhooks.claimDue({
          now: at,
          watermark,
          owner: this.#deps.owner,
          leaseMs: this.#deps.leaseMs,
        });
        if (webhook === null) return;
        if (await this.#deliverNext(webhook, at, now)) attempts += 1;
      }
    };
    const lanes = await Promise.allSettled(Array.from({ length: this.#deps.concurrency }, lane));
    const failed = lanes.find((result) => result.status === 'rejected');
    if (failed !== undefined) throw failed.reason;
    return attempts;
  }

  /**
   * Delivers the change after the cursor; false when the audience had none (the cursor catches up).
   * After a success the webhook is due again from the round's start, so the next change goes out in
   * this round or the next whatever clock a test set.
   */
  async #deliverNext(webhook: ClaimedWebhook, now: Date, roundStart: Date): Promise<boolean> {
    const { webhooks, notifications, owner } = this.#deps;
    const page = await notifications.changes({ audience: webhook.audience, after: webhook.cursor, limit: 1 });
    const next = page.items[0];
    if (next === undefined) {
      // Nothing for this audience up to the watermark: skip there, so the webhook is not claimed again
      // until a later change lands.
      await webhooks.release(webhook, owner, { cursor: Math.max(webhook.cursor, page.watermark) }, now);
      return false;
    }
    const message = messageOf(webhook, next);
    const body = JSON.stringify(message);
    const headers = signedHeaders({ id: message.id, secret: webhook.secret, body, at: now });
    const started = performance.now();
    const outcome = await this.#deps.sender.post(webhook.url, body, headers);
    const durationMs = Math.round(performance.now() - started);
    await webhooks.deliveries.record({
      id: this.#deps.newId(),
      webhookId: webhook.id,
      number: webhook.attempts + 1,
      messageId: message.id,
      notificationId: next.id,
      seq: next.seq,
      attempt: webhook.consecutiveFailures + 1,
      outcome: outcome.delivered ? 'delivered' : 'failed',
      statusCode: outcome.statusCode,
      error: outcome.delivered ? null : outcome.error,
      durationMs,
      at: now,
    });
    this.#deps.metrics.attempts.inc({ outcome: outcome.delivered ? 'delivered' : 'failed' });
    if (outcome.delivered) {
      await webhooks.release(
        webhook,
        owner,
        {
          cursor: next.seq,
          attempts: webhook.attempts + 1,
          consecutiveFailures: 0,
          nextAttemptAt: roundStart,
          lastDeliveredAt: now,
        },
        now,
      );
    } else {
      await this.#failed(webhook, outcome, now);
    }
    return true;
  }

  async #failed(webhook: ClaimedWebhook, outcome: Extract<PostOutcome, { delivered: false }>, now: Date) {
    const changes = afterFailure(webhook, outcome.error, now, this.#deps.retry, this.#deps.random);
    const released = await this.#deps.webhooks.release(
      webhook,
      this.#deps.owner,
      { ...changes, attempts: webhook.attempts + 1 },
      now,
    );
    if (released && changes.state === 'paused') {
      this.#deps.metrics.paused.inc();
      // No secret and no query string: both can be credentials.
      this.#deps.logger.warn(
        {
          webhookId: webhook.id,
          agency: webhook.agency,
          audience: webhook.audience,
          target: urlForLogs(webhook.url),
          failures: changes.consecutiveFailures,
          statusCode: outcome.statusCode,
          lastError: outcome.error,
        },
        'webhook paused',
      );
    }
  }
}
