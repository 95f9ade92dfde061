import { describe, expect, it } from 'vitest';
import { manageableAudiences, mayManageWebhooksOf } from './access.ts';
import { afterFailure, messageIdOf, type RetryPolicy, retryDelayMs } from './webhook.ts';

const policy: RetryPolicy = { baseMs: 1000, maxMs: 60_000, pauseAfterFailures: 8 };
const now = new Date('2025-01-01T00:00:00.000Z');

describe('retryDelayMs', () => {
  it('doubles from the base, spread by at most a fifth either way', () => {
    expect(retryDelayMs(1, policy, () => 0.5)).toBe(1000);
    expect(retryDelayMs(2, policy, () => 0.5)).toBe(2000);
    expect(retryDelayMs(3, policy, () => 0.5)).toBe(4000);
    expect(retryDelayMs(1, policy, () => 0)).toBe(800);
    expect(retryDelayMs(1, policy, () => 0.999_999)).toBe(1200);
  });

  it('grows with every failure whatever the jitter, until the cap', () => {
    for (let failures = 1; failures < 5; failures += 1) {
      expect(retryDelayMs(failures + 1, policy, () => 0)).toBeGreaterThan(
        retryDelayMs(failures, policy, () => 0.999),
      );
    }
  });

  it('never waits longer than the cap', () => {
    for (const failures of [10, 20, 100]) {
      expect(retryDelayMs(failures, policy, () => 0.999_999)).toBeLessThanOrEqual(60_000);
    }
  });
});

describe('afterFailure', () => {
  it('schedules the next attempt after the backoff and counts the failure', () => {
    const next = afterFailure(
      { consecutiveFailures: 2, nextAttemptAt: now },
      'receiver answered 500',
      now,
      policy,
      () => 0.5,
    );
    expect(next).toEqual({
      state: 'active',
      consecutiveFailures: 3,
      nextAttemptAt: new Date(now.getTime() + 4000),
      pausedAt: null,
      pausedReason: null,
      lastFailureAt: now,
    });
  });

  it('pauses at the configured number of failures in a row, saying why', () => {
    const next = afterFailure(
      { consecutiveFailures: 7, nextAttemptAt: now },
      'receiver answered 500',
      now,
      policy,
    );
    expect(next).toMatchObject({
      state: 'paused',
      consecutiveFailures: 8,
      pausedAt: now,
      pausedReason: 'paused after 8 failed deliveries in a row; last: receiver answered 500',
    });
  });
});

describe('webhook access', () => {
  it('lets a key manage webhooks of audiences it belongs to, a provincial key only its province', () => {
    const national = { agency: 'customs' };
    const provincial = { agency: 'customs', province: 'khuzestan' };
    expect(mayManageWebhooksOf(national, 'customs')).toBe(true);
    expect(mayManageWebhooksOf(national, 'customs:bushehr')).toBe(true);
    expect(mayManageWebhooksOf(provincial, 'customs:khuzestan')).toBe(true);
    expect(mayManageWebhooksOf(provincial, 'customs:bushehr')).toBe(false);
    expect(mayManageWebhooksOf(provincial, 'customs')).toBe(false);
    expect(mayManageWebhooksOf(national, 'police:khuzestan')).toBe(false);
    expect(manageableAudiences(national)).toBeUndefined();
    expect(manageableAudiences(provincial)).toEqual(['customs:khuzestan']);
  });

  it('names a message by webhook and change, the same on every retry', () => {
    expect(messageIdOf('w-1', 42)).toBe('w-1:42');
  });
});
