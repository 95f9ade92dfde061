import { backoffDelay } from '@enforcement/messaging';

/** A receiver an agency registered for one audience; its secret is kept apart (see WebhookStore). */
export interface Webhook {
  id: string;
  /** The registering agency; lists are per agency. */
  agency: string;
  /** An audience entry as notifications carry it: `agency` or `agency:province`. */
  audience: string;
  url: string;
  description: string | null;
  /** `paused` after too many failures in a row, until someone resumes it. */
  state: 'active' | 'paused';
  /** The change number (`seq`) of the last change delivered, or skipped as not the audience's. */
  cursor: number;
  /** Failed attempts since the last success: the attempt on the pending change is this plus one. */
  consecutiveFailures: number;
  /** Delivery attempts made so far, numbering the delivery log. */
  attempts: number;
  /** Not attempted before this instant (the backoff after a failure). */
  nextAttemptAt: Date;
  pausedAt: Date | null;
  pausedReason: string | null;
  lastDeliveredAt: Date | null;
  lastFailureAt: Date | null;
  createdAt: Date;
  /** The API key that registered it. */
  createdBy: string;
}

/** One attempt to deliver one change, as the delivery log keeps it. */
export interface WebhookDelivery {
  id: string;
  webhookId: string;
  /** Its place in the webhook's log: attempts are made one at a time, so this orders them. */
  number: number;
  /** The message id sent as `Webhook-Id`: the same on every attempt at this change. */
  messageId: string;
  notificationId: string;
  seq: number;
  /** 1 for the first attempt at this change, counting up until one succeeds. */
  attempt: number;
  outcome: 'delivered' | 'failed';
  statusCode: number | null;
  error: string | null;
  durationMs: number;
  at: Date;
}

/** How failures are retried, and when a receiver is given up on until someone resumes it. */
export interface RetryPolicy {
  baseMs: number;
  maxMs: number;
  pauseAfterFailures: number;
}

/** The id receivers see as `Webhook-Id`: one per webhook and change, so retries carry the same one. */
export function messageIdOf(webhookId: string, seq: number): string {
  return `${webhookId}:${seq}`;
}

/**
 * The wait before the next attempt after `failures` failures in a row: doubling from `baseMs`, at most
 * `maxMs`, spread by a fifth either way so webhooks that failed together do not retry in step.
 */
export function retryDelayMs(
  failures: number,
  policy: RetryPolicy,
  random: () => number = Math.random,
): number {
  return backoffDelay(
    failures,
    { initialMs: policy.baseMs, maxMs: policy.maxMs, factor: 2, jitter: 0.2 },
    random,
  );
}

/** What a failed attempt changes on the webhook: a later retry, or a pause with its reason. */
export type AfterFailure = Pick<
  Webhook,
  'state' | 'consecutiveFailures' | 'nextAttemptAt' | 'pausedAt' | 'pausedReason' | 'lastFailureAt'
>;

export function afterFailure(
  webhook: Pick<Webhook, 'consecutiveFailures' | 'nextAttemptAt'>,
  failure: string,
  now: Date,
  policy: RetryPolicy,
  random: () => number = Math.random,
): AfterFailure {
  const failures = webhook.consecutiveFailures + 1;
  if (failures >= policy.pauseAfterFailures) {
    return {
      state: 'paused',
      consecutiveFailures: failures,
      nextAttemptAt: webhook.nextAttemptAt,
      pausedAt: now,
      pausedReason: `paused after ${failures} failed deliveries in a row; last: ${failure}`,
      lastFailureAt: now,
    };
  }
  return {
    state: 'active',
    consecutiveFailures: failures,
    nextAttemptAt: new Date(now.getTime() + retryDelayMs(failures, policy, random)),
    pausedAt: null,
    pausedReason: null,
    lastFailureAt: now,
  };
}
