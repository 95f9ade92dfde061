import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import underPressure from '@fastify/under-pressure';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { BaseConfig } from './config.ts';
import { kitErrors } from './errors.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Per-route override of load shedding; returning undefined lets the request through. */
    pressureHandler?: (
      request: FastifyRequest,
      reply: FastifyReply,
      type: string,
      value: number | undefined,
    ) => unknown;
  }
}

export type ProtectionConfig = Pick<
  BaseConfig,
  | 'RATE_LIMIT_MAX'
  | 'RATE_LIMIT_WINDOW_MS'
  | 'PRESSURE_MAX_EVENT_LOOP_DELAY_MS'
  | 'PRESSURE_MAX_EVENT_LOOP_UTILIZATION'
  | 'PRESSURE_MAX_HEAP_USED_BYTES'
  | 'PRESSURE_MAX_RSS_BYTES'
  | 'PRESSURE_SAMPLE_INTERVAL_MS'
  | 'PRESSURE_RETRY_AFTER_S'
>;

/**
 * Security headers, per-caller rate limiting and load shedding. Each rejection is thrown as an
 * error so the one error handler renders it as problem+json.
 */
export const protectionPlugin = fp<{ config: ProtectionConfig }>(
  async (app: FastifyInstance, { config }) => {
    await app.register(helmet, { global: true });

    await app.register(underPressure, {
      maxEventLoopDelay: config.PRESSURE_MAX_EVENT_LOOP_DELAY_MS,
      maxEventLoopUtilization: config.PRESSURE_MAX_EVENT_LOOP_UTILIZATION,
      maxHeapUsedBytes: config.PRESSURE_MAX_HEAP_USED_BYTES,
      maxRssBytes: config.PRESSURE_MAX_RSS_BYTES,
      sampleInterval: config.PRESSURE_SAMPLE_INTERVAL_MS,
      retryAfter: config.PRESSURE_RETRY_AFTER_S,
    });

    await app.register(rateLimit, {
      global: true,
      max: config.RATE_LIMIT_MAX,
      timeWindow: config.RATE_LIMIT_WINDOW_MS,
      // The principal is resolved in an earlier onRequest hook, so keys share a budget across IPs.
      keyGenerator: (request) => (request.principal ? `key:${request.principal.keyId}` : `ip:${request.ip}`),
      errorResponseBuilder: (_request, context) =>
        kitErrors.RATE_LIMITED({
          detail: `Rate limit of ${context.max} requests exceeded; retry in ${context.after}`,
          headers: { 'retry-after': String(Math.max(1, Math.ceil(context.ttl / 1000))) },
        }),
    });
  },
  { name: 'service-kit-protection', dependencies: ['service-kit-auth'] },
);
