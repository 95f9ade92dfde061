import { EVENTS_EXCHANGE } from '@enforcement/contracts';
import amqp from 'amqplib';

/** An event as it crossed the exchange. */
export interface TappedEvent {
  id: string;
  type: string;
  routingKey: string;
  subject: { kind: string; id: string };
  payload: Record<string, unknown>;
}

export interface BrowsedMessage {
  body: string;
  routingKey: string;
  messageId: string | undefined;
  headers: Record<string, unknown>;
}

export const TAP_QUEUE = 'faults.tap';

/**
 * A durable classic queue bound to every routing key of the events exchange, made before the services
 * start: it keeps a copy of every event published, across broker restarts, for the checks.
 */
export async function declareTap(amqpUrl: string): Promise<void> {
  const connection = await amqp.connect(amqpUrl);
  try {
    const channel = await connection.createChannel();
    await channel.assertExchange(EVENTS_EXCHANGE, 'topic', { durable: true });
    await channel.assertQueue(TAP_QUEUE, { durable: true, arguments: { 'x-queue-type': 'classic' } });
    await channel.bindQueue(TAP_QUEUE, EVENTS_EXCHANGE, '#');
    await channel.close();
  } finally {
    await connection.close();
  }
}

/**
 * Takes every message of `queue` without acknowledging it, then closes the channel, which puts
 * them back: reading changes nothing.
 */
export async function browse(amqpUrl: string, queue: string): Promise<BrowsedMessage[]> {
  const connection = await amqp.connect(amqpUrl);
  try {
    const channel = await connection.createChannel();
    const messages: BrowsedMessage[] = [];
    for (;;) {
      const message = await channel.get(queue, { noAck: false });
      if (message === false) break;
      messages.push({
        body: message.content.toString('utf8'),
        routingKey: message.fields.routingKey,
        messageId:
          typeof message.properties.messageId === 'string' ? message.properties.messageId : undefined,
        headers: (message.properties.headers ?? {}) as Record<string, unknown>,
      });
    }
    await channel.close();
    return messages;
  } finally {
    await connection.close();
  }
}

export async function readTap(amqpUrl: string): Promise<TappedEvent[]> {
  return (await browse(amqpUrl, TAP_QUEUE)).map((message) => {
    const event = JSON.parse(message.body) as Omit<TappedEvent, 'routingKey'>;
    return {
      id: event.id,
      type: event.type,
      subject: event.subject,
      payload: event.payload,
      routingKey: message.routingKey,
    };
  });
}

/** AMQP topic matching: `*` one word, `#` zero or more. */
export function topicMatches(pattern: string, key: string): boolean {
  const match = (p: string[], k: string[]): boolean => {
    if (p.length === 0) return k.length === 0;
    const [head, ...rest] = p;
    if (head === '#') return match(rest, k) || (k.length > 0 && match(p, k.slice(1)));
    if (k.length === 0) return false;
    return (head === '*' || head === k[0]) && match(rest, k.slice(1));
  };
  return match(pattern.split('.'), key.split('.'));
}
