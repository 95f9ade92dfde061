import { buildServiceApp, type ServiceApp, type ServiceDeps } from '@enforcement/service-kit';
import type { Config } from './config.ts';
import { notificationRoutes } from './http/notification-routes.ts';
import { ruleRoutes } from './http/rule-routes.ts';
import { storesOf } from './stores.ts';

export { storesOf } from './stores.ts';

export type AppDeps = ServiceDeps<Config>;

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
    logger: deps.logger,
    apiKeys: deps.apiKeys,
    tracing: deps.tracing,
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
