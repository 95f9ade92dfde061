import { describe, expect, it } from 'vitest';
import { nextStepAfterFailure } from './retry.ts';

const delays = [1_000, 5_000, 30_000];

describe('nextStepAfterFailure', () => {
  it('waits in the first delay queue after a first failure', () => {
    expect(nextStepAfterFailure(0, delays)).toEqual({ kind: 'wait', delayMs: 1_000, attempt: 1 });
  });

  it('moves to the next delay with every recorded failure', () => {
    expect(nextStepAfterFailure(1, delays)).toEqual({ kind: 'wait', delayMs: 5_000, attempt: 2 });
    expect(nextStepAfterFailure(2, delays)).toEqual({ kind: 'wait', delayMs: 30_000, attempt: 3 });
  });

  it('dead-letters once every delay was used, counting every attempt', () => {
    expect(nextStepAfterFailure(3, delays)).toEqual({ kind: 'dead-letter', attempts: 4 });
  });

  it('dead-letters on the first failure when no retries are configured', () => {
    expect(nextStepAfterFailure(0, [])).toEqual({ kind: 'dead-letter', attempts: 1 });
  });

  it('honours a longer requested delay with the shortest wait queue that covers it', () => {
    expect(nextStepAfterFailure(0, delays, 3_000)).toEqual({ kind: 'wait', delayMs: 5_000, attempt: 1 });
    expect(nextStepAfterFailure(0, delays, 60_000)).toEqual({ kind: 'wait', delayMs: 30_000, attempt: 1 });
  });

  it('never waits less than the schedule when a shorter delay is requested', () => {
    expect(nextStepAfterFailure(1, delays, 10)).toEqual({ kind: 'wait', delayMs: 5_000, attempt: 2 });
  });
});
