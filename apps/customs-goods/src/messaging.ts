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
import { caseEventHandlers } from './events/subscriptions.ts';
import { CaseVerdictStore } from './store/case-verdict-store.ts';
import { LOTS_COLLECTION, LotRepository } from './store/lot-repository.ts';

export interface MessagingSettings {
  amqpUrl: string;
  /** The durable queue of the case events this service consumes. */
  caseEventsQueue: string;
  /** Delays before each retry of a failed handler. */
  retryDelaysMs?: readonly number[];
  now?: () => Date;
}

/** What the service runs on the broker: one connection, the lots' outbox relay and the case-event consumer. */
export interface CustomsGoodsMessaging {
  connection: BrokerConnection;
  relays: readonly OutboxRelay[];
  consumer: EventConsumer;
  /** Connects (in the background: readiness stays false until the broker answers), starts relay and consumer. */
  start(): Promise<void>;
  /** Stops the consumer, the relay, then the publisher and the connection. */
  close(): Promise<void>;
}

/**
 * Publishes the events the routes and handlers wrote into the lots' outbox (a lot is the only
 * aggregate: transits live in their lot), and consumes case verdicts through an inbox so each
 * event's handler runs once.
 */
export function wireMessaging(app: ServiceApp, db: Db, settings: MessagingSettings): CustomsGoodsMessaging {
  const logger = app.log;
  const metrics = createMessagingMetrics(app.metrics);
  const connection = new BrokerConnection({ url: settings.amqpUrl, name: 'customs-goods', logger, metrics });
  const publisher = new EventPublisher({ connection, logger, metrics });
  const relays = [
    new OutboxRelay({ collection: db.collection(LOTS_COLLECTION), publisher, logger, metrics }),
  ];
  const inbox = new MongoInbox(db);
  const consumer = new EventConsumer({
    connection,
    logger,
    metrics,
    inbox,
    queue: settings.caseEventsQueue,
    handlers: caseEventHandlers({
      lots: new LotRepository(db),
      verdicts: new CaseVerdictStore(db),
      now: settings.now ?? (() => new Date()),
    }),
    ...(settings.retryDelaysMs === undefined ? {} : { retryDelaysMs: settings.retryDelaysMs }),
  });
  app.registerReadinessProbe('rabbitmq', connection.readinessProbe);

  return {
    connection,
    relays,
    consumer,
    start: async () => {
      await Promise.all([...relays.map((relay) => relay.ensureIndexes()), inbox.ensureIndexes()]);
      await publisher.start();
      await consumer.start();
      connection.start().catch((error: unknown) => logger.error({ err: error }, 'broker connection gave up'));
      for (const relay of relays) relay.start();
    },
    close: () => shutdownMessaging({ connection, consumers: [consumer], relays, publisher }),
  };
}
