export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

export function addMs(from: Date, ms: number): Date {
  return new Date(from.getTime() + ms);
}

export function earliest(...instants: readonly (Date | undefined)[]): Date | undefined {
  let first: Date | undefined;
  for (const instant of instants) {
    if (instant !== undefined && (first === undefined || instant < first)) first = instant;
  }
  return first;
}
