import { type AnyEvent, EVENTS_EXCHANGE, parseEvent, routingKeyOf } from '@enforcement/contracts';
import type { ChannelModel, ConfirmChannel, Options } from 'amqplib';
import { sleep } from './backoff.ts';
import type { BrokerConnection } from './connection.ts';
import { remainingMs, withTimeout } from './deadline.ts';
import {
  closed,
  invalidEvent,
  MessagingError,
  notConnected,
  publishNacked,
  publishTimeout,
  unroutable,
} from './errors.ts';
import { HEADERS } from './headers.ts';
import { type Logger, silentLogger } from './logger.ts';
import { createMessagingMetrics, type MessagingMetrics } from './metrics.ts';
import { declareEventsExchange } from './topology.ts';

export interface EventPublisherOptions {
  connection: BrokerConnection;
  exchange?: string;
  /** Bound on one publish, waiting for a reconnection included (default 10 s). */
  timeoutMs?: number;
  /** Fail a publish no queue is bound for (MESSAGING_UNROUTABLE) instead of logging it (default false). */
  refuseUnroutable?: boolean;
  logger?: Logger;
  metrics?: MessagingMetrics;
}

export interface PublishOptions {
  /** W3C trace context of the operation that publishes, carried in the `traceparent` header. */
  traceparent?: string;
  timeoutMs?: number;
}

/**
 * Publishes catalog events to the events exchange: validated against the contract first, persistent,
 * mandatory, and resolved only once the broker confirms it stored the message.
 */
export class EventPublisher {
  readonly #connection: BrokerConnection;
  readonly #exchange: string;
  readonly #timeoutMs: number;
  readonly #refuseUnroutable: boolean;
  /** Routing keys already reported as reaching no queue. */
  readonly #unroutableSeen = new Set<string>();
  readonly #logger: Logger;
  readonly #metrics: MessagingMetrics;
  /** Message ids the broker returned as unroutable; a return always arrives before its confirm. */
  readonly #returned = new Set<string>();
  #channel: ConfirmChannel | undefined;
  #drained: Promise<void> | undefined;
  #closed = false;

  constructor(options: EventPublisherOptions) {
    this.#connection = options.connection;
    this.#exchange = options.exchange ?? EVENTS_EXCHANGE;
    this.#timeoutMs = options.timeoutMs ?? 10_000;
    this.#refuseUnroutable = options.refuseUnroutable ?? false;
    this.#logger = options.logger ?? silentLogger;
    this.#metrics = options.metrics ?? createMessagingMetrics();
  }

  /** Opens the confirm channel now (when connected) and after every reconnection. */
  start(): Promise<void> {
    return this.#connection.onConnected((model) => this.#open(model));
  }

  /**
   * Validates and publishes one event; resolves on the broker's confirm. Rejects with a
   * MessagingError: MESSAGING_INVALID_EVENT (never sent), MESSAGING_NOT_CONNECTED or
   * MESSAGING_PUBLISH_TIMEOUT (not confirmed in time: it may still have been stored, so a retry
   * can duplicate it, which the consumers' inbox absorbs), MESSAGING_PUBLISH_NACKED, MESSAGING_UNROUTABLE.
   */
  async publish(event: AnyEvent, options: PublishOptions = {}): Promise<void> {
    const parsed = parseEvent(event);
    if (!parsed.ok) throw invalidEvent(parsed.error.message);
    const valid = parsed.event;
    const routingKey = routingKeyOf(valid.type, valid.version);
    const headers: Record<string, string> = { [HEADERS.correlationId]: valid.correlationId };
    if (valid.causationId !== null) headers[HEADERS.causationId] = valid.causationId;
    if (options.traceparent !== undefined) headers[HEADERS.traceparent] = options.traceparent;
    await this.#send(
      routingKey,
      Buffer.from(JSON.stringify(valid)),
      {
        persistent: true,
        mandatory: true,
        messageId: valid.id,
        type: routingKey,
        correlationId: valid.correlationId,
        contentType: 'application/json',
        timestamp: Math.floor(Date.parse(valid.occurredAt) / 1000),
        appId: valid.producer,
        headers,
      },
      options.timeoutMs ?? this.#timeoutMs,
    );
  }

  /** Stops accepting publishes and closes the channel (publishes in flight fail). */
  async close(): Promise<void> {
    this.#closed = true;
    const channel = this.#channel;
    this.#channel = undefined;
    if (channel) await channel.close().catch(() => {});
  }

  async #send(
    routingKey: string,
    content: Buffer,
    properties: Options.Publish,
    timeoutMs: number,
  ): Promise<void> {
    this.#metrics.published.inc({ routing_key: routingKey });
    try {
      await this.#sendConfirmed(routingKey, content, properties, timeoutMs);
      this.#metrics.confirmed.inc({ routing_key: routingKey });
    } catch (error) {
      const code = error instanceof MessagingError ? error.code : 'UNKNOWN';
      this.#metrics.publishFailed.inc({ routing_key: routingKey, code });
      throw error;
    }
  }

  async #sendConfirmed(
    routingKey: string,
    content: Buffer,
    properties: Options.Publish,
    timeoutMs: number,
  ): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    // A channel that dies under a publish (connection closed by the broker, network cut) is not a
    // refusal: the message is sent again on the next connection, within the same deadline.
    for (;;) {
      const channel = await this.#channelBefore(deadline, timeoutMs);
      if (this.#drained) {
        await withTimeout(this.#drained, remainingMs(deadline), () => publishTimeout(routingKey, timeoutMs));
      }
      const outcome = await withTimeout(
        this.#publishOn(channel, routingKey, content, properties),
        remainingMs(deadline),
        () => publishTimeout(routingKey, timeoutMs),
      );
      if (outcome === 'channel_lost') {
        // Yield to the event loop so the channel's close handling (and the reconnection) can run.
        await sleep(Math.min(10, remainingMs(deadline)));
        continue;
      }
      if (outcome instanceof Error) throw publishNacked(routingKey, outcome);
      const messageId = properties.messageId;
      if (messageId !== undefined && this.#returned.delete(messageId)) {
        this.#metrics.unroutable.inc({ routing_key: routingKey });
        if (this.#refuseUnroutable) throw unroutable(routingKey);
        // Events nobody subscribes to yet are normal (e.g. notifications before any consumer exists):
        // warn on the first of each routing key, then leave it to the metric.
        const first = !this.#unroutableSeen.has(routingKey);
        this.#unroutableSeen.add(routingKey);
        this.#logger[first ? 'warn' : 'debug'](
          { eventId: messageId, type: routingKey },
          first
            ? 'published event reached no queue (further ones of this type are counted in messaging_unroutable_total)'
            : 'published event reached no queue',
        );
      }
      return;
    }
  }

  /** Resolves with undefined on confirm, the error on a nack, or 'channel_lost' when the channel died first. */
  #publishOn(
    channel: ConfirmChannel,
    routingKey: string,
    content: Buffer,
    properties: Options.Publish,
  ): Promise<undefined | Error | 'channel_lost'> {
    return new Promise((resolve) => {
      try {
        const accepted = channel.publish(
          this.#exchange,
          routingKey,
          content,
          properties,
          (error: unknown) => {
            if (error === null || error === undefined) resolve(undefined);
            // amqplib fails every unconfirmed publish with exactly this message when the channel closes.
            else if (error instanceof Error && error.message === 'channel closed') resolve('channel_lost');
            else resolve(error instanceof Error ? error : new Error(String(error)));
          },
        );
        // The socket buffer is full: later publishes wait for 'drain' instead of piling up in memory.
        if (!accepted) this.#waitForDrain(channel);
      } catch {
        // amqplib throws synchronously when the channel is already closed.
        resolve('channel_lost');
      }
    });
  }

  async #channelBefore(deadline: number, timeoutMs: number): Promise<ConfirmChannel> {
    for (;;) {
      if (this.#closed) throw closed('publisher');
      if (this.#channel) return this.#channel;
      if (remainingMs(deadline) === 0) throw notConnected(timeoutMs);
      await this.#connection.waitForConnection(remainingMs(deadline));
      // Connected, but the channel is being reopened by a reset: give the loop a moment.
      if (!this.#channel) await sleep(Math.min(20, remainingMs(deadline)));
    }
  }

  #waitForDrain(channel: ConfirmChannel): void {
    this.#drained ??= new Promise<void>((resolve) => {
      const done = (): void => {
        channel.off('drain', done);
        channel.off('close', done);
        this.#drained = undefined;
        resolve();
      };
      channel.on('drain', done);
      channel.on('close', done);
    });
  }

  async #open(model: ChannelModel): Promise<void> {
    const channel = await model.createConfirmChannel();
    channel.on('error', (error: Error) =>
      this.#logger.warn({ err: error.message }, 'publisher channel error'),
    );
    channel.on('return', (message) => {
      const messageId: unknown = message.properties.messageId;
      if (typeof messageId === 'string') this.#returned.add(messageId);
    });
    channel.once('close', () => {
      if (this.#channel !== channel) return;
      this.#channel = undefined;
      this.#returned.clear();
      if (!this.#closed) this.#connection.reset(model, new Error('publisher channel closed'));
    });
    await declareEventsExchange(channel, this.#exchange);
    if (this.#closed) {
      await channel.close().catch(() => {});
      return;
    }
    this.#channel = channel;
  }
}
