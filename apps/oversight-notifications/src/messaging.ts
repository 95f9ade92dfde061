import { randomUUID } from 'node:crypto';
import { DeadLetters, deadLetterRoutes, ServiceBus } from '@enforcement/messaging';
import type { ServiceApp } from '@enforcement/service-kit';
import type { Db } from 'mongodb';
import { watchedEventHandlers } from './events/subscriptions.ts';
import { type SweepDeps, sweep } from './scheduler/sweep.ts';
import { startSweepTimer } from './scheduler/sweep-timer.ts';
import { NOTIFICATIONS_COLLECTION } from './store/notification-store.ts';
import { RESOLUTIONS_COLLECTION } from './store/resolution-store.ts';
import { storesOf } from './stores.ts';
import type { WebhookSettings } from './webhooks/settings.ts';
import { startWebhookWorker } from './webhooks/worker.ts';

export interface MessagingSettings {
  amqpUrl: string;
  /** The durable queue of every event the rules watch. */
  watchedEventsQueue: string;
  retryDelaysMs?: readonly number[];
  /** Sweep period; null leaves the sweep to the caller (tests call `sweep` with their clock). */
  sweepEveryMs: number | null;
  sweepLeaseMs: number;
  sweepBatch: number;
  /** Webhook delivery; null or absent leaves it off (tests call `deliverDue` with their clock). */
  webhooks?: WebhookSettings | null;
  now?: () => Date;
}

/** What the service runs beside HTTP: the bus (relay and consumer) and the sweep timer. */
export interface OversightMessaging {
  bus: ServiceBus;
  sweepDeps: SweepDeps;
  start(): Promise<void>;
  close(): Promise<void>;
}

/** The scope of the dead-letter admin routes (`/admin/dead-letters/...`). */
export const MESSAGING_ADMIN_SCOPE = 'messaging:admin';

/**
 * Consumes the case, unit and goods events through the inbox (each handler runs once per event id),
 * publishes the notifications' outbox with confirms, and sweeps for what fell due. Also mounts the
 * dead-letter admin routes over the consumer's queue (`/admin/dead-letters/watched-events`, scope
 * `messaging:admin`), so call it before the app is ready (main.ts calls it between `buildApp` and
 * listening; the tests' `startTestApp` before `ready`).
 */
export function wireMessaging(app: ServiceApp, db: Db, settings: MessagingSettings): OversightMessaging {
  const now = settings.now ?? (() => new Date());
  const stores = storesOf(db);
  const bus = new ServiceBus({
    name: 'oversight-notifications',
    url: settings.amqpUrl,
    db,
    logger: app.log,
    registry: app.metrics,
    outboxCollections: [NOTIFICATIONS_COLLECTION, RESOLUTIONS_COLLECTION],
    consumers: [
      {
        queue: settings.watchedEventsQueue,
        handlers: watchedEventHandlers({ ...stores, now, newId: randomUUID }),
        ...(settings.retryDelaysMs === undefined ? {} : { retryDelaysMs: settings.retryDelaysMs }),
      },
    ],
  });
  const sweepDeps: SweepDeps = {
    obligations: stores.obligations,
    notifications: stores.notifications,
    rules: stores.rules,
    resolutions: stores.resolutions,
    newId: randomUUID,
    owner: `sweep-${randomUUID()}`,
    leaseMs: settings.sweepLeaseMs,
    batch: settings.sweepBatch,
  };
  let timer: { stop(): Promise<void> } | null = null;
  let webhookWorker: { stop(): Promise<void> } | null = null;
  app.registerReadinessProbe('rabbitmq', bus.readinessProbe);
  // Loaded with the app's other plugins when it becomes ready (listen or ready), like every route.
  app.register(deadLetterRoutes, {
    prefix: '/admin',
    deadLetters: new DeadLetters(bus.connection, { logger: app.log, connectTimeoutMs: 2_000 }),
    consumers: { 'watched-events': settings.watchedEventsQueue },
    scopes: [MESSAGING_ADMIN_SCOPE],
  });

  return {
    bus,
    sweepDeps,
    start: async () => {
      await bus.start();
      if (settings.sweepEveryMs !== null) {
        timer = startSweepTimer(() => sweep(sweepDeps, now()), settings.sweepEveryMs, app.log);
      }
      if (settings.webhooks) webhookWorker = startWebhookWorker(app, stores, settings.webhooks, now);
    },
    close: async () => {
      await timer?.stop();
      await webhookWorker?.stop();
      await bus.close();
    },
  };
}
