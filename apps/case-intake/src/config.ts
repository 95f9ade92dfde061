import { baseConfigSchema, envAmqpUrl, envInt, envMongoUrl, envString } from '@enforcement/service-kit';
import type { z } from 'zod';

/** The service's environment: the kit's variables plus its database, broker and determination deadlines. */
export const configSchema = baseConfigSchema.extend({
  SERVICE_NAME: envString('case-intake'),
  MONGO_URL: envMongoUrl(),
  AMQP_URL: envAmqpUrl(),
  MONGO_DB: envString('case_intake'),
  DETERMINATION_DAYS: envInt({ min: 1, max: 3650, default: 90 }),
  FUEL_DETERMINATION_DAYS: envInt({ min: 1, max: 3650, default: 30 }),
});

export type Config = z.output<typeof configSchema>;
