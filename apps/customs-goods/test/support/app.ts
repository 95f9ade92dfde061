import { loadConfig, type ServiceApp } from '@enforcement/service-kit';
import { type TestClock, testApiKeys } from '@enforcement/service-kit/testing';
import type { TestScope } from '@enforcement/testkit';
import { useTestScope } from '@enforcement/testkit/vitest';
import type { Db } from 'mongodb';
import { buildApp, storesOf } from '../../src/app.ts';
import { configSchema } from '../../src/config.ts';

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
  close(): Promise<void>;
}

/** The service on its own test database (real MongoDB endpoint), with indexes, offices, keys and a fixed clock. */
export async function startTestApp(label: string, env: Record<string, string> = {}): Promise<TestApp> {
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
  await app.ready();
  return {
    app,
    db,
    clock,
    scope,
    close: async () => {
      await app.close();
      await scope.cleanup();
    },
  };
}
