import { randomUUID } from 'node:crypto';
import {
  BrokerConnection,
  createMessagingMetrics,
  EventConsumer,
  EventPublisher,
  MongoInbox,
  OutboxRelay,
  shutdownMessaging,
} from '@enforcement/messaging';
import type { ServiceApp } from '@enforcement/service-kit';
import type { Db } from 'mongodb';
import { watchedEventHandlers } from './events/subscriptions.ts';
import { type SweepDeps, sweep } from './scheduler/sweep.ts';
import { startSweepTimer } from './scheduler/sweep-timer.ts';
import { NOTIFICATIONS_COLLECTION } from './store/notification-store.ts';
import { storesOf } from './stores.ts';

export interface MessagingSettings {
  amqpUrl: string;
  /** The durable queue of every event the rules watch. */
  watchedEventsQueue: string;
  retryDelaysMs?: readonly number[];
  /** Sweep period; null leaves the sweep to the caller (tests call `sweep` with their clock). */
  sweepEveryMs: number | null;
  sweepLeaseMs: number;
  sweepBatch: number;
  now?: () => Date;
}

/** What the service runs beside HTTP: the notifications' outbox relay, the consumer and the sweep timer. */
export interface OversightMessaging {
  connection: BrokerConnection;
  relays: readonly OutboxRelay[];
  consumer: EventConsumer;
  sweepDeps: SweepDeps;
  start(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Consumes the case, unit and goods events through an inbox (each handler runs once per event id),
 * publishes the notifications' outbox with confirms, and sweeps for what fell due.
 */
export function wireMessaging(app: ServiceApp, db: Db, settings: MessagingSettings): OversightMessaging {
  const logger = app.log;
  const now = settings.now ?? (() => new Date());
  const stores = storesOf(db);
  const metrics = createMessagingMetrics(app.metrics);
  const connection = new BrokerConnection({
    url: settings.amqpUrl,
    name: 'oversight-notifications',
    logger,
    metrics,
  });
  const publisher = new EventPublisher({ connection, logger, metrics });
  const relays = [
    new OutboxRelay({ collection: db.collection(NOTIFICATIONS_COLLECTION), publisher, logger, metrics }),
  ];
  const inbox = new MongoInbox(db);
  const consumer = new EventConsumer({
    connection,
    logger,
    metrics,
    inbox,
    queue: settings.watchedEventsQueue,
    handlers: watchedEventHandlers({ ...stores, now }),
    ...(settings.retryDelaysMs === undefined ? {} : { retryDelaysMs: settings.retryDelaysMs }),
  });
  const sweepDeps: SweepDeps = {
    obligations: stores.obligations,
    notifications: stores.notifications,
    rules: stores.rules,
    newId: randomUUID,
    owner: `sweep-${randomUUID()}`,
    leaseMs: settings.sweepLeaseMs,
    batch: settings.sweepBatch,
  };
  let timer: { stop(): Promise<void> } | null = null;
  app.registerReadinessProbe('rabbitmq', connection.readinessProbe);

  return {
    connection,
    relays,
    consumer,
    sweepDeps,
    start: async () => {
      await Promise.all([...relays.map((relay) => relay.ensureIndexes()), inbox.ensureIndexes()]);
      await publisher.start();
      await consumer.start();
      connection.start().catch((error: unknown) => logger.error({ err: error }, 'broker connection gave up'));
      for (const relay of relays) relay.start();
      if (settings.sweepEveryMs !== null) {
        timer = startSweepTimer(() => sweep(sweepDeps, now()), settings.sweepEveryMs, logger);
      }
    },
    close: async () => {
      await timer?.stop();
      await shutdownMessaging({ connection, consumers: [consumer], relays, publisher });
    },
  };
}
