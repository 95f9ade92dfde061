import * as intakeApp from '@enforcement/case-intake/app';
import * as intakeConfig from '@enforcement/case-intake/config';
import * as intakeMessaging from '@enforcement/case-intake/messaging';
import * as goodsApp from '@enforcement/customs-goods/app';
import * as goodsConfig from '@enforcement/customs-goods/config';
import * as goodsMessaging from '@enforcement/customs-goods/messaging';
import * as oversightApp from '@enforcement/oversight-notifications/app';
import * as oversightConfig from '@enforcement/oversight-notifications/config';
import * as oversightMessaging from '@enforcement/oversight-notifications/messaging';
import { defaultRulesConfig, type RulesConfig } from '@enforcement/oversight-notifications/rules';
import { type SweepReport, sweep } from '@enforcement/oversight-notifications/sweep';
import { loadConfig, type ServiceApp } from '@enforcement/service-kit';
import { eventually, type TestScope } from '@enforcement/testkit';
import { useTestScope } from '@enforcement/testkit/vitest';
import type { Db } from 'mongodb';
import { PlatformClock } from './clock.ts';
import { ServiceClient } from './http.ts';
import { keys } from './principals.ts';

/**
 * The three services in this process, each on its own database, all on the scope's RabbitMQ vhost so
 * their events flow as in production, and all reading one clock. Scenarios talk to them over real
 * HTTP only; the one thing they do besides is run oversight's scheduler (`sweep`) at the clock's
 * instant, which `main.ts` would do on a timer.
 */
export interface Platform {
  clock: PlatformClock;
  /** The rule thresholds oversight runs with (the defaults of DOMAIN.md). */
  rules: RulesConfig;
  caseIntake: ServiceClient;
  customsGoods: ServiceClient;
  oversight: ServiceClient;
  /** One scheduler pass at the clock's instant. */
  sweep(): Promise<SweepReport>;
  /**
   * Scheduler passes at the same instant until `read` shows `check`: for notifications due at once,
   * whose obligation oversight learns of asynchronously (the timer would catch it on its next tick).
   */
  sweepUntil<T>(read: () => Promise<T>, check: (value: T) => boolean): Promise<T>;
  stop(): Promise<void>;
}

interface Running {
  app: ServiceApp;
  client: ServiceClient;
}

const RETRY_DELAYS_MS = [200, 1000];

export async function startPlatform(label: string, start: string): Promise<Platform> {
  const scope = await useTestScope(label);
  const mongo = await scope.mongoClient();
  const clock = new PlatformClock(start);
  const now = () => clock.now;
  const databases: Db[] = [];
  const databaseOf = (service: string) => {
    const db = mongo.db(`${scope.dbName}_${service}`);
    databases.push(db);
    return db;
  };
  const env = (service: string, own: Record<string, string>) => ({
    MONGO_URL: scope.mongoUrl,
    MONGO_DB: `${scope.dbName}_${service}`,
    AMQP_URL: scope.amqpUrl,
    API_KEYS: keys.json,
    RATE_LIMIT_MAX: '100000',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
    // Load shedding answers 503 when the event loop lags; three services in one process must not trip it.
    PRESSURE_MAX_EVENT_LOOP_DELAY_MS: '0',
    ...own,
  });
  const running: Running[] = [];

  try {
    const intake = await (async () => {
      const db = databaseOf('case_intake');
      const config = loadConfig(intakeConfig.configSchema, env('case_intake', {}));
      await intakeApp.storesOf(db).ensureIndexes();
      const app = await intakeApp.buildApp({ config, db, now });
      const bus = intakeMessaging.wireMessaging(app, db, config.AMQP_URL);
      app.addHook('onClose', () => bus.close());
      await bus.start();
      return listening(app, 'case-intake');
    })();
    running.push(intake);

    const goods = await (async () => {
      const db = databaseOf('customs_goods');
      const config = loadConfig(
        goodsConfig.configSchema,
        // The stuck-goods report computed on every request, so it reflects the clock at once.
        env('customs_goods', { DWELL_REPORT_MAX_AGE_S: '0' }),
      );
      await goodsApp.storesOf(db).prepare(clock.now);
      const app = await goodsApp.buildApp({ config, db, now });
      const bus = goodsMessaging.wireMessaging(app, db, {
        amqpUrl: config.AMQP_URL,
        caseEventsQueue: scope.name('customs-goods.case-events'),
        retryDelaysMs: RETRY_DELAYS_MS,
        now,
      });
      app.addHook('onClose', () => bus.close());
      await bus.start();
      return listening(app, 'customs-goods');
    })();
    running.push(goods);

    const oversight = await (async () => {
      const db = databaseOf('oversight');
      const config = loadConfig(
        oversightConfig.configSchema,
        // Scorecards and feed counts computed on every request, so they reflect the clock at once.
        env('oversight', { STATS_MAX_AGE_S: '0', FEED_COUNTS_MAX_AGE_S: '0' }),
      );
      await oversightApp.storesOf(db).prepare(defaultRulesConfig, clock.now);
      const app = await oversightApp.buildApp({ config, db, now });
      const messaging = oversightMessaging.wireMessaging(app, db, {
        amqpUrl: config.AMQP_URL,
        watchedEventsQueue: scope.name('oversight.watched-events'),
        retryDelaysMs: RETRY_DELAYS_MS,
        // No timer: the scenarios sweep after moving the clock.
        sweepEveryMs: null,
        sweepLeaseMs: 60_000,
        sweepBatch: config.SWEEP_BATCH,
        webhooks: null,
        now,
      });
      app.addHook('onClose', () => messaging.close());
      await messaging.start();
      return { ...(await listening(app, 'oversight-notifications')), sweepDeps: messaging.sweepDeps };
    })();
    running.push(oversight);

    await Promise.all(running.map(({ client }) => ready(client)));

    const sweepNow = () => sweep(oversight.sweepDeps, clock.now);
    return {
      clock,
      rules: defaultRulesConfig,
      caseIntake: intake.client,
      customsGoods: goods.client,
      oversight: oversight.client,
      sweep: sweepNow,
      sweepUntil: (read, check) =>
        eventually(
          async () => {
            await sweepNow();
            return read();
          },
          check,
          { attempts: 100, intervalMs: 100 },
        ),
      stop: () => stopAll(running, databases, scope),
    };
  } catch (error) {
    await stopAll(running, databases, scope).catch(() => undefined);
    throw error;
  }
}

async function listening(app: ServiceApp, name: string): Promise<Running> {
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  return { app, client: new ServiceClient(name, address) };
}

/** Ready means MongoDB answers and the broker connection is up (the services' own readiness probes). */
async function ready(client: ServiceClient): Promise<void> {
  const status = await eventually(
    async () => (await fetch(`${client.baseUrl}/health/ready`)).status,
    (code) => code === 200,
  );
  if (status !== 200) throw new Error(`${client.name} did not become ready (${status})`);
}

async function stopAll(running: Running[], databases: Db[], scope: TestScope): Promise<void> {
  // Each app's onClose stops its relay and consumer before anything below goes away.
  await Promise.all(running.map(({ app }) => app.close()));
  for (const db of databases) await db.dropDatabase();
  await scope.cleanup();
}
