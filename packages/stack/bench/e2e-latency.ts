// End-to-end latency of the platform: from the 201 of a POST /v1/cases of a fuel case (case-intake)
// to the `fuel_case_registered` notification for that case arriving on the SSE feed stream of its
// handling prosecutor (oversight-notifications), at a fixed request rate. The three services run as
// processes, as `npm start` runs them (packages/stack), on the local broker in a vhost of their own
// and a MongoDB stand-in in its own process (or MONGO_URL).
//
// Baseline, measured in the same run under the same load: a bare confirmed publish -> consume of a
// persistent message through a quorum queue on the same broker, sent at the same rate as the POSTs.
// It is the floor of any event-driven hop; the platform's path takes at least two such hops
// (case-intake's outbox relay -> oversight's consumer) plus waiting for the oversight sweep (the fuel
// rule is an obligation due at once, raised by the sweep) and for the feed stream's next poll.
//
//   node --conditions=source packages/stack/bench/e2e-latency.ts [--rate 5] [--seconds 30]
//     [--sweep-s 1] [--poll-ms 50] [--drain-s 15]
//
// Writes `.bench-results/e2e-latency.json` (rows: figure, unit, project, baseline, ratio) and the
// services' logs to `.bench-results/e2e-latency.services.log`; progress goes to stderr.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { RegisterCaseBody } from '@enforcement/contracts';
import { hashApiKey } from '@enforcement/service-kit';
import { createTestScope, SseClient, startInfra } from '@enforcement/testkit';
import amqp from 'amqplib';
import { MongoClient } from 'mongodb';
import { repoRoot } from '../src/paths.ts';
import { freePort } from '../src/ports.ts';
import { type RunningService, startService, stopServices, waitReady } from '../src/processes.ts';
import { serviceEnv, services } from '../src/services.ts';

const USAGE = 'flags: --rate N (POSTs/s)  --seconds N  --sweep-s N  --poll-ms N  --drain-s N';

function positive(flag: string, text: string | undefined, fallback: number, min = 1): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isFinite(value) || value < min) throw new Error(`--${flag} wants a number >= ${min}\n${USAGE}`);
  return value;
}

const { values: flags } = parseArgs({
  strict: true,
  allowPositionals: false,
  options: {
    rate: { type: 'string' },
    seconds: { type: 'string' },
    'sweep-s': { type: 'string' },
    'poll-ms': { type: 'string' },
    'drain-s': { type: 'string' },
  },
});
const options = {
  rate: positive('rate', flags.rate, 5, 0.1),
  seconds: positive('seconds', flags.seconds, 30),
  sweepS: Math.round(positive('sweep-s', flags['sweep-s'], 1)),
  pollMs: Math.round(positive('poll-ms', flags['poll-ms'], 50, 10)),
  drainS: positive('drain-s', flags['drain-s'], 15),
};

const POLICE_KEY = `bench-police-${randomBytes(16).toString('hex')}`;
const READER_KEY = `bench-reader-${randomBytes(16).toString('hex')}`;
const AUDIENCE = 'prosecutor:khuzestan';
const RULE = 'fuel_case_registered';
const READY_TIMEOUT_MS = 90_000;
const resultsDir = join(repoRoot, '.bench-results');

function progress(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

function summary(values: readonly number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted.at(-1) ?? Number.NaN };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A fuel case from the Khuzestan police, handled by the prosecutor; unique per reference. */
function fuelCase(reference: string): RegisterCaseBody {
  return {
    category: 'fuel',
    discoveringAgency: 'police',
    discoveryReference: reference,
    province: 'khuzestan',
    handlingAuthority: 'prosecutor',
    parties: [{ kind: 'person', role: 'suspect', fullName: 'علی رضایی', nationalId: '0499370899' }],
    seizedItems: [
      {
        kind: 'goods',
        description: 'گازوئیل قاچاق در تانکر',
        hsCode: '271019',
        quantity: { amount: 30_000, unit: 'litre' },
        estimatedValueRials: '9000000000',
      },
    ],
    discoveredAt: '2025-09-20T06:30:00Z',
    discoveryPlace: 'اسکله غیررسمی خورموسی',
  };
}

/** The MongoDB stand-in in its own process (so it never shares an event loop with the bench), or MONGO_URL. */
async function mongoEndpoint(): Promise<{ url: string; external: boolean; stop: () => Promise<void> }> {
  if (process.env.MONGO_URL) return { url: process.env.MONGO_URL, external: true, stop: async () => {} };
  const cli = fileURLToPath(new URL('./cli.ts', import.meta.resolve('@enforcement/mongo-standin')));
  const child: ChildProcess = spawn(process.execPath, [cli, '--port', '0'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  if (!child.stdout) throw new Error('stand-in: no stdout');
  for await (const line of createInterface({ input: child.stdout })) {
    const url = /listening on (mongodb:\/\/\S+)/.exec(line)?.[1];
    if (url) {
      child.stdout.resume();
      return { url, external: false, stop };
    }
  }
  throw new Error('the stand-in exited before listening');
}

/** Opens the feed's stream, noting when each fuel notification arrived, by subject id. */
function watchFeed(url: string, key: string, arrivals: Map<string, number>) {
  return SseClient.open(url, { authorization: `Bearer ${key}`, accept: 'text/event-stream' }, (message) => {
    const at = performance.now();
    if (message.data === undefined) return;
    const notification = JSON.parse(message.data) as { ruleId?: string; subject?: { id?: string } };
    const id = notification.subject?.id;
    if (notification.ruleId === RULE && id !== undefined && !arrivals.has(id)) arrivals.set(id, at);
  });
}

/** The baseline: confirmed persistent publish -> consume through a quorum queue, timed per message. */
async function startProbe(amqpUrl: string, name: string) {
  const connection = await amqp.connect(amqpUrl);
  const publish = await connection.createConfirmChannel();
  const consume = await connection.createChannel();
  await publish.assertExchange(name, 'topic', { durable: true });
  await consume.assertQueue(name, { durable: true, arguments: { 'x-queue-type': 'quorum' } });
  await consume.bindQueue(name, name, '#');
  await consume.prefetch(50);
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  await consume.consume(name, (message) => {
    if (message === null) return;
    const at = performance.now();
    JSON.parse(message.content.toString('utf8'));
    const sent = sentAt.get(String(message.properties.messageId));
    if (sent !== undefined) latencies.push(at - sent);
    consume.ack(message);
  });
  let n = 0;
  return {
    latencies,
    send: (body: unknown) => {
      const messageId = `probe-${n++}`;
      sentAt.set(messageId, performance.now());
      publish.publish(name, 'case.registered.v1', Buffer.from(JSON.stringify(body)), {
        persistent: true,
        messageId,
        contentType: 'application/json',
      });
    },
    close: async () => {
      await publish.waitForConfirms().catch(() => undefined);
      await connection.close();
    },
  };
}

function shown(value: number): string {
  if (!Number.isFinite(value)) return '-';
  return value >= 100 ? value.toFixed(0) : value.toFixed(2);
}

/** Set when a signal asks the bench to stop: loops end, and main() cleans up and fails. */
let stopping: NodeJS.Signals | undefined;

async function main(): Promise<void> {
  await mkdir(resultsDir, { recursive: true });
  const logFile = join(resultsDir, 'e2e-latency.services.log');
  const log = createWriteStream(logFile);
  const cleanups: Array<() => Promise<void>> = [];
  let cleaning = Promise.resolve();
  // Last in, first out, each step once; calls queue behind each other, so a signal and the normal end
  // (or a step registered after a signal's cleanup) never run a step twice or leave one out.
  const cleanup = () => {
    cleaning = cleaning.then(async () => {
      for (let step = cleanups.pop(); step !== undefined; step = cleanups.pop()) {
        await step().catch((error: unknown) => progress(`cleanup: ${String(error)}`));
      }
    });
    return cleaning;
  };
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping !== undefined) return;
    stopping = signal;
    progress(`${signal}: stopping the services and cleaning up`);
    // main() sees `stopping`, ends, and cleans up again for anything it started meanwhile.
    void cleanup().then(() =>
      setTimeout(() => process.exit(128 + (signal === 'SIGINT' ? 2 : 15)), 20_000).unref(),
    );
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    progress('starting the MongoDB stand-in');
    const mongo = await mongoEndpoint();
    cleanups.push(mongo.stop);
    const infra = await startInfra({ env: { ...process.env, MONGO_URL: mongo.url }, log: progress });
    cleanups.push(() => infra.stop());
    const scope = await createTestScope(infra, 'bench_e2e');
    cleanups.push(() => scope.cleanup());
    if (scope.vhost === undefined) {
      throw new Error('no RabbitMQ management API: the bench needs a vhost of its own for the services');
    }
    const dbPrefix = `${scope.id}_`;
    if (mongo.external) {
      cleanups.push(async () => {
        const client = await new MongoClient(mongo.url).connect();
        for (const service of services) await client.db(`${dbPrefix}${service.database}`).dropDatabase();
        await client.close();
      });
    }

    const dataDir = await mkdtemp(join(tmpdir(), 'bench-e2e-'));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    const apiKeysFile = join(dataDir, 'api-keys.json');
    const keys = [
      {
        keyId: 'bench-police',
        sha256: hashApiKey(POLICE_KEY),
        agency: 'police',
        province: 'khuzestan',
        scopes: ['cases:write'],
      },
      {
        keyId: 'bench-reader',
        sha256: hashApiKey(READER_KEY),
        agency: 'prosecutor',
        province: 'khuzestan',
        scopes: ['notifications:read'],
      },
    ];
    await writeFile(apiKeysFile, JSON.stringify(keys), { mode: 0o600 });

    progress(
      `starting the three services (vhost ${scope.vhost}; SWEEP_INTERVAL_S=${options.sweepS}, FEED_POLL_MS=${options.pollMs})`,
    );
    const running: RunningService[] = [];
    cleanups.push(() => stopServices(running, 15_000));
    for (const [index, service] of services.entries()) {
      const env = {
        ...serviceEnv(service, {
          mongoUrl: mongo.url,
          amqpUrl: scope.amqpUrl,
          port: await freePort(),
          apiKeysFile,
          dbPrefix,
        }),
        ...(service.name === 'oversight-notifications'
          ? { SWEEP_INTERVAL_S: String(options.sweepS), FEED_POLL_MS: String(options.pollMs) }
          : {}),
      };
      running.push(startService(service, index, env, (line) => log.write(`${line}\n`), false));
    }
    await Promise.all(running.map((service) => waitReady(service, READY_TIMEOUT_MS)));
    if (stopping !== undefined) throw new Error(`stopped by ${stopping}`);
    const urlOf = (name: string) => {
      const url = running.find((service) => service.name === name)?.url;
      if (url === undefined) throw new Error(`${name} is not part of the stack`);
      return url;
    };
    const caseIntake = urlOf('case-intake');
    const oversight = urlOf('oversight-notifications');

    const arrivals = new Map<string, number>();
    const feed = await watchFeed(`${oversight}/v1/feeds/${AUDIENCE}/stream`, READER_KEY, arrivals);
    cleanups.push(async () => {
      feed.close();
    });
    if (feed.status !== 200) throw new Error(`the feed stream answered ${feed.status}`);
    const probe = await startProbe(scope.amqpUrl, scope.name('bench.e2e.probe'));
    cleanups.push(() => probe.close());

    const run = Date.now().toString(36);
    const postLatencies: number[] = [];
    const posted: Array<{ id: string; at: number }> = [];
    let failures = 0;
    const postOne = async (reference: string, record: boolean) => {
      const body = fuelCase(reference);
      const started = performance.now();
      const response = await fetch(`${caseIntake}/v1/cases`, {
        method: 'POST',
        headers: { authorization: `Bearer ${POLICE_KEY}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      const at = performance.now();
      const answer = (await response.json()) as { id?: string; title?: string };
      if (response.status !== 201 || answer.id === undefined) {
        failures += 1;
        if (failures <= 3)
          progress(`POST answered ${response.status}: ${JSON.stringify(answer).slice(0, 300)}`);
        return undefined;
      }
      if (record) {
        postLatencies.push(at - started);
        posted.push({ id: answer.id, at });
      }
      return { id: answer.id, body };
    };

    // Warm-up: a few cases through the whole path first, so JIT and first connections are not measured.
    progress('warm-up: 3 fuel cases through the whole path');
    const warm = await Promise.all([0, 1, 2].map((i) => postOne(`bench-${run}-warm-${i}`, false)));
    const warmIds = warm.flatMap((result) => (result ? [result.id] : []));
    if (warmIds.length === 0) throw new Error('no warm-up case was accepted; see the log above');
    const warmDeadline = Date.now() + 30_000 + options.sweepS * 2000;
    while (!warmIds.every((id) => arrivals.has(id)) && Date.now() < warmDeadline && stopping === undefined) {
      await sleep(50);
    }
    if (stopping !== undefined) throw new Error(`stopped by ${stopping}`);
    if (!warmIds.every((id) => arrivals.has(id))) {
      throw new Error(`the warm-up notifications did not arrive; see ${logFile}`);
    }

    const total = Math.max(1, Math.round(options.rate * options.seconds));
    progress(
      `posting ${total} fuel cases at ${options.rate}/s (${options.seconds} s), a probe message with each`,
    );
    const intervalMs = 1000 / options.rate;
    const t0 = performance.now();
    const inFlight: Promise<unknown>[] = [];
    for (let i = 0; i < total && stopping === undefined; i++) {
      const wait = t0 + i * intervalMs - performance.now();
      if (wait > 0) await sleep(wait);
      const body = fuelCase(`bench-${run}-${i}`);
      probe.send(body);
      inFlight.push(postOne(body.discoveryReference, true).catch(() => (failures += 1)));
    }
    await Promise.all(inFlight);
    const sendSeconds = (performance.now() - t0) / 1000;
    const drainDeadline = Date.now() + options.drainS * 1000 + options.sweepS * 1000;
    while (Date.now() < drainDeadline && stopping === undefined) {
      if (posted.every((p) => arrivals.has(p.id)) && probe.latencies.length >= total) break;
      await sleep(50);
    }

    if (stopping !== undefined) throw new Error(`stopped by ${stopping}`);
    const e2e = posted.flatMap((p) => {
      const at = arrivals.get(p.id);
      return at === undefined ? [] : [at - p.at];
    });
    const missing = posted.length - e2e.length;
    const e2eStats = summary(e2e);
    const postStats = summary(postLatencies);
    const probeStats = summary(probe.latencies);

    console.log(
      `POST /v1/cases of ${total} fuel cases at ${options.rate}/s over ${sendSeconds.toFixed(1)} s ` +
        `(${posted.length} answered 201, ${failures} failed); a notification is matched to its case by subject id ` +
        `on the SSE stream of ${AUDIENCE}.`,
    );
    console.log(
      `oversight-notifications runs with SWEEP_INTERVAL_S=${options.sweepS} and FEED_POLL_MS=${options.pollMs} ` +
        `(the stack's defaults are 5 and 500; the service's 30 and 1000). The fuel rule is an obligation due ` +
        `at once that the sweep raises, so the path waits up to ${options.sweepS * 1000} ms for the next sweep ` +
        `and up to ${options.pollMs} ms for the stream's next poll: these timers bound the latency from below.`,
    );
    console.log(
      'Baseline: a bare confirmed publish -> consume of a persistent message through a quorum queue on the same ' +
        'broker, one with each POST (same rate, same run). The path takes at least two such hops ' +
        "(case-intake's outbox relay -> oversight's consumer) plus the sweep and feed poll.\n",
    );
    const rows = [
      {
        figure: 'fuel case POST 201 -> SSE notification p50, vs bare broker hop p50',
        unit: 'ms',
        project: e2eStats.p50,
        baseline: probeStats.p50,
      },
      {
        figure: 'fuel case POST 201 -> SSE notification p99, vs bare broker hop p99',
        unit: 'ms',
        project: e2eStats.p99,
        baseline: probeStats.p99,
      },
      {
        figure: 'fuel case POST 201 -> SSE notification max, vs bare broker hop max',
        unit: 'ms',
        project: e2eStats.max,
        baseline: probeStats.max,
      },
      {
        figure: 'fuel case POST /v1/cases -> 201 p50, vs bare broker hop p50',
        unit: 'ms',
        project: postStats.p50,
        baseline: probeStats.p50,
      },
      {
        figure: 'fuel case POST /v1/cases -> 201 p99, vs bare broker hop p99',
        unit: 'ms',
        project: postStats.p99,
        baseline: probeStats.p99,
      },
      {
        figure: 'notifications missing, of cases posted',
        unit: 'cases',
        project: missing,
        baseline: posted.length,
      },
    ].map((row) => ({ ...row, ratio: row.project / row.baseline }));

    const header = ['figure', 'project', 'baseline', 'ratio'];
    const lines = rows.map((row) => [
      `${row.figure} (${row.unit})`,
      shown(row.project),
      shown(row.baseline),
      shown(row.ratio),
    ]);
    const widths = header.map((title, i) =>
      Math.max(title.length, ...lines.map((line) => line[i]?.length ?? 0)),
    );
    const format = (cells: readonly string[]) =>
      cells
        .map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
        .join('  ');
    console.log(format(header));
    console.log(widths.map((width) => '-'.repeat(width)).join('  '));
    for (const line of lines) console.log(format(line));

    const document = {
      name: 'e2e-latency',
      measuredAt: new Date().toISOString(),
      machine: { cpus: cpus().length, node: process.version, platform: process.platform },
      options: { ...options, audience: AUDIENCE, rule: RULE },
      mongo: mongo.external ? 'MONGO_URL' : 'stand-in (own process)',
      baseline:
        'bare confirmed publish -> consume of a persistent message through a quorum queue, one per POST, same broker and run',
      note:
        `${total} fuel cases at ${options.rate}/s; oversight ran with SWEEP_INTERVAL_S=${options.sweepS} and ` +
        `FEED_POLL_MS=${options.pollMs} for this bench (the sweep raises the fuel alert, so up to ` +
        `${options.sweepS * 1000} ms of each latency is waiting for it); baseline: a bare confirmed ` +
        'publish -> consume through a quorum queue on the same broker, one per POST.',
      counts: { sent: total, answered201: posted.length, failed: failures, notified: e2e.length, missing },
      milliseconds: { e2e: e2eStats, post: postStats, brokerHop: probeStats },
      rows,
    };
    await writeFile(join(resultsDir, 'e2e-latency.json'), `${JSON.stringify(document, null, 2)}\n`);
    if (posted.length === 0 || e2e.length === 0) process.exitCode = 1;
  } finally {
    await cleanup();
    await new Promise((resolve) => log.end(resolve));
  }
}

try {
  await main();
} catch (error) {
  if (stopping === undefined) console.error(error);
  else progress(`stopped by ${stopping}`);
  process.exitCode = stopping === 'SIGINT' ? 130 : stopping === 'SIGTERM' ? 143 : 1;
}
