/** A min-heap of items by time, ties in insertion order, so the plan's order never depends on the heap. */
export class ReadyQueue<T> {
  readonly #heap: { readyAt: number; order: number; item: T }[] = [];
  #inserted = 0;

  get size(): number {
    return this.#heap.length;
  }

  push(readyAt: number, item: T): void {
    const heap = this.#heap;
    heap.push({ readyAt, order: this.#inserted, item });
    this.#inserted += 1;
    let index = heap.length - 1;
    while (index > 0) {
      const parent = (index - 1) >> 1;
      if (!this.#before(index, parent)) break;
      this.#swap(index, parent);
      index = parent;
    }
  }

  /** The time of the earliest item, or Infinity when empty. */
  peekTime(): number {
    return this.#heap[0]?.readyAt ?? Number.POSITIVE_INFINITY;
  }

  pop(): T | undefined {
    const heap = this.#heap;
    const top = heap[0];
    const last = heap.pop();
    if (top === undefined || last === undefined) return undefined;
    if (heap.length > 0) {
      heap[0] = last;
      let index = 0;
      for (;;) {
        const left = index * 2 + 1;
        const right = left + 1;
        let smallest = index;
        if (left < heap.length && this.#before(left, smallest)) smallest = left;
        if (right < heap.length && this.#before(right, smallest)) smallest = right;
        if (smallest === index) break;
        this.#swap(index, smallest);
        index = smallest;
      }
    }
    return top.item;
  }

  #before(a: number, b: number): boolean {
    const x = this.#heap[a];
    const y = this.#heap[b];
    if (x === undefined || y === undefined) return false;
    return x.readyAt < y.readyAt || (x.readyAt === y.readyAt && x.order < y.order);
  }

  #swap(a: number, b: number): void {
    const heap = this.#heap;
    const x = heap[a];
    const y = heap[b];
    if (x === undefined || y === undefined) return;
    heap[a] = y;
    heap[b] = x;
  }
}
