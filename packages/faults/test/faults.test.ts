import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generatePlan, type RunSummary, runPlan } from '@enforcement/simulator';
import { MongoClient } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rabbitmqBinDir } from '../src/broker.ts';
import { browse, declareTap, readTap, TAP_QUEUE } from '../src/broker-reads.ts';
import { type CheckRow, formatTable, runChecks } from '../src/checks.ts';
import { type FaultRecord, faultSchedule, injectFaults } from '../src/faults.ts';
import { accepted, Ledger, maybeApplied } from '../src/ledger.ts';
import { CONSUMER_QUEUES, DATABASES, Platform, simulatorKeys } from '../src/platform.ts';
import { waitFor } from '../src/processes.ts';

/*
 * Fault injection under load. The simulator sends agency traffic at a fixed rate while, one after
 * the other, each service is killed with SIGKILL and restarted, the broker's app is stopped and
 * started, every broker connection is closed, and the MongoDB endpoint is killed and restarted on its
 * data directory. The broker is a RabbitMQ node of this suite's own (never the shared one other suites
 * use), the MongoDB endpoint the stand-in as a process of its own. Afterwards the databases and the
 * broker are held to the ledger of what the clients were told.
 */

const SEED = 9;
const RATE = Number(process.env.FAULTS_RATE ?? 25);
const DURATION_S = Number(process.env.FAULTS_DURATION_S ?? 75);
const write = (line: string) => process.stdout.write(`[faults] ${line}\n`);

const binDir = rabbitmqBinDir();
const dir = mkdtempSync(join(tmpdir(), 'enforcement-faults-'));
const platform = new Platform(dir);
let failed = false;

beforeAll(async () => {
  if (binDir === undefined) return;
  const started = performance.now();
  const broker = await platform.startBroker();
  write(`dedicated RabbitMQ node ${broker.nodeName} on 127.0.0.1:${broker.port} (${dir})`);
  await declareTap(broker.amqpUrl);
  await platform.startStandin();
  await platform.startServices();
  write(`platform up in ${Math.round(performance.now() - started)} ms: ${JSON.stringify(platform.targets)}`);
}, 120_000);

afterAll(async () => {
  await platform.stop();
  if (failed || process.env.FAULTS_KEEP_DIR) {
    for (const name of ['case-intake', 'customs-goods', 'oversight-notifications', 'mongo-standin']) {
      const log = readFileSync(join(dir, `${name}.log`), 'utf8').split('\n');
      const errors = log.filter((line) => /"level":(50|60)|Error/.test(line)).slice(-5);
      if (errors.length > 0) write(`last errors of ${name}:\n${errors.join('\n')}`);
    }
  }
  if (process.env.FAULTS_KEEP_DIR) write(`kept ${dir}`);
  else rmSync(dir, { recursive: true, force: true });
}, 120_000);

/** Waits until no outbox holds events and no queue (but dead letters and the tap) holds messages. */
async function drain(mongo: MongoClient): Promise<number> {
  const broker = platform.broker;
  if (broker === undefined) throw new Error('no broker');
  const outboxes: [string, string][] = [
    [DATABASES['case-intake'], 'cases'],
    [DATABASES['case-intake'], 'execution_units'],
    [DATABASES['customs-goods'], 'lots'],
    [DATABASES['oversight-notifications'], 'notifications'],
    [DATABASES['oversight-notifications'], 'resolutions'],
  ];
  let quietTimes = 0;
  return waitFor(
    'outboxes and queues were not drained',
    async () => {
      let left = 0;
      for (const [db, collection] of outboxes)
        left += await mongo
          .db(db)
          .collection(collection)
          .countDocuments({ 'outbox.0': { $exists: true } });
      const queues = await broker.queues();
      left += queues
        .filter((q) => q.name !== TAP_QUEUE && !q.name.endsWith('.dead'))
        .reduce((sum, q) => sum + q.ready + q.unacked, 0);
      // Twice in a row: a handler's own events (oversight's notifications) may follow a consumed one.
      quietTimes = left === 0 ? quietTimes + 1 : 0;
      return quietTimes >= 2;
    },
    90_000,
  );
}

if (binDir === undefined)
  write('skipped: rabbitmq-server/rabbitmqctl not found (FAULTS_RABBITMQ_BIN_DIR names their folder)');

describe.skipIf(binDir === undefined)('faults under load', () => {
  it('loses nothing and duplicates nothing the clients were told, and leaves nothing waiting', async () => {
    const suiteStarted = performance.now();
    try {
      const ledger = new Ledger();
      const t0 = performance.now();
      const traffic: Promise<RunSummary> = runPlan(generatePlan(SEED, { rate: RATE }), {
        targets: platform.targets,
        keys: simulatorKeys,
        duration: DURATION_S,
        concurrency: 16,
        notifications: false,
        requestTimeoutMs: 120_000,
        fetch: ledger.fetch,
      });
      let faults: FaultRecord[];
      try {
        faults = await injectFaults(platform, faultSchedule(), t0, write);
      } finally {
        await traffic;
      }
      const summary = await traffic;
      write(
        `traffic: ${JSON.stringify(summary.requests)}, retried attempts: ${JSON.stringify(Object.fromEntries(ledger.retriedBy))}`,
      );

      const mongo = await new MongoClient(platform.mongoUrl, { serverSelectionTimeoutMS: 10_000 }).connect();
      try {
        // Not drained in time: the checks below then show what still waits.
        const drained = await drain(mongo).then(
          (ms) => `drained in ${ms} ms`,
          (error: unknown) => String(error),
        );
        write(drained);
        const broker = platform.broker;
        if (broker === undefined) throw new Error('no broker');
        const queues = await broker.queues();
        const bindings = new Map<string, string[]>();
        for (const { queue, key } of await broker.bindings('enforcement.events')) {
          if (queue === TAP_QUEUE) continue;
          bindings.set(queue, [...(bindings.get(queue) ?? []), key]);
        }
        const deadLetters = [];
        for (const q of queues.filter((queue) => queue.name.endsWith('.dead') && queue.ready > 0)) {
          for (const message of await browse(broker.amqpUrl, q.name)) {
            const reason = message.headers['x-dead-letter-reason'];
            deadLetters.push({
              queue: q.name,
              eventId: message.messageId,
              reason: reason === undefined ? undefined : String(reason),
            });
          }
        }
        const dbs = {
          caseIntake: mongo.db(DATABASES['case-intake']),
          customsGoods: mongo.db(DATABASES['customs-goods']),
          oversight: mongo.db(DATABASES['oversight-notifications']),
        };
        const { rows, notes } = await runChecks(ledger.entries, dbs, {
          events: await readTap(broker.amqpUrl),
          bindings,
          inboxOf: new Map([
            [CONSUMER_QUEUES['customs-goods'], dbs.customsGoods],
            [CONSUMER_QUEUES['oversight-notifications'], dbs.oversight],
          ]),
          waiting: queues
            .filter((q) => q.name !== TAP_QUEUE && !q.name.endsWith('.dead'))
            .map((q) => ({ queue: q.name, messages: q.ready + q.unacked })),
          deadLetters,
        });

        const posts = ledger.entries.length;
        const ok = ledger.entries.filter(accepted).length;
        const lostAnswers = ledger.entries.filter(maybeApplied).length;
        const faultTable = faults
          .map(
            (f) =>
              `  ${f.injectedAtS.toFixed(1).padStart(5)} s  ${f.name} (ready again in ${f.recoveredInMs} ms)`,
          )
          .join('\n');
        process.stdout.write(
          [
            '',
            `FAULTS UNDER LOAD — seed ${SEED}, ${RATE} req/s for ${DURATION_S} s, ${summary.requests.sent} requests sent`,
            faultTable,
            `ledger: ${posts} POSTs, ${ok} accepted (2xx), ${lostAnswers} without a final answer that may have been applied`,
            '',
            formatTable(rows),
            '',
            ...notes.map((note) => `  ${note}`),
            `  whole suite: ${Math.round((performance.now() - suiteStarted) / 1000)} s of test time`,
            '',
          ].join('\n'),
        );

        const wrong = rows.filter((r: CheckRow) => r.missing > 0 || r.duplicated > 0);
        expect(wrong.map((r) => `${r.check}: ${r.examples.join('; ')}`)).toEqual([]);
        expect(faults).toHaveLength(faultSchedule().length);
        expect(ok).toBeGreaterThan(RATE * DURATION_S * 0.3);
      } finally {
        await mongo.close();
      }
    } catch (error) {
      failed = true;
      throw error;
    }
  });
});
