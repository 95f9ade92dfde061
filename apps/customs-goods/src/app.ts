import { randomUUID } from 'node:crypto';
import {
  buildServiceApp,
  MongoIdempotencyStore,
  type ServiceApp,
  type ServiceDeps,
} from '@enforcement/service-kit';
import type { Db } from 'mongodb';
import type { Config } from './config.ts';
import type { AbandonmentPolicy } from './domain/abandonment.ts';
import { seedOffices } from './domain/offices.ts';
import type { RouteDeps } from './http/deps.ts';
import { dwellRoutes } from './http/dwell-routes.ts';
import { lotRoutes } from './http/lot-routes.ts';
import { officeRoutes } from './http/office-routes.ts';
import { transitRoutes } from './http/transit-routes.ts';
import { transitionRoutes } from './http/transition-routes.ts';
import { CaseVerdictStore } from './store/case-verdict-store.ts';
import { DwellSnapshots } from './store/dwell-snapshots.ts';
import { ensureIndexes } from './store/indexes.ts';
import { LotRepository } from './store/lot-repository.ts';
import { OfficeRepository } from './store/office-repository.ts';

export type AppDeps = ServiceDeps<Config>;

/** The stores of the service over one database; `prepare` creates indexes and loads the reference offices. */
export function storesOf(db: Db) {
  const lots = new LotRepository(db);
  const offices = new OfficeRepository(db);
  const verdicts = new CaseVerdictStore(db);
  const idempotency = new MongoIdempotencyStore(db);
  return {
    lots,
    offices,
    verdicts,
    idempotency,
    prepare: async (now: Date = new Date()) => {
      await ensureIndexes({ lots, offices, idempotency });
      await offices.seed(seedOffices, now);
    },
  };
}

export function abandonmentPolicyOf(config: Config): AbandonmentPolicy {
  return { months: config.ABANDONMENT_MONTHS, maxExtensionMonths: config.ABANDONMENT_EXTENSION_MAX_MONTHS };
}

/** The customs-goods app on a connected database: the service kit plus the service's routes. */
export async function buildApp(deps: AppDeps): Promise<ServiceApp> {
  const { config, db } = deps;
  const stores = storesOf(db);
  const app = await buildServiceApp({
    config,
    idempotencyStore: stores.idempotency,
    probes: { mongodb: () => db.command({ ping: 1 }) },
    openapi: {
      title: 'customs-goods',
      description:
        'Goods lots held at customs offices and ports: lifecycle, transits, dwell (رسوب), case verdicts',
    },
    logger: deps.logger,
    apiKeys: deps.apiKeys,
    tracing: deps.tracing,
  });
  const routeDeps: RouteDeps = {
    lots: stores.lots,
    offices: stores.offices,
    verdicts: stores.verdicts,
    policy: abandonmentPolicyOf(config),
    dwell: new DwellSnapshots(stores.lots.collection, config.DWELL_REPORT_MAX_AGE_S * 1000),
    now: deps.now ?? (() => new Date()),
    newId: randomUUID,
  };
  await app.register(
    async (v1) => {
      await v1.register(officeRoutes, routeDeps);
      await v1.register(lotRoutes, routeDeps);
      await v1.register(transitionRoutes, routeDeps);
      await v1.register(transitRoutes, routeDeps);
      await v1.register(dwellRoutes, routeDeps);
    },
    { prefix: '/v1' },
  );
  return app;
}
