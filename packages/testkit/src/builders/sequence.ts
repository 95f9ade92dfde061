/** Fixture ids unique within a test run: `case-1`, `case-2`, ... per prefix, plus a run marker. */
const counters = new Map<string, number>();
const run = Math.floor(Date.now() / 1000).toString(36);

export function nextId(prefix: string): string {
  const next = (counters.get(prefix) ?? 0) + 1;
  counters.set(prefix, next);
  return `${prefix}-${run}-${next}`;
}

/** The next number of a named counter, for picking among fixture values in turn. */
export function nextNumber(counter: string): number {
  const next = (counters.get(`#${counter}`) ?? 0) + 1;
  counters.set(`#${counter}`, next);
  return next;
}

/** Picks from a non-empty list in turn, so consecutive fixtures differ. */
export function inTurn<T>(counter: string, values: readonly [T, ...T[]]): T {
  return values[(nextNumber(counter) - 1) % values.length] ?? values[0];
}
