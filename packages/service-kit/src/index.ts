// Modules that augment Fastify's types (request.correlationId, app.metrics, route config.scopes ...):
// imported here so the augmentations travel with the package's declarations, not only its sources.
import './auth/plugin.ts';
import './health.ts';
import './idempotency/plugin.ts';
import './metrics.ts';
import './openapi.ts';
import './protection.ts';
import './request-context.ts';

export { buildServiceApp, type ServiceApp, type ServiceAppOptions } from './app.ts';
export {
  AppError,
  type AppErrorOptions,
  defineErrors,
  type ErrorDefinition,
  type ErrorFactory,
  isAppError,
} from './app-error.ts';
export {
  type ApiKeyRecord,
  type ApiKeyStore,
  apiKeyRecordSchema,
  apiKeyRecordsSchema,
  hashApiKey,
  InMemoryApiKeyStore,
} from './auth/api-keys.ts';
export {
  assertJurisdiction,
  assertScopes,
  provinceWithinLimit,
  requirePrincipal,
  requireScopes,
} from './auth/guards.ts';
export type { Principal } from './auth/principal.ts';
export {
  apiKeyRecordsFrom,
  type BaseConfig,
  baseConfigSchema,
  ConfigError,
  loadConfig,
  loadConfigOrExit,
} from './config.ts';
export { envAmqpUrl, envBoolean, envEnum, envInt, envMongoUrl, envNumber, envString, envUrl } from './env.ts';
export { toAppError } from './error-handler.ts';
export { type KitErrorCode, kitErrors } from './errors.ts';
export { etagOf, ifMatchHeadersSchema, versionFromIfMatch } from './etag.ts';
export { type EventContext, eventContextOf } from './event-context.ts';
export type { ProbeResult, ReadinessProbe } from './health.ts';
export { requestFingerprint } from './idempotency/fingerprint.ts';
export { InMemoryIdempotencyStore } from './idempotency/memory-store.ts';
export { MongoIdempotencyStore } from './idempotency/mongo-store.ts';
export { IDEMPOTENCY_KEY_HEADER, IDEMPOTENT_REPLAYED_HEADER } from './idempotency/plugin.ts';
export type { BeginOutcome, IdempotencyStore, StoredResponse } from './idempotency/store.ts';
export { createLogger, type LoggerSettings, loggerSettingsFrom, REDACTED_PATHS } from './logger.ts';
export { BEARER_SCHEME, DOCS_PREFIX } from './openapi.ts';
export { fieldErrorsFrom, PROBLEM_CONTENT_TYPE, problemFrom, sendProblem } from './problem.ts';
export { CORRELATION_ID_HEADER, correlationIdFrom, REQUEST_ID_HEADER, requestIdFrom } from './request-ids.ts';
export type { ServiceDeps } from './service-deps.ts';
export { installShutdown, runService, type ShutdownOptions, startServer } from './shutdown.ts';
export { type Snapshot, Snapshots } from './snapshots.ts';
export { startTracing, type Tracing, type TracingConfig, type TracingOptions } from './tracing.ts';
