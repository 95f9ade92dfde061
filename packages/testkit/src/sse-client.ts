import { type IncomingHttpHeaders, type IncomingMessage, request } from 'node:http';

/** One SSE message as a client reads it: its fields and the comment lines that came with it. */
export interface SseMessage {
  id?: string;
  event?: string;
  data?: string;
  comments: string[];
}

function parseMessage(block: string): SseMessage {
  const message: SseMessage = { comments: [] };
  const data: string[] = [];
  for (const line of block.split('\n')) {
    if (line.startsWith(':')) message.comments.push(line.slice(1).trim());
    else if (line.startsWith('id: ')) message.id = line.slice(4);
    else if (line.startsWith('event: ')) message.event = line.slice(7);
    else if (line.startsWith('data: ')) data.push(line.slice(6));
  }
  if (data.length > 0) message.data = data.join('\n');
  return message;
}

/**
 * A text/event-stream reader on a connection of its own (no pooling, so closing it closes the socket
 * and nothing is left open for the server to wait on), keeping every message read; `onMessage` sees
 * each as it arrives (benchmarks time them). For tests and benchmarks.
 */
export class SseClient {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly messages: SseMessage[] = [];
  /** Settles when the server ends the stream or the client closes it. */
  readonly ended: Promise<void>;
  readonly #response: IncomingMessage;
  readonly #onMessage: ((message: SseMessage) => void) | undefined;
  #body = '';

  private constructor(response: IncomingMessage, onMessage?: (message: SseMessage) => void) {
    this.#response = response;
    this.#onMessage = onMessage;
    this.status = response.statusCode ?? 0;
    this.headers = response.headers;
    this.ended = this.#read();
  }

  static open(
    url: string,
    headers: Record<string, string>,
    onMessage?: (message: SseMessage) => void,
  ): Promise<SseClient> {
    return new Promise((resolve, reject) => {
      request(url, { headers, agent: false }, (response) => resolve(new SseClient(response, onMessage)))
        .on('error', reject)
        .end();
    });
  }

  /** The events of one name read so far, their data parsed as JSON. */
  dataOf<T>(event: string): { id: string; data: T }[] {
    return this.messages
      .filter((m) => m.event === event)
      .map((m) => ({ id: m.id ?? '', data: JSON.parse(m.data ?? 'null') as T }));
  }

  /** The last id the server gave, as an EventSource would send it back in Last-Event-ID. */
  get lastEventId(): string | undefined {
    return this.messages.findLast((m) => m.id !== undefined)?.id;
  }

  /** The whole body of a response that is not a stream (a problem document). */
  async json<T = { code?: string; errors?: { path: string }[] }>(): Promise<T> {
    await this.ended;
    return JSON.parse(this.#body) as T;
  }

  close(): void {
    this.#response.destroy();
  }

  async #read(): Promise<void> {
    const streaming = this.status === 200;
    let buffer = '';
    try {
      for await (const chunk of this.#response) {
        const text = (chunk as Buffer).toString('utf8');
        if (!streaming) {
          this.#body += text;
          continue;
        }
        buffer += text;
        let end = buffer.indexOf('\n\n');
        while (end !== -1) {
          const message = parseMessage(buffer.slice(0, end));
          this.messages.push(message);
          this.#onMessage?.(message);
          buffer = buffer.slice(end + 2);
          end = buffer.indexOf('\n\n');
        }
      }
    } catch (error) {
      // Closing on purpose ends the read with an abort; anything else is the test's failure.
      if (!this.#response.destroyed) throw error;
    }
  }
}
