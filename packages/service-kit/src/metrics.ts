import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';

declare module 'fastify' {
  interface FastifyInstance {
    /** This app's Prometheus registry; other packages (messaging) add their metrics to it. */
    metrics: Registry;
  }
}

/** Route label for requests that matched no route, so scanners cannot explode label cardinality. */
const UNMATCHED_ROUTE = 'unmatched';

/**
 * Serves `/metrics` from a registry of the app's own (not prom-client's global one), so several
 * apps can live in one process, as they do in tests.
 */
export const metricsPlugin = fp(
  async (app: FastifyInstance) => {
    const registry = new Registry();
    collectDefaultMetrics({ register: registry });
    const labelNames = ['method', 'route', 'status_code'] as const;
    const duration = new Histogram({
      name: 'http_request_duration_seconds',
      help: 'HTTP request duration in seconds, by route template',
      labelNames,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    });
    const requests = new Counter({
      name: 'http_requests_total',
      help: 'HTTP requests served, by route template',
      labelNames,
      registers: [registry],
    });
    app.decorate('metrics', registry);

    app.addHook('onResponse', async (request, reply) => {
      const labels = {
        method: request.method,
        route: request.is404 ? UNMATCHED_ROUTE : (request.routeOptions.url ?? UNMATCHED_ROUTE),
        status_code: String(reply.statusCode),
      };
      duration.observe(labels, reply.elapsedTime / 1000);
      requests.inc(labels);
    });

    app.get(
      '/metrics',
      { config: { public: true, rateLimit: false }, schema: { hide: true } },
      async (_request, reply) => reply.type(registry.contentType).send(await registry.metrics()),
    );
  },
  { name: 'service-kit-metrics' },
);
