/**
 * Round trips per second through the official driver against the stand-in: insertOne and
 * find-by-_id, with 1 and 16 concurrent clients, on collections of 100 and 100,000 documents.
 * Each measurement runs for a fixed time, so the whole run stays well under a minute.
 *   node bench/round-trips.ts
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { MongoClient } from 'mongodb';
import { startMongoStandin } from '../src/index.ts';

const SECONDS_PER_CASE = Number(process.env.BENCH_SECONDS ?? 2);

async function measure(
  clients: MongoClient[],
  op: (client: MongoClient, n: number) => Promise<unknown>,
): Promise<number> {
  const deadline = performance.now() + SECONDS_PER_CASE * 1000;
  let done = 0;
  const start = performance.now();
  await Promise.all(
    clients.map(async (client) => {
      while (performance.now() < deadline) {
        await op(client, done++);
      }
    }),
  );
  return done / ((performance.now() - start) / 1000);
}

const standin = await startMongoStandin({ port: 0 });
const clients = await Promise.all(
  Array.from({ length: 16 }, () => new MongoClient(standin.url, { maxPoolSize: 1 }).connect()),
);
const results = new Map<string, number>();

/** Numbered documents, so find-by-_id can pick any of them without a round trip to learn ids. */
interface BenchDoc {
  _id: number;
  v?: number;
  pad?: string;
}

// Warm-up, so the first measured case does not pay for JIT compilation.
{
  const warm = clients.slice(0, 4);
  await measure(warm, (c, n) => c.db('bench').collection<BenchDoc>('warmup').insertOne({ _id: n }));
  await measure(warm, (c, n) =>
    c
      .db('bench')
      .collection<BenchDoc>('warmup')
      .findOne({ _id: n % 1000 }),
  );
  await clients[0]?.db('bench').collection<BenchDoc>('warmup').drop();
}
const fmt = (n: number) => Math.round(n).toLocaleString('en-US').padStart(8);

for (const size of [100, 100_000]) {
  const name = `docs_${size}`;
  const coll = clients[0]?.db('bench').collection<BenchDoc>(name);
  if (!coll) throw new Error('no client');
  for (let i = 0; i < size; i += 10_000) {
    await coll.insertMany(
      Array.from({ length: Math.min(10_000, size - i) }, (_, j) => ({
        _id: i + j,
        v: i + j,
        pad: 'x'.repeat(100),
      })),
    );
  }
  for (const concurrency of [1, 16]) {
    const active = clients.slice(0, concurrency);
    const find = await measure(active, (c, n) =>
      c
        .db('bench')
        .collection<BenchDoc>(name)
        .findOne({ _id: (n * 7919) % size }),
    );
    results.set(`find ${size} ${concurrency}`, find);
    let next = size + concurrency * 1_000_000;
    const insert = await measure(active, (c) =>
      c.db('bench').collection<BenchDoc>(name).insertOne({ _id: next++, v: 0 }),
    );
    results.set(`insert ${size} ${concurrency}`, insert);
    console.log(
      `${String(size).padStart(7)} docs, ${String(concurrency).padStart(2)} client(s): insertOne ${fmt(insert)} ops/s   find-by-_id ${fmt(find)} ops/s`,
    );
  }
}
for (const concurrency of [1, 16]) {
  const small = results.get(`find 100 ${concurrency}`) ?? 0;
  const large = results.get(`find 100000 ${concurrency}`) ?? 0;
  console.log(
    `ratio find-by-_id 100k/100 docs, ${concurrency} client(s): ${(large / small).toFixed(2)} (1.00 = no slowdown)`,
  );
}
// `.bench-results/standin-round-trips.json` at the repository root, in the rows format `npm run bench` reads.
{
  const rows = [1, 16].flatMap((concurrency) =>
    (['find', 'insert'] as const).map((op) => {
      const project = results.get(`${op} 100000 ${concurrency}`) ?? 0;
      const baseline = results.get(`${op} 100 ${concurrency}`) ?? 0;
      const what = op === 'find' ? 'find-by-_id' : 'insertOne';
      const figure = `${what}, 100k docs vs 100, ${concurrency} client(s)`;
      return { figure, unit: 'ops/s', project, baseline, ratio: project / baseline };
    }),
  );
  const directory = join(import.meta.dirname, '..', '..', '..', '.bench-results');
  await mkdir(directory, { recursive: true });
  const document = {
    name: 'standin-round-trips',
    measuredAt: new Date().toISOString(),
    machine: { cpus: cpus().length, node: process.version, platform: process.platform },
    options: { secondsPerCase: SECONDS_PER_CASE },
    rows,
  };
  await writeFile(join(directory, 'standin-round-trips.json'), `${JSON.stringify(document, null, 2)}\n`);
}
await Promise.all(clients.map((c) => c.close()));
await standin.close();
