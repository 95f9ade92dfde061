import { MongoIdempotencyStore } from '@enforcement/service-kit';
import type { Db } from 'mongodb';
import type { RulesConfig } from './domain/rules-config.ts';
import { FactsStore } from './store/facts-store.ts';
import { FeedCounts } from './store/feed-counts.ts';
import { NotificationStore } from './store/notification-store.ts';
import { ObligationStore } from './store/obligation-store.ts';
import { ResolutionStore } from './store/resolution-store.ts';
import { RulesStore } from './store/rules-store.ts';
import { StatsQueries } from './store/stats-queries.ts';
import { WebhookStore } from './store/webhook-store.ts';
import { WorkgroupStore } from './store/workgroup-store.ts';

/** The stores of the service over one database; `prepare` creates indexes and seeds the rules. */
export function storesOf(db: Db) {
  const facts = new FactsStore(db);
  const obligations = new ObligationStore(db);
  const notifications = new NotificationStore(db);
  const rules = new RulesStore(db);
  const workgroups = new WorkgroupStore(db);
  const resolutions = new ResolutionStore(db);
  const idempotency = new MongoIdempotencyStore(db);
  const feedCounts = new FeedCounts(db);
  const stats = new StatsQueries(db);
  const webhooks = new WebhookStore(db);
  return {
    facts,
    obligations,
    notifications,
    rules,
    workgroups,
    resolutions,
    idempotency,
    stats,
    feedCounts,
    webhooks,
    prepare: async (initialRules: RulesConfig, now: Date = new Date()) => {
      await Promise.all([
        obligations.ensureIndexes(),
        notifications.ensureIndexes(),
        idempotency.ensureIndexes(),
        workgroups.ensureIndexes(),
        resolutions.ensureIndexes(),
        feedCounts.ensureIndexes(),
        stats.ensureIndexes(),
        webhooks.ensureIndexes(),
      ]);
      await rules.seed(initialRules, now);
    },
  };
}

export type Stores = ReturnType<typeof storesOf>;
