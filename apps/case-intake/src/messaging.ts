import {
  BrokerConnection,
  createMessagingMetrics,
  EventPublisher,
  OutboxRelay,
  shutdownMessaging,
} from '@enforcement/messaging';
import type { ServiceApp } from '@enforcement/service-kit';
import type { Db } from 'mongodb';
import { CASES_COLLECTION } from './store/case-repository.ts';
import { UNITS_COLLECTION } from './store/unit-repository.ts';

/** What the service runs on the broker: one connection, a publisher and one outbox relay per aggregate. */
export interface CaseIntakeMessaging {
  connection: BrokerConnection;
  relays: readonly OutboxRelay[];
  /** Connects (in the background: readiness stays false until the broker answers) and starts the relays. */
  start(): Promise<void>;
  /** Stops the relays, then the publisher and the connection. */
  close(): Promise<void>;
}

/**
 * Publishes the events the routes wrote into the outboxes of `cases` and `execution_units`. The
 * service never publishes directly: a change and its events land in one document write, and the
 * relays deliver them with publisher confirms, in order per case and per unit.
 */
export function wireMessaging(app: ServiceApp, db: Db, amqpUrl: string): CaseIntakeMessaging {
  const logger = app.log;
  const metrics = createMessagingMetrics(app.metrics);
  const connection = new BrokerConnection({ url: amqpUrl, name: 'case-intake', logger, metrics });
  const publisher = new EventPublisher({ connection, logger, metrics });
  const relays = [CASES_COLLECTION, UNITS_COLLECTION].map(
    (name) => new OutboxRelay({ collection: db.collection(name), publisher, logger, metrics }),
  );
  app.registerReadinessProbe('rabbitmq', connection.readinessProbe);

  return {
    connection,
    relays,
    start: async () => {
      await Promise.all(relays.map((relay) => relay.ensureIndexes()));
      await publisher.start();
      connection.start().catch((error: unknown) => logger.error({ err: error }, 'broker connection gave up'));
      for (const relay of relays) relay.start();
    },
    close: () => shutdownMessaging({ connection, relays, publisher }),
  };
}
