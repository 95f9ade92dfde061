import { DeadLetters, deadLetterRoutes, ServiceBus } from '@enforcement/messaging';
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

/** The scope of the dead-letter admin routes (`/admin/dead-letters/...`). */
export const MESSAGING_ADMIN_SCOPE = 'messaging:admin';

/**
 * Publishes the events the routes and handlers wrote into the lots' outbox (a lot is the only
 * aggregate: transits live in their lot), and consumes case verdicts through the inbox so each
 * event's handler runs once. Also mounts the dead-letter admin routes over the consumer's queue
 * (`/admin/dead-letters/case-events`, scope `messaging:admin`), so call it before the app is ready
 * (main.ts calls it between `buildApp` and listening; the tests' `startTestApp` before `ready`).
 */
export function wireMessaging(app: ServiceApp, db: Db, settings: MessagingSettings): ServiceBus {
  const bus = new ServiceBus({
    name: 'customs-goods',
    url: settings.amqpUrl,
    db,
    logger: app.log,
    registry: app.metrics,
    outboxCollections: [LOTS_COLLECTION],
    consumers: [
      {
        queue: settings.caseEventsQueue,
        handlers: caseEventHandlers({
          lots: new LotRepository(db),
          verdicts: new CaseVerdictStore(db),
          now: settings.now ?? (() => new Date()),
        }),
        ...(settings.retryDelaysMs === undefined ? {} : { retryDelaysMs: settings.retryDelaysMs }),
      },
    ],
  });
  app.registerReadinessProbe('rabbitmq', bus.readinessProbe);
  // Loaded with the app's other plugins when it becomes ready (listen or ready), like every route.
  app.register(deadLetterRoutes, {
    prefix: '/admin',
    deadLetters: new DeadLetters(bus.connection, { logger: app.log, connectTimeoutMs: 2_000 }),
    consumers: { 'case-events': settings.caseEventsQueue },
    scopes: [MESSAGING_ADMIN_SCOPE],
  });
  return bus;
}
