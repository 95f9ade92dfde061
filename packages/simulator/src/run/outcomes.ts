/** What became of a planned request; dependents go ahead only after `ok`. */
export type Outcome = 'pending' | 'ok' | 'failed' | 'skipped' | 'not_sent';

const CODES: readonly Outcome[] = ['pending', 'ok', 'failed', 'skipped', 'not_sent'];

/**
 * Outcomes by plan position, one byte each (a long benchmark plans millions of requests), and the
 * requests waiting for one to settle.
 */
export class Outcomes {
  #codes = new Uint8Array(1024);
  readonly #waiters = new Map<number, (() => void)[]>();

  get(seq: number): Outcome {
    return CODES[this.#codes[seq] ?? 0] ?? 'pending';
  }

  settle(seq: number, outcome: Exclude<Outcome, 'pending'>): void {
    if (seq >= this.#codes.length) {
      const grown = new Uint8Array(Math.max(seq + 1, this.#codes.length * 2));
      grown.set(this.#codes);
      this.#codes = grown;
    }
    this.#codes[seq] = CODES.indexOf(outcome);
    const waiters = this.#waiters.get(seq);
    this.#waiters.delete(seq);
    for (const wake of waiters ?? []) wake();
  }

  /** Resolves once `seq` has settled, whatever the outcome. */
  settled(seq: number): Promise<Outcome> {
    if (this.get(seq) !== 'pending') return Promise.resolve(this.get(seq));
    return new Promise((resolve) => {
      const waiters = this.#waiters.get(seq) ?? [];
      waiters.push(() => resolve(this.get(seq)));
      this.#waiters.set(seq, waiters);
    });
  }

  /** The first dependency that did not succeed, or `pending` when some are still open, or `ok`. */
  of(dependencies: readonly number[]): Outcome {
    let pending = false;
    for (const seq of dependencies) {
      const outcome = this.get(seq);
      if (outcome === 'pending') pending = true;
      else if (outcome !== 'ok') return outcome;
    }
    return pending ? 'pending' : 'ok';
  }
}

/** At most `limit` requests in flight. */
export class Slots {
  #free: number;
  readonly #queue: (() => void)[] = [];

  constructor(limit: number) {
    this.#free = limit;
  }

  get waiting(): number {
    return this.#queue.length;
  }

  acquire(): Promise<void> {
    if (this.#free > 0) {
      this.#free -= 1;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.#queue.push(resolve));
  }

  release(): void {
    const next = this.#queue.shift();
    if (next) next();
    else this.#free += 1;
  }
}
