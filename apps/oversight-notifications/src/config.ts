import { baseConfigSchema, envAmqpUrl, envInt, envMongoUrl, envString } from '@enforcement/service-kit';
import { z } from 'zod';

/** The service's environment: the kit's variables plus its database, broker, rules file and sweep. */
export const configSchema = baseConfigSchema.extend({
  SERVICE_NAME: envString('oversight-notifications'),
  MONGO_URL: envMongoUrl(),
  AMQP_URL: envAmqpUrl(),
  MONGO_DB: envString('oversight_notifications'),
  WATCHED_EVENTS_QUEUE: envString('oversight-notifications.watched-events'),
  /** A JSON file of rule thresholds (domain/rules-config.ts) used when the database holds none yet. */
  RULES_FILE: z.string().min(1).optional(),
  SWEEP_INTERVAL_S: envInt({ min: 1, max: 3600, default: 30 }),
  SWEEP_LEASE_S: envInt({ min: 5, max: 3600, default: 60 }),
  SWEEP_BATCH: envInt({ min: 1, max: 10_000, default: 500 }),
});

export type Config = z.output<typeof configSchema>;
