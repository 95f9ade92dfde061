// `node --conditions=source bench/feed-page.ts [--notifications 50000] [--readers 1,8,32] [--pages 40]
// [--limit 50]`: p50/p99 latency of one page of an audience's feed with C concurrent readers, each
// paging its own audience from the start (and from the start again when it reaches the end). Measured
// on the same data, at the same concurrency, through: a bare driver find on the feed index (the
// baseline), the store's `NotificationStore.changes()` (watermark, then that find), and, when
// src/http/feed-routes.ts exists, `GET /v1/feeds/{audience}` of the real app over HTTP (listening on
// port 0 in this process, read with fetch; it also counts the audience's open notifications). The
// notifications are the service's own rules' across provinces, a quarter escalated to inspection,
// a third resolved; MongoDB is the stand-in in its own process (or MONGO_URL).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { hashApiKey, loadConfig } from '@enforcement/service-kit';
import { type Db, MongoClient } from 'mongodb';
import { type Notification, notificationFor } from '../src/domain/notification.ts';
import { defaultRulesConfig } from '../src/domain/rules-config.ts';
import type { NotificationDocument } from '../src/store/notification-store.ts';
import { NOTIFICATIONS_COLLECTION } from '../src/store/notification-store.ts';
import { storesOf } from '../src/stores.ts';
import { notificationDocument } from './documents.ts';
import { amqpUrl, mongoEndpoint } from './mongo.ts';
import { obligationLike, obligationTemplates } from './obligations.ts';
import { benchOptions } from './options.ts';
import { percentile, printTable, progress, type Row, writeResults } from './report.ts';

const NOW = new Date('2025-10-05T08:30:00.000Z');
const DAY_MS = 86_400_000;
const BATCH = 5_000;
/** Readers page these many audiences: the two national ones and the largest provincial ones. */
const AUDIENCES = 16;
const feedRoutesFile = join(import.meta.dirname, '..', 'src', 'http', 'feed-routes.ts');

const options = benchOptions();
const templates = obligationTemplates();

/** The n-th notification: a rule's, in one of the provinces, a quarter escalated, a third resolved. */
function notificationNumber(n: number): Notification {
  const template = templates[n % templates.length] ?? templates[0];
  if (template === undefined) throw new Error('no obligation templates');
  const dueAt = new Date(NOW.getTime() - (1 + ((n * 7_919) % 300)) * DAY_MS);
  const o = obligationLike(template, `feed-${n}`, Math.floor(n / templates.length), dueAt);
  const raised = notificationFor(o, { id: `feed-n-${n}`, seq: n + 1 }, dueAt, defaultRulesConfig);
  const level = n % 12 === 0 ? 2 : n % 4 === 0 ? 1 : 0;
  const joining = ['inspection', 'anti_smuggling_hq'].slice(0, level);
  const resolved = n % 3 === 0;
  return {
    ...raised,
    level,
    audiences: [...new Set([...raised.audiences, ...joining])],
    state: resolved ? 'resolved' : 'open',
    resolution: resolved ? 'obligation_met' : null,
    resolvedAt: resolved ? new Date(dueAt.getTime() + 10 * DAY_MS) : null,
    escalateAt: resolved || level === 2 ? null : raised.escalateAt,
  };
}

/** Seeds the notifications and their sequence; answers each audience's size. */
async function seed(db: Db, count: number): Promise<Map<string, number>> {
  const collection = db.collection<NotificationDocument>(NOTIFICATIONS_COLLECTION);
  const sizes = new Map<string, number>();
  const started = performance.now();
  for (let first = 0; first < count; first += BATCH) {
    const batch = Array.from({ length: Math.min(BATCH, count - first) }, (_, i) =>
      notificationNumber(first + i),
    );
    for (const n of batch)
      for (const audience of n.audiences) sizes.set(audience, (sizes.get(audience) ?? 0) + 1);
    await collection.insertMany(batch.map((n) => notificationDocument(n)));
    progress(
      `inserted ${first + batch.length} / ${count} notifications (${((performance.now() - started) / 1000).toFixed(0)} s)`,
    );
  }
  await db
    .collection<{ _id: string; value: number; inflight: unknown[] }>('sequences')
    .updateOne({ _id: NOTIFICATIONS_COLLECTION }, { $set: { value: count, inflight: [] } }, { upsert: true });
  return sizes;
}

/** Provincial audiences, largest first within each agency, the agencies taking turns. */
function byAgencyInTurn(sizes: readonly [string, number][]): string[] {
  const byAgency = new Map<string, [string, number][]>();
  for (const entry of sizes) {
    const agency = entry[0].split(':')[0] ?? '';
    byAgency.set(agency, [...(byAgency.get(agency) ?? []), entry]);
  }
  const queues = [...byAgency.values()].map((entries) => entries.sort(([, a], [, b]) => b - a));
  const turns: string[] = [];
  for (let i = 0; turns.length < sizes.length; i += 1) {
    for (const queue of queues) {
      const entry = queue[i];
      if (entry !== undefined) turns.push(entry[0]);
    }
  }
  return turns;
}

/** One feed reader's way of reading a page: the next position, or null once the audience is read to the end. */
type ReadPage<C> = (audience: string, position: C | null) => Promise<C | null>;

interface Measurement {
  p50: number;
  p99: number;
  pagesPerSecond: number;
}

/** `readers` readers at once, each reading `pages` pages of its audience; latency of every page. */
async function measure<C>(
  readPage: ReadPage<C>,
  audiences: readonly string[],
  readers: number,
): Promise<Measurement> {
  const latencies: number[] = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: readers }, async (_, r) => {
      const audience = audiences[r % audiences.length] ?? 'inspection';
      let position: C | null = null;
      for (let page = 0; page < options.pages; page += 1) {
        const sent = performance.now();
        position = await readPage(audience, position);
        latencies.push(performance.now() - sent);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    pagesPerSecond: latencies.length / seconds,
  };
}

function bareFind(db: Db): ReadPage<number> {
  const collection = db.collection<NotificationDocument>(NOTIFICATIONS_COLLECTION);
  return async (audience, after) => {
    const page = await collection
      .find({ audiences: audience, seq: { $gt: after ?? 0 } })
      .sort({ seq: 1 })
      .limit(options.limit)
      .toArray();
    return page.length < options.limit ? null : (page.at(-1)?.seq ?? null);
  };
}

function storeChanges(db: Db): ReadPage<number> {
  const notifications = storesOf(db).notifications;
  return async (audience, after) => {
    const page = await notifications.changes({ audience, after: after ?? 0, limit: options.limit });
    return page.items.length < options.limit ? null : (page.items.at(-1)?.seq ?? null);
  };
}

/** Documents MongoDB reads for the first page of an audience and for its open counts (explain). */
async function examined(db: Db, audience: string) {
  const collection = db.collection<NotificationDocument>(NOTIFICATIONS_COLLECTION);
  const page = await collection
    .find({ audiences: audience, seq: { $gt: 0 } })
    .sort({ seq: 1 })
    .limit(options.limit)
    .explain('executionStats');
  const counts = await collection
    .aggregate([
      { $match: { audiences: audience, state: 'open' } },
      { $group: { _id: '$severity', count: { $sum: 1 } } },
    ])
    .explain('executionStats');
  const docs = (plan: { executionStats?: { totalDocsExamined?: number } }) =>
    Number(plan.executionStats?.totalDocsExamined ?? Number.NaN);
  return {
    audience,
    firstPage: docs(page),
    openCounts: docs(counts),
    pageSortedInMemory: page.queryPlanner?.winningPlan?.stage === 'SORT',
  };
}

/** What the route asks the stores for a page: one more change than shown, and the open counts. */
function routeStoreCalls(db: Db): ReadPage<number> {
  const stores = storesOf(db);
  return async (audience, after) => {
    const [page] = await Promise.all([
      stores.notifications.changes({ audience, after: after ?? 0, limit: options.limit + 1 }),
      stores.feedCounts.openCounts({ audience }),
    ]);
    return page.items.length <= options.limit ? null : (page.items.at(options.limit - 1)?.seq ?? null);
  };
}

/** A read-only key per audience, named by it: `customs:khuzestan` is a provincial customs key. */
function readerKeys(audiences: readonly string[]) {
  const secretOf = (i: number) => `bench-feed-reader-${i}-0123456789abcdef`;
  const records = audiences.map((audience, i) => {
    const [agency, province] = audience.split(':');
    return {
      keyId: `bench-reader-${i}`,
      sha256: hashApiKey(secretOf(i)),
      agency: agency ?? audience,
      ...(province === undefined ? {} : { province }),
      scopes: ['notifications:read'],
    };
  });
  return {
    json: JSON.stringify(records),
    secret: (audience: string) => secretOf(audiences.indexOf(audience)),
  };
}

/** The real app over HTTP, listening on port 0 in this process; its page reader and a way to stop it. */
async function httpFeed(mongoUrl: string, db: Db, audiences: readonly string[]) {
  // Imported here, so the store and baseline figures do not depend on the whole app loading.
  const { buildApp } = await import('../src/app.ts');
  const { configSchema } = await import('../src/config.ts');
  const keys = readerKeys(audiences);
  const config = loadConfig(configSchema, {
    ...process.env,
    MONGO_URL: mongoUrl,
    AMQP_URL: amqpUrl,
    MONGO_DB: db.databaseName,
    LOG_LEVEL: 'warn',
    RATE_LIMIT_MAX: '1000000',
    PRESSURE_MAX_EVENT_LOOP_DELAY_MS: '0',
    API_KEYS: keys.json,
  });
  const app = await buildApp({ config, db, now: () => NOW });
  const base = await app.listen({ host: '127.0.0.1', port: 0 });
  const readPage: ReadPage<string> = async (audience, cursor) => {
    const query = new URLSearchParams({
      limit: String(options.limit),
      ...(cursor === null ? {} : { after: cursor }),
    });
    const response = await fetch(`${base}/v1/feeds/${encodeURIComponent(audience)}?${query}`, {
      headers: { authorization: `Bearer ${keys.secret(audience)}` },
    });
    if (response.status !== 200)
      throw new Error(`GET /v1/feeds/${audience} answered ${response.status}: ${await response.text()}`);
    const page = (await response.json()) as { nextCursor: string; upToDate: boolean };
    return page.upToDate ? null : page.nextCursor;
  };
  return { readPage, close: () => app.close() };
}

const mongo = await mongoEndpoint();
const client = await new MongoClient(mongo.url).connect();
const db = client.db(`bench_feed_${Date.now().toString(36)}`);
let http: Awaited<ReturnType<typeof httpFeed>> | null = null;
try {
  const sizes = await seed(db, options.notifications);
  const indexStart = performance.now();
  await storesOf(db).prepare(defaultRulesConfig, NOW);
  progress(`indexes built in ${((performance.now() - indexStart) / 1000).toFixed(1)} s`);
  const national = ['inspection', 'anti_smuggling_hq'].filter((audience) => sizes.has(audience));
  const provincial = byAgencyInTurn([...sizes].filter(([audience]) => audience.includes(':')));
  const audiences = [...national, ...provincial].slice(0, AUDIENCES);

  const variant = <C>(name: string, readPage: ReadPage<C>) => ({
    name,
    run: (readers: number) => measure(readPage, audiences, readers),
  });
  const variants = [
    variant('bare find', bareFind(db)),
    variant('NotificationStore.changes()', storeChanges(db)),
  ];
  let httpSkipped: string | null = null;
  if (existsSync(feedRoutesFile)) {
    try {
      http = await httpFeed(mongo.url, db, audiences);
      variants.push(
        variant('changes(limit+1) + openCounts', routeStoreCalls(db)),
        variant('GET /v1/feeds/{audience}', http.readPage),
      );
    } catch (error) {
      httpSkipped = `the app did not start: ${error instanceof Error ? error.message : String(error)}`;
    }
  } else {
    httpSkipped = 'src/http/feed-routes.ts does not exist yet';
  }
  if (httpSkipped !== null) progress(`HTTP not measured: ${httpSkipped}`);

  const reads = await examined(db, audiences[0] ?? 'inspection');
  const inMemoryWhy = process.env.MONGO_URL ? '' : ': the stand-in does not walk a multikey index in order';
  const results: { variant: string; readers: number; measurement: Measurement }[] = [];
  for (const { run } of variants) await run(2); // warm-up
  for (const readers of options.readers) {
    for (const { name, run } of variants) {
      progress(`${name}: ${readers} readers x ${options.pages} pages`);
      results.push({ variant: name, readers, measurement: await run(readers) });
    }
  }

  const find = (variant: string, readers: number) =>
    results.find((result) => result.variant === variant && result.readers === readers)?.measurement;
  const rows: Row[] = [];
  for (const readers of options.readers) {
    const bare = find('bare find', readers);
    for (const { name } of variants.slice(1)) {
      const project = find(name, readers);
      if (bare === undefined || project === undefined) continue;
      rows.push(
        { figure: `${name}, ${readers} readers, p50`, unit: 'ms', project: project.p50, baseline: bare.p50 },
        { figure: `${name}, ${readers} readers, p99`, unit: 'ms', project: project.p99, baseline: bare.p99 },
      );
    }
  }
  const shown = audiences.map((audience) => `${audience} ${sizes.get(audience)}`).join(', ');
  console.log(
    `feed-page: ${options.notifications} notifications; pages of ${options.limit}, ${options.pages} per reader; ` +
      `MongoDB: ${mongo.source}\nreaders' audiences (notifications each): ${shown}\n`,
  );
  printTable(rows, { project: 'project', baseline: 'bare find' });
  if (httpSkipped !== null) console.log(`\nHTTP not measured: ${httpSkipped}`);
  console.log(
    `\ndocuments read for ${reads.audience} (${sizes.get(reads.audience)} notifications): first page ${reads.firstPage}` +
      `${reads.pageSortedInMemory ? ` (sorted in memory${inMemoryWhy})` : ''}, ` +
      `open counts ${reads.openCounts}`,
  );
  console.log('\npages/s (all readers together):');
  for (const result of results) {
    console.log(
      `  ${result.variant.padEnd(30)} ${String(result.readers).padStart(3)} readers  ${result.measurement.pagesPerSecond.toFixed(0).padStart(6)}`,
    );
  }
  const file = await writeResults('feed-page', {
    options: {
      notifications: options.notifications,
      readers: options.readers,
      pages: options.pages,
      limit: options.limit,
    },
    mongo: mongo.source,
    audiences: Object.fromEntries(audiences.map((audience) => [audience, sizes.get(audience)])),
    documentsRead: reads,
    http: httpSkipped === null ? 'measured' : `not measured: ${httpSkipped}`,
    results,
    rows: rows.map((row) => ({ ...row, ratio: row.project / row.baseline })),
  });
  progress(`wrote ${file}`);
} finally {
  await http?.close();
  await db.dropDatabase().catch(() => {});
  await client.close();
  await mongo.stop();
}
