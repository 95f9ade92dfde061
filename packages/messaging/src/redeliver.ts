import type { ConfirmChannel, Message } from 'amqplib';
import type { MessageHeaders } from './headers.ts';

/**
 * Sends a copy of `message` (same body, id, type and headers plus `extraHeaders`) straight to
 * `queue` through the default exchange, and resolves once the broker confirms it. Used for
 * retries, dead-lettering and re-driving: the original is acked only after this resolves.
 */
export function sendConfirmed(
  channel: ConfirmChannel,
  queue: string,
  message: Message,
  extraHeaders: MessageHeaders,
  removeHeaders: readonly string[] = [],
): Promise<void> {
  const properties = message.properties;
  const headers: MessageHeaders = { ...(properties.headers ?? {}), ...extraHeaders };
  for (const name of removeHeaders) delete headers[name];
  // The broker's own dead-lettering history is not ours to carry along: it grows with every retry.
  delete headers['x-death'];
  return new Promise<void>((resolve, reject) => {
    channel.sendToQueue(
      queue,
      message.content,
      {
        persistent: true,
        headers,
        messageId: text(properties.messageId),
        type: text(properties.type),
        correlationId: text(properties.correlationId),
        contentType: text(properties.contentType),
        appId: text(properties.appId),
        timestamp: typeof properties.timestamp === 'number' ? properties.timestamp : undefined,
      },
      (error: unknown) =>
        error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve(),
    );
  });
}

/** amqplib types message properties loosely; only text values are copied. */
function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
