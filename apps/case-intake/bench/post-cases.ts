// `npm run bench -w @enforcement/case-intake`: POST /v1/cases throughput and p50/p99 latency at a
// fixed concurrency, against a bare Fastify route that validates nothing and inserts the same
// document into the same MongoDB endpoint, in the same run. Each server runs in its own process;
// without MONGO_URL a MongoDB stand-in is started in a third one.
//   BENCH_SECONDS (default 10) per server, BENCH_CONCURRENCY (default 32), LOG_LEVEL for the service (default warn)
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { hashApiKey } from '@enforcement/service-kit';
import { benchCaseBody } from './body.ts';
import { type LoadResult, percentile, runLoad } from './load.ts';
import { startChild, stopChild } from './processes.ts';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 32);
const warmupMs = 2000;
const here = import.meta.dirname;
const apiKey = 'bench-police-key-0123456789';
const run = Date.now().toString(36);

async function mongoEndpoint() {
  if (process.env.MONGO_URL) return { url: process.env.MONGO_URL, stop: async () => {} };
  const { child, match } = await startChild(join(here, 'standin.ts'), [], {}, /^standin (\S+)/);
  return { url: match[1] ?? '', stop: () => stopChild(child) };
}

async function measure(mode: 'service' | 'bare' | 'bare_indexed', mongoUrl: string): Promise<LoadResult> {
  const env = {
    MONGO_URL: mongoUrl,
    // Required by the service's config; the bench measures the HTTP write path, so no relay runs.
    AMQP_URL: process.env.AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:5672',
    SERVICE_NAME: 'case-intake-bench',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    RATE_LIMIT_MAX: '1000000',
    PRESSURE_MAX_EVENT_LOOP_DELAY_MS: '0',
    API_KEYS: JSON.stringify([
      { keyId: 'bench', sha256: hashApiKey(apiKey), agency: 'police', scopes: ['cases:write', 'cases:read'] },
    ]),
  };
  const { child, match } = await startChild(join(here, 'serve.ts'), [mode], env, /^listening (\S+)/);
  try {
    const load = {
      url: match[1] ?? '',
      concurrency,
      headers: { authorization: `Bearer ${apiKey}` },
      body: (n: number) => JSON.stringify(benchCaseBody(`${mode}-${run}-${n}`)),
      expectStatus: 201,
    };
    await runLoad({ ...load, durationMs: warmupMs }, 0);
    return await runLoad({ ...load, durationMs: seconds * 1000 }, 1_000_000);
  } finally {
    await stopChild(child);
  }
}

/** `.bench-results/post-cases.json` at the repository root, in the rows format the root `npm run bench` reads. */
async function writeResults(rows: { figure: string; unit: string; project: number; baseline: number }[]) {
  const directory = join(here, '..', '..', '..', '.bench-results');
  await mkdir(directory, { recursive: true });
  const document = {
    name: 'post-cases',
    measuredAt: new Date().toISOString(),
    machine: { cpus: cpus().length, node: process.version, platform: process.platform },
    options: { seconds, concurrency, warmupSeconds: warmupMs / 1000 },
    mongo: process.env.MONGO_URL ? 'MONGO_URL' : 'stand-in (own process)',
    rows: rows.map((row) => ({ ...row, ratio: row.project / row.baseline })),
  };
  await writeFile(join(directory, 'post-cases.json'), `${JSON.stringify(document, null, 2)}\n`);
}

function describe(name: string, result: LoadResult): { name: string; rps: number; p50: number; p99: number } {
  const rps = result.requests / result.seconds;
  const p50 = percentile(result.latenciesMs, 50);
  const p99 = percentile(result.latenciesMs, 99);
  console.log(
    `${name.padEnd(34)} ${rps.toFixed(0).padStart(7)} req/s   p50 ${p50.toFixed(2).padStart(7)} ms   p99 ${p99
      .toFixed(2)
      .padStart(7)} ms   (${result.requests} ok, ${result.failures} failed)`,
  );
  return { name, rps, p50, p99 };
}

const mongo = await mongoEndpoint();
try {
  console.log(
    `POST /v1/cases, ${concurrency} concurrent clients, ${seconds} s each after ${warmupMs / 1000} s warm-up`,
  );
  console.log(`MongoDB: ${process.env.MONGO_URL ? 'MONGO_URL' : 'stand-in (own process)'}\n`);
  const bare = describe('bare Fastify + insertOne', await measure('bare', mongo.url));
  const indexed = describe('bare, same indexes as the service', await measure('bare_indexed', mongo.url));
  const service = describe('case-intake (validated, authorized)', await measure('service', mongo.url));
  console.log(
    `\nthroughput ratio service / bare:              ${(service.rps / bare.rps).toFixed(2)} (goal >= 0.60)`,
  );
  console.log(`throughput ratio service / bare same indexes: ${(service.rps / indexed.rps).toFixed(2)}`);
  console.log(
    'The second ratio isolates what the service adds per request (auth, validation, events, outbox);\n' +
      'the gap between the two bare runs is the MongoDB endpoint maintaining the listing indexes.',
  );
  await writeResults([
    {
      figure: 'POST /v1/cases, vs bare Fastify + insertOne',
      unit: 'req/s',
      project: service.rps,
      baseline: bare.rps,
    },
    {
      figure: 'POST /v1/cases, vs bare with the same indexes',
      unit: 'req/s',
      project: service.rps,
      baseline: indexed.rps,
    },
    {
      figure: 'POST /v1/cases p50, vs bare Fastify + insertOne',
      unit: 'ms',
      project: service.p50,
      baseline: bare.p50,
    },
    {
      figure: 'POST /v1/cases p99, vs bare Fastify + insertOne',
      unit: 'ms',
      project: service.p99,
      baseline: bare.p99,
    },
  ]);
  if (service.rps === 0 || bare.rps === 0) process.exitCode = 1;
} finally {
  await mongo.stop();
}
