/** Header names this package writes; the same names on every message of the platform. */
export const HEADERS = {
  correlationId: 'x-correlation-id',
  causationId: 'x-causation-id',
  traceparent: 'traceparent',
  /** Failed attempts so far (absent on a first delivery). */
  attempt: 'x-attempt',
  lastError: 'x-last-error',
  /** Why a message was dead-lettered: a DeadLetterReason. */
  deadLetterReason: 'x-dead-letter-reason',
  deadLetterDetail: 'x-dead-letter-detail',
  deadLetteredAt: 'x-dead-lettered-at',
  /** The routing key the event was published with (retries travel under the queue's name). */
  routingKey: 'x-routing-key',
  consumer: 'x-consumer',
  redrivenAt: 'x-redriven-at',
} as const;

/** Why a consumer dead-lettered a message. */
export type DeadLetterReason =
  | 'invalid_json'
  | 'invalid_envelope'
  | 'unknown_event'
  | 'invalid_payload'
  | 'no_handler'
  | 'rejected'
  | 'retries_exhausted';

export type MessageHeaders = Record<string, unknown>;

/** The number of failed attempts recorded on a message; anything unreadable counts as none. */
export function attemptsOf(headers: MessageHeaders | undefined): number {
  const value = headers?.[HEADERS.attempt];
  const attempts = typeof value === 'number' ? value : Number(value);
  return Number.isInteger(attempts) && attempts > 0 ? attempts : 0;
}

/** A header as text, when it is present and not empty. */
export function headerText(headers: MessageHeaders | undefined, name: string): string | undefined {
  const value = headers?.[name];
  if (value === undefined || value === null) return undefined;
  const text = Buffer.isBuffer(value) ? value.toString('utf8') : String(value);
  return text === '' ? undefined : text;
}
