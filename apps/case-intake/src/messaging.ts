import { ServiceBus } from '@enforcement/messaging';
import type { ServiceApp } from '@enforcement/service-kit';
import type { Db } from 'mongodb';
import { CASES_COLLECTION } from './store/case-repository.ts';
import { UNITS_COLLECTION } from './store/unit-repository.ts';

/**
 * Publishes the events the routes wrote into the outboxes of `cases` and `execution_units`. The
 * service never publishes directly: a change and its events land in one document write, and the
 * relays deliver them with publisher confirms, in order per case and per unit. It consumes nothing.
 */
export function wireMessaging(app: ServiceApp, db: Db, amqpUrl: string): ServiceBus {
  const bus = new ServiceBus({
    name: 'case-intake',
    url: amqpUrl,
    db,
    logger: app.log,
    registry: app.metrics,
    outboxCollections: [CASES_COLLECTION, UNITS_COLLECTION],
  });
  app.registerReadinessProbe('rabbitmq', bus.readinessProbe);
  return bus;
}
