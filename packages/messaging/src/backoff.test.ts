import { describe, expect, it } from 'vitest';
import { type BackoffOptions, backoffDelay } from './backoff.ts';

const options: BackoffOptions = { initialMs: 100, maxMs: 10_000, factor: 2, jitter: 0.5 };
const middle = (): number => 0.5;

describe('backoffDelay', () => {
  it('grows by the factor from one attempt to the next', () => {
    expect([1, 2, 3, 4].map((attempt) => backoffDelay(attempt, options, middle))).toEqual([
      100, 200, 400, 800,
    ]);
  });

  it('spreads each delay by the jitter fraction either way', () => {
    expect(backoffDelay(3, options, () => 0)).toBe(200);
    expect(backoffDelay(3, options, () => 0.999_999)).toBe(600);
  });

  it('never exceeds the maximum, jitter included, however many attempts failed', () => {
    for (const attempt of [10, 20, 100, 10_000]) {
      expect(backoffDelay(attempt, options, () => 0.999_999)).toBeLessThanOrEqual(options.maxMs);
    }
  });

  it('keeps late delays spread instead of piling them on the maximum', () => {
    const low = backoffDelay(50, options, () => 0);
    const high = backoffDelay(50, options, () => 0.999_999);
    expect(high - low).toBeGreaterThan(1_000);
  });

  it('waits exactly the base delay without jitter', () => {
    expect(backoffDelay(2, { ...options, jitter: 0 }, Math.random)).toBe(200);
  });
});
