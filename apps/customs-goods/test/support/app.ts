import { Writable } from 'node:stream';
import { hashApiKey, loadConfig, type ServiceApp } from '@enforcement/service-kit';
import type { TestScope } from '@enforcement/testkit';
import { useTestScope } from '@enforcement/testkit/vitest';
import type { Db } from 'mongodb';
import pino from 'pino';
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

function rawKey(who: Who): string {
  return `test-key-${who}-0123456789`;
}

/** Request headers of a caller. */
export function as(who: Who, headers: Record<string, string> = {}): Record<string, string> {
  return { authorization: `Bearer ${rawKey(who)}`, ...headers };
}

const apiKeys = JSON.stringify(
  Object.entries(principals).map(([who, principal]) => ({
    keyId: who,
    sha256: hashApiKey(rawKey(who as Who)),
    ...principal,
  })),
);

/** A settable clock, so dwell and "now" are the test's choice. */
export interface TestClock {
  now: Date;
}

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
    API_KEYS: apiKeys,
    RATE_LIMIT_MAX: '100000',
    LOG_LEVEL: 'silent',
    // Reports computed on every request, so tests see their writes at once (dwell-snapshot.test.ts
    // covers the snapshot age).
    DWELL_REPORT_MAX_AGE_S: '0',
    ...env,
  });
  await storesOf(db).prepare();
  const clock: TestClock = { now: new Date('2025-10-05T08:30:00.000Z') };
  const logger = pino({ level: 'silent' }, new Writable({ write: (_chunk, _encoding, done) => done() }));
  const app = await buildApp({ config, db, logger, now: () => clock.now });
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
