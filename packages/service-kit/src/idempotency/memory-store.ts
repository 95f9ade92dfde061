import type { BeginOutcome, IdempotencyStore, StoredResponse } from './store.ts';

interface Entry {
  fingerprint: string;
  response: StoredResponse | undefined;
  expiresAt: number;
}

/** Single-process store: fine for tests and one replica; several replicas need a shared store. */
export class InMemoryIdempotencyStore implements IdempotencyStore {
  readonly #entries = new Map<string, Entry>();
  readonly #now: () => number;

  constructor(options: { now?: () => number } = {}) {
    this.#now = options.now ?? Date.now;
  }

  async begin(key: string, fingerprint: string, ttlMs: number): Promise<BeginOutcome> {
    this.#sweep();
    const existing = this.#entries.get(key);
    if (existing && existing.expiresAt > this.#now()) {
      return existing.response
        ? { state: 'completed', fingerprint: existing.fingerprint, response: existing.response }
        : { state: 'in_progress', fingerprint: existing.fingerprint };
    }
    this.#set(key, { fingerprint, response: undefined, expiresAt: this.#now() + ttlMs });
    return { state: 'started' };
  }

  async complete(key: string, response: StoredResponse, ttlMs: number): Promise<void> {
    const existing = this.#entries.get(key);
    if (!existing) return;
    this.#set(key, { ...existing, response, expiresAt: this.#now() + ttlMs });
  }

  async abandon(key: string): Promise<void> {
    if (this.#entries.get(key)?.response === undefined) this.#entries.delete(key);
  }

  get size(): number {
    return this.#entries.size;
  }

  /** Re-inserting keeps the Map ordered by expiry (one TTL per app), so sweeping stops early. */
  #set(key: string, entry: Entry): void {
    this.#entries.delete(key);
    this.#entries.set(key, entry);
  }

  #sweep(): void {
    const now = this.#now();
    for (const [key, entry] of this.#entries) {
      if (entry.expiresAt > now) break;
      this.#entries.delete(key);
    }
  }
}
