import type { Db } from 'mongodb';
import type { Logger } from 'pino';
import type { ApiKeyStore } from './auth/api-keys.ts';
import type { BaseConfig } from './config.ts';
import type { Tracing } from './tracing.ts';

/** What a service's `buildApp` takes: its config and database, and what main.ts or tests may replace. */
export interface ServiceDeps<C extends BaseConfig> {
  config: C;
  /** The service's own database. */
  db: Db;
  /** Defaults to a logger built from the config (LOG_LEVEL, LOG_PRETTY). */
  logger?: Logger;
  /** Defaults to the keys in API_KEYS / API_KEYS_FILE. */
  apiKeys?: ApiKeyStore;
  tracing?: Tracing;
  /** The clock; tests fix it so deadlines, dwell and escalations are the test's choice. */
  now?: () => Date;
}
