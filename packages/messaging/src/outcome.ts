import { errorMessage } from './logger.ts';

/** What a handler decided about one message. Anything else thrown counts as "retry later". */
export type HandlerOutcome =
  | { kind: 'done' }
  | { kind: 'retry'; reason: string; delayMs?: number }
  | { kind: 'reject'; reason: string };

/** The effects are durable: the message is acked (and recorded in the inbox). */
export function done(): HandlerOutcome {
  return { kind: 'done' };
}

/** A transient failure: try again after a delay (at least `delayMs` when given), up to the retry budget. */
export function retryLater(reason: string, delayMs?: number): HandlerOutcome {
  return delayMs === undefined ? { kind: 'retry', reason } : { kind: 'retry', reason, delayMs };
}

/** The message can never succeed: dead-letter it now, with the reason, for an operator. */
export function reject(reason: string): HandlerOutcome {
  return { kind: 'reject', reason };
}

/** Thrown from deep inside a handler to ask for a delayed retry. */
export class RetryLaterError extends Error {
  override readonly name = 'RetryLaterError';
  readonly delayMs: number | undefined;

  constructor(message: string, options: ErrorOptions & { delayMs?: number } = {}) {
    super(message, options);
    this.delayMs = options.delayMs;
  }
}

/** Thrown from deep inside a handler to dead-letter the message at once. */
export class RejectMessageError extends Error {
  override readonly name = 'RejectMessageError';
}

/** A handler's return value as an outcome: returning nothing means done. */
export function outcomeOfResult(result: HandlerOutcome | undefined): HandlerOutcome {
  return result ?? done();
}

/**
 * A thrown value as an outcome. Unknown errors are retried, not rejected: most are transient
 * (a database failover, a timeout) and the retry budget still ends in the dead-letter queue.
 */
export function outcomeOfError(error: unknown): HandlerOutcome {
  if (error instanceof RejectMessageError) return reject(error.message);
  if (error instanceof RetryLaterError) return retryLater(error.message, error.delayMs);
  return retryLater(errorMessage(error));
}
