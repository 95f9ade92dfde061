import { describe, expect, it } from 'vitest';
import { Snapshots } from '../src/snapshots.ts';

const at = (seconds: number) => new Date(Date.UTC(2025, 5, 1, 0, 0, seconds));

/** A computation that answers how many times it ran. */
function counter() {
  let runs = 0;
  return async () => {
    runs += 1;
    return runs;
  };
}

describe('snapshots of the statistics', () => {
  it('serves one snapshot while it is younger than the maximum age, then recomputes it', async () => {
    const snapshots = new Snapshots(30_000);
    const compute = counter();
    expect(await snapshots.get('a', at(0), compute)).toEqual({ generatedAt: at(0), value: 1 });
    expect(await snapshots.get('a', at(30), compute)).toEqual({ generatedAt: at(0), value: 1 });
    expect(await snapshots.get('a', at(31), compute)).toEqual({ generatedAt: at(31), value: 2 });
  });

  it('keeps one snapshot per key', async () => {
    const snapshots = new Snapshots(30_000);
    const compute = counter();
    await snapshots.get('a', at(0), compute);
    expect((await snapshots.get('b', at(0), compute)).value).toBe(2);
    expect((await snapshots.get('a', at(1), compute)).value).toBe(1);
  });

  it('recomputes on every request with a maximum age of 0, and when the clock went back', async () => {
    const always = new Snapshots(0);
    const compute = counter();
    await always.get('a', at(0), compute);
    expect((await always.get('a', at(0), compute)).value).toBe(2);
    const cached = new Snapshots(30_000);
    await cached.get('a', at(10), compute);
    expect((await cached.get('a', at(5), compute)).generatedAt).toEqual(at(5));
  });

  it('shares one computation between concurrent requests', async () => {
    const snapshots = new Snapshots(0);
    const compute = counter();
    const [a, b] = await Promise.all([
      snapshots.get('a', at(0), compute),
      snapshots.get('a', at(0), compute),
    ]);
    expect([a.value, b.value]).toEqual([1, 1]);
  });

  it('forgets the oldest query past its capacity', async () => {
    const snapshots = new Snapshots(30_000, 2);
    const compute = counter();
    await snapshots.get('a', at(0), compute);
    await snapshots.get('b', at(0), compute);
    await snapshots.get('c', at(0), compute);
    expect((await snapshots.get('a', at(1), compute)).value).toBe(4);
  });
});
