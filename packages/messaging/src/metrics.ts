import { Counter, Gauge, Registry } from 'prom-client';

/** Every metric the package writes; create once per registry and share between its components. */
export interface MessagingMetrics {
  published: Counter<'routing_key'>;
  confirmed: Counter<'routing_key'>;
  publishFailed: Counter<'routing_key' | 'code'>;
  unroutable: Counter<'routing_key'>;
  consumed: Counter<'queue' | 'outcome'>;
  retried: Counter<'queue'>;
  deadLettered: Counter<'queue' | 'reason'>;
  outboxPending: Gauge<'collection'>;
  outboxOldestAgeSeconds: Gauge<'collection'>;
  outboxStuck: Gauge<'collection'>;
  connectionUp: Gauge<'connection'>;
}

/**
 * Registers the messaging metrics on `registry` (a service passes `app.metrics`). Without one they
 * go to a private registry, so components built in tests never clash on prom-client's global one.
 */
export function createMessagingMetrics(registry: Registry = new Registry()): MessagingMetrics {
  const registers = [registry];
  return {
    published: new Counter({
      name: 'messaging_published_total',
      help: 'Events handed to the broker',
      labelNames: ['routing_key'],
      registers,
    }),
    confirmed: new Counter({
      name: 'messaging_publish_confirmed_total',
      help: 'Events the broker confirmed (publisher confirms)',
      labelNames: ['routing_key'],
      registers,
    }),
    publishFailed: new Counter({
      name: 'messaging_publish_failed_total',
      help: 'Publishes that failed, by error code',
      labelNames: ['routing_key', 'code'],
      registers,
    }),
    unroutable: new Counter({
      name: 'messaging_unroutable_total',
      help: 'Mandatory events returned by the broker because no queue was bound',
      labelNames: ['routing_key'],
      registers,
    }),
    consumed: new Counter({
      name: 'messaging_consumed_total',
      help: 'Deliveries settled by a consumer, by outcome (done, duplicate, retried, dead_lettered)',
      labelNames: ['queue', 'outcome'],
      registers,
    }),
    retried: new Counter({
      name: 'messaging_retried_total',
      help: 'Deliveries sent to a wait queue for a delayed retry',
      labelNames: ['queue'],
      registers,
    }),
    deadLettered: new Counter({
      name: 'messaging_dead_lettered_total',
      help: 'Deliveries moved to the dead-letter queue, by reason',
      labelNames: ['queue', 'reason'],
      registers,
    }),
    outboxPending: new Gauge({
      name: 'messaging_outbox_pending_events',
      help: 'Events written to an outbox and not yet published',
      labelNames: ['collection'],
      registers,
    }),
    outboxOldestAgeSeconds: new Gauge({
      name: 'messaging_outbox_oldest_age_seconds',
      help: 'Age of the oldest unpublished outbox event (0 when none)',
      labelNames: ['collection'],
      registers,
    }),
    outboxStuck: new Gauge({
      name: 'messaging_outbox_stuck_events',
      help: 'Unpublished outbox events older than the stuck bound',
      labelNames: ['collection'],
      registers,
    }),
    connectionUp: new Gauge({
      name: 'messaging_connection_up',
      help: '1 while the broker connection is up and set up',
      labelNames: ['connection'],
      registers,
    }),
  };
}
