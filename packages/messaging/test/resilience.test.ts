import type { TestScope } from '@enforcement/testkit';
import { useTestScope } from '@enforcement/testkit/vitest';
import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BrokerConnection,
  createMessagingMetrics,
  EventConsumer,
  EventPublisher,
  handles,
} from '../src/index.ts';
import { aNoteAdded, closeConnectionsFromBroker, eventually } from './support.ts';

let scope: TestScope;

beforeAll(async () => {
  scope = await useTestScope('messaging-resilience');
});

afterAll(async () => {
  await scope?.cleanup();
});

const fastReconnect = { initialMs: 50, maxMs: 500, factor: 2, jitter: 0.3 };

describe('connection resilience', () => {
  it('loses no event when the broker closes every connection mid-stream, and reports not ready meanwhile', async () => {
    const states: boolean[] = [];
    const registry = new Registry();
    const consumerConnection = new BrokerConnection({
      url: scope.amqpUrl,
      name: 'resilience-consumer',
      reconnect: fastReconnect,
      metrics: createMessagingMetrics(registry),
      onStateChange: (up) => states.push(up),
    });
    const publisherConnection = new BrokerConnection({
      url: scope.amqpUrl,
      name: 'resilience-publisher',
      reconnect: fastReconnect,
    });
    const exchange = scope.name('events');
    const handled = new Set<string>();
    const consumer = new EventConsumer({
      connection: consumerConnection,
      exchange,
      queue: scope.name('notifications'),
      handlers: [
        handles('case.note_added', 1, (event) => {
          handled.add(event.id);
        }),
      ],
      retryDelaysMs: [100],
      prefetch: 20,
    });
    const publisher = new EventPublisher({ connection: publisherConnection, exchange, timeoutMs: 10_000 });
    await consumer.start();
    await publisher.start();
    await Promise.all([consumerConnection.start(), publisherConnection.start()]);
    const published: string[] = [];
    let streaming = true;
    const publishing = (async () => {
      while (streaming) {
        const batch = Array.from({ length: 10 }, () => aNoteAdded());
        await Promise.all(batch.map((event) => publisher.publish(event)));
        published.push(...batch.map((event) => event.id));
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();
    const closed = new Set<string>();
    const names = ['resilience-consumer', 'resilience-publisher'];

    await eventually('some events to be handled', () => handled.size >= 50);
    await closeConnectionsFromBroker(scope.amqpUrl, names, closed);
    await eventually('the consumer to come back', () => states.length >= 3);
    const handledBeforeSecondCut = handled.size;
    await eventually('more events to be handled', () => handled.size >= handledBeforeSecondCut + 50);
    await closeConnectionsFromBroker(scope.amqpUrl, names, closed);
    await eventually('the consumer to come back again', () => states.length >= 5);
    const handledAfterSecondCut = handled.size;
    await eventually('more events after the second cut', () => handled.size >= handledAfterSecondCut + 50);
    streaming = false;
    await publishing;

    await eventually(
      'every published event to be handled',
      () => published.every((id) => handled.has(id)),
      30_000,
    );
    expect(states.slice(0, 5)).toEqual([true, false, true, false, true]);
    expect(consumerConnection.isConnected()).toBe(true);
    await expect(consumerConnection.readinessProbe()).resolves.toBeUndefined();
    expect(await registry.getSingleMetricAsString('messaging_connection_up')).toContain(
      'messaging_connection_up{connection="resilience-consumer"} 1',
    );
    await consumer.stop();
    await publisher.close();
    await Promise.all([consumerConnection.close(), publisherConnection.close()]);
  }, 60_000);

  it('fails a publish clearly when no connection comes back within its deadline', async () => {
    const connection = new BrokerConnection({
      url: 'amqp://guest:guest@127.0.0.1:1/',
      name: 'resilience-unreachable',
      reconnect: fastReconnect,
    });
    const publisher = new EventPublisher({ connection, timeoutMs: 300 });
    await publisher.start();
    void connection.start().catch(() => {});

    const failure = await publisher.publish(aNoteAdded()).catch((error: unknown) => error);

    expect(failure).toMatchObject({ code: 'MESSAGING_NOT_CONNECTED' });
    await expect(connection.readinessProbe()).rejects.toThrow('not connected');
    await connection.close();
  });
});
