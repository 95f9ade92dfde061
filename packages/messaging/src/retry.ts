/** Where a failed delivery goes next. */
export type FailureStep =
  | { kind: 'wait'; delayMs: number; attempt: number }
  | { kind: 'dead-letter'; attempts: number };

/**
 * After a failed attempt, with `failedBefore` failures already recorded on the message: wait in the
 * next delay's queue, or dead-letter once every delay was used (so a handler runs at most
 * `delaysMs.length + 1` times). A handler asking for a longer delay gets the shortest configured
 * delay that is at least as long (or the longest there is): wait queues have fixed TTLs.
 */
export function nextStepAfterFailure(
  failedBefore: number,
  delaysMs: readonly number[],
  requestedDelayMs?: number,
): FailureStep {
  const attempt = failedBefore + 1;
  const scheduled = delaysMs[failedBefore];
  if (scheduled === undefined) return { kind: 'dead-letter', attempts: attempt };
  if (requestedDelayMs === undefined || requestedDelayMs <= scheduled) {
    return { kind: 'wait', delayMs: scheduled, attempt };
  }
  const longEnough = [...delaysMs].filter((delay) => delay >= requestedDelayMs).sort((a, b) => a - b);
  return { kind: 'wait', delayMs: longEnough[0] ?? Math.max(...delaysMs), attempt };
}
