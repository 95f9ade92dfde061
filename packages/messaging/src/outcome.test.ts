import { describe, expect, it } from 'vitest';
import {
  done,
  outcomeOfError,
  outcomeOfResult,
  RejectMessageError,
  RetryLaterError,
  reject,
  retryLater,
} from './outcome.ts';

describe('handler outcomes', () => {
  it('treats a handler that returns nothing as done', () => {
    expect(outcomeOfResult(undefined)).toEqual({ kind: 'done' });
  });

  it('keeps an explicit outcome as returned', () => {
    expect(outcomeOfResult(done())).toEqual({ kind: 'done' });
    expect(outcomeOfResult(retryLater('locked', 5_000))).toEqual({
      kind: 'retry',
      reason: 'locked',
      delayMs: 5_000,
    });
    expect(outcomeOfResult(reject('unknown case'))).toEqual({ kind: 'reject', reason: 'unknown case' });
  });

  it('dead-letters on a thrown RejectMessageError', () => {
    expect(outcomeOfError(new RejectMessageError('verdict on a closed case'))).toEqual({
      kind: 'reject',
      reason: 'verdict on a closed case',
    });
  });

  it('retries after the delay a thrown RetryLaterError asks for', () => {
    expect(outcomeOfError(new RetryLaterError('registry busy', { delayMs: 2_000 }))).toEqual({
      kind: 'retry',
      reason: 'registry busy',
      delayMs: 2_000,
    });
  });

  it('retries on any other error, since most failures are transient', () => {
    expect(outcomeOfError(new Error('connection reset'))).toEqual({
      kind: 'retry',
      reason: 'connection reset',
    });
    expect(outcomeOfError('plain string')).toEqual({ kind: 'retry', reason: 'plain string' });
  });
});
