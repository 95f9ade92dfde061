import { randomUUID } from 'node:crypto';
import { loadConfig, type ServiceApp } from '@enforcement/service-kit';
import { type TestClock, testApiKeys } from '@enforcement/service-kit/testing';
import { eventually, type TestScope } from '@enforcement/testkit';
import { useTestScope } from '@enforcement/testkit/vitest';
import type { Db } from 'mongodb';
import { buildApp, storesOf } from '../../src/app.ts';
import { configSchema } from '../../src/config.ts';
import { defaultRulesConfig } from '../../src/domain/rules-config.ts';
import type { JudgeDeps } from '../../src/events/judge.ts';
import { type OversightMessaging, wireMessaging } from '../../src/messaging.ts';
import type { SweepDeps } from '../../src/scheduler/sweep.ts';
import type { Stores } from '../../src/stores.ts';

const MEMBER = ['notifications:read', 'notifications:acknowledge'];
const SEAT = ['workgroups:read', 'resolutions:report', 'notifications:read'];

/** One API key per kind of caller the access rules distinguish; the raw key is its name. */
const principals = {
  prosecutorKhuzestan: { agency: 'prosecutor', province: 'khuzestan', scopes: MEMBER },
  prosecutorBushehr: { agency: 'prosecutor', province: 'bushehr', scopes: MEMBER },
  prosecutorReadOnly: { agency: 'prosecutor', province: 'khuzestan', scopes: ['notifications:read'] },
  customsKhuzestan: { agency: 'customs', province: 'khuzestan', scopes: MEMBER },
  inspection: { agency: 'inspection', scopes: MEMBER },
  rulesReader: { agency: 'inspection', scopes: ['rules:read'] },
  rulesAdmin: { agency: 'anti_smuggling_hq', scopes: ['rules:read', 'rules:admin'] },
  // Feeds: a national key of an agency reads the audiences of all its provinces.
  prosecutorNational: { agency: 'prosecutor', scopes: MEMBER },
  // Workgroup resolutions: a chair, assignee members, a member of another province, an outsider, oversight.
  wgChair: { agency: 'prosecutor', province: 'khuzestan', scopes: [...SEAT, 'workgroups:manage'] },
  wgChairReadOnly: { agency: 'prosecutor', province: 'khuzestan', scopes: ['workgroups:read'] },
  wgCustoms: { agency: 'customs', province: 'khuzestan', scopes: SEAT },
  wgPolice: { agency: 'police', province: 'khuzestan', scopes: SEAT },
  wgCustomsBushehr: { agency: 'customs', province: 'bushehr', scopes: SEAT },
  wgPorts: { agency: 'ports', province: 'khuzestan', scopes: SEAT },
  wgInspection: { agency: 'inspection', scopes: SEAT },
  wgHq: { agency: 'anti_smuggling_hq', scopes: [...SEAT, 'workgroups:manage'] },
  wgCustomsNational: { agency: 'customs', scopes: SEAT },
  // Scorecards: oversight sees every agency, a provincial key its province, another national key its agency.
  statsInspection: { agency: 'inspection', scopes: ['stats:read'] },
  statsKhuzestan: { agency: 'governorate', province: 'khuzestan', scopes: ['stats:read'] },
  statsProsecutorNational: { agency: 'prosecutor', scopes: ['stats:read'] },
  // Webhooks: provincial and national managers, another province's and another agency's.
  hooksProsecutorKhuzestan: { agency: 'prosecutor', province: 'khuzestan', scopes: ['webhooks:manage'] },
  hooksProsecutorBushehr: { agency: 'prosecutor', province: 'bushehr', scopes: ['webhooks:manage'] },
  hooksProsecutorNational: { agency: 'prosecutor', scopes: ['webhooks:manage'] },
  hooksCustomsKhuzestan: { agency: 'customs', province: 'khuzestan', scopes: ['webhooks:manage'] },
  // Operations: the dead-letter admin routes (as the anti-smuggling HQ's key has it under `npm start`).
  messagingAdmin: { agency: 'anti_smuggling_hq', scopes: ['messaging:admin'] },
} as const;

export type Who = keyof typeof principals;

const keys = testApiKeys<Who>(principals);

/** Request headers of a caller. */
export const as = keys.as;

export interface TestApp {
  app: ServiceApp;
  db: Db;
  clock: TestClock;
  scope: TestScope;
  stores: Stores;
  judgeDeps: JudgeDeps;
  sweepDeps(owner?: string): SweepDeps;
  /**
   * The messaging, wired as main.ts wires it (the readiness probe and the dead-letter admin routes
   * included) on the test's own vhost, without sweep timer or webhook worker, and not started: see
   * `startMessaging`.
   */
  messaging: OversightMessaging;
  /** The consumer's queue (`watched-events` of the admin routes), under the test's own name. */
  watchedEventsQueue: string;
  /**
   * Connects the bus and waits until the app is ready: `all` runs it as main.ts does (outbox relay
   * and consumer); `consumer` runs only the consumer (its queues declared, so the dead-letter routes
   * answer) and leaves the outbox alone, for tests that read it or compare the database.
   */
  startMessaging(parts?: 'all' | 'consumer'): Promise<void>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** Delays before each retry of a failed handler (default one short retry). */
  retryDelaysMs?: readonly number[];
}

/**
 * The service on its own test database (real MongoDB endpoint), with indexes, rules, keys and a fixed
 * clock, and its messaging wired (not started) on its own broker vhost, so every route main.ts serves is here.
 */
export async function startTestApp(
  label: string,
  env: Record<string, string> = {},
  options: TestAppOptions = {},
): Promise<TestApp> {
  const scope = await useTestScope(label);
  const db = await scope.db();
  const config = loadConfig(configSchema, {
    MONGO_URL: scope.mongoUrl,
    MONGO_DB: scope.dbName,
    AMQP_URL: scope.amqpUrl,
    API_KEYS: keys.json,
    RATE_LIMIT_MAX: '100000',
    LOG_LEVEL: 'silent',
    // Load shedding answers 503 when the event loop lags; a busy CI machine must not fail tests with it.
    PRESSURE_MAX_EVENT_LOOP_DELAY_MS: '0',
    STATS_MAX_AGE_S: '0',
    FEED_COUNTS_MAX_AGE_S: '0',
    ...env,
  });
  const stores = storesOf(db);
  await stores.prepare(defaultRulesConfig);
  const clock: TestClock = { now: new Date('2025-01-01T00:00:00.000Z') };
  const app = await buildApp({ config, db, now: () => clock.now });
  const watchedEventsQueue = scope.name('watched-events');
  const messaging = wireMessaging(app, db, {
    amqpUrl: scope.amqpUrl,
    watchedEventsQueue,
    retryDelaysMs: options.retryDelaysMs ?? [100],
    // No timer: tests sweep with their clock (`sweepDeps`); no webhook worker either.
    sweepEveryMs: null,
    sweepLeaseMs: 60_000,
    sweepBatch: 100,
    webhooks: null,
    now: () => clock.now,
  });
  // As in main.ts: the bus stops before the app's database goes.
  app.addHook('onClose', () => messaging.close());
  await app.ready();
  return {
    app,
    db,
    clock,
    scope,
    stores,
    messaging,
    watchedEventsQueue,
    startMessaging: async (parts = 'all') => {
      await (parts === 'all' ? messaging.start() : messaging.bus.start({ relays: false }));
      await eventually(
        async () => (await app.inject({ method: 'GET', url: '/health/ready' })).statusCode,
        (status) => status === 200,
      );
    },
    judgeDeps: { ...stores, now: () => clock.now },
    sweepDeps: (owner = 'sweep-test') => ({
      obligations: stores.obligations,
      notifications: stores.notifications,
      rules: stores.rules,
      resolutions: stores.resolutions,
      newId: randomUUID,
      owner,
      leaseMs: 60_000,
      batch: 500,
    }),
    close: async () => {
      await app.close();
      await scope.cleanup();
    },
  };
}

export { eventually } from '@enforcement/testkit';
