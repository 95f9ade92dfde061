/** A report as computed at one instant. */
export interface Snapshot<T> {
  generatedAt: Date;
  value: T;
}

interface Entry {
  latest?: Snapshot<unknown>;
  computing?: Promise<Snapshot<unknown>>;
}

/**
 * Read models of aggregations (scorecards, overviews, feed counts, dwell and case reports): each reads
 * every record its filters match, so dashboards polling them would put that work on every request. A
 * snapshot per distinct query (its key) is kept for `maxAgeMs` and recomputed once when a request
 * finds it older; concurrent requests share that one computation. 0 recomputes on every request.
 * At most `maxEntries` queries are remembered (the oldest is dropped). `generatedAt` tells readers
 * how fresh the answer is.
 */
export class Snapshots {
  readonly #maxAgeMs: number;
  readonly #maxEntries: number;
  readonly #entries = new Map<string, Entry>();

  constructor(maxAgeMs: number, maxEntries = 64) {
    this.#maxAgeMs = maxAgeMs;
    this.#maxEntries = maxEntries;
  }

  /**
   * The snapshot of `key` at `now`, or one at most maxAgeMs older. A key names one report and its
   * filters, so every caller of a key computes the same kind of value.
   */
  async get<T>(key: string, now: Date, compute: (now: Date) => Promise<T>): Promise<Snapshot<T>> {
    const entry = this.#entryOf(key);
    if (entry.latest !== undefined && this.#isFresh(entry.latest, now)) return entry.latest as Snapshot<T>;
    entry.computing ??= compute(now)
      .then((value) => {
        entry.latest = { generatedAt: now, value };
        return entry.latest;
      })
      .finally(() => {
        entry.computing = undefined;
      });
    return (await entry.computing) as Snapshot<T>;
  }

  #entryOf(key: string): Entry {
    const existing = this.#entries.get(key);
    if (existing !== undefined) return existing;
    const created: Entry = {};
    this.#entries.set(key, created);
    if (this.#entries.size > this.#maxEntries) {
      const oldest = this.#entries.keys().next().value;
      if (oldest !== undefined) this.#entries.delete(oldest);
    }
    return created;
  }

  #isFresh(snapshot: Snapshot<unknown>, now: Date): boolean {
    if (this.#maxAgeMs === 0) return false;
    const age = now.getTime() - snapshot.generatedAt.getTime();
    // A clock that moved backwards (tests, NTP steps) also calls for a fresh computation.
    return age >= 0 && age <= this.#maxAgeMs;
  }
}
