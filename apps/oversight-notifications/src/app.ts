import { type ApiKeyStore, buildServiceApp, type ServiceApp, type Tracing } from '@enforcement/service-kit';
import type { Db } from 'mongodb';
import type { Logger } from 'pino';
import type { Config } from './config.ts';
import { notificationRoutes } from './http/notification-routes.ts';
import { ruleRoutes } from './http/rule-routes.ts';
import { storesOf } from './stores.ts';

export { storesOf } from './stores.ts';

export interface AppDeps {
  config: Config;
  /** The service's own database. */
  db: Db;
  logger?: Logger;
  apiKeys?: ApiKeyStore;
  tracing?: Tracing;
  /** The clock; tests fix it so due times and escalations are the test's choice. */
  now?: () => Date;
}

/** The oversight-notifications app on a connected database: the service kit plus its routes. */
export async function buildApp(deps: AppDeps): Promise<ServiceApp> {
  const { config, db } = deps;
  const stores = storesOf(db);
  const app = await buildServiceApp({
    config,
    idempotencyStore: stores.idempotency,
    probes: { mongodb: () => db.command({ ping: 1 }) },
    openapi: {
      title: 'oversight-notifications',
      description: 'Oversight rules, obligations and bilingual notifications to the responsible agencies',
    },
    ...(deps.logger === undefined ? {} : { logger: deps.logger }),
    ...(deps.apiKeys === undefined ? {} : { apiKeys: deps.apiKeys }),
    ...(deps.tracing === undefined ? {} : { tracing: deps.tracing }),
  });
  const now = deps.now ?? (() => new Date());
  await app.register(
    async (v1) => {
      await v1.register(notificationRoutes, { notifications: stores.notifications, now });
      await v1.register(ruleRoutes, { rules: stores.rules, now });
    },
    { prefix: '/v1' },
  );
  return app;
}
