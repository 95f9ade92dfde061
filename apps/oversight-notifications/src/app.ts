import { randomUUID } from 'node:crypto';
import { buildServiceApp, type ServiceApp, type ServiceDeps } from '@enforcement/service-kit';
import type { Config } from './config.ts';
import { feedRoutes } from './http/feed-routes.ts';
import { feedStreamRoutes } from './http/feed-stream.ts';
import { notificationRoutes } from './http/notification-routes.ts';
import { resolutionRouteDeps } from './http/resolution-context.ts';
import { resolutionRoutes } from './http/resolution-routes.ts';
import { ruleRoutes } from './http/rule-routes.ts';
import { statsRoutes } from './http/stats-routes.ts';
import { webhookRoutes } from './http/webhook-routes.ts';
import { workgroupRoutes } from './http/workgroup-routes.ts';
import { storesOf } from './stores.ts';
import { webhookPolicyOf } from './webhooks/settings.ts';

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
      await v1.register(workgroupRoutes, resolutionRouteDeps(stores, now));
      await v1.register(resolutionRoutes, resolutionRouteDeps(stores, now));
      await v1.register(feedRoutes, {
        notifications: stores.notifications,
        counts: stores.feedCounts,
        countsMaxAgeMs: config.FEED_COUNTS_MAX_AGE_S * 1000,
      });
      await v1.register(feedStreamRoutes, {
        notifications: stores.notifications,
        pollMs: config.FEED_POLL_MS,
        heartbeatMs: config.SSE_HEARTBEAT_S * 1000,
        maxStreamsPerKey: config.SSE_MAX_STREAMS_PER_PRINCIPAL,
      });
      await v1.register(statsRoutes, {
        stats: stores.stats,
        maxAgeMs: config.STATS_MAX_AGE_S * 1000,
        now,
      });
      await v1.register(webhookRoutes, {
        webhooks: stores.webhooks,
        notifications: stores.notifications,
        policy: webhookPolicyOf(config),
        now,
        newId: randomUUID,
      });
    },
    { prefix: '/v1' },
  );
  return app;
}
