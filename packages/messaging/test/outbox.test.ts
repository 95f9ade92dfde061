import type { TestScope } from '@enforcement/testkit';
import { useTestScope } from '@enforcement/testkit/vitest';
import amqp, { type Channel, type ChannelModel } from 'amqplib';
import type { Collection, Db, Document } from 'mongodb';
import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BrokerConnection,
  createMessagingMetrics,
  EventPublisher,
  type Logger,
  newOutbox,
  OutboxRelay,
  withOutbox,
} from '../src/index.ts';
import { aNoteAdded, eventually } from './support.ts';

let scope: TestScope;
let db: Db;
let connection: BrokerConnection;
let raw: ChannelModel;
let inspect: Channel;

beforeAll(async () => {
  scope = await useTestScope('messaging-outbox');
  db = await scope.db();
  connection = new BrokerConnection({ url: scope.amqpUrl, name: 'outbox-test' });
  await connection.start();
  raw = await amqp.connect(scope.amqpUrl);
  inspect = await raw.createChannel();
});

afterAll(async () => {
  await raw?.close();
  await connection?.close();
  await scope?.cleanup();
});

/** An aggregate collection, a publisher to an exchange of its own and a queue that sees what it publishes. */
async function fixture(label: string) {
  const exchange = scope.name(`${label}.events`);
  const queue = scope.name(`${label}.seen`);
  const publisher = new EventPublisher({ connection, exchange, timeoutMs: 5_000 });
  await publisher.start();
  await inspect.assertQueue(queue, { durable: true });
  await inspect.bindQueue(queue, exchange, '#');
  const cases: Collection<Document> = db.collection(label);
  return { publisher, queue, cases };
}

/** Event ids as they arrived in `queue`, in order, once `count` have arrived. */
async function receivedIds(queue: string, count: number): Promise<string[]> {
  const ids: string[] = [];
  await eventually(`${count} messages in ${queue}`, async () => {
    for (;;) {
      const message = await inspect.get(queue, { noAck: true });
      if (message === false) break;
      ids.push(String(message.properties.messageId));
    }
    return ids.length >= count;
  });
  return ids;
}

/** Writes a note on a case and its event in one updateOne, as a service would. */
async function addNote(cases: Collection<Document>, caseId: string) {
  const event = aNoteAdded({ subjectId: caseId });
  await cases.updateOne(
    { _id: caseId as unknown as Document['_id'] },
    withOutbox({ $inc: { notes: 1 } }, [event]),
  );
  return event;
}

describe('outbox', () => {
  it('writes the state change and its events in one update, validated against the contract', async () => {
    const { cases } = await fixture('atomic');
    const registered = aNoteAdded({ subjectId: 'case-1' });
    await cases.insertOne({
      _id: 'case-1' as unknown as Document['_id'],
      notes: 1,
      ...newOutbox([registered]),
    });

    const second = await addNote(cases, 'case-1');

    const stored = await cases.findOne({ _id: 'case-1' as unknown as Document['_id'] });
    expect(stored?.notes).toBe(2);
    expect(stored?.outbox.map((entry: { event: { id: string } }) => entry.event.id)).toEqual([
      registered.id,
      second.id,
    ]);
    expect(stored?.outboxDueAt).toBeInstanceOf(Date);
    expect(() =>
      withOutbox({ $set: { notes: 3 } }, [{ ...second, payload: { ...second.payload, noteId: '' } }]),
    ).toThrow('payload.noteId');
  });

  it('publishes events written while no relay ran (a relay killed between the write and the publish) once one starts', async () => {
    const { publisher, queue, cases } = await fixture('restart');
    const events = [await addNoteOnNew(cases, 'case-a'), await addNote(cases, 'case-a')];
    const relay = new OutboxRelay({ collection: cases, publisher, pollIntervalMs: 50 });
    await relay.ensureIndexes();

    relay.start();

    expect(await receivedIds(queue, 2)).toEqual(events.map((event) => event.id));
    await eventually('the outbox to be emptied', async () => {
      const stored = await cases.findOne({ _id: 'case-a' as unknown as Document['_id'] });
      return (
        stored?.outbox.length === 0 && stored.outboxDueAt === undefined && stored.outboxLease === undefined
      );
    });
    await relay.stop();
  });

  it('takes over a document whose relay died holding its lease once the lease has expired', async () => {
    const { publisher, queue, cases } = await fixture('lease');
    const event = await addNoteOnNew(cases, 'case-b');
    await cases.updateOne(
      { _id: 'case-b' as unknown as Document['_id'] },
      { $set: { outboxLease: { owner: 'relay-that-died', until: new Date(Date.now() + 300) } } },
    );
    const relay = new OutboxRelay({ collection: cases, publisher, pollIntervalMs: 50 });

    relay.start();

    expect(await receivedIds(queue, 1)).toEqual([event.id]);
    await relay.stop();
  });

  it('keeps the order of events per subject', async () => {
    const { publisher, queue, cases } = await fixture('order');
    const written = new Map<string, string[]>();
    for (const caseId of ['case-c', 'case-d', 'case-e'])
      written.set(caseId, [(await addNoteOnNew(cases, caseId)).id]);
    for (let round = 0; round < 4; round += 1) {
      for (const caseId of ['case-c', 'case-d', 'case-e'])
        written.get(caseId)?.push((await addNote(cases, caseId)).id);
    }
    const relay = new OutboxRelay({ collection: cases, publisher });

    await relay.runOnce();

    const received = await receivedIds(queue, 15);
    for (const ids of written.values()) expect(received.filter((id) => ids.includes(id))).toEqual(ids);
  });

  it('publishes every event at least once and in order per subject with two relays on one database', async () => {
    const { publisher, queue, cases } = await fixture('replicas');
    const relays = ['relay-1', 'relay-2'].map(
      (owner) => new OutboxRelay({ collection: cases, publisher, owner, pollIntervalMs: 10, leaseMs: 5_000 }),
    );
    for (const relay of relays) relay.start();
    const caseIds = Array.from({ length: 8 }, (_, index) => `case-r${index}`);
    const written = new Map<string, string[]>(caseIds.map((caseId) => [caseId, []]));
    for (const caseId of caseIds) written.get(caseId)?.push((await addNoteOnNew(cases, caseId)).id);
    for (let round = 0; round < 5; round += 1) {
      await Promise.all(
        caseIds.map(async (caseId) => written.get(caseId)?.push((await addNote(cases, caseId)).id)),
      );
      for (const relay of relays) relay.kick();
    }

    const received = await receivedIds(queue, caseIds.length * 6);
    await eventually('every outbox to be emptied', async () => {
      const pending = await cases.countDocuments({ outboxDueAt: { $exists: true } });
      return pending === 0;
    });
    await Promise.all(relays.map((relay) => relay.stop()));
    for (const ids of written.values()) {
      const firstSeen = received.filter((id, index) => ids.includes(id) && received.indexOf(id) === index);
      expect(firstSeen).toEqual(ids);
    }
  });

  it('retries a failing publish with backoff and reports events stuck past the bound', async () => {
    const { cases } = await fixture('stuck');
    const event = await addNoteOnNew(cases, 'case-f');
    const unreachable = new BrokerConnection({
      url: 'amqp://guest:guest@127.0.0.1:1/',
      name: 'outbox-unreachable',
      reconnect: { initialMs: 50, maxMs: 200, factor: 2, jitter: 0 },
    });
    const warnings: Array<Record<string, unknown>> = [];
    const logger: Logger = {
      debug: () => {},
      info: () => {},
      error: () => {},
      warn: (fields, message) => warnings.push({ ...fields, message }),
    };
    const registry = new Registry();
    const metrics = createMessagingMetrics(registry);
    const failing = new EventPublisher({ connection: unreachable, timeoutMs: 100 });
    const relay = new OutboxRelay({
      collection: cases,
      publisher: failing,
      stuckAfterMs: 0,
      retry: { initialMs: 60_000, maxMs: 60_000, factor: 1, jitter: 0 },
      logger,
      metrics,
    });

    await relay.runOnce();
    const stats = await relay.refreshStats(new Date(Date.now() + 10));

    const stored = await cases.findOne({ _id: 'case-f' as unknown as Document['_id'] });
    expect(stored?.outbox[0].attempts).toBe(1);
    expect(stored?.outbox[0].lastError).toContain('not connected');
    expect(stored?.outboxDueAt.getTime()).toBeGreaterThan(Date.now() + 30_000);
    expect(stored?.outboxLease).toBeUndefined();
    expect(stats.pending).toBe(1);
    expect(stats.stuck.map((entry) => entry.event.id)).toEqual([event.id]);
    expect(await registry.getSingleMetricAsString('messaging_outbox_stuck_events')).toContain(
      'collection="stuck"} 1',
    );
    expect(
      warnings.some(
        (line) => line.message === 'outbox event stuck: not published in time' && line.eventId === event.id,
      ),
    ).toBe(true);
    expect(await relay.runOnce()).toBe(0);
    await unreachable.close();
  });
});

/** Registers a case with its first event (insertOne with the outbox fields). */
async function addNoteOnNew(cases: Collection<Document>, caseId: string) {
  const event = aNoteAdded({ subjectId: caseId });
  await cases.insertOne({ _id: caseId as unknown as Document['_id'], notes: 1, ...newOutbox([event]) });
  return event;
}
