import { EVENTS_EXCHANGE, EVENTS_EXCHANGE_TYPE } from '@enforcement/contracts';
import type { Channel } from 'amqplib';

/** Quorum queues are replicated (the production choice); classic suits single-node development. */
export type QueueType = 'quorum' | 'classic';

/** Everything the broker needs to know about one consumer. */
export interface ConsumerTopology {
  /** Durable queue of the consumer, e.g. `oversight-notifications.case-events`. */
  queue: string;
  /** Routing keys the queue is bound by (`case.registered.v1`, or topic patterns like `case.*.v1`). */
  routingKeys: readonly string[];
  /** Delay before each retry; one wait queue per distinct delay. `[]` dead-letters on the first failure. */
  retryDelaysMs: readonly number[];
  /** Type of the consumer queue and its wait queues (default quorum). */
  queueType?: QueueType;
  /**
   * Type of the dead-letter queue (default classic): operators browse it with get-and-requeue, and
   * RabbitMQ 4 quorum queues drop messages returned more than 20 times (default delivery limit).
   */
  deadLetterQueueType?: QueueType;
  /** Defaults to the platform's events exchange. */
  exchange?: string;
}

/** The queue a delayed retry waits in; named by its delay so changing the delays never clashes. */
export function waitQueueName(queue: string, delayMs: number): string {
  return `${queue}.wait.${delayMs}ms`;
}

export function deadLetterQueueName(queue: string): string {
  return `${queue}.dead`;
}

/** Declares the events exchange (durable topic). Idempotent: safe on every (re)connect. */
export async function declareEventsExchange(
  channel: Channel,
  exchange: string = EVENTS_EXCHANGE,
): Promise<void> {
  await channel.assertExchange(exchange, EVENTS_EXCHANGE_TYPE, { durable: true });
}

/**
 * Declares a consumer's queue, its bindings, its wait queues and its dead-letter queue:
 *
 *   exchange --routing keys--> queue --(handler says retry)--> queue.wait.<ms> --TTL--> queue
 *                                    \--(reject / invalid / retries used up)--> queue.dead
 *
 * Wait queues dead-letter through the default exchange straight back to the consumer's own queue,
 * not to the topic exchange, so a retry never reaches other consumers again. The consumer queue
 * also dead-letters into its dead-letter queue, so whatever the broker itself gives up on (a
 * delivery limit, a nack without requeue) lands where operators look. Idempotent as long as the
 * arguments do not change; a queue declared before with other arguments fails with PRECONDITION_FAILED.
 */
export async function declareConsumerTopology(channel: Channel, topology: ConsumerTopology): Promise<void> {
  const exchange = topology.exchange ?? EVENTS_EXCHANGE;
  const queueType = topology.queueType ?? 'quorum';
  const deadLetterQueue = deadLetterQueueName(topology.queue);
  await declareEventsExchange(channel, exchange);
  await channel.assertQueue(deadLetterQueue, {
    durable: true,
    arguments: { 'x-queue-type': topology.deadLetterQueueType ?? 'classic' },
  });
  await channel.assertQueue(topology.queue, {
    durable: true,
    arguments: {
      'x-queue-type': queueType,
      'x-dead-letter-exchange': '',
      'x-dead-letter-routing-key': deadLetterQueue,
    },
  });
  for (const routingKey of topology.routingKeys) {
    await channel.bindQueue(topology.queue, exchange, routingKey);
  }
  for (const delayMs of new Set(topology.retryDelaysMs)) {
    await channel.assertQueue(waitQueueName(topology.queue, delayMs), {
      durable: true,
      arguments: {
        'x-queue-type': queueType,
        'x-message-ttl': delayMs,
        'x-dead-letter-exchange': '',
        'x-dead-letter-routing-key': topology.queue,
      },
    });
  }
}
