/** Nearest-rank percentile of values sorted ascending; 0 for none. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(sorted.length, rank) - 1] ?? 0;
}

/** p50, p90 and max of dwell times in days, from the instants the lots were first held. */
export function dwellSummary(
  heldSince: readonly Date[],
  now: Date,
): { p50: number; p90: number; max: number } {
  const days = heldSince
    .map((instant) => Math.max(0, Math.floor((now.getTime() - instant.getTime()) / 86_400_000)))
    .sort((a, b) => a - b);
  return { p50: percentile(days, 50), p90: percentile(days, 90), max: days.at(-1) ?? 0 };
}
