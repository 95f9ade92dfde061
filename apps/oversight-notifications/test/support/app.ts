import { randomUUID } from 'node:crypto';
import { loadConfig, type ServiceApp } from '@enforcement/service-kit';
import { type TestClock, testApiKeys } from '@enforcement/service-kit/testing';
import type { TestScope } from '@enforcement/testkit';
import { useTestScope } from '@enforcement/testkit/vitest';
import type { Db } from 'mongodb';
import { buildApp, storesOf } from '../../src/app.ts';
import { configSchema } from '../../src/config.ts';
import { defaultRulesConfig } from '../../src/domain/rules-config.ts';
import type { JudgeDeps } from '../../src/events/judge.ts';
import type { SweepDeps } from '../../src/scheduler/sweep.ts';
import type { Stores } from '../../src/stores.ts';

const MEMBER = ['notifications:read', 'notifications:acknowledge'];

/** One API key per kind of caller the access rules distinguish; the raw key is its name. */
const principals = {
  prosecutorKhuzestan: { agency: 'prosecutor', province: 'khuzestan', scopes: MEMBER },
  prosecutorBushehr: { agency: 'prosecutor', province: 'bushehr', scopes: MEMBER },
  prosecutorReadOnly: { agency: 'prosecutor', province: 'khuzestan', scopes: ['notifications:read'] },
  customsKhuzestan: { agency: 'customs', province: 'khuzestan', scopes: MEMBER },
  inspection: { agency: 'inspection', scopes: MEMBER },
  rulesReader: { agency: 'inspection', scopes: ['rules:read'] },
  rulesAdmin: { agency: 'anti_smuggling_hq', scopes: ['rules:read', 'rules:admin'] },
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
  close(): Promise<void>;
}

/** The service on its own test database (real MongoDB endpoint), with indexes, rules, keys and a fixed clock. */
export async function startTestApp(label: string): Promise<TestApp> {
  const scope = await useTestScope(label);
  const db = await scope.db();
  const config = loadConfig(configSchema, {
    MONGO_URL: scope.mongoUrl,
    MONGO_DB: scope.dbName,
    AMQP_URL: scope.amqpUrl,
    API_KEYS: keys.json,
    RATE_LIMIT_MAX: '100000',
    LOG_LEVEL: 'silent',
  });
  const stores = storesOf(db);
  await stores.prepare(defaultRulesConfig);
  const clock: TestClock = { now: new Date('2025-01-01T00:00:00.000Z') };
  const app = await buildApp({ config, db, now: () => clock.now });
  await app.ready();
  return {
    app,
    db,
    clock,
    scope,
    stores,
    judgeDeps: { ...stores, now: () => clock.now },
    sweepDeps: (owner = 'sweep-test') => ({
      obligations: stores.obligations,
      notifications: stores.notifications,
      rules: stores.rules,
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
