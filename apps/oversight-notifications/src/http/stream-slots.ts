/**
 * A bound on concurrent streams per key, in this process only: behind N replicas a key may hold up to
 * N times the bound. Enough to stop one client from exhausting a replica's connections.
 */
export class StreamSlots {
  readonly max: number;
  readonly #held = new Map<string, number>();

  constructor(max: number) {
    this.max = max;
  }

  /** Takes a slot for `key`: its release (safe to call twice), or undefined when all are taken. */
  take(key: string): (() => void) | undefined {
    const held = this.#held.get(key) ?? 0;
    if (held >= this.max) return undefined;
    this.#held.set(key, held + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.#held.get(key) ?? 1) - 1;
      if (left === 0) this.#held.delete(key);
      else this.#held.set(key, left);
    };
  }

  held(key: string): number {
    return this.#held.get(key) ?? 0;
  }
}
