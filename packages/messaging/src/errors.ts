/** Stable codes of every error this package raises; a code is never reused for another meaning. */
export type MessagingErrorCode =
  | 'MESSAGING_INVALID_EVENT'
  | 'MESSAGING_NOT_CONNECTED'
  | 'MESSAGING_PUBLISH_TIMEOUT'
  | 'MESSAGING_PUBLISH_NACKED'
  | 'MESSAGING_UNROUTABLE'
  | 'MESSAGING_CLOSED';

/** Base of the errors callers may want to tell apart (by `code`). */
export class MessagingError extends Error {
  override readonly name: string = 'MessagingError';
  readonly code: MessagingErrorCode;

  constructor(code: MessagingErrorCode, message: string, options?: ErrorOptions) {
    super(message, options);
    this.code = code;
  }
}

/** An event that does not match its contract: a producer bug, never sent to the broker. */
export function invalidEvent(message: string): MessagingError {
  return new MessagingError('MESSAGING_INVALID_EVENT', message);
}

/** The broker connection was not (re)established within the publish deadline. */
export function notConnected(waitedMs: number): MessagingError {
  return new MessagingError(
    'MESSAGING_NOT_CONNECTED',
    `not connected to the broker after waiting ${waitedMs} ms`,
  );
}

/** No broker confirm within the deadline: the message may or may not have been stored. */
export function publishTimeout(routingKey: string, timeoutMs: number): MessagingError {
  return new MessagingError(
    'MESSAGING_PUBLISH_TIMEOUT',
    `no publisher confirm for ${routingKey} within ${timeoutMs} ms`,
  );
}

/** The broker refused the message (basic.nack) or the channel closed before confirming it. */
export function publishNacked(routingKey: string, cause: unknown): MessagingError {
  return new MessagingError('MESSAGING_PUBLISH_NACKED', `the broker did not confirm ${routingKey}`, {
    cause,
  });
}

/** A mandatory message no queue was bound for (only raised when the publisher is told to refuse those). */
export function unroutable(routingKey: string): MessagingError {
  return new MessagingError('MESSAGING_UNROUTABLE', `no queue is bound for ${routingKey}`);
}

/** The component was closed; nothing more goes through it. */
export function closed(what: string): MessagingError {
  return new MessagingError('MESSAGING_CLOSED', `${what} is closed`);
}
