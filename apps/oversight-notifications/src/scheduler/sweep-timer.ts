import type { Logger } from 'pino';

/** Runs the sweep every `everyMs`, never two at once in this process; stop() waits for a running one. */
export function startSweepTimer(run: () => Promise<unknown>, everyMs: number, logger: Pick<Logger, 'error'>) {
  let running: Promise<unknown> | null = null;
  const timer = setInterval(() => {
    if (running !== null) return;
    running = run()
      .catch((error: unknown) => logger.error({ err: error }, 'oversight sweep failed'))
      .finally(() => {
        running = null;
      });
  }, everyMs);
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
