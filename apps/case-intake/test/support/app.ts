import { loadConfig, type ServiceApp } from '@enforcement/service-kit';
import { type TestClock, testApiKeys } from '@enforcement/service-kit/testing';
import type { TestScope } from '@enforcement/testkit';
import { useTestScope } from '@enforcement/testkit/vitest';
import type { Db } from 'mongodb';
import { buildApp, storesOf } from '../../src/app.ts';
import { configSchema } from '../../src/config.ts';

const ALL = ['cases:read', 'cases:write', 'units:read', 'units:write'];

/** One API key per kind of caller the access rules distinguish; the raw key is its name. */
const principals = {
  police: { agency: 'police', scopes: ALL },
  policeTehran: { agency: 'police', province: 'tehran', scopes: ALL },
  policeReadOnly: { agency: 'police', scopes: ['cases:read', 'units:read'] },
  customs: { agency: 'customs', scopes: ALL },
  prosecutor: { agency: 'prosecutor', scopes: ALL },
  prosecutorKhuzestan: { agency: 'prosecutor', province: 'khuzestan', scopes: ALL },
  prosecutorTehran: { agency: 'prosecutor', province: 'tehran', scopes: ALL },
  tazirat: { agency: 'tazirat', scopes: ALL },
  inspection: { agency: 'inspection', scopes: ['cases:read', 'cases:write', 'units:read'] },
  governorateKhuzestan: { agency: 'governorate', province: 'khuzestan', scopes: ['cases:read'] },
  governorateBushehr: { agency: 'governorate', province: 'bushehr', scopes: ['cases:read'] },
  hq: { agency: 'anti_smuggling_hq', scopes: ['cases:read'] },
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

/** The service on its own test database (real MongoDB endpoint), with indexes, keys and a fixed clock. */
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
    ...env,
  });
  await storesOf(db).ensureIndexes();
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
