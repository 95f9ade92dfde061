import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import type { NotificationStore } from '../store/notification-store.ts';
import type { WebhookStore } from '../store/webhook-store.ts';
import { WebhookDeliverer } from './deliverer.ts';
import { createWebhookSender } from './http-sender.ts';
import { webhookMetricsOn } from './metrics.ts';
import type { WebhookSettings } from './settings.ts';

/** What a deliverer needs of the app: its logger and metrics registry. */
export interface WebhookHost {
  log: Pick<Logger, 'warn' | 'error'>;
  metrics: Registry;
}

/** A deliverer over the stores with its own sender; `close` drops the sender's connections. */
export function createWebhookDeliverer(
  host: WebhookHost,
  stores: { webhooks: WebhookStore; notifications: NotificationStore },
  settings: WebhookSettings,
  options: { owner?: string; random?: () => number } = {},
): { deliverer: WebhookDeliverer; close(): void } {
  const sender = createWebhookSender({ policy: settings.policy, timeoutMs: settings.timeoutMs });
  const deliverer = new WebhookDeliverer({
    ...stores,
    sender,
    metrics: webhookMetricsOn(host.metrics),
    logger: host.log,
    owner: options.owner ?? `webhooks-${randomUUID()}`,
    // A lease far longer than one POST can take: only a replica that died mid-delivery loses it.
    leaseMs: Math.max(30_000, settings.timeoutMs * 4),
    retry: settings.retry,
    batch: settings.batch,
    concurrency: settings.concurrency,
    newId: randomUUID,
    ...(options.random === undefined ? {} : { random: options.random }),
  });
  return { deliverer, close: sender.close };
}

/**
 * Runs delivery rounds: right after a full round (more may be due), else after `pollMs`; never two at
 * once in this process. stop() waits for a running round, then drops the connections.
 */
export function startWebhookWorker(
  host: WebhookHost,
  stores: { webhooks: WebhookStore; notifications: NotificationStore },
  settings: WebhookSettings,
  now: () => Date,
): { stop(): Promise<void> } {
  const { deliverer, close } = createWebhookDeliverer(host, stores, settings);
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  const round = () => {
    running = deliverer
      .deliverDue(now())
      .then((attempts) => (attempts >= settings.batch ? 0 : settings.pollMs))
      .catch((error: unknown) => {
        host.log.error({ err: error }, 'webhook delivery round failed');
        return settings.pollMs;
      })
      .then((delay) => {
        running = null;
        if (!stopped) timer = setTimeout(round, delay);
      });
  };
  timer = setTimeout(round, settings.pollMs);
  return {
    stop: async () => {
      stopped = true;
      if (timer !== null) clearTimeout(timer);
      await running;
      close();
    },
  };
}
