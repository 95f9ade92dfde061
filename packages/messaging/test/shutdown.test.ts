import type { TestScope } from '@enforcement/testkit';
import { useTestScope } from '@enforcement/testkit/vitest';
import amqp from 'amqplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BrokerConnection,
  EventConsumer,
  EventPublisher,
  handles,
  OutboxRelay,
  shutdownMessaging,
} from '../src/index.ts';
import { aNoteAdded, eventually } from './support.ts';

let scope: TestScope;

beforeAll(async () => {
  scope = await useTestScope('messaging-shutdown');
});

afterAll(async () => {
  await scope?.cleanup();
});

/** A promise with its resolve function, to hold a handler until the test lets it go. */
function gate(): { opened: Promise<void>; open(): void } {
  let open = (): void => {};
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { opened, open };
}

async function queueDepth(queue: string): Promise<number> {
  const connection = await amqp.connect(scope.amqpUrl);
  try {
    const channel = await connection.createChannel();
    return (await channel.checkQueue(queue)).messageCount;
  } finally {
    await connection.close();
  }
}

describe('graceful shutdown', () => {
  it('stops consuming, lets the running handler finish and ack, and leaves the rest queued', async () => {
    const connection = new BrokerConnection({ url: scope.amqpUrl, name: 'shutdown-finish' });
    await connection.start();
    const exchange = scope.name('finish.events');
    const hold = gate();
    const started: string[] = [];
    const finished: string[] = [];
    const consumer = new EventConsumer({
      connection,
      exchange,
      queue: scope.name('finish.queue'),
      prefetch: 1,
      handlers: [
        handles('case.note_added', 1, async (event) => {
          started.push(event.id);
          await hold.opened;
          finished.push(event.id);
        }),
      ],
      retryDelaysMs: [100],
    });
    await consumer.start();
    const publisher = new EventPublisher({ connection, exchange });
    await publisher.start();
    const relay = new OutboxRelay({
      collection: (await scope.db()).collection('cases'),
      publisher,
      pollIntervalMs: 50,
    });
    relay.start();
    const first = aNoteAdded();
    await publisher.publish(first);
    await publisher.publish(aNoteAdded());
    await eventually('the first handler to start', () => started.length === 1);

    const stopping = shutdownMessaging(
      { connection, consumers: [consumer], relays: [relay], publisher },
      10_000,
    );
    await eventually('the consumer to be cancelled', () => consumer.inFlight === 1);
    hold.open();
    await stopping;

    expect(finished).toEqual([first.id]);
    expect(started).toEqual([first.id]);
    expect(connection.isConnected()).toBe(false);
    expect(await queueDepth(consumer.queue)).toBe(1);
  });

  it('gives up on a handler that outlives the bound and leaves its message queued for redelivery', async () => {
    const connection = new BrokerConnection({ url: scope.amqpUrl, name: 'shutdown-bound' });
    await connection.start();
    const exchange = scope.name('bound.events');
    const never = gate();
    let started = 0;
    const consumer = new EventConsumer({
      connection,
      exchange,
      queue: scope.name('bound.queue'),
      handlers: [
        handles('case.note_added', 1, async () => {
          started += 1;
          await never.opened;
        }),
      ],
      retryDelaysMs: [100],
    });
    await consumer.start();
    const publisher = new EventPublisher({ connection, exchange });
    await publisher.start();
    await publisher.publish(aNoteAdded());
    await eventually('the handler to start', () => started === 1);

    await shutdownMessaging({ connection, consumers: [consumer], publisher }, 200);

    expect(
      await eventually(
        'the message to be back in the queue',
        async () => (await queueDepth(consumer.queue)) === 1,
      ),
    ).toBe(true);
    never.open();
  });
});
