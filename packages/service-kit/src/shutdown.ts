import type { FastifyInstance } from 'fastify';
import type { BaseConfig } from './config.ts';

export interface ShutdownOptions {
  /** Longest a shutdown may take before the process exits with 1 anyway. */
  timeoutMs: number;
  signals?: readonly NodeJS.Signals[];
  /** Runs after the app has closed (e.g. flush traces). */
  afterClose?: () => Promise<void>;
  /** Injected by tests; defaults to process.exit. */
  exit?: (code: number) => void;
}

/**
 * On SIGTERM/SIGINT: stop accepting connections, let in-flight requests finish, run the app's
 * onClose hooks (bus, database), then exit 0. A shutdown stuck past the bound exits 1, so the
 * orchestrator is never left waiting on a wedged process.
 */
export function installShutdown(app: FastifyInstance, options: ShutdownOptions): () => void {
  const exit = options.exit ?? ((code: number) => process.exit(code));
  let closing = false;

  const onSignal = (signal: NodeJS.Signals): void => {
    if (closing) {
      app.log.warn({ signal }, 'shutdown already in progress');
      return;
    }
    closing = true;
    app.log.info({ signal, timeoutMs: options.timeoutMs }, 'shutting down');
    const timer = setTimeout(() => {
      app.log.error({ timeoutMs: options.timeoutMs }, 'shutdown timed out; exiting with 1');
      exit(1);
    }, options.timeoutMs);
    app
      .close()
      .then(() => options.afterClose?.())
      .then(
        () => {
          clearTimeout(timer);
          app.log.info('shutdown complete');
          exit(0);
        },
        (error: unknown) => {
          clearTimeout(timer);
          app.log.error({ err: error }, 'shutdown failed');
          exit(1);
        },
      );
  };

  const signals = options.signals ?? ['SIGTERM', 'SIGINT'];
  for (const signal of signals) process.on(signal, onSignal);
  return () => {
    for (const signal of signals) process.off(signal, onSignal);
  };
}

/** Listens on HOST:PORT; returns the bound address (useful with PORT=0). */
export async function startServer(
  app: FastifyInstance,
  config: Pick<BaseConfig, 'HOST' | 'PORT'>,
): Promise<string> {
  return app.listen({ host: config.HOST, port: config.PORT });
}

/** What main.ts calls once the app is built: listen, then shut down gracefully on a signal. */
export async function runService(
  app: FastifyInstance,
  config: Pick<BaseConfig, 'HOST' | 'PORT' | 'SHUTDOWN_TIMEOUT_MS'>,
  options: Omit<ShutdownOptions, 'timeoutMs'> = {},
): Promise<string> {
  installShutdown(app, { ...options, timeoutMs: config.SHUTDOWN_TIMEOUT_MS });
  return startServer(app, config);
}
