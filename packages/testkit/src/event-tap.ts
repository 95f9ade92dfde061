import {
  type AnyEvent,
  EVENTS_EXCHANGE,
  EVENTS_EXCHANGE_TYPE,
  parseEvent,
  routingKeyOf,
} from '@enforcement/contracts';
import amqp from 'amqplib';
import { eventually } from './eventually.ts';

/** What a test sees on the events exchange: every valid event under a binding key, in arrival order. */
export interface EventTap {
  readonly received: readonly AnyEvent[];
  /** Waits (bounded: about 5 s) until `count` events about `subjectId` arrived, and answers them. */
  about(subjectId: string, count: number): Promise<AnyEvent[]>;
  close(): Promise<void>;
}

/** Binds an exclusive queue to the exchange on `amqpUrl` (the test scope's vhost) and records what arrives. */
export async function tapEvents(amqpUrl: string, bindingKey = '#'): Promise<EventTap> {
  const connection = await amqp.connect(amqpUrl);
  const channel = await connection.createChannel();
  await channel.assertExchange(EVENTS_EXCHANGE, EVENTS_EXCHANGE_TYPE, { durable: true });
  const { queue } = await channel.assertQueue('', { exclusive: true });
  await channel.bindQueue(queue, EVENTS_EXCHANGE, bindingKey);
  const received: AnyEvent[] = [];
  await channel.consume(queue, (message) => {
    if (!message) return;
    const parsed = parseEvent(JSON.parse(message.content.toString()));
    if (parsed.ok) received.push(parsed.event);
    channel.ack(message);
  });
  const aboutSubject = (subjectId: string) => received.filter((event) => event.subject.id === subjectId);
  return {
    received,
    about: (subjectId, count) =>
      eventually(
        () => aboutSubject(subjectId),
        (events) => events.length >= count,
        { intervalMs: 25 },
      ),
    close: async () => {
      await connection.close();
    },
  };
}

/** Publishes events the way a producing service does, without its outbox: for tests of consumers. */
export interface TestProducer {
  /** The event as JSON on the exchange, routed by type and version, persistent, `messageId` = event id. */
  publish(event: AnyEvent): void;
  close(): Promise<void>;
}

export async function connectProducer(amqpUrl: string): Promise<TestProducer> {
  const connection = await amqp.connect(amqpUrl);
  const channel = await connection.createChannel();
  await channel.assertExchange(EVENTS_EXCHANGE, EVENTS_EXCHANGE_TYPE, { durable: true });
  return {
    publish: (event) => {
      channel.publish(
        EVENTS_EXCHANGE,
        routingKeyOf(event.type, event.version),
        Buffer.from(JSON.stringify(event)),
        {
          persistent: true,
          messageId: event.id,
        },
      );
    },
    close: async () => {
      await connection.close();
    },
  };
}
