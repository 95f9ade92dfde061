import type { Config } from '../config.ts';
import type { UrlPolicy } from './url-policy.ts';
import type { RetryPolicy } from './webhook.ts';

/** How webhooks are delivered, from the WEBHOOK_* variables. */
export interface WebhookSettings {
  policy: UrlPolicy;
  /** Pause between rounds when the last one found nothing more to do. */
  pollMs: number;
  timeoutMs: number;
  retry: RetryPolicy;
  batch: number;
  concurrency: number;
}

export function webhookPolicyOf(config: Config): UrlPolicy {
  return {
    allowedHosts: config.WEBHOOK_ALLOWED_HOSTS,
    privateAllowedHosts: config.WEBHOOK_ALLOW_PRIVATE_HOSTS,
  };
}

export function webhookSettingsOf(config: Config): WebhookSettings {
  return {
    policy: webhookPolicyOf(config),
    pollMs: config.WEBHOOK_POLL_MS,
    timeoutMs: config.WEBHOOK_TIMEOUT_MS,
    retry: {
      baseMs: config.WEBHOOK_RETRY_BASE_MS,
      maxMs: config.WEBHOOK_RETRY_MAX_MS,
      pauseAfterFailures: config.WEBHOOK_PAUSE_AFTER_FAILURES,
    },
    batch: config.WEBHOOK_BATCH,
    concurrency: config.WEBHOOK_CONCURRENCY,
  };
}
