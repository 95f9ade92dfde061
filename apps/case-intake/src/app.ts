import { randomUUID } from 'node:crypto';
import {
  buildServiceApp,
  MongoIdempotencyStore,
  type ServiceApp,
  type ServiceDeps,
} from '@enforcement/service-kit';
import type { Db } from 'mongodb';
import type { Config } from './config.ts';
import { caseRoutes } from './http/case-routes.ts';
import type { RouteDeps } from './http/deps.ts';
import { fileRoutes } from './http/file-routes.ts';
import { statsRoutes } from './http/stats-routes.ts';
import { transitionRoutes } from './http/transition-routes.ts';
import { unitRoutes } from './http/unit-routes.ts';
import { CaseRepository } from './store/case-repository.ts';
import { CaseStatsSnapshots } from './store/case-stats-snapshots.ts';
import { ensureIndexes } from './store/indexes.ts';
import { UnitRepository } from './store/unit-repository.ts';

export type AppDeps = ServiceDeps<Config>;

/** The stores of the service over one database, and the indexes they need. */
export function storesOf(db: Db) {
  const cases = new CaseRepository(db);
  const units = new UnitRepository(db);
  const idempotency = new MongoIdempotencyStore(db);
  return { cases, units, idempotency, ensureIndexes: () => ensureIndexes({ cases, units, idempotency }) };
}

/** The case-intake app on a connected database: the service kit plus the service's routes. */
export async function buildApp(deps: AppDeps): Promise<ServiceApp> {
  const { config, db } = deps;
  const stores = storesOf(db);
  const app = await buildServiceApp({
    config,
    idempotencyStore: stores.idempotency,
    probes: { mongodb: () => db.command({ ping: 1 }) },
    openapi: {
      title: 'case-intake',
      description: 'Smuggling cases and their lifecycle; verdict-execution units and their trained officers',
    },
    logger: deps.logger,
    apiKeys: deps.apiKeys,
    tracing: deps.tracing,
  });
  const routeDeps: RouteDeps = {
    cases: stores.cases,
    units: stores.units,
    policy: { days: config.DETERMINATION_DAYS, fuelDays: config.FUEL_DETERMINATION_DAYS },
    caseStats: new CaseStatsSnapshots(stores.cases, config.CASE_STATS_MAX_AGE_S * 1000),
    now: deps.now ?? (() => new Date()),
    newId: randomUUID,
  };
  await app.register(
    async (v1) => {
      await v1.register(caseRoutes, routeDeps);
      await v1.register(transitionRoutes, routeDeps);
      await v1.register(fileRoutes, routeDeps);
      await v1.register(unitRoutes, routeDeps);
      await v1.register(statsRoutes, routeDeps);
    },
    { prefix: '/v1' },
  );
  return app;
}
