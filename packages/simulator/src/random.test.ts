import { describe, expect, it } from 'vitest';
import { hash32, Random } from './random.ts';

const draw = (random: Random, count: number) => Array.from({ length: count }, () => random.nextUint32());

describe('Random', () => {
  it('gives the same sequence for the same seed', () => {
    expect(draw(new Random(7), 1000)).toEqual(draw(new Random(7), 1000));
    expect(draw(new Random('case-17'), 100)).toEqual(draw(new Random('case-17'), 100));
  });

  it('gives another sequence for another seed', () => {
    expect(draw(new Random(7), 20)).not.toEqual(draw(new Random(8), 20));
    expect(draw(Random.derive(7, 'case-1'), 20)).not.toEqual(draw(Random.derive(7, 'case-2'), 20));
    expect(draw(Random.derive(7, 'case-1'), 20)).not.toEqual(draw(Random.derive(8, 'case-1'), 20));
  });

  it('pins the sequence of a seed, so a plan does not change across machines or versions', () => {
    expect(draw(new Random(1), 4)).toEqual([2442144158, 3238099751, 3819917871, 2104621829]);
  });

  it('keeps floats in [0, 1) and integers within their bounds, both ends reachable', () => {
    const random = new Random(42);
    const seen = new Set<number>();
    for (let i = 0; i < 10_000; i += 1) {
      const value = random.next();
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThan(1);
      const n = random.int(-2, 3);
      expect(n).toBeGreaterThanOrEqual(-2);
      expect(n).toBeLessThanOrEqual(3);
      seen.add(n);
    }
    expect([...seen].sort()).toEqual([-1, -2, 0, 1, 2, 3]);
  });

  it('spreads draws evenly enough for a simulation', () => {
    const random = new Random(3);
    const buckets = new Array<number>(10).fill(0);
    for (let i = 0; i < 100_000; i += 1) {
      const bucket = Math.floor(random.next() * 10);
      buckets[bucket] = (buckets[bucket] ?? 0) + 1;
    }
    for (const count of buckets) expect(Math.abs(count - 10_000)).toBeLessThan(500);
  });

  it('picks by weight, never a key of weight 0', () => {
    const random = new Random(5);
    const counts = { often: 0, rarely: 0, never: 0 };
    for (let i = 0; i < 20_000; i += 1) counts[random.weighted({ often: 9, rarely: 1, never: 0 })] += 1;
    expect(counts.never).toBe(0);
    expect(counts.often / 20_000).toBeCloseTo(0.9, 1);
  });

  it('refuses bounds that are not integers in order, and empty choices', () => {
    const random = new Random(1);
    expect(() => random.int(3, 2)).toThrow(RangeError);
    expect(() => random.int(0.5, 2)).toThrow(RangeError);
    expect(() => random.pick([])).toThrow(RangeError);
    expect(() => random.weighted({ a: 0 })).toThrow(RangeError);
  });

  it('hashes labels to stable 32-bit seeds', () => {
    expect(hash32('case-1')).toBe(hash32('case-1'));
    expect(hash32('case-1')).not.toBe(hash32('case-2'));
    expect(hash32('')).toBeGreaterThanOrEqual(0);
  });
});
