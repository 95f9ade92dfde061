import type { ConfirmChannel, GetMessage } from 'amqplib';
import type { BrokerConnection } from './connection.ts';
import { attemptsOf, HEADERS, headerText } from './headers.ts';
import { type Logger, silentLogger } from './logger.ts';
import { sendConfirmed } from './redeliver.ts';
import { deadLetterQueueName } from './topology.ts';

/** A dead-lettered message as an operator sees it. */
export interface DeadLetter {
  messageId: string | undefined;
  routingKey: string | undefined;
  correlationId: string | undefined;
  reason: string | undefined;
  detail: string | undefined;
  attempts: number;
  deadLetteredAt: string | undefined;
  /** When an operator last re-drove it (it failed again since), if ever. */
  redrivenAt: string | undefined;
  /** The message body: parsed JSON, or the raw text when it is not JSON. */
  body: unknown;
}

export interface RedriveSelection {
  /** Only these messages; all (up to `limit`) when absent. */
  messageIds?: readonly string[];
  limit?: number;
}

/** Headers a re-driven message sheds, so the consumer gives it a full retry budget again. */
const FAILURE_HEADERS = [
  HEADERS.attempt,
  HEADERS.lastError,
  HEADERS.deadLetterReason,
  HEADERS.deadLetterDetail,
  HEADERS.deadLetteredAt,
  HEADERS.consumer,
];

/**
 * Operator tooling over a consumer's dead-letter queue. Browsing takes messages without acking
 * them and closes the channel afterwards, which puts them back in place: nothing is lost by looking.
 */
export class DeadLetters {
  readonly #connection: BrokerConnection;
  readonly #logger: Logger;
  readonly #connectTimeoutMs: number;

  constructor(connection: BrokerConnection, options: { logger?: Logger; connectTimeoutMs?: number } = {}) {
    this.#connection = connection;
    this.#logger = options.logger ?? silentLogger;
    this.#connectTimeoutMs = options.connectTimeoutMs ?? 5_000;
  }

  /** How many messages wait in the consumer's dead-letter queue. */
  async count(queue: string): Promise<number> {
    return this.#withChannel(
      async (channel) => (await channel.checkQueue(deadLetterQueueName(queue))).messageCount,
    );
  }

  /** The first `limit` dead-lettered messages of the consumer whose queue is `queue`, oldest first. */
  async list(queue: string, limit = 50): Promise<DeadLetter[]> {
    return this.#withChannel(async (channel) =>
      (await take(channel, deadLetterQueueName(queue), limit)).map(describe),
    );
  }

  /** One dead-lettered message by its id (the event id), looking through at most `scanLimit` messages. */
  async show(queue: string, messageId: string, scanLimit = 10_000): Promise<DeadLetter | undefined> {
    return this.#withChannel(async (channel) => {
      const messages = await take(channel, deadLetterQueueName(queue), scanLimit);
      const found = messages.find((message) => message.properties.messageId === messageId);
      return found === undefined ? undefined : describe(found);
    });
  }

  /**
   * Sends dead-lettered messages back to the consumer's queue (each confirmed by the broker before
   * it leaves the dead-letter queue) and returns the ids it moved.
   */
  async redrive(queue: string, selection: RedriveSelection = {}): Promise<string[]> {
    const wanted = selection.messageIds === undefined ? undefined : new Set(selection.messageIds);
    const limit = selection.limit ?? 10_000;
    return this.#withChannel(async (channel) => {
      const messages = await take(channel, deadLetterQueueName(queue), wanted === undefined ? limit : 10_000);
      const moved: string[] = [];
      for (const message of messages) {
        const messageId = textOf(message.properties.messageId);
        if (wanted !== undefined && (messageId === undefined || !wanted.has(messageId))) continue;
        if (moved.length >= limit) break;
        await sendConfirmed(
          channel,
          queue,
          message,
          { [HEADERS.redrivenAt]: new Date().toISOString() },
          FAILURE_HEADERS,
        );
        channel.ack(message);
        moved.push(messageId ?? '(no id)');
        this.#logger.info({ eventId: messageId, queue }, 're-drove dead-lettered message');
      }
      return moved;
    });
  }

  async #withChannel<T>(work: (channel: ConfirmChannel) => Promise<T>): Promise<T> {
    const model = await this.#connection.waitForConnection(this.#connectTimeoutMs);
    const channel = await model.createConfirmChannel();
    channel.on('error', () => {});
    try {
      return await work(channel);
    } finally {
      // Closing returns every message taken and not acked to the queue, in its place.
      await channel.close().catch(() => {});
    }
  }
}

/** Takes up to `limit` messages (unacked) from `queue`. */
async function take(channel: ConfirmChannel, queue: string, limit: number): Promise<GetMessage[]> {
  const available = (await channel.checkQueue(queue)).messageCount;
  const messages: GetMessage[] = [];
  while (messages.length < Math.min(limit, available)) {
    const message = await channel.get(queue, { noAck: false });
    if (message === false) break;
    messages.push(message);
  }
  return messages;
}

function describe(message: GetMessage): DeadLetter {
  const headers = message.properties.headers;
  const text = message.content.toString('utf8');
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // Dead-lettered because it is not JSON: show the text as it came.
  }
  return {
    messageId: textOf(message.properties.messageId),
    routingKey: headerText(headers, HEADERS.routingKey),
    correlationId: headerText(headers, HEADERS.correlationId),
    reason: headerText(headers, HEADERS.deadLetterReason),
    detail: headerText(headers, HEADERS.deadLetterDetail),
    attempts: attemptsOf(headers),
    deadLetteredAt: headerText(headers, HEADERS.deadLetteredAt),
    redrivenAt: headerText(headers, HEADERS.redrivenAt),
    body,
  };
}

/** amqplib types message properties as any: keep only a text value. */
function textOf(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
