import { type AnyEvent, parseEvent, routingKeyOf } from '@enforcement/contracts';
import type { ChannelModel, ConfirmChannel, ConsumeMessage } from 'amqplib';
import type { BrokerConnection } from './connection.ts';
import { withTimeout } from './deadline.ts';
import type { EventHandler } from './handler.ts';
import { attemptsOf, type DeadLetterReason, HEADERS, headerText, type MessageHeaders } from './headers.ts';
import type { Inbox } from './inbox.ts';
import { errorMessage, type Logger, silentLogger, withFields } from './logger.ts';
import { createMessagingMetrics, type MessagingMetrics } from './metrics.ts';
import { type HandlerOutcome, outcomeOfError, outcomeOfResult } from './outcome.ts';
import { sendConfirmed } from './redeliver.ts';
import { nextStepAfterFailure } from './retry.ts';
import {
  type ConsumerTopology,
  deadLetterQueueName,
  declareConsumerTopology,
  waitQueueName,
} from './topology.ts';

export interface EventConsumerOptions extends Omit<ConsumerTopology, 'routingKeys' | 'retryDelaysMs'> {
  connection: BrokerConnection;
  /** Names the consumer in the inbox and in logs; defaults to the queue name. */
  name?: string;
  handlers: readonly EventHandler[];
  /** Delay before each retry (default 1 s, 5 s, 30 s): a handler runs at most length + 1 times. */
  retryDelaysMs?: readonly number[];
  /** Unacknowledged deliveries at a time, i.e. handlers running at once (default 20). */
  prefetch?: number;
  /** Without an inbox, a redelivered event runs its handler again. */
  inbox?: Inbox;
  logger?: Logger;
  metrics?: MessagingMetrics;
}

export const defaultRetryDelaysMs: readonly number[] = [1_000, 5_000, 30_000];

/**
 * Consumes one durable queue: validates each message against its contract, skips events the inbox
 * has seen, runs the handler and settles the delivery by its outcome. A delivery is acked only
 * after its outcome is durable: the inbox record written, or the copy in a wait queue or the
 * dead-letter queue confirmed by the broker.
 */
export class EventConsumer {
  readonly name: string;
  readonly queue: string;
  readonly deadLetterQueue: string;
  readonly #options: EventConsumerOptions;
  readonly #handlers: ReadonlyMap<string, EventHandler>;
  readonly #retryDelaysMs: readonly number[];
  readonly #logger: Logger;
  readonly #metrics: MessagingMetrics;
  readonly #inFlight = new Set<Promise<void>>();
  #channel: ConfirmChannel | undefined;
  #consumerTag: string | undefined;
  #stopping = false;

  constructor(options: EventConsumerOptions) {
    this.#options = options;
    this.name = options.name ?? options.queue;
    this.queue = options.queue;
    this.deadLetterQueue = deadLetterQueueName(options.queue);
    this.#handlers = new Map(options.handlers.map((handler) => [handler.routingKey, handler]));
    this.#retryDelaysMs = options.retryDelaysMs ?? defaultRetryDelaysMs;
    this.#logger = options.logger ?? silentLogger;
    this.#metrics = options.metrics ?? createMessagingMetrics();
  }

  /** The broker side of this consumer, as declared on every (re)connection. */
  get topology(): ConsumerTopology {
    const { queue, queueType, deadLetterQueueType, exchange } = this.#options;
    return {
      queue,
      routingKeys: [...this.#handlers.keys()],
      retryDelaysMs: this.#retryDelaysMs,
      ...(queueType === undefined ? {} : { queueType }),
      ...(deadLetterQueueType === undefined ? {} : { deadLetterQueueType }),
      ...(exchange === undefined ? {} : { exchange }),
    };
  }

  /** Handlers running right now. */
  get inFlight(): number {
    return this.#inFlight.size;
  }

  /** Declares the topology and starts consuming, now (when connected) and after every reconnection. */
  start(): Promise<void> {
    return this.#options.connection.onConnected((model) => this.#open(model));
  }

  /**
   * Stops taking deliveries, lets running handlers finish for up to `timeoutMs`, then closes the
   * channel; deliveries whose handlers did not finish go back to the queue unacked.
   */
  async stop(timeoutMs = 10_000): Promise<void> {
    this.#stopping = true;
    const channel = this.#channel;
    if (channel && this.#consumerTag) await channel.cancel(this.#consumerTag).catch(() => {});
    const running = Promise.allSettled([...this.#inFlight]).then(() => undefined);
    await withTimeout(running, timeoutMs, () => new Error('handlers still running')).catch(() => {
      this.#logger.warn(
        { queue: this.queue, inFlight: this.#inFlight.size },
        'handlers did not finish in time; their messages will be redelivered',
      );
    });
    this.#channel = undefined;
    if (channel) await channel.close().catch(() => {});
  }

  async #open(model: ChannelModel): Promise<void> {
    if (this.#stopping) return;
    const channel = await model.createConfirmChannel();
    channel.on('error', (error: Error) =>
      this.#logger.warn({ queue: this.queue, err: error.message }, 'consumer channel error'),
    );
    channel.once('close', () => {
      if (this.#channel !== channel) return;
      this.#channel = undefined;
      if (!this.#stopping)
        this.#options.connection.reset(model, new Error(`consumer channel ${this.queue} closed`));
    });
    await declareConsumerTopology(channel, this.topology);
    await channel.prefetch(this.#options.prefetch ?? 20);
    this.#channel = channel;
    const { consumerTag } = await channel.consume(this.queue, (message) => {
      if (message === null) {
        // The broker cancelled the consumer (queue deleted): redeclare everything on a fresh connection.
        this.#options.connection.reset(model, new Error(`consumer of ${this.queue} cancelled by the broker`));
        return;
      }
      this.#track(this.#settle(channel, message));
    });
    this.#consumerTag = consumerTag;
  }

  #track(work: Promise<void>): void {
    const tracked = work.catch((error: unknown) => {
      // The delivery stays unacked and comes back after the channel is reopened.
      this.#logger.error({ queue: this.queue, err: errorMessage(error) }, 'could not settle a delivery');
    });
    this.#inFlight.add(tracked);
    void tracked.finally(() => this.#inFlight.delete(tracked));
  }

  async #settle(channel: ConfirmChannel, message: ConsumeMessage): Promise<void> {
    const headers: MessageHeaders = message.properties.headers ?? {};
    let raw: unknown;
    try {
      raw = JSON.parse(message.content.toString('utf8'));
    } catch (error) {
      await this.#deadLetter(channel, message, 'invalid_json', errorMessage(error));
      return;
    }
    const parsed = parseEvent(raw);
    if (!parsed.ok) {
      await this.#deadLetter(channel, message, parsed.error.reason, parsed.error.message);
      return;
    }
    const event = parsed.event;
    const routingKey = routingKeyOf(event.type, event.version);
    const handler = this.#handlers.get(routingKey);
    if (handler === undefined) {
      await this.#deadLetter(channel, message, 'no_handler', `${this.name} has no handler for ${routingKey}`);
      return;
    }
    const logger = withFields(this.#logger, {
      eventId: event.id,
      type: routingKey,
      correlationId: event.correlationId,
      consumer: this.name,
    });
    const outcome = await this.#run(handler, event, headers, logger);
    await this.#apply(channel, message, outcome, logger);
  }

  /** Inbox check, handler, inbox record; any failure of these is an outcome, never an escape. */
  async #run(
    handler: EventHandler,
    event: AnyEvent,
    headers: MessageHeaders,
    logger: Logger,
  ): Promise<HandlerOutcome | 'duplicate'> {
    const inbox = this.#options.inbox;
    try {
      if (inbox && (await inbox.seen(this.name, event.id))) return 'duplicate';
      logger.debug({}, 'handling event');
      const outcome = outcomeOfResult(
        await handler.handle(event, {
          logger,
          attempt: attemptsOf(headers) + 1,
          traceparent: headerText(headers, HEADERS.traceparent),
        }),
      );
      if (outcome.kind === 'done' && inbox) await inbox.record(this.name, event.id, handler.routingKey);
      return outcome;
    } catch (error) {
      return outcomeOfError(error);
    }
  }

  async #apply(
    channel: ConfirmChannel,
    message: ConsumeMessage,
    outcome: HandlerOutcome | 'duplicate',
    logger: Logger,
  ): Promise<void> {
    if (outcome === 'duplicate') {
      logger.info({}, 'event already handled; acking');
      channel.ack(message);
      this.#metrics.consumed.inc({ queue: this.queue, outcome: 'duplicate' });
      return;
    }
    switch (outcome.kind) {
      case 'done':
        channel.ack(message);
        this.#metrics.consumed.inc({ queue: this.queue, outcome: 'done' });
        return;
      case 'reject':
        logger.warn({ reason: outcome.reason }, 'handler rejected event');
        await this.#deadLetter(channel, message, 'rejected', outcome.reason);
        return;
      case 'retry': {
        const failedBefore = attemptsOf(message.properties.headers);
        const step = nextStepAfterFailure(failedBefore, this.#retryDelaysMs, outcome.delayMs);
        if (step.kind === 'dead-letter') {
          logger.warn({ reason: outcome.reason, attempts: step.attempts }, 'retries used up; dead-lettering');
          await this.#deadLetter(channel, message, 'retries_exhausted', outcome.reason, step.attempts);
          return;
        }
        logger.info(
          { reason: outcome.reason, attempt: step.attempt, delayMs: step.delayMs },
          'retrying later',
        );
        await sendConfirmed(channel, waitQueueName(this.queue, step.delayMs), message, {
          [HEADERS.attempt]: step.attempt,
          [HEADERS.lastError]: outcome.reason,
          [HEADERS.routingKey]: originalRoutingKey(message),
        });
        channel.ack(message);
        this.#metrics.retried.inc({ queue: this.queue });
        this.#metrics.consumed.inc({ queue: this.queue, outcome: 'retried' });
        return;
      }
    }
  }

  /** Copies the message, with why, to the dead-letter queue; acks it once the broker confirmed the copy. */
  async #deadLetter(
    channel: ConfirmChannel,
    message: ConsumeMessage,
    reason: DeadLetterReason,
    detail: string,
    attempts = attemptsOf(message.properties.headers) + 1,
  ): Promise<void> {
    const fields = {
      eventId: message.properties.messageId,
      type: originalRoutingKey(message),
      queue: this.queue,
    };
    this.#logger.warn({ ...fields, reason, detail }, 'dead-lettering message');
    await sendConfirmed(channel, this.deadLetterQueue, message, {
      [HEADERS.deadLetterReason]: reason,
      [HEADERS.deadLetterDetail]: detail.slice(0, 2_000),
      [HEADERS.deadLetteredAt]: new Date().toISOString(),
      [HEADERS.consumer]: this.name,
      [HEADERS.attempt]: attempts,
      [HEADERS.routingKey]: originalRoutingKey(message),
    });
    channel.ack(message);
    this.#metrics.deadLettered.inc({ queue: this.queue, reason });
    this.#metrics.consumed.inc({ queue: this.queue, outcome: 'dead_lettered' });
  }
}

/** Retries come back under the queue's name; the header keeps the key the event was published with. */
function originalRoutingKey(message: ConsumeMessage): string {
  return headerText(message.properties.headers, HEADERS.routingKey) ?? message.fields.routingKey;
}
