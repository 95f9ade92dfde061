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
 * and nothing is left open for the server to wait on), keeping every message read. Test use only.
 */
export class SseClient {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly messages: SseMessage[] = [];
  /** Settles when the server ends the stream or the client closes it. */
  readonly ended: Promise<void>;
  readonly #response: IncomingMessage;
  #body = '';

  private constructor(response: IncomingMessage) {
    this.#response = response;
    this.status = response.statusCode ?? 0;
    this.headers = response.headers;
    this.ended = this.#read();
  }

  static open(url: string, headers: Record<string, string>): Promise<SseClient> {
    return new Promise((resolve, reject) => {
      request(url, { headers, agent: false }, (response) => resolve(new SseClient(response)))
        .on('error', reject)
        .end();
    });
  }

  /** The `notification` events read so far, their data parsed. */
  get events(): { id: string; data: { id: string; seq: number; state: string } }[] {
    return this.messages
      .filter((m) => m.event === 'notification')
      .map((m) => ({ id: m.id ?? '', data: JSON.parse(m.data ?? 'null') }));
  }

  /** The last id the server gave, as an EventSource would send it back in Last-Event-ID. */
  get lastEventId(): string | undefined {
    return this.messages.findLast((m) => m.id !== undefined)?.id;
  }

  /** The whole body of a response that is not a stream (a problem document). */
  async json(): Promise<{ code?: string; errors?: { path: string }[] }> {
    await this.ended;
    return JSON.parse(this.#body);
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
          this.messages.push(parseMessage(buffer.slice(0, end)));
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
