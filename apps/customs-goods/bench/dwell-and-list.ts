// `npm run bench -w @enforcement/customs-goods`: latency of GET /v1/stats/dwell and of a filtered
// GET /v1/lots (by office, status and category; and held 30+ days) with 10,000 and with 100,000 lots, in the same run, and the ratio
// of the two sizes (goal: the 100k figure at most 3x the 10k figure). Lots are bulk-loaded with
// insertMany (a realistic mix: 60% still held, the rest cleared or exited); requests go through
// the whole app (auth, validation, serialization) with app.inject. Without MONGO_URL a MongoDB
// stand-in runs in its own process, so it never shares an event loop with what is measured.
//   BENCH_REQUESTS (default 300) per route and size; DWELL_REPORT_MAX_AGE_S as the service reads it.
import { spawn } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { knownCustomsOffices, type LotCategory, type LotStatus } from '@enforcement/contracts';
import { hashApiKey, loadConfig } from '@enforcement/service-kit';
import { type Db, Long, MongoClient } from 'mongodb';
import { buildApp, storesOf } from '../src/app.ts';
import { configSchema } from '../src/config.ts';
import type { LotDocument } from '../src/store/lot-document.ts';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 300);
const SIZES = [10_000, 100_000] as const;
const API_KEY = 'bench-inspection-key-0123456789';
const NOW = new Date('2025-10-05T08:30:00.000Z');
const DAY = 86_400_000;
const categories: LotCategory[] = ['general', 'perishable', 'vehicle', 'fuel'];

async function mongoEndpoint(): Promise<{ url: string; stop: () => Promise<void> }> {
  if (process.env.MONGO_URL) return { url: process.env.MONGO_URL, stop: async () => {} };
  const cli = fileURLToPath(new URL('./cli.ts', import.meta.resolve('@enforcement/mongo-standin')));
  const child = spawn(process.execPath, [cli, '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  if (!child.stdout) throw new Error('stand-in: no stdout');
  for await (const line of createInterface({ input: child.stdout })) {
    const url = /listening on (mongodb:\/\/\S+)/.exec(line)?.[1];
    if (url) {
      child.stdout.resume();
      const exited = new Promise((resolve) => child.once('exit', resolve));
      const stop = async () => {
        child.kill('SIGTERM');
        await exited;
      };
      return { url, stop };
    }
  }
  throw new Error('the stand-in exited before listening');
}

/** The n-th lot of the load: spread over offices, categories and a year of arrivals. */
function lotNumber(n: number): LotDocument {
  const office = knownCustomsOffices[n % knownCustomsOffices.length] ?? knownCustomsOffices[0];
  const arrivedAt = new Date(NOW.getTime() - ((n * 7919) % 365) * DAY - DAY);
  const stillHeld = n % 10 < 6;
  const status: LotStatus = stillHeld ? 'held' : n % 2 === 0 ? 'exited' : 'cleared';
  const heldSince = new Date(arrivedAt.getTime() + 3_600_000);
  const abandonmentDueAt = new Date(heldSince.getTime() + 90 * DAY);
  return {
    _id: `bench-lot-${n}`,
    version: 2,
    status,
    officeId: office.id,
    province: office.province,
    description: 'لوازم خانگی برقی در کانتینر',
    hsCode: '851660',
    category: categories[n % categories.length] ?? 'general',
    quantity: { amount: 1000 + (n % 500), unit: 'kg' },
    valueRials: Long.fromNumber(1_000_000_000 + n),
    caseId: null,
    arrivedAt,
    registeredAt: arrivedAt,
    heldSince,
    abandonmentDueAt,
    abandonmentExtended: false,
    statusChangedAt: heldSince,
    terminalAt: stillHeld ? null : new Date(heldSince.getTime() + DAY),
    caseVerdict: null,
    transit: null,
    updatedAt: heldSince,
    ...(stillHeld ? { openHeldSince: heldSince, heldAbandonmentDueAt: abandonmentDueAt } : {}),
  };
}

async function load(db: Db, size: number): Promise<void> {
  const lots = db.collection<LotDocument>('lots');
  for (let start = 0; start < size; start += 5_000) {
    const batch = Array.from({ length: Math.min(5_000, size - start) }, (_, i) => lotNumber(start + i));
    await lots.insertMany(batch, { ordered: false });
  }
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function timed(request: () => Promise<number>): Promise<{ p50: number; p90: number }> {
  for (let i = 0; i < 20; i++) await request(); // warm-up
  const latencies: number[] = [];
  for (let i = 0; i < REQUESTS; i++) {
    const start = performance.now();
    const status = await request();
    latencies.push(performance.now() - start);
    if (status !== 200) throw new Error(`answered ${status}`);
  }
  latencies.sort((a, b) => a - b);
  return { p50: percentile(latencies, 50), p90: percentile(latencies, 90) };
}

async function measure(mongoUrl: string, size: number) {
  const client = await new MongoClient(mongoUrl).connect();
  const db = client.db(`bench_lots_${size}_${Date.now().toString(36)}`);
  try {
    await storesOf(db).prepare(NOW);
    const loadStart = performance.now();
    await load(db, size);
    const loadSeconds = (performance.now() - loadStart) / 1000;
    const config = loadConfig(configSchema, {
      ...process.env,
      MONGO_URL: mongoUrl,
      AMQP_URL: process.env.AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:5672',
      MONGO_DB: db.databaseName,
      LOG_LEVEL: 'warn',
      RATE_LIMIT_MAX: '1000000',
      PRESSURE_MAX_EVENT_LOOP_DELAY_MS: '0',
      API_KEYS: JSON.stringify([
        { keyId: 'bench', sha256: hashApiKey(API_KEY), agency: 'inspection', scopes: ['lots:read'] },
      ]),
    });
    const app = await buildApp({ config, db, now: () => NOW });
    await app.ready();
    const get = (url: string) => async () =>
      (await app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${API_KEY}` } })).statusCode;
    const firstStart = performance.now();
    await get('/v1/stats/dwell')();
    const dwellCold = performance.now() - firstStart;
    const dwell = await timed(get('/v1/stats/dwell'));
    const list = await timed(get('/v1/lots?officeId=khz_shalamcheh&status=held&category=vehicle&limit=50'));
    const stuck = await timed(get('/v1/lots?province=khuzestan&minDwellDays=30&limit=50'));
    await app.close();
    return { size, loadSeconds, dwellCold, dwell, list, stuck };
  } finally {
    await db.dropDatabase();
    await client.close();
  }
}

/** `.bench-results/dwell-and-list.json` at the repository root, in the rows format `npm run bench` reads. */
async function writeResults(rows: { figure: string; unit: string; project: number; baseline: number }[]) {
  const directory = join(import.meta.dirname, '..', '..', '..', '.bench-results');
  await mkdir(directory, { recursive: true });
  const document = {
    name: 'dwell-and-list',
    measuredAt: new Date().toISOString(),
    machine: { cpus: cpus().length, node: process.version, platform: process.platform },
    options: { requests: REQUESTS, sizes: SIZES },
    mongo: process.env.MONGO_URL ? 'MONGO_URL' : 'stand-in (own process)',
    rows: rows.map((row) => ({ ...row, ratio: row.project / row.baseline })),
  };
  await writeFile(join(directory, 'dwell-and-list.json'), `${JSON.stringify(document, null, 2)}\n`);
}

const mongo = await mongoEndpoint();
try {
  console.log(`${REQUESTS} sequential requests per route and size after 20 warm-up requests`);
  console.log(`MongoDB: ${process.env.MONGO_URL ? 'MONGO_URL' : 'stand-in (own process)'}\n`);
  const results = [];
  for (const size of SIZES) {
    const result = await measure(mongo.url, size);
    results.push(result);
    console.log(
      `${String(size).padStart(7)} lots (loaded in ${result.loadSeconds.toFixed(1)} s): ` +
        `stats/dwell p50 ${result.dwell.p50.toFixed(2)} ms p90 ${result.dwell.p90.toFixed(2)} ms ` +
        `(first, computing the snapshot: ${result.dwellCold.toFixed(0)} ms); ` +
        `lots by office/status/category p50 ${result.list.p50.toFixed(2)} ms p90 ${result.list.p90.toFixed(2)} ms; ` +
        `lots held 30+ days p50 ${result.stuck.p50.toFixed(2)} ms p90 ${result.stuck.p90.toFixed(2)} ms`,
    );
  }
  const [small, large] = results;
  if (small && large) {
    console.log(
      `\nratio 100k / 10k, p50:  stats/dwell ${(large.dwell.p50 / small.dwell.p50).toFixed(2)}   ` +
        `lots by office/status/category ${(large.list.p50 / small.list.p50).toFixed(2)}   (goal: at most 3)`,
    );
    console.log(
      `ratio 100k / 10k, p50:  lots held 30+ days ${(large.stuck.p50 / small.stuck.p50).toFixed(2)} ` +
        '(newest first past a dwell cut-off: the page walks over every lot registered in the last 30 days)',
    );
    console.log(
      `ratio 100k / 10k, snapshot computation: ${(large.dwellCold / small.dwellCold).toFixed(2)} ` +
        '(grows with the lots held; runs at most once per DWELL_REPORT_MAX_AGE_S)',
    );
    await writeResults([
      {
        figure: 'GET /v1/stats/dwell p50, 100k lots vs 10k',
        unit: 'ms',
        project: large.dwell.p50,
        baseline: small.dwell.p50,
      },
      {
        figure: 'GET /v1/lots by office/status/category p50, 100k vs 10k',
        unit: 'ms',
        project: large.list.p50,
        baseline: small.list.p50,
      },
      {
        figure: 'GET /v1/lots held 30+ days p50, 100k vs 10k',
        unit: 'ms',
        project: large.stuck.p50,
        baseline: small.stuck.p50,
      },
      {
        figure: 'dwell snapshot computation, 100k vs 10k',
        unit: 'ms',
        project: large.dwellCold,
        baseline: small.dwellCold,
      },
    ]);
  }
} finally {
  await mongo.stop();
}
