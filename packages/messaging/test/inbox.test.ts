import type { TestScope } from '@enforcement/testkit';
import { useTestScope } from '@enforcement/testkit/vitest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrokerConnection, EventConsumer, EventPublisher, handles, MongoInbox } from '../src/index.ts';
import { aNoteAdded, eventually } from './support.ts';

let scope: TestScope;
let connection: BrokerConnection;
let inbox: MongoInbox;

beforeAll(async () => {
  scope = await useTestScope('messaging-inbox');
  connection = new BrokerConnection({ url: scope.amqpUrl, name: 'inbox-test' });
  await connection.start();
  inbox = new MongoInbox(await scope.db());
  await inbox.ensureIndexes();
});

afterAll(async () => {
  await connection?.close();
  await scope?.cleanup();
});

describe('inbox', () => {
  it('runs the handler once for an event delivered twice and acks both deliveries', async () => {
    const handled: string[] = [];
    const exchange = scope.name('events');
    const consumer = new EventConsumer({
      connection,
      exchange,
      queue: scope.name('notifications'),
      inbox,
      handlers: [
        handles('case.note_added', 1, (event) => {
          handled.push(event.id);
        }),
      ],
      retryDelaysMs: [100],
    });
    await consumer.start();
    const publisher = new EventPublisher({ connection, exchange });
    await publisher.start();
    const event = aNoteAdded();
    const other = aNoteAdded();

    await publisher.publish(event);
    await eventually('the first delivery to be handled', () => handled.includes(event.id));
    await publisher.publish(event);
    await publisher.publish(other);

    await eventually(
      'every delivery to be settled',
      () => handled.includes(other.id) && consumer.inFlight === 0,
    );
    await consumer.stop();
    expect(handled).toEqual([event.id, other.id]);
    expect(await inbox.seen(consumer.name, event.id)).toBe(true);
  });

  it('keeps inbox records of two consumers apart', async () => {
    await inbox.record('case-intake.notes', 'f0b6c0de-0000-4000-8000-000000000001', 'case.note_added.v1');

    expect(await inbox.seen('case-intake.notes', 'f0b6c0de-0000-4000-8000-000000000001')).toBe(true);
    expect(await inbox.seen('oversight.notes', 'f0b6c0de-0000-4000-8000-000000000001')).toBe(false);
  });

  it('accepts recording the same event twice', async () => {
    await inbox.record('oversight.notes', 'f0b6c0de-0000-4000-8000-000000000002', 'case.note_added.v1');

    await expect(
      inbox.record('oversight.notes', 'f0b6c0de-0000-4000-8000-000000000002', 'case.note_added.v1'),
    ).resolves.toBeUndefined();
  });
});
