import { once } from 'node:events';
import { PassThrough } from 'node:stream';
import type { FastifyBaseLogger } from 'fastify';
import { feedCursorOf } from '../domain/feed-cursor.ts';
import type { ChangesQuery, NotificationStore } from '../store/notification-store.ts';
import { SSE_OPENING, sseEvent, sseHeartbeat } from './sse.ts';
import { notificationView } from './views.ts';

/** Changes read per query while catching up; a stream behind by more reads again at once. */
const BATCH = 100;

export interface FeedPumpOptions {
  notifications: Pick<NotificationStore, 'changes'>;
  /** The audience and filters; the position and page size are the pump's. */
  query: Omit<ChangesQuery, 'after' | 'limit'>;
  /** Changes up to this number are the client's already. */
  after: number;
  pollMs: number;
  heartbeatMs: number;
  log: FastifyBaseLogger;
}

/** Resolves after `ms`, or at once when `signal` aborts. */
function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}

/**
 * Writes an audience's changes as SSE to `out`, from a position on: reads `changes()` in seq order under
 * the watermark, then polls every `pollMs` (the database is the only thing replicas share, so a change
 * written by any replica reaches every stream), with a heartbeat every `heartbeatMs`. Each event's id is
 * the cursor of its change, so a client that reconnects with Last-Event-ID gets exactly what it missed.
 */
export class FeedPump {
  readonly out = new PassThrough();
  /** Settles when the reading loop has left. */
  readonly done: Promise<void>;
  readonly #options: FeedPumpOptions;
  readonly #stopping = new AbortController();
  readonly #heartbeat: NodeJS.Timeout;
  /** Everything matching up to here was written. */
  #after: number;
  /** The last id the client was given: an event's, or a heartbeat's. */
  #lastId: number;

  constructor(options: FeedPumpOptions) {
    this.#options = options;
    this.#after = options.after;
    this.#lastId = options.after;
    // The response going away (client gone, or the stream ended) destroys `out`: stop reading for it.
    this.out.once('close', () => this.stop());
    this.out.write(SSE_OPENING);
    this.#heartbeat = setInterval(() => this.#beat(), options.heartbeatMs);
    this.done = this.#run();
  }

  /** Stops reading; what was written still flows out. */
  stop(): void {
    if (this.#stopping.signal.aborted) return;
    this.#stopping.abort();
    clearInterval(this.#heartbeat);
  }

  /** Stops reading and ends the stream (the client may reconnect elsewhere with its last event id). */
  async end(): Promise<void> {
    this.stop();
    if (this.out.writable) this.out.end();
    await this.done;
  }

  async #run(): Promise<void> {
    const { notifications, query, pollMs, log } = this.#options;
    const signal = this.#stopping.signal;
    while (!signal.aborted) {
      try {
        const page = await notifications.changes({ ...query, after: this.#after, limit: BATCH });
        if (signal.aborted) return;
        for (const n of page.items) this.#send(n.seq, JSON.stringify(notificationView(n)));
        const caughtUp = page.items.length < BATCH;
        // A short page read everything matching up to the watermark, so the position may pass it.
        if (caughtUp) this.#after = Math.max(this.#after, page.watermark);
        await this.#drained(signal);
        if (caughtUp) await pause(pollMs, signal);
      } catch (error) {
        if (signal.aborted) return;
        // The client resumes from its last event id on reconnect, so ending loses nothing.
        log.warn({ err: error, audience: query.audience }, 'feed stream could not read changes; ending it');
        this.stop();
        if (this.out.writable) this.out.end();
        return;
      }
    }
  }

  #send(seq: number, data: string): void {
    const id = feedCursorOf(seq);
    if (this.out.writable) this.out.write(sseEvent({ id, event: 'notification', data }));
    this.#after = seq;
    this.#lastId = seq;
  }

  #beat(): void {
    const advanced = this.#after > this.#lastId;
    if (this.out.writable) this.out.write(sseHeartbeat(advanced ? feedCursorOf(this.#after) : undefined));
    this.#lastId = this.#after;
  }

  /** A slow client makes the stream wait here (its changes wait in the database, not in memory). */
  async #drained(signal: AbortSignal): Promise<void> {
    if (!this.out.writableNeedDrain) return;
    try {
      await once(this.out, 'drain', { signal });
    } catch (error) {
      // Aborted: the stream is stopping, there is nothing left to wait for.
      if (!signal.aborted) throw error;
    }
  }
}
