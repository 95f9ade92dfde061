import type { ServiceBus } from '@enforcement/messaging';
import { loadConfig, type ServiceApp } from '@enforcement/service-kit';
import { type TestClock, testApiKeys } from '@enforcement/service-kit/testing';
import { eventually, type TestScope } from '@enforcement/testkit';
import { useTestScope } from '@enforcement/testkit/vitest';
import type { Db } from 'mongodb';
import { buildApp, storesOf } from '../../src/app.ts';
import { configSchema } from '../../src/config.ts';
import { wireMessaging } from '../../src/messaging.ts';

const RW = ['lots:read', 'lots:write'];
const READ = ['lots:read'];

/** One API key per kind of caller the access rules distinguish; the raw key is its name. */
const principals = {
  customs: { agency: 'customs', scopes: RW },
  customsKhuzestan: { agency: 'customs', province: 'khuzestan', scopes: RW },
  customsBushehr: { agency: 'customs', province: 'bushehr', scopes: RW },
  portsHormozgan: { agency: 'ports', province: 'hormozgan', scopes: RW },
  customsReadOnly: { agency: 'customs', scopes: READ },
  propertyOrgKhuzestan: { agency: 'property_org', province: 'khuzestan', scopes: RW },
  governorateKhuzestan: { agency: 'governorate', province: 'khuzestan', scopes: RW },
  governorateBushehr: { agency: 'governorate', province: 'bushehr', scopes: READ },
  inspection: { agency: 'inspection', scopes: RW },
  antiSmugglingHq: { agency: 'anti_smuggling_hq', scopes: READ },
  police: { agency: 'police', scopes: RW },
  officesAdmin: { agency: 'customs', scopes: ['offices:admin'] },
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
  /**
   * The bus, wired as main.ts wires it (its readiness probe and the dead-letter admin routes
   * included) on the test's own vhost, and not started: see `startMessaging`.
   */
  messaging: ServiceBus;
  /** The consumer's queue (`case-events` of the admin routes), under the test's own name. */
  caseEventsQueue: string;
  /**
   * Connects the bus and waits until the app is ready: `all` runs it as main.ts does (outbox relay
   * and consumer); `consumer` runs only the consumer (its queues declared, so the dead-letter routes
   * answer) and leaves the lots' outbox alone, for tests that read it or compare the database.
   */
  startMessaging(parts?: 'all' | 'consumer'): Promise<void>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** Delays before each retry of a failed handler (default one short retry). */
  retryDelaysMs?: readonly number[];
}

/**
 * The service on its own test database (real MongoDB endpoint), with indexes, offices, keys and a fixed
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
    // Reports computed on every request, so tests see their writes at once (dwell-snapshot.test.ts
    // covers the snapshot age).
    DWELL_REPORT_MAX_AGE_S: '0',
    ...env,
  });
  await storesOf(db).prepare();
  const clock: TestClock = { now: new Date('2025-10-05T08:30:00.000Z') };
  const app = await buildApp({ config, db, now: () => clock.now });
  const caseEventsQueue = scope.name('case-events');
  const messaging = wireMessaging(app, db, {
    amqpUrl: scope.amqpUrl,
    caseEventsQueue,
    retryDelaysMs: options.retryDelaysMs ?? [100],
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
    messaging,
    caseEventsQueue,
    startMessaging: async (parts = 'all') => {
      await (parts === 'all' ? messaging.start() : messaging.start({ relays: false }));
      await eventually(
        async () => (await app.inject({ method: 'GET', url: '/health/ready' })).statusCode,
        (status) => status === 200,
      );
    },
    close: async () => {
      await app.close();
      await scope.cleanup();
    },
  };
}
