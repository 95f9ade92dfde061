import { baseConfigSchema, envAmqpUrl, envInt, envMongoUrl, envString } from '@enforcement/service-kit';
import { z } from 'zod';
import { envHostPatterns } from './webhooks/url-policy.ts';

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
  /** How often an open feed stream (SSE) reads for new changes; polling reaches writes of every replica. */
  FEED_POLL_MS: envInt({ min: 10, max: 60_000, default: 1000 }),
  /** How old a feed page's open counts may be (0 = counted on every page). */
  FEED_COUNTS_MAX_AGE_S: envInt({ min: 0, max: 3600, default: 5 }),
  /** Seconds between SSE heartbeat comments, so proxies keep idle streams open. */
  SSE_HEARTBEAT_S: envInt({ min: 1, max: 300, default: 15 }),
  /** Open feed streams one API key may hold on one replica (per replica, not across them). */
  SSE_MAX_STREAMS_PER_PRINCIPAL: envInt({ min: 1, max: 1000, default: 5 }),
  /** How old a served scorecard or overview snapshot may be, in seconds; 0 computes each request afresh. */
  STATS_MAX_AGE_S: envInt({ min: 0, max: 3600, default: 30 }),
  /** Hosts webhooks may point at: exact names or IPs, or *.suffix, comma-separated; empty allows none. */
  WEBHOOK_ALLOWED_HOSTS: envHostPatterns(),
  /** Of those, the hosts allowed to resolve to loopback, private or link-local addresses (same syntax). */
  WEBHOOK_ALLOW_PRIVATE_HOSTS: envHostPatterns(),
  WEBHOOK_POLL_MS: envInt({ min: 10, max: 60_000, default: 1000 }),
  WEBHOOK_TIMEOUT_MS: envInt({ min: 100, max: 60_000, default: 5000 }),
  WEBHOOK_RETRY_BASE_MS: envInt({ min: 1, max: 3_600_000, default: 1000 }),
  WEBHOOK_RETRY_MAX_MS: envInt({ min: 1, max: 86_400_000, default: 900_000 }),
  /** Failed deliveries in a row after which a webhook is paused until someone resumes it. */
  WEBHOOK_PAUSE_AFTER_FAILURES: envInt({ min: 1, max: 1000, default: 8 }),
  WEBHOOK_BATCH: envInt({ min: 1, max: 10_000, default: 500 }),
  /** Webhooks one replica delivers to at once, so one slow receiver does not hold up the others. */
  WEBHOOK_CONCURRENCY: envInt({ min: 1, max: 64, default: 4 }),
});

export type Config = z.output<typeof configSchema>;
