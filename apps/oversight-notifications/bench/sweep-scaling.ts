// `node --conditions=source bench/sweep-scaling.ts [--small 10000] [--large 1000000] [--due 1000]
// [--repeats 5] [--standin-heap-mb 12288]`: the time of one `sweep(deps, now)` that raises `due`
// notifications, with `small` and with `large` open obligations (goal: large / small under 2). The
// obligations are the service's own rules' (every rule the consumed events open, across provinces),
// inserted with insertMany, all due in the future except `due` of them spread through the load; the
// indexes are built afterwards by the stores' `prepare`. Each size gets a MongoDB stand-in in its
// own process (or MONGO_URL); both stay up and their timed sweeps alternate, the due obligations made
// due again and their notifications removed before each, and the median is reported. The baseline
// row times the sweep's claim and release alone as bare driver calls, to show the endpoint's share.
import { randomUUID } from 'node:crypto';
import { type Db, MongoClient } from 'mongodb';
import { defaultRulesConfig } from '../src/domain/rules-config.ts';
import { type SweepDeps, sweep } from '../src/scheduler/sweep.ts';
import type { ObligationDocument } from '../src/store/obligation-store.ts';
import { storesOf } from '../src/stores.ts';
import { obligationDocument } from './documents.ts';
import { mongoEndpoint } from './mongo.ts';
import { obligationLike, obligationTemplates } from './obligations.ts';
import { benchOptions } from './options.ts';
import { median, printTable, progress, type Row, writeResults } from './report.ts';

const NOW = new Date('2025-10-05T08:30:00.000Z');
const DAY_MS = 86_400_000;
const BATCH = 10_000;

const options = benchOptions();
const templates = obligationTemplates();

/** The n-th obligation of a load of `size` with `due` due: due ones every size/due, the rest within a year. */
function obligationNumber(n: number, size: number, due: number, dueIds: string[]): ObligationDocument {
  const template = templates[n % templates.length] ?? templates[0];
  if (template === undefined) throw new Error('no obligation templates');
  const isDue = n % Math.floor(size / due) === 0 && dueIds.length < due;
  const dueAt = isDue
    ? new Date(NOW.getTime() - (1 + (n % 1_440)) * 60_000)
    : new Date(NOW.getTime() + DAY_MS + ((n * 7_919) % 365) * DAY_MS);
  const document = obligationDocument(obligationLike(template, `sweep-${n}`, n, dueAt), dueAt);
  if (isDue) dueIds.push(document._id);
  return document;
}

async function load(db: Db, size: number): Promise<{ dueIds: string[]; seconds: number }> {
  const obligations = storesOf(db).obligations.collection;
  const dueIds: string[] = [];
  const started = performance.now();
  let reported = 0;
  for (let first = 0; first < size; first += BATCH) {
    const count = Math.min(BATCH, size - first);
    const batch = Array.from({ length: count }, (_, i) =>
      obligationNumber(first + i, size, options.due, dueIds),
    );
    await obligations.insertMany(batch, { ordered: false });
    if (first + count - reported >= 100_000 || first + count === size) {
      reported = first + count;
      const seconds = (performance.now() - started) / 1000;
      progress(
        `${size}: inserted ${reported} in ${seconds.toFixed(0)} s (${(reported / seconds).toFixed(0)}/s)`,
      );
    }
  }
  return { dueIds, seconds: (performance.now() - started) / 1000 };
}

/** The claim's filter, as ObligationStore.claimDue writes it. */
const claimable = {
  state: 'open' as const,
  nextCheckAt: { $lte: NOW },
  $or: [{ lease: null }, { 'lease.until': { $lte: NOW } }],
};

/** How many documents the store looks at to find the next due obligation (the claim's query). */
async function examinedPerClaim(db: Db): Promise<number> {
  const plan = await storesOf(db)
    .obligations.collection.find(claimable)
    .sort({ nextCheckAt: 1 })
    .limit(1)
    .explain('executionStats');
  return Number(plan.executionStats?.totalDocsExamined ?? Number.NaN);
}

/**
 * The baseline: the sweep's claim and release of every due obligation as two bare driver calls each,
 * without raising anything, so what the endpoint itself does with the larger collection shows apart.
 */
async function bareClaimLoop(db: Db): Promise<number> {
  const obligations = db.collection<ObligationDocument>('obligations');
  const started = performance.now();
  for (;;) {
    const claimed = await obligations.findOneAndUpdate(
      claimable,
      { $set: { lease: { owner: 'bench-bare', until: new Date(NOW.getTime() + 60_000) } } },
      { sort: { nextCheckAt: 1 }, returnDocument: 'after' },
    );
    if (claimed === null) break;
    await obligations.updateOne(
      { _id: claimed._id, 'lease.owner': 'bench-bare' },
      { $set: { raisedAt: NOW, nextCheckAt: claimed.derelictAt, lease: null } },
    );
  }
  return performance.now() - started;
}

/** Makes the due obligations due again and removes what the last sweep raised. */
async function reset(db: Db, dueIds: readonly string[]): Promise<void> {
  const stores = storesOf(db);
  await stores.notifications.collection.deleteMany({});
  await stores.obligations.collection.updateMany({ _id: { $in: [...dueIds] } }, [
    { $set: { nextCheckAt: '$dueAt', raisedAt: null, derelictionRaisedAt: null, lease: null } },
  ]);
}

/** One size's load on its own stand-in, indexed and ready to sweep. */
async function setUp(size: number) {
  const mongo = await mongoEndpoint(options.standinHeapMiB);
  const client = await new MongoClient(mongo.url, { monitorCommands: true }).connect();
  const db = client.db(`bench_sweep_${size}_${Date.now().toString(36)}`);
  const counter = { commands: 0, counting: false };
  client.on('commandStarted', () => {
    if (counter.counting) counter.commands += 1;
  });
  const tearDown = async () => {
    await db.dropDatabase().catch(() => {});
    await client.close();
    await mongo.stop();
  };
  try {
    progress(`${size}: loading ${size} obligations, ${options.due} due (${mongo.source})`);
    const loaded = await load(db, size);
    const stores = storesOf(db);
    const indexStart = performance.now();
    await stores.prepare(defaultRulesConfig, NOW);
    const indexSeconds = (performance.now() - indexStart) / 1000;
    const residentMiB = await mongo.residentMiB();
    progress(
      `${size}: indexes built in ${indexSeconds.toFixed(1)} s; stand-in resident ${residentMiB ?? '-'} MiB`,
    );
    // The stores as the service hands them to the sweep (storesOf names them as SweepDeps does).
    const deps: SweepDeps = {
      ...stores,
      newId: randomUUID,
      owner: `bench-sweep-${size}`,
      leaseMs: 60_000,
      // One sweep raises all of them; the service's default SWEEP_BATCH (500) would take two ticks.
      batch: options.due,
    };
    const result = {
      size,
      due: loaded.dueIds.length,
      loadSeconds: loaded.seconds,
      indexSeconds,
      residentMiB,
      examinedPerClaim: await examinedPerClaim(db),
      sweepMs: [] as number[],
      commandsPerSweep: 0,
      bareClaimMs: [] as number[],
    };
    /** One timed bare claim-and-release pass, then one timed sweep, each over freshly due obligations. */
    const repeat = async () => {
      await reset(db, loaded.dueIds);
      result.bareClaimMs.push(await bareClaimLoop(db));
      await reset(db, loaded.dueIds);
      counter.commands = 0;
      counter.counting = true;
      const started = performance.now();
      const report = await sweep(deps, NOW);
      result.sweepMs.push(performance.now() - started);
      counter.counting = false;
      result.commandsPerSweep = counter.commands;
      progress(
        `${size}: sweep raised ${report.raised} in ${result.sweepMs.at(-1)?.toFixed(0)} ms ` +
          `(${counter.commands} commands); bare claim and release ${result.bareClaimMs.at(-1)?.toFixed(0)} ms`,
      );
      if (report.raised !== loaded.dueIds.length) {
        throw new Error(`the sweep raised ${report.raised} notifications, ${loaded.dueIds.length} were due`);
      }
    };
    return { result, repeat, tearDown };
  } catch (error) {
    await tearDown();
    throw error;
  }
}

// Both loads stay up and their sweeps alternate, so load from elsewhere on the machine falls on both.
const smallRun = await setUp(options.small);
let largeRun: Awaited<ReturnType<typeof setUp>> | undefined;
try {
  largeRun = await setUp(options.large);
  for (let i = 1; i <= options.repeats; i += 1) {
    progress(`repeat ${i}/${options.repeats}`);
    await smallRun.repeat();
    await largeRun.repeat();
  }
} finally {
  await largeRun?.tearDown();
  await smallRun.tearDown();
}
const summary = (run: typeof smallRun) => ({
  ...run.result,
  medianMs: median(run.result.sweepMs),
  bareMedianMs: median(run.result.bareClaimMs),
});
const small = summary(smallRun);
const large = summary(largeRun);
const rows: Row[] = [
  {
    figure: `sweep raising ${options.due} due, median of ${options.repeats}`,
    unit: 'ms',
    project: large.medianMs,
    baseline: small.medianMs,
  },
  {
    figure: `bare claim + release of the ${options.due}, median`,
    unit: 'ms',
    project: large.bareMedianMs,
    baseline: small.bareMedianMs,
  },
  {
    figure: 'MongoDB commands per sweep',
    unit: 'commands',
    project: large.commandsPerSweep,
    baseline: small.commandsPerSweep,
  },
  {
    figure: 'documents examined to claim the next due',
    unit: 'docs',
    project: large.examinedPerClaim,
    baseline: small.examinedPerClaim,
  },
];
const sweepRatio = large.medianMs / small.medianMs;
const bareRatio = large.bareMedianMs / small.bareMedianMs;
console.log(
  `sweep-scaling: ${options.due} of ${options.small} vs ${options.large} open obligations due; ` +
    `MongoDB: ${process.env.MONGO_URL ? 'MONGO_URL' : 'stand-in (own process per size)'}\n`,
);
printTable(rows, { project: `${options.large} open`, baseline: `${options.small} open` });
console.log(
  `\nratio large / small: sweep ${sweepRatio.toFixed(2)} (goal: under 2); the endpoint alone (bare claim + release) ` +
    `${bareRatio.toFixed(2)}; sweep ratio over the endpoint's ${(sweepRatio / bareRatio).toFixed(2)}`,
);
for (const result of [small, large]) {
  console.log(
    `${String(result.size).padStart(9)} open: loaded in ${result.loadSeconds.toFixed(1)} s, indexes ${result.indexSeconds.toFixed(1)} s, ` +
      `stand-in resident ${result.residentMiB ?? '-'} MiB; sweeps ${result.sweepMs.map((ms) => ms.toFixed(0)).join(', ')} ms; ` +
      `bare ${result.bareClaimMs.map((ms) => ms.toFixed(0)).join(', ')} ms`,
  );
}
const file = await writeResults('sweep-scaling', {
  options: { small: options.small, large: options.large, due: options.due, repeats: options.repeats },
  mongo: process.env.MONGO_URL ? 'MONGO_URL' : 'stand-in (own process per size)',
  results: [small, large],
  rows: rows.map((row) => ({ ...row, ratio: row.project / row.baseline })),
});
progress(`wrote ${file}`);
