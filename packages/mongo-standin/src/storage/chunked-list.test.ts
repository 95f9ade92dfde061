import { describe, expect, it } from 'vitest';
import { ChunkedList } from './chunked-list.ts';

/** A deterministic pseudo-random sequence, so a failure can be replayed. */
function* lcg(seed: number): Generator<number> {
  let state = seed;
  for (;;) {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    yield state;
  }
}

function contents<T>(list: ChunkedList<T>): T[] {
  return Array.from({ length: list.length }, (_, i) => list.at(i) as T);
}

describe('ChunkedList', () => {
  it('behaves like an array under thousands of random inserts and removals', () => {
    const random = lcg(7);
    const next = () => random.next().value as number;
    const list = new ChunkedList<number>();
    const mirror: number[] = [];
    for (let step = 0; step < 20_000; step++) {
      if (mirror.length > 0 && next() % 3 === 0) {
        const at = next() % mirror.length;
        list.removeAt(at);
        mirror.splice(at, 1);
      } else {
        const at = next() % (mirror.length + 1);
        list.insert(at, step);
        mirror.splice(at, 0, step);
      }
    }
    expect(list.length).toBe(mirror.length);
    expect(contents(list)).toEqual(mirror);
    expect(list.last()).toBe(mirror.at(-1));
  });

  it('reads positions in any order after being built from a sorted array', () => {
    const items = Array.from({ length: 5_000 }, (_, i) => i * 2);
    const list = ChunkedList.from(items);
    expect(list.at(4_999)).toBe(9_998);
    expect(list.at(0)).toBe(0);
    expect(list.at(2_500)).toBe(5_000);
    expect(list.at(5_000)).toBeUndefined();
    expect(list.at(-1)).toBeUndefined();
    expect(contents(list)).toEqual(items);
  });

  it('refuses an insert past the end', () => {
    expect(() => new ChunkedList<number>().insert(1, 0)).toThrow(RangeError);
  });
});
