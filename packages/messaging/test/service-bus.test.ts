import type { AnyEvent } from '@enforcement/contracts';
import type { TestScope } from '@enforcement/testkit';
import { useTestScope } from '@enforcement/testkit/vitest';
import type { Db } from 'mongodb';
import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handles, newOutbox, ServiceBus, silentLogger } from '../src/index.ts';
import { aNoteAdded, eventually } from './support.ts';

let scope: TestScope;
let db: Db;
beforeAll(async () => {
  scope = await useTestScope('messaging-service-bus');
  db = await scope.db();
});
afterAll(async () => {
  await scope.cleanup();
});

describe('ServiceBus', () => {
  it('relays an aggregate’s outbox to its own consumer through the broker, once, and reports readiness', async () => {
    const handled: AnyEvent[] = [];
    const registry = new Registry();
    const bus = new ServiceBus({
      name: 'bus-test',
      url: scope.amqpUrl,
      db,
      logger: silentLogger,
      registry,
      outboxCollections: ['cases'],
      consumers: [
        {
          queue: scope.name('notes'),
          handlers: [handles('case.note_added', 1, (event) => void handled.push(event))],
        },
      ],
    });
    await expect(bus.readinessProbe()).rejects.toThrow();
    await bus.start();
    try {
      const note = aNoteAdded();
      const cases = db.collection<{ _id: string; outbox?: unknown[] }>('cases');
      await cases.insertOne({ _id: note.subject.id, ...newOutbox([note]) });

      await eventually(
        'the note to be handled',
        () => handled.length === 1 && bus.consumers[0]?.inFlight === 0,
      );
      expect(handled[0]?.id).toBe(note.id);
      await eventually('the outbox to drain', async () => {
        const document = await cases.findOne({ _id: note.subject.id });
        return document?.outbox?.length === 0;
      });
      await expect(bus.readinessProbe()).resolves.toBeUndefined();
      expect(await registry.metrics()).toMatch(/messaging_consumed_total\{queue="[^"]+",outcome="done"\} 1/);
    } finally {
      await bus.close();
    }
  });

  it('leaves the outbox alone when started without relays, while its consumers run', async () => {
    const bus = new ServiceBus({
      name: 'bus-test-no-relays',
      url: scope.amqpUrl,
      db,
      logger: silentLogger,
      registry: new Registry(),
      outboxCollections: ['quiet_cases'],
      consumers: [{ queue: scope.name('quiet-notes'), handlers: [] }],
    });
    await bus.start({ relays: false });
    try {
      const note = aNoteAdded();
      const cases = db.collection<{ _id: string; outbox?: unknown[] }>('quiet_cases');
      await cases.insertOne({ _id: note.subject.id, ...newOutbox([note]) });
      await eventually('the broker to answer', async () => (await bus.readinessProbe()) === undefined);
      // Three poll intervals of a relay (500 ms each): a running one would have published by now.
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      expect((await cases.findOne({ _id: note.subject.id }))?.outbox).toHaveLength(1);
    } finally {
      await bus.close();
    }
  });
});
