/** Exponential backoff with jitter, shared by reconnects and outbox retries. */
export interface BackoffOptions {
  /** Delay before the first retry. */
  initialMs: number;
  /** No delay exceeds this, jitter included. */
  maxMs: number;
  /** Growth per attempt. */
  factor: number;
  /** Fraction (0-1) by which a delay is spread either way, so replicas do not retry in step. */
  jitter: number;
}

export const defaultReconnectBackoff: BackoffOptions = {
  initialMs: 200,
  maxMs: 15_000,
  factor: 2,
  jitter: 0.3,
};

/**
 * The delay before retry number `attempt` (1 for the first retry). `random` is injectable so tests
 * can pin the jitter; it returns a number in [0, 1) like Math.random.
 */
export function backoffDelay(
  attempt: number,
  options: BackoffOptions,
  random: () => number = Math.random,
): number {
  const jitter = Math.min(1, Math.max(0, options.jitter));
  // Capping the base below maxMs leaves room for the upward jitter, so the cap holds without
  // clamping every late delay onto the same value (which would bring replicas back in step).
  const cappedBase = options.maxMs / (1 + jitter);
  const base = Math.min(cappedBase, options.initialMs * options.factor ** Math.max(0, attempt - 1));
  const spread = base * jitter;
  return Math.max(0, Math.round(base - spread + random() * spread * 2));
}

/** Resolves after `ms`, or at once when the signal aborts (so shutdown never waits out a backoff). */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) {
      resolve();
      return;
    }
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}
