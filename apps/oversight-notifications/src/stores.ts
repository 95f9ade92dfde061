import { MongoIdempotencyStore } from '@enforcement/service-kit';
import type { Db } from 'mongodb';
import type { RulesConfig } from './domain/rules-config.ts';
import { FactsStore } from './store/facts-store.ts';
import { NotificationStore } from './store/notification-store.ts';
import { ObligationStore } from './store/obligation-store.ts';
import { RulesStore } from './store/rules-store.ts';

/** The stores of the service over one database; `prepare` creates indexes and seeds the rules. */
export function storesOf(db: Db) {
  const facts = new FactsStore(db);
  const obligations = new ObligationStore(db);
  const notifications = new NotificationStore(db);
  const rules = new RulesStore(db);
  const idempotency = new MongoIdempotencyStore(db);
  return {
    facts,
    obligations,
    notifications,
    rules,
    idempotency,
    prepare: async (initialRules: RulesConfig, now: Date = new Date()) => {
      await Promise.all([
        obligations.ensureIndexes(),
        notifications.ensureIndexes(),
        idempotency.ensureIndexes(),
      ]);
      await rules.seed(initialRules, now);
    },
  };
}

export type Stores = ReturnType<typeof storesOf>;
