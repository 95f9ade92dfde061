import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/** Resolves when the dependency is usable; throws (or rejects) when it is not. */
export type ReadinessProbe = () => Promise<unknown>;

export interface ProbeResult {
  status: 'up' | 'down';
  durationMs: number;
  /** Only "timeout" or "failed": the endpoint is public, the reason goes to the log. */
  reason?: 'timeout' | 'failed';
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Adds a check that `/health/ready` runs (e.g. MongoDB ping, RabbitMQ channel open). */
    registerReadinessProbe(name: string, probe: ReadinessProbe): void;
  }
}

export interface HealthPluginOptions {
  probes?: Record<string, ReadinessProbe>;
  probeTimeoutMs: number;
}

class ProbeTimeout extends Error {}

async function runProbe(probe: ReadinessProbe, timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ProbeTimeout()), timeoutMs);
  });
  try {
    await Promise.race([probe(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * `/health/live` answers while the event loop turns (a restart would not help otherwise);
 * `/health/ready` says whether to route traffic here, by running every probe concurrently.
 */
export const healthPlugin = fp<HealthPluginOptions>(
  async (app: FastifyInstance, options) => {
    const probes = new Map<string, ReadinessProbe>(Object.entries(options.probes ?? {}));
    app.decorate('registerReadinessProbe', (name: string, probe: ReadinessProbe) => {
      if (probes.has(name)) throw new Error(`readiness probe ${name} is already registered`);
      probes.set(name, probe);
    });

    // Liveness must not be shed under pressure: restarting a busy process makes things worse.
    const operational = { public: true, rateLimit: false as const, pressureHandler: () => undefined };

    app.get('/health/live', { config: operational, schema: { hide: true } }, async () => ({ status: 'up' }));

    app.get(
      '/health/ready',
      { config: { public: true, rateLimit: false }, schema: { hide: true } },
      async (request, reply) => {
        const entries = await Promise.all(
          [...probes].map(async ([name, probe]): Promise<[string, ProbeResult]> => {
            const started = performance.now();
            try {
              await runProbe(probe, options.probeTimeoutMs);
              return [name, { status: 'up', durationMs: Math.round(performance.now() - started) }];
            } catch (error) {
              const reason = error instanceof ProbeTimeout ? 'timeout' : 'failed';
              request.log.warn({ err: error, probe: name, reason }, 'readiness probe failed');
              return [name, { status: 'down', durationMs: Math.round(performance.now() - started), reason }];
            }
          }),
        );
        const ready = entries.every(([, result]) => result.status === 'up');
        return reply
          .code(ready ? 200 : 503)
          .send({ status: ready ? 'up' : 'down', probes: Object.fromEntries(entries) });
      },
    );
  },
  { name: 'service-kit-health' },
);
