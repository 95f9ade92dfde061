import type { IncomingMessage, ServerResponse } from 'node:http';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from '@fastify/type-provider-zod';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type RawServerDefault } from 'fastify';
import type { Logger } from 'pino';
import { type ApiKeyStore, InMemoryApiKeyStore } from './auth/api-keys.ts';
import { authPlugin } from './auth/plugin.ts';
import { principalRoute } from './auth/principal-route.ts';
import { apiKeyRecordsFrom, type BaseConfig } from './config.ts';
import { errorHandlerPlugin, sendFrameworkError } from './error-handler.ts';
import { healthPlugin, type ReadinessProbe } from './health.ts';
import { InMemoryIdempotencyStore } from './idempotency/memory-store.ts';
import { idempotencyPlugin } from './idempotency/plugin.ts';
import type { IdempotencyStore } from './idempotency/store.ts';
import { createLogger, loggerSettingsFrom } from './logger.ts';
import { metricsPlugin } from './metrics.ts';
import { type OpenApiOptions, openApiPlugin } from './openapi.ts';
import { protectionPlugin } from './protection.ts';
import { childLoggerFactory, requestContextPlugin } from './request-context.ts';
import { requestIdFrom } from './request-ids.ts';
import type { Tracing } from './tracing.ts';

/** The Fastify instance every service gets: Zod schemas for validation, serialisation and docs. */
export type ServiceApp = FastifyInstance<
  RawServerDefault,
  IncomingMessage,
  ServerResponse,
  FastifyBaseLogger,
  ZodTypeProvider
>;

export interface ServiceAppOptions {
  config: BaseConfig;
  /** Defaults to a pino logger built from LOG_LEVEL / LOG_PRETTY. */
  logger?: Logger;
  /** Defaults to the keys in API_KEYS / API_KEYS_FILE. */
  apiKeys?: ApiKeyStore;
  /** Defaults to an in-memory store (one replica only). */
  idempotencyStore?: IdempotencyStore;
  /** Readiness probes; more can be added with `app.registerReadinessProbe`. */
  probes?: Record<string, ReadinessProbe>;
  /** From `startTracing`; when enabled, every request gets a server span. */
  tracing?: Tracing;
  openapi?: Partial<OpenApiOptions>;
}

/**
 * Builds the app every service starts from, with all infrastructure registered and loaded, so the
 * service's route plugins registered afterwards are documented, authenticated, rate limited and
 * measured. It does not listen: main.ts does (see `runService`), tests use `app.inject`.
 */
export async function buildServiceApp(options: ServiceAppOptions): Promise<ServiceApp> {
  const { config } = options;
  const loggerInstance: FastifyBaseLogger = options.logger ?? createLogger(loggerSettingsFrom(config));
  const app = Fastify({
    loggerInstance,
    requestIdHeader: false,
    genReqId: (request) => requestIdFrom(request.headers),
    childLoggerFactory,
    bodyLimit: config.BODY_LIMIT_BYTES,
    trustProxy: config.TRUST_PROXY,
    frameworkErrors: sendFrameworkError,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  // Tracing first, so its hooks wrap everything registered after it.
  if (options.tracing?.fastifyPlugin) await app.register(options.tracing.fastifyPlugin);
  await app.register(errorHandlerPlugin);
  await app.register(requestContextPlugin);
  await app.register(authPlugin, {
    apiKeys: options.apiKeys ?? new InMemoryApiKeyStore(apiKeyRecordsFrom(config)),
  });
  await app.register(protectionPlugin, { config });
  await app.register(openApiPlugin, {
    title: options.openapi?.title ?? config.SERVICE_NAME,
    version: options.openapi?.version ?? '1.0.0',
    ...(options.openapi?.description === undefined ? {} : { description: options.openapi.description }),
  });
  await app.register(idempotencyPlugin, {
    store: options.idempotencyStore ?? new InMemoryIdempotencyStore(),
    ttlMs: config.IDEMPOTENCY_TTL_MS,
  });
  await app.register(metricsPlugin);
  await app.register(healthPlugin, {
    ...(options.probes === undefined ? {} : { probes: options.probes }),
    probeTimeoutMs: config.READINESS_PROBE_TIMEOUT_MS,
  });
  await app.register(principalRoute);
  return app;
}
