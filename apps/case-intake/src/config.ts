import { baseConfigSchema, envAmqpUrl, envInt, envMongoUrl, envString } from '@enforcement/service-kit';
import type { z } from 'zod';

/**
 * The service's environment: the kit's variables plus its database, broker, determination deadlines
 * and how long the caseload report is kept.
 */
export const configSchema = baseConfigSchema.extend({
  SERVICE_NAME: envString('case-intake'),
  MONGO_URL: envMongoUrl(),
  AMQP_URL: envAmqpUrl(),
  MONGO_DB: envString('case_intake'),
  DETERMINATION_DAYS: envInt({ min: 1, max: 3650, default: 90 }),
  FUEL_DETERMINATION_DAYS: envInt({ min: 1, max: 3650, default: 30 }),
  /** How old the caseload report may be before a request recomputes it (0 = always fresh). */
  CASE_STATS_MAX_AGE_S: envInt({ min: 0, max: 3600, default: 30 }),
});

export type Config = z.output<typeof configSchema>;
