// `node --conditions=source bench/consume.ts [--events 5000]`: events consumed per second through
// the service's handlers (inbox, facts, rules, obligations, resolving notifications, the relay
// publishing what they wrote) against a bare amqplib consumer of the same messages that only acks,
// and one that inserts each message once, in the same run on the same broker and MongoDB endpoint.
// A mix of case, unit, lot and transit stories is published first to three queues bound to one
// exchange of the bench's own; each consumer then drains its queue alone, timed from its start to
// its last event (the service's: polled from its inbox every 50 ms).
import { randomBytes, randomUUID } from 'node:crypto';
import type { AnyEvent } from '@enforcement/contracts';
import { EVENTS_EXCHANGE_TYPE, routingKeyOf } from '@enforcement/contracts';
import {
  BrokerConnection,
  createMessagingMetrics,
  declareConsumerTopology,
  EventConsumer,
  EventPublisher,
  MongoInbox,
  OutboxRelay,
} from '@enforcement/messaging';
import amqp, { type Channel, type ChannelModel, type ConfirmChannel, type ConsumeMessage } from 'amqplib';
import { type Db, MongoClient } from 'mongodb';
import { pino } from 'pino';
import { factsFrom } from '../src/domain/event-facts.ts';
import { notificationFor } from '../src/domain/notification.ts';
import { obligationsOf } from '../src/domain/obligations-of.ts';
import { defaultRulesConfig } from '../src/domain/rules-config.ts';
import { watchedEventHandlers } from '../src/events/subscriptions.ts';
import { NOTIFICATIONS_COLLECTION } from '../src/store/notification-store.ts';
import { RESOLUTIONS_COLLECTION } from '../src/store/resolution-store.ts';
import { storesOf } from '../src/stores.ts';
import { notificationDocument } from './documents.ts';
import { eventLoad } from './events.ts';
import { amqpUrl, mongoEndpoint } from './mongo.ts';
import { benchOptions } from './options.ts';
import { printTable, progress, type Row, writeResults } from './report.ts';

/** The aggregates whose outbox the service relays (messaging.ts's outboxCollections). */
const OUTBOX_COLLECTIONS = [NOTIFICATIONS_COLLECTION, RESOLUTIONS_COLLECTION];
/** The service's consumer default, used by the bare consumers too. */
const PREFETCH = 20;
const POLL_MS = 50;
const START = new Date('2025-01-01T00:00:00.000Z');

const options = benchOptions();
const run = `b${randomBytes(3).toString('hex')}`;
const names = {
  exchange: `bench.oversight.${run}.events`,
  service: `bench.oversight.${run}.watched-events`,
  bareAck: `bench.oversight.${run}.bare-ack`,
  bareInsert: `bench.oversight.${run}.bare-insert`,
  /** Where the relay's notification events land, as they would at their subscribers. */
  published: `bench.oversight.${run}.published`,
};

/** Stands for the notifications the sweep raised before the load: the closing cases' determination. */
async function seedOpenNotifications(db: Db, closedCaseIds: readonly string[], events: readonly AnyEvent[]) {
  const notifications = storesOf(db).notifications.collection;
  const registered = new Map<string, AnyEvent>();
  for (const event of events) if (event.type === 'case.registered') registered.set(event.subject.id, event);
  const documents = closedCaseIds.flatMap((caseId, i) => {
    const event = registered.get(caseId);
    if (event?.type !== 'case.registered') return [];
    const update = factsFrom.caseRegistered(event);
    const obligation = obligationsOf(update.subjectKey, update, defaultRulesConfig)[0];
    if (obligation === undefined) return [];
    const n = notificationFor(
      obligation,
      { id: `${run}-n-${i}`, seq: i + 1 },
      obligation.dueAt,
      defaultRulesConfig,
    );
    return [notificationDocument(n)];
  });
  if (documents.length > 0) await notifications.insertMany(documents);
  await db
    .collection<{ _id: string; value: number; inflight: unknown[] }>('sequences')
    .updateOne(
      { _id: NOTIFICATIONS_COLLECTION },
      { $set: { value: documents.length, inflight: [] } },
      { upsert: true },
    );
  return documents.length;
}

async function publishAll(channel: ConfirmChannel, events: readonly AnyEvent[]): Promise<void> {
  for (const [i, event] of events.entries()) {
    const content = Buffer.from(JSON.stringify(event));
    const routingKey = routingKeyOf(event.type, event.version);
    if (!channel.publish(names.exchange, routingKey, content, { persistent: true, messageId: event.id })) {
      await new Promise((resolve) => channel.once('drain', resolve));
    }
    if ((i + 1) % 1_000 === 0) {
      await channel.waitForConfirms();
      progress(`published ${i + 1} / ${events.length}`);
    }
  }
  await channel.waitForConfirms();
}

/** A bare consumer of `queue`: `work` per message, then ack; seconds until `count` were acked. */
async function bareConsumer(
  connection: ChannelModel,
  queue: string,
  count: number,
  work: (message: ConsumeMessage) => Promise<void> | void,
): Promise<number> {
  const channel = await connection.createChannel();
  await channel.prefetch(PREFETCH);
  let acked = 0;
  const started = performance.now();
  const finished = new Promise<number>((resolve, reject) => {
    void channel.consume(queue, (message) => {
      if (message === null) return;
      Promise.resolve(work(message)).then(() => {
        channel.ack(message);
        acked += 1;
        if (acked === count) resolve((performance.now() - started) / 1000);
      }, reject);
    });
  });
  const seconds = await finished;
  await channel.close();
  return seconds;
}

/** The service's consumer side, wired as ServiceBus wires it (connection, confirmed publisher,
 * a relay per outbox collection, inbox, one consumer), with the bench's own exchange for both
 * directions so nothing it publishes reaches other consumers on the broker. */
function serviceParts(db: Db) {
  const logger = pino({ level: 'warn' }, pino.destination(2));
  const metrics = createMessagingMetrics();
  const connection = new BrokerConnection({ url: amqpUrl, name: `oversight-bench-${run}`, logger, metrics });
  const publisher = new EventPublisher({ connection, exchange: names.exchange, logger, metrics });
  const relays = OUTBOX_COLLECTIONS.map(
    (name) => new OutboxRelay({ collection: db.collection(name), publisher, logger, metrics }),
  );
  const inbox = new MongoInbox(db);
  const consumer = new EventConsumer({
    queue: names.service,
    exchange: names.exchange,
    handlers: watchedEventHandlers({ ...storesOf(db), now: () => new Date(), newId: randomUUID }),
    connection,
    logger,
    metrics,
    inbox,
  });
  return {
    consumer,
    prepare: () => Promise.all([...relays.map((relay) => relay.ensureIndexes()), inbox.ensureIndexes()]),
    start: async () => {
      await publisher.start();
      await consumer.start();
      await connection.start();
      for (const relay of relays) relay.start();
    },
    close: async () => {
      await consumer.stop();
      for (const relay of relays) await relay.stop();
      await publisher.close();
      await connection.close();
    },
  };
}

async function waitUntil(check: () => Promise<boolean>): Promise<void> {
  while (!(await check())) await new Promise((resolve) => setTimeout(resolve, POLL_MS));
}

async function declareQueues(channel: Channel, consumer: EventConsumer): Promise<void> {
  await channel.assertExchange(names.exchange, EVENTS_EXCHANGE_TYPE, { durable: true });
  await declareConsumerTopology(channel, consumer.topology);
  for (const queue of [names.bareAck, names.bareInsert]) {
    await channel.assertQueue(queue, { durable: true, arguments: { 'x-queue-type': 'quorum' } });
    for (const key of consumer.topology.routingKeys) await channel.bindQueue(queue, names.exchange, key);
  }
  await channel.assertQueue(names.published, { durable: true });
  await channel.bindQueue(names.published, names.exchange, 'oversight.#');
}

async function deleteQueues(channel: Channel, consumer: EventConsumer): Promise<void> {
  const { queue, retryDelaysMs } = consumer.topology;
  const waits = [...new Set(retryDelaysMs)].map((ms) => `${queue}.wait.${ms}ms`);
  for (const name of [
    queue,
    consumer.deadLetterQueue,
    ...waits,
    names.bareAck,
    names.bareInsert,
    names.published,
  ]) {
    await channel.deleteQueue(name);
  }
  await channel.deleteExchange(names.exchange);
}

/** MongoDB commands the measured consumer sends, by name: what a handled event costs in round trips. */
function commandCounter(client: MongoClient) {
  const byName = new Map<string, number>();
  let counting = false;
  client.on('commandStarted', (event) => {
    if (counting) byName.set(event.commandName, (byName.get(event.commandName) ?? 0) + 1);
  });
  return {
    measure: async <T>(work: () => Promise<T>): Promise<{ result: T; commands: Map<string, number> }> => {
      byName.clear();
      counting = true;
      try {
        return { result: await work(), commands: new Map(byName) };
      } finally {
        counting = false;
      }
    },
  };
}

const total = (commands: Map<string, number>) => [...commands.values()].reduce((sum, n) => sum + n, 0);

const mongo = await mongoEndpoint();
// The consumers' client counts its commands; polling and counting go through another one.
const client = await new MongoClient(mongo.url, { monitorCommands: true }).connect();
const observer = await new MongoClient(mongo.url).connect();
const db = client.db(`bench_consume_${run}`);
const watched = observer.db(db.databaseName);
const commands = commandCounter(client);
const broker = await amqp.connect(amqpUrl);
const admin = await broker.createConfirmChannel();
const service = serviceParts(db);
try {
  const load = eventLoad(run, options.events, START);
  const count = load.events.length;
  const stores = storesOf(db);
  await stores.prepare(defaultRulesConfig);
  const seeded = await seedOpenNotifications(db, load.closedCaseIds, load.events);
  await declareQueues(admin, service.consumer);
  progress(`publishing ${count} events to ${names.exchange} (3 queues)`);
  await publishAll(admin, load.events);
  const types = new Map<string, number>();
  for (const event of load.events) types.set(event.type, (types.get(event.type) ?? 0) + 1);

  progress('bare consumer, ack only');
  const ackSeconds = await bareConsumer(broker, names.bareAck, count, () => {});
  progress('bare consumer, one insert per message');
  const received = db.collection<{ _id: string; type: string; receivedAt: Date }>('bench_received');
  const bare = await commands.measure(() =>
    bareConsumer(broker, names.bareInsert, count, async (message) => {
      const event = JSON.parse(message.content.toString('utf8')) as AnyEvent;
      await received.insertOne({ _id: event.id, type: event.type, receivedAt: new Date() });
    }),
  );
  const insertSeconds = bare.result;

  progress('oversight-notifications consumer');
  await service.prepare();
  const inbox = watched.collection('messaging_inbox');
  const measured = await commands.measure(async () => {
    const started = performance.now();
    await service.start();
    await waitUntil(async () => (await inbox.countDocuments({ consumer: names.service })) >= count);
    return { started, seconds: (performance.now() - started) / 1000 };
  });
  const serviceSeconds = measured.result.seconds;
  const notifications = watched.collection(NOTIFICATIONS_COLLECTION);
  const pending = async (name: string) =>
    watched.collection(name).countDocuments({ outboxDueAt: { $exists: true } });
  await waitUntil(async () => (await Promise.all(OUTBOX_COLLECTIONS.map(pending))).every((n) => n === 0));
  const relayDrainedSeconds = (performance.now() - measured.result.started) / 1000;

  const rate = (seconds: number) => count / seconds;
  const rows: Row[] = [
    {
      figure: 'consumed, vs one insert per message',
      unit: 'events/s',
      project: rate(serviceSeconds),
      baseline: rate(insertSeconds),
    },
    {
      figure: 'consumed, vs ack only',
      unit: 'events/s',
      project: rate(serviceSeconds),
      baseline: rate(ackSeconds),
    },
    {
      figure: 'MongoDB commands per event',
      unit: 'commands',
      project: total(measured.commands) / count,
      baseline: total(bare.commands) / count,
    },
  ];
  const obligations = watched.collection('obligations');
  const outcome = {
    obligationsOpen: await obligations.countDocuments({ state: 'open' }),
    obligationsMet: await obligations.countDocuments({ state: 'met' }),
    notificationsSeededOpen: seeded,
    notificationsResolved: await notifications.countDocuments({ state: 'resolved' }),
    eventsRelayed: (await admin.checkQueue(names.published)).messageCount,
    deadLettered: (await admin.checkQueue(service.consumer.deadLetterQueue)).messageCount,
  };
  const commandsPerEvent = Object.fromEntries(
    [...measured.commands]
      .sort(([, a], [, b]) => b - a)
      .map(([name, n]) => [name, Number((n / count).toFixed(2))]),
  );
  console.log(
    `consume: ${count} events (${[...types].map(([type, n]) => `${type} ${n}`).join(', ')}), ` +
      `prefetch ${PREFETCH}, MongoDB: ${mongo.source}\n`,
  );
  printTable(rows, { project: 'oversight-notifications', baseline: 'bare amqplib' });
  console.log(
    `\nseconds to drain: service ${serviceSeconds.toFixed(1)} (relay done at ${relayDrainedSeconds.toFixed(1)}), ` +
      `bare + insert ${insertSeconds.toFixed(1)}, bare ack ${ackSeconds.toFixed(1)}`,
  );
  console.log(
    `service commands per event: ${Object.entries(commandsPerEvent)
      .map(([name, n]) => `${name} ${n}`)
      .join(', ')}`,
  );
  console.log(
    `obligations open ${outcome.obligationsOpen}, met ${outcome.obligationsMet}; notifications resolved ` +
      `${outcome.notificationsResolved} of ${seeded} seeded open, ${outcome.eventsRelayed} events relayed; ` +
      `dead-lettered ${outcome.deadLettered}`,
  );
  const file = await writeResults('consume', {
    options: { events: count, prefetch: PREFETCH },
    mongo: mongo.source,
    eventTypes: Object.fromEntries(types),
    seconds: {
      service: serviceSeconds,
      relayDrained: relayDrainedSeconds,
      bareInsert: insertSeconds,
      bareAck: ackSeconds,
    },
    commandsPerEvent,
    outcome,
    rows: rows.map((row) => ({ ...row, ratio: row.project / row.baseline })),
  });
  progress(`wrote ${file}`);
} finally {
  await service.close().catch(() => {});
  await deleteQueues(admin, service.consumer).catch((error: unknown) =>
    progress(`cleanup: ${String(error)}`),
  );
  await broker.close();
  await db.dropDatabase();
  await observer.close();
  await client.close();
  await mongo.stop();
}
