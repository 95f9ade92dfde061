import type { Db } from 'mongodb';
import type { Registry } from 'prom-client';
import { BrokerConnection } from './connection.ts';
import { EventConsumer, type EventConsumerOptions } from './consumer.ts';
import { MongoInbox } from './inbox.ts';
import { errorMessage, type Logger } from './logger.ts';
import { createMessagingMetrics } from './metrics.ts';
import { OutboxRelay } from './outbox/relay.ts';
import { EventPublisher } from './publisher.ts';
import { shutdownMessaging } from './shutdown.ts';

/** A queue a service consumes: what EventConsumer needs beyond the bus's own connection and inbox. */
export type ServiceBusConsumer = Omit<EventConsumerOptions, 'connection' | 'logger' | 'metrics' | 'inbox'>;

export interface ServiceBusOptions {
  /** The service's name: the broker connection's name. */
  name: string;
  url: string;
  /** The service's own database: its outbox collections and its inbox live there. */
  db: Db;
  logger: Logger;
  /** The app's Prometheus registry (service-kit's `app.metrics`). */
  registry: Registry;
  /** Aggregate collections whose documents carry outbox fields: one relay each. */
  outboxCollections: readonly string[];
  consumers?: readonly ServiceBusConsumer[];
}

/**
 * Everything a service runs on the broker, wired the one way every service needs it: a connection,
 * a confirmed publisher, an outbox relay per aggregate collection, and consumers sharing one inbox.
 */
export class ServiceBus {
  readonly connection: BrokerConnection;
  readonly publisher: EventPublisher;
  readonly relays: readonly OutboxRelay[];
  readonly consumers: readonly EventConsumer[];
  readonly inbox: MongoInbox;
  readonly #logger: Logger;

  constructor(options: ServiceBusOptions) {
    const { logger } = options;
    const metrics = createMessagingMetrics(options.registry);
    this.#logger = logger;
    this.connection = new BrokerConnection({ url: options.url, name: options.name, logger, metrics });
    this.publisher = new EventPublisher({ connection: this.connection, logger, metrics });
    this.relays = options.outboxCollections.map(
      (name) =>
        new OutboxRelay({
          collection: options.db.collection(name),
          publisher: this.publisher,
          logger,
          metrics,
        }),
    );
    this.inbox = new MongoInbox(options.db);
    this.consumers = (options.consumers ?? []).map(
      (consumer) =>
        new EventConsumer({ ...consumer, connection: this.connection, logger, metrics, inbox: this.inbox }),
    );
  }

  /** For `registerReadinessProbe`: not ready while the broker connection is down. */
  get readinessProbe(): () => Promise<void> {
    return this.connection.readinessProbe;
  }

  /**
   * Creates indexes, then connects in the background (readiness stays false until the broker
   * answers; publishes wait for it within their deadline) and starts relays and consumers.
   * `relays: false` leaves the outbox relays stopped (tests that compare the database or read the
   * outbox while consumers run).
   */
  async start(options: { relays?: boolean } = {}): Promise<void> {
    await Promise.all([...this.relays.map((relay) => relay.ensureIndexes()), this.inbox.ensureIndexes()]);
    await this.publisher.start();
    for (const consumer of this.consumers) await consumer.start();
    this.connection
      .start()
      .catch((error: unknown) =>
        this.#logger.error({ err: errorMessage(error) }, 'broker connection gave up'),
      );
    if (options.relays !== false) for (const relay of this.relays) relay.start();
  }

  /** Stops consumers (letting handlers finish), relays, then the publisher and the connection. */
  close(handlerTimeoutMs?: number): Promise<void> {
    return shutdownMessaging(
      {
        connection: this.connection,
        consumers: this.consumers,
        relays: this.relays,
        publisher: this.publisher,
      },
      handlerTimeoutMs,
    );
  }
}
