import amqp, { type ChannelModel } from 'amqplib';
import { type BackoffOptions, backoffDelay, defaultReconnectBackoff, sleep } from './backoff.ts';
import { closed, notConnected } from './errors.ts';
import { errorMessage, type Logger, silentLogger } from './logger.ts';
import type { MessagingMetrics } from './metrics.ts';

/** Runs on every (re)connection, before the connection counts as up: declare topology, open channels. */
export type ConnectedHook = (model: ChannelModel) => Promise<void>;

export interface BrokerConnectionOptions {
  url: string;
  /** `connection_name` shown by the broker, so operators can tell the service's connections apart. */
  name: string;
  reconnect?: BackoffOptions;
  heartbeatSeconds?: number;
  logger?: Logger;
  /** Sets `messaging_connection_up{connection=name}` to 1 and 0 as the connection comes and goes. */
  metrics?: MessagingMetrics;
  /** Told whenever the connection goes up (true) or down (false), e.g. for a gauge. */
  onStateChange?: (connected: boolean) => void;
}

interface Waiter {
  resolve(model: ChannelModel): void;
  reject(error: Error): void;
}

/**
 * One AMQP connection that stays up: on loss (broker restart, connection closed by an operator,
 * network cut, heartbeat timeout) it reconnects with backoff and jitter and reruns every hook, so
 * topology is redeclared and channels and consumers come back.
 *
 * Why not amqplib's opt-in recovery (`connect(url, { recovery })`): it restores the connection
 * but not the channels opened on it, does not react when only a channel dies, and has no notion of
 * "up" that covers the setup having finished; the loop below is small and does all three.
 */
export class BrokerConnection {
  readonly #options: BrokerConnectionOptions;
  readonly #logger: Logger;
  readonly #hooks: ConnectedHook[] = [];
  readonly #waiters = new Set<Waiter>();
  readonly #stopping = new AbortController();
  #model: ChannelModel | undefined;
  #loop: Promise<void> | undefined;
  #firstConnection: Promise<void> | undefined;

  constructor(options: BrokerConnectionOptions) {
    this.#options = options;
    this.#logger = options.logger ?? silentLogger;
  }

  /** Starts connecting; resolves once connected the first time (and keeps reconnecting after). */
  start(): Promise<void> {
    if (this.#stopping.signal.aborted) return Promise.reject(closed('broker connection'));
    this.#loop ??= this.#run();
    this.#firstConnection ??= this.waitForConnection(Number.POSITIVE_INFINITY).then(() => undefined);
    return this.#firstConnection;
  }

  isConnected(): boolean {
    return this.#model !== undefined;
  }

  /** For `registerReadinessProbe`: rejects while the connection is down or being set up again. */
  readonly readinessProbe = async (): Promise<void> => {
    if (!this.isConnected()) throw new Error('not connected to the broker');
  };

  /**
   * Adds a hook run on every (re)connection. When already connected it also runs now, and a failure
   * then drops the connection so that the whole setup is redone on a fresh one.
   */
  async onConnected(hook: ConnectedHook): Promise<void> {
    this.#hooks.push(hook);
    const model = this.#model;
    if (model === undefined) return;
    try {
      await hook(model);
    } catch (error) {
      this.reset(model, error);
      throw error;
    }
  }

  /** The live connection, waiting up to `timeoutMs` for a reconnection; rejects with MESSAGING_NOT_CONNECTED. */
  waitForConnection(timeoutMs: number): Promise<ChannelModel> {
    if (this.#model) return Promise.resolve(this.#model);
    if (this.#stopping.signal.aborted) return Promise.reject(closed('broker connection'));
    return new Promise<ChannelModel>((resolve, reject) => {
      let timer: NodeJS.Timeout | undefined;
      const waiter: Waiter = {
        resolve: (model) => {
          clearTimeout(timer);
          resolve(model);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      };
      if (Number.isFinite(timeoutMs)) {
        timer = setTimeout(() => {
          this.#waiters.delete(waiter);
          reject(notConnected(timeoutMs));
        }, timeoutMs);
      }
      this.#waiters.add(waiter);
    });
  }

  /**
   * Drops `model` if it is still the live connection, so that the loop reconnects and reruns every
   * hook. Components call this when one of their channels dies while the connection lives on
   * (e.g. a PRECONDITION_FAILED): rebuilding everything is rarer and simpler than per-channel repair.
   */
  reset(model: ChannelModel, reason: unknown): void {
    if (this.#model !== model) return;
    this.#logger.warn({ err: errorMessage(reason) }, 'resetting broker connection');
    model.close().catch(() => {});
  }

  /** Stops reconnecting and closes the connection. Components should be closed first. */
  async close(): Promise<void> {
    this.#stopping.abort();
    for (const waiter of this.#waiters) waiter.reject(closed('broker connection'));
    this.#waiters.clear();
    const model = this.#model;
    this.#model = undefined;
    if (model) await model.close().catch(() => {});
    await this.#loop;
  }

  async #run(): Promise<void> {
    const signal = this.#stopping.signal;
    let failures = 0;
    while (!signal.aborted) {
      const opened = await this.#connectOnce().catch((error: unknown) => {
        this.#logger.warn({ err: errorMessage(error), attempt: failures + 1 }, 'broker connection failed');
        return undefined;
      });
      if (opened === undefined) {
        failures += 1;
        await sleep(backoffDelay(failures, this.#options.reconnect ?? defaultReconnectBackoff), signal);
        continue;
      }
      failures = 0;
      const { model, lost } = opened;
      if (signal.aborted) {
        await model.close().catch(() => {});
        break;
      }
      this.#up(model);
      const reason = await lost;
      if (this.#model === model) this.#model = undefined;
      if (signal.aborted) break;
      this.#stateChanged(false);
      this.#logger.warn({ err: errorMessage(reason ?? 'closed') }, 'broker connection lost; reconnecting');
      failures = 1;
      await sleep(backoffDelay(failures, this.#options.reconnect ?? defaultReconnectBackoff), signal);
    }
  }

  /** Opens a connection and runs every hook on it; the connection is closed again if a hook fails. */
  async #connectOnce(): Promise<{ model: ChannelModel; lost: Promise<unknown> }> {
    const url = new URL(this.#options.url);
    // Heartbeats are what notice a silent network cut; a URL that sets its own keeps it.
    if (!url.searchParams.has('heartbeat')) {
      url.searchParams.set('heartbeat', String(this.#options.heartbeatSeconds ?? 10));
    }
    const model = await amqp.connect(url.toString(), {
      clientProperties: { connection_name: this.#options.name },
    });
    // Without an 'error' listener a broker-side close would throw out of the event emitter.
    model.on('error', (error: Error) => this.#logger.warn({ err: error.message }, 'broker connection error'));
    // Listened for before the hooks run, so a loss during setup is not missed.
    const lost = new Promise<unknown>((resolve) => model.once('close', resolve));
    try {
      for (const hook of [...this.#hooks]) await hook(model);
      return { model, lost };
    } catch (error) {
      await model.close().catch(() => {});
      throw error;
    }
  }

  #stateChanged(connected: boolean): void {
    this.#options.metrics?.connectionUp.set({ connection: this.#options.name }, connected ? 1 : 0);
    this.#options.onStateChange?.(connected);
  }

  #up(model: ChannelModel): void {
    this.#model = model;
    this.#stateChanged(true);
    this.#logger.info({ connection: this.#options.name }, 'connected to the broker');
    for (const waiter of this.#waiters) waiter.resolve(model);
    this.#waiters.clear();
  }
}
