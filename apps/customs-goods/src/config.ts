import { baseConfigSchema, envAmqpUrl, envInt, envMongoUrl, envString } from '@enforcement/service-kit';
import type { z } from 'zod';

/** The service's environment: the kit's variables plus its database, broker and abandonment periods. */
export const configSchema = baseConfigSchema.extend({
  SERVICE_NAME: envString('customs-goods'),
  MONGO_URL: envMongoUrl(),
  AMQP_URL: envAmqpUrl(),
  MONGO_DB: envString('customs_goods'),
  ABANDONMENT_MONTHS: envInt({ min: 1, max: 24, default: 3 }),
  ABANDONMENT_EXTENSION_MAX_MONTHS: envInt({ min: 0, max: 12, default: 2 }),
  CASE_EVENTS_QUEUE: envString('customs-goods.case-events'),
  /** How old the stuck-goods report may be before a request recomputes it (0 = always fresh). */
  DWELL_REPORT_MAX_AGE_S: envInt({ min: 0, max: 3600, default: 30 }),
});

export type Config = z.output<typeof configSchema>;
