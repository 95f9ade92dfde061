/** Largest chunk before it splits: small enough that a splice inside it is cheap. */
const MAX_CHUNK = 1024;

/**
 * A list with array-like positions whose inserts and removals in the middle cost O(chunk + chunks)
 * instead of O(n): entries live in chunks of at most MAX_CHUNK, with the position where each chunk
 * starts. A sorted index of 100,000s of entries (a multikey index holds one per array element)
 * would otherwise move its whole tail on every insert, which dominated write time.
 */
export class ChunkedList<T> {
  #chunks: T[][] = [];
  /** `#starts[k]` is the position of `#chunks[k][0]`. */
  #starts: number[] = [];
  #length = 0;
  /** The chunk found last: scans read consecutive positions, so it usually holds the next one. */
  #lastChunk = 0;

  static from<T>(items: readonly T[]): ChunkedList<T> {
    const list = new ChunkedList<T>();
    const size = MAX_CHUNK / 2;
    for (let start = 0; start < items.length; start += size) {
      list.#chunks.push(items.slice(start, start + size));
      list.#starts.push(start);
    }
    list.#length = items.length;
    return list;
  }

  get length(): number {
    return this.#length;
  }

  at(position: number): T | undefined {
    if (position < 0 || position >= this.#length) return undefined;
    const k = this.#chunkOf(position);
    return this.#chunks[k]?.[position - (this.#starts[k] ?? 0)];
  }

  /** The last item, or undefined when empty. */
  last(): T | undefined {
    const chunk = this.#chunks[this.#chunks.length - 1];
    return chunk?.[chunk.length - 1];
  }

  push(item: T): void {
    this.insert(this.#length, item);
  }

  /** Inserts `item` so that it ends up at `position` (0 ≤ position ≤ length). */
  insert(position: number, item: T): void {
    if (position < 0 || position > this.#length) throw new RangeError(`position ${position} out of range`);
    if (this.#chunks.length === 0) {
      this.#chunks.push([item]);
      this.#starts.push(0);
      this.#length = 1;
      return;
    }
    const k = position === this.#length ? this.#chunks.length - 1 : this.#chunkOf(position);
    const chunk = this.#chunks[k] as T[];
    chunk.splice(position - (this.#starts[k] ?? 0), 0, item);
    this.#length += 1;
    for (let j = k + 1; j < this.#starts.length; j++) this.#starts[j] = (this.#starts[j] ?? 0) + 1;
    if (chunk.length > MAX_CHUNK) this.#split(k);
  }

  removeAt(position: number): void {
    if (position < 0 || position >= this.#length) return;
    const k = this.#chunkOf(position);
    const chunk = this.#chunks[k] as T[];
    chunk.splice(position - (this.#starts[k] ?? 0), 1);
    this.#length -= 1;
    for (let j = k + 1; j < this.#starts.length; j++) this.#starts[j] = (this.#starts[j] ?? 0) - 1;
    if (chunk.length === 0) {
      this.#chunks.splice(k, 1);
      this.#starts.splice(k, 1);
      this.#lastChunk = 0;
    }
  }

  #split(k: number): void {
    const chunk = this.#chunks[k] as T[];
    const tail = chunk.splice(chunk.length >>> 1);
    this.#chunks.splice(k + 1, 0, tail);
    this.#starts.splice(k + 1, 0, (this.#starts[k] ?? 0) + chunk.length);
  }

  /** The chunk holding `position` (which must be < length). */
  #chunkOf(position: number): number {
    const hint = this.#lastChunk;
    const hintStart = this.#starts[hint];
    if (hintStart !== undefined && position >= hintStart) {
      if (position < hintStart + (this.#chunks[hint]?.length ?? 0)) return hint;
      const nextStart = this.#starts[hint + 1];
      if (
        nextStart !== undefined &&
        position >= nextStart &&
        position < nextStart + (this.#chunks[hint + 1]?.length ?? 0)
      ) {
        this.#lastChunk = hint + 1;
        return hint + 1;
      }
    }
    let lo = 0;
    let hi = this.#starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if ((this.#starts[mid] ?? 0) <= position) lo = mid;
      else hi = mid - 1;
    }
    this.#lastChunk = lo;
    return lo;
  }
}
