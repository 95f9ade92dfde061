import type { BrokerConnection } from './connection.ts';
import type { EventConsumer } from './consumer.ts';
import type { OutboxRelay } from './outbox/relay.ts';
import type { EventPublisher } from './publisher.ts';

export interface MessagingParts {
  connection: BrokerConnection;
  consumers?: readonly EventConsumer[];
  relays?: readonly OutboxRelay[];
  publisher?: EventPublisher;
}

/**
 * Shuts messaging down in the order that loses nothing: consumers stop taking deliveries and
 * finish (within `handlerTimeoutMs`) what they hold, relays finish the event in hand and release
 * their leases, then the publisher and the connection close. Unfinished deliveries and unpublished
 * outbox events are simply picked up again by the next process.
 */
export async function shutdownMessaging(parts: MessagingParts, handlerTimeoutMs = 10_000): Promise<void> {
  await Promise.all((parts.consumers ?? []).map((consumer) => consumer.stop(handlerTimeoutMs)));
  await Promise.all((parts.relays ?? []).map((relay) => relay.stop()));
  await parts.publisher?.close();
  await parts.connection.close();
}
