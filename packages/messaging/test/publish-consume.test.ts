import type { AnyEvent } from '@enforcement/contracts';
import type { TestScope } from '@enforcement/testkit';
import { useTestScope } from '@enforcement/testkit/vitest';
import amqp, { type Channel, type ChannelModel, type GetMessage } from 'amqplib';
import { Registry } from 'prom-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  BrokerConnection,
  createMessagingMetrics,
  EventConsumer,
  type EventHandler,
  EventPublisher,
  HEADERS,
  handles,
  MessagingError,
  type MessagingMetrics,
  reject,
  retryLater,
} from '../src/index.ts';
import { aNoteAdded, eventually } from './support.ts';

let scope: TestScope;
let connection: BrokerConnection;
let raw: ChannelModel;
let inspect: Channel;
const consumers: EventConsumer[] = [];

beforeAll(async () => {
  scope = await useTestScope('messaging-publish-consume');
  connection = new BrokerConnection({ url: scope.amqpUrl, name: 'publish-consume-test' });
  await connection.start();
  raw = await amqp.connect(scope.amqpUrl);
  inspect = await raw.createChannel();
});

afterEach(async () => {
  await Promise.all(consumers.splice(0).map((consumer) => consumer.stop(1_000)));
});

afterAll(async () => {
  await raw?.close();
  await connection?.close();
  await scope?.cleanup();
});

/** A publisher and a consumer of `case.note_added` v1 on an exchange of the test's own. */
async function wire(
  label: string,
  handler: EventHandler,
  retryDelaysMs: number[] = [100, 200],
  metrics: MessagingMetrics = createMessagingMetrics(),
) {
  const exchange = scope.name(`${label}.events`);
  const publisher = new EventPublisher({ connection, exchange, timeoutMs: 5_000, metrics });
  await publisher.start();
  const consumer = new EventConsumer({
    connection,
    exchange,
    queue: scope.name(`${label}.queue`),
    handlers: [handler],
    retryDelaysMs,
    prefetch: 10,
    metrics,
  });
  consumers.push(consumer);
  await consumer.start();
  return { exchange, publisher, consumer };
}

async function getOne(queue: string): Promise<GetMessage> {
  return eventually(
    `a message in ${queue}`,
    async () => (await inspect.get(queue, { noAck: true })) || undefined,
  );
}

describe('publishing', () => {
  it('resolves once the broker confirmed a valid event and delivers it with id, type and correlation headers', async () => {
    const exchange = scope.name('plain.events');
    const queue = scope.name('plain.queue');
    const publisher = new EventPublisher({ connection, exchange });
    await publisher.start();
    await inspect.assertQueue(queue, { durable: true });
    await inspect.bindQueue(queue, exchange, 'case.note_added.v1');
    const event = aNoteAdded();

    await publisher.publish(event, {
      traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
    });

    const message = await getOne(queue);
    expect(message.properties.messageId).toBe(event.id);
    expect(message.properties.type).toBe('case.note_added.v1');
    expect(message.properties.deliveryMode).toBe(2);
    expect(message.properties.headers?.[HEADERS.correlationId]).toBe(event.correlationId);
    expect(message.properties.headers?.[HEADERS.traceparent]).toBe(
      '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
    );
    expect(JSON.parse(message.content.toString())).toEqual(event);
  });

  it('refuses an event that breaks its contract without sending it', async () => {
    const publisher = new EventPublisher({ connection, exchange: scope.name('invalid.events') });
    await publisher.start();
    const event = aNoteAdded();
    const broken = { ...event, payload: { ...event.payload, authorAgency: 'nobody' } } as unknown as AnyEvent;

    const failure = await publisher.publish(broken).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(MessagingError);
    expect((failure as MessagingError).code).toBe('MESSAGING_INVALID_EVENT');
    expect((failure as MessagingError).message).toContain('payload.authorAgency');
  });
});

describe('consuming', () => {
  it('runs the handler for a published event and acks it', async () => {
    const seen: string[] = [];
    const { publisher, consumer } = await wire(
      'ack',
      handles('case.note_added', 1, (event) => {
        seen.push(event.id);
      }),
    );
    const event = aNoteAdded();

    await publisher.publish(event);

    await eventually('the handler to run', () => seen.includes(event.id));
    await eventually('the queue to be empty and acked', async () => {
      const state = await inspect.checkQueue(consumer.queue);
      return state.messageCount === 0 && consumer.inFlight === 0;
    });
    expect(seen).toEqual([event.id]);
  });

  it('retries through the delay queues and dead-letters with the last error after every attempt failed', async () => {
    const attempts: number[] = [];
    const registry = new Registry();
    const { publisher, consumer } = await wire(
      'retry',
      handles('case.note_added', 1, (_event, context) => {
        attempts.push(context.attempt);
        throw new Error(`registry unavailable (attempt ${context.attempt})`);
      }),
      [100, 200],
      createMessagingMetrics(registry),
    );
    const event = aNoteAdded();

    await publisher.publish(event);

    const dead = await getOne(consumer.deadLetterQueue);
    expect(attempts).toEqual([1, 2, 3]);
    expect(dead.properties.messageId).toBe(event.id);
    expect(dead.properties.headers?.[HEADERS.deadLetterReason]).toBe('retries_exhausted');
    expect(dead.properties.headers?.[HEADERS.deadLetterDetail]).toBe('registry unavailable (attempt 3)');
    expect(dead.properties.headers?.[HEADERS.attempt]).toBe(3);
    expect(dead.properties.headers?.[HEADERS.routingKey]).toBe('case.note_added.v1');
    // The copy in the dead-letter queue is visible once confirmed, a moment before the consumer
    // acks the original and counts it.
    await eventually('the dead-lettered delivery to settle', async () => consumer.inFlight === 0);
    const metrics = await registry.metrics();
    expect(metrics).toContain('messaging_publish_confirmed_total{routing_key="case.note_added.v1"} 1');
    expect(metrics).toMatch(/messaging_retried_total\{queue="[^"]+"\} 2/);
    expect(metrics).toMatch(/messaging_dead_lettered_total\{queue="[^"]+",reason="retries_exhausted"\} 1/);
    expect(metrics).toMatch(/messaging_consumed_total\{queue="[^"]+",outcome="retried"\} 2/);
  });

  it('retries a handler that asks to retry later and acks once it succeeds', async () => {
    let calls = 0;
    const { publisher, consumer } = await wire(
      'retry-then-done',
      handles('case.note_added', 1, () => {
        calls += 1;
        return calls < 2 ? retryLater('case file locked') : undefined;
      }),
    );

    await publisher.publish(aNoteAdded());

    await eventually('the second attempt to succeed', async () => {
      const state = await inspect.checkQueue(consumer.queue);
      return calls === 2 && state.messageCount === 0 && consumer.inFlight === 0;
    });
    expect((await inspect.checkQueue(consumer.deadLetterQueue)).messageCount).toBe(0);
  });

  it('dead-letters a rejected event at once with the reason', async () => {
    let calls = 0;
    const { publisher, consumer } = await wire(
      'reject',
      handles('case.note_added', 1, () => {
        calls += 1;
        return reject('case belongs to another province');
      }),
    );

    await publisher.publish(aNoteAdded());

    const dead = await getOne(consumer.deadLetterQueue);
    expect(calls).toBe(1);
    expect(dead.properties.headers?.[HEADERS.deadLetterReason]).toBe('rejected');
    expect(dead.properties.headers?.[HEADERS.deadLetterDetail]).toBe('case belongs to another province');
  });

  it('dead-letters a message that breaks its contract at once, naming the field, without running the handler', async () => {
    let calls = 0;
    const { exchange, consumer } = await wire(
      'invalid',
      handles('case.note_added', 1, () => {
        calls += 1;
      }),
    );
    const event = aNoteAdded();
    const broken = { ...event, payload: { ...event.payload, noteId: 'not a valid id!' } };

    inspect.publish(exchange, 'case.note_added.v1', Buffer.from(JSON.stringify(broken)), {
      messageId: event.id,
    });
    inspect.publish(exchange, 'case.note_added.v1', Buffer.from('{not json'), { messageId: 'garbage' });

    const first = await getOne(consumer.deadLetterQueue);
    const second = await getOne(consumer.deadLetterQueue);
    expect(calls).toBe(0);
    expect(first.properties.headers?.[HEADERS.deadLetterReason]).toBe('invalid_payload');
    expect(String(first.properties.headers?.[HEADERS.deadLetterDetail])).toContain('payload.noteId');
    expect(second.properties.headers?.[HEADERS.deadLetterReason]).toBe('invalid_json');
    expect((await inspect.checkQueue(`${consumer.queue}.wait.100ms`)).messageCount).toBe(0);
  });
});
