/**
 * End-to-end throughput: confirmed publish -> consume -> ack of 1 KiB events with prefetch 50,
 * through this package (with and without the inbox) and through raw amqplib doing the same on the
 * same broker in the same run. Run with `npm run bench -w @enforcement/messaging`; it takes the
 * broker and MongoDB the tests use (AMQP_URL / MONGO_URL, else the local broker and the stand-in).
 *
 *   BENCH_MESSAGES   messages per variant (default 5000)
 *   BENCH_WINDOW     publishes in flight at once (default 200)
 *   BENCH_ROUNDS     alternating raw/package rounds; medians are compared (default 3)
 */
import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { type EventOf, newEvent } from '@enforcement/contracts';
import { createTestScope, startInfra } from '@enforcement/testkit';
import amqp from 'amqplib';
import { BrokerConnection, EventConsumer, EventPublisher, handles, MongoInbox } from '../src/index.ts';

const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 5_000);
const WINDOW = Number(process.env.BENCH_WINDOW ?? 200);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const PREFETCH = 50;
/** No variant may run longer than this, so the whole benchmark stays around a minute at worst. */
const VARIANT_CAP_MS = 8_000;

/** A valid event whose JSON is about 1 KiB. */
function aKibEvent(): EventOf<'case.note_added', 1> {
  const draft = (text: string) =>
    newEvent('case.note_added', {
      version: 1,
      subjectId: 'case-bench',
      correlationId: 'bench',
      payload: {
        caseId: 'case-bench',
        noteId: `note-${randomUUID().slice(0, 8)}`,
        authorAgency: 'customs',
        text,
        addedAt: new Date().toISOString(),
      },
    });
  const bare = Buffer.byteLength(JSON.stringify(draft('x')));
  return draft('x'.repeat(1024 - bare + 1));
}

/** Runs `publishOne` for `count` messages with at most WINDOW in flight. */
async function publishAll(count: number, publishOne: (index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: WINDOW }, async () => {
    while (next < count) {
      const index = next;
      next += 1;
      await publishOne(index);
    }
  });
  await Promise.all(lanes);
}

async function waitFor(condition: () => boolean, capMs: number): Promise<void> {
  const deadline = Date.now() + capMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('variant exceeded its time cap');
    // A short sleep, not setImmediate: a spinning check would steal the event loop from the consumer.
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

async function rawAmqplib(url: string, queue: string, events: Buffer[]): Promise<number> {
  const connection = await amqp.connect(url);
  const publishChannel = await connection.createConfirmChannel();
  const consumeChannel = await connection.createChannel();
  await publishChannel.assertExchange('bench.raw', 'topic', { durable: true });
  await consumeChannel.assertQueue(queue, { durable: true, arguments: { 'x-queue-type': 'quorum' } });
  await consumeChannel.bindQueue(queue, 'bench.raw', '#');
  await consumeChannel.prefetch(PREFETCH);
  let consumed = 0;
  await consumeChannel.consume(queue, (message) => {
    if (message === null) return;
    JSON.parse(message.content.toString('utf8'));
    consumeChannel.ack(message);
    consumed += 1;
  });
  const started = performance.now();
  await publishAll(events.length, (index) => {
    const content = events[index] ?? Buffer.alloc(0);
    return new Promise<void>((resolve, reject) => {
      publishChannel.publish(
        'bench.raw',
        'case.note_added.v1',
        content,
        { persistent: true, mandatory: true, messageId: randomUUID(), type: 'case.note_added.v1' },
        (error: unknown) => (error ? reject(error) : resolve()),
      );
    });
  });
  await waitFor(() => consumed >= events.length, VARIANT_CAP_MS);
  const elapsed = performance.now() - started;
  await connection.close();
  return (events.length / elapsed) * 1000;
}

async function throughPackage(
  url: string,
  queue: string,
  events: EventOf<'case.note_added', 1>[],
  inbox: MongoInbox | undefined,
): Promise<number> {
  const connection = new BrokerConnection({ url, name: `bench-${queue}` });
  await connection.start();
  let consumed = 0;
  const exchange = `bench.${queue}`;
  const consumer = new EventConsumer({
    connection,
    exchange,
    queue,
    prefetch: PREFETCH,
    handlers: [
      handles('case.note_added', 1, () => {
        consumed += 1;
      }),
    ],
    retryDelaysMs: [1_000],
    ...(inbox === undefined ? {} : { inbox }),
  });
  await consumer.start();
  const publisher = new EventPublisher({ connection, exchange });
  await publisher.start();
  const started = performance.now();
  await publishAll(events.length, async (index) => {
    const event = events[index];
    if (event) await publisher.publish(event);
  });
  await waitFor(() => consumed >= events.length, VARIANT_CAP_MS);
  const elapsed = performance.now() - started;
  await consumer.stop();
  await publisher.close();
  await connection.close();
  return (events.length / elapsed) * 1000;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** `.bench-results/messaging-throughput.json` at the repository root, in the rows format `npm run bench` reads. */
async function writeResults(rows: { figure: string; unit: string; project: number; baseline: number }[]) {
  const directory = join(import.meta.dirname, '..', '..', '..', '.bench-results');
  await mkdir(directory, { recursive: true });
  const document = {
    name: 'messaging-throughput',
    measuredAt: new Date().toISOString(),
    machine: { cpus: cpus().length, node: process.version, platform: process.platform },
    options: { messages: MESSAGES, window: WINDOW, rounds: ROUNDS, prefetch: PREFETCH },
    rows: rows.map((row) => ({ ...row, ratio: row.project / row.baseline })),
  };
  await writeFile(join(directory, 'messaging-throughput.json'), `${JSON.stringify(document, null, 2)}\n`);
}

async function main(): Promise<void> {
  const infra = await startInfra();
  const scope = await createTestScope(infra, 'bench');
  try {
    const events = Array.from({ length: MESSAGES }, () => aKibEvent());
    const bodies = events.map((event) => Buffer.from(JSON.stringify(event)));
    console.log(
      `${MESSAGES} messages of ${bodies[0]?.length} bytes, prefetch ${PREFETCH}, ${WINDOW} publishes in flight`,
    );
    // A warm-up pass, so neither side pays for the broker's first quorum queue alone.
    await rawAmqplib(scope.amqpUrl, 'warmup', bodies.slice(0, 500));

    // Raw and package runs alternate, and medians are compared, so a burst of load from anything
    // else on the machine does not land on one side only.
    const raws: number[] = [];
    const plains: number[] = [];
    for (let round = 1; round <= ROUNDS; round += 1) {
      raws.push(await rawAmqplib(scope.amqpUrl, `raw-${round}`, bodies));
      plains.push(await throughPackage(scope.amqpUrl, `package-${round}`, events, undefined));
      console.log(
        `round ${round}: raw ${raws.at(-1)?.toFixed(0)} msg/s, package ${plains.at(-1)?.toFixed(0)} msg/s`,
      );
    }
    const raw = median(raws);
    const plain = median(plains);
    const inbox = new MongoInbox(await scope.db());
    await inbox.ensureIndexes();
    const withInbox = await throughPackage(scope.amqpUrl, 'package-inbox', events, inbox);

    const rows = [
      ['raw amqplib (median)', raw],
      ['package, no inbox (median)', plain],
      ['package, inbox', withInbox],
    ] as const;
    for (const [label, rate] of rows) {
      console.log(
        `${label.padEnd(28)} ${rate.toFixed(0).padStart(7)} msg/s   ${((rate / raw) * 100).toFixed(0)}% of raw`,
      );
    }
    const ratio = plain / raw;
    console.log(
      `package without inbox keeps ${(ratio * 100).toFixed(0)}% of raw amqplib (goal: at least 80%)`,
    );
    await writeResults([
      {
        figure: `publish -> consume -> ack, vs raw amqplib (median of ${ROUNDS})`,
        unit: 'msg/s',
        project: plain,
        baseline: raw,
      },
      {
        figure: 'same with the MongoDB inbox, vs raw amqplib',
        unit: 'msg/s',
        project: withInbox,
        baseline: raw,
      },
    ]);
  } finally {
    await scope.cleanup();
    await infra.stop();
  }
}

await main();
