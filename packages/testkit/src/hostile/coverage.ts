import type { RouteExample, RouteFuzzResult } from './fuzz.ts';
import { registeredRoutes, routeKey } from './routes.ts';
import type { InjectableApp } from './types.ts';

/** How a fuzzing run covered an app: every list should be empty, and some routes should have accepted. */
export interface FuzzCoverage {
  /** Routes the app registered that were not fuzzed. */
  unfuzzed: string[];
  /** Routes fuzzed that the app does not register. */
  strays: string[];
  /** Examples given for routes the app does not register (a renamed route left its example behind). */
  unknownExamples: string[];
  /** How many routes answered a fuzzed (mutated valid) request with a 2xx: the handlers were reached. */
  acceptedRoutes: number;
}

/**
 * Compares a fuzzing run with the routes the app registered, so a new route is fuzzed without a change
 * to the test and a missed one fails it. `FUZZ_REPORT=1` prints the statuses and time per route.
 */
export function fuzzCoverage(
  app: Pick<InjectableApp, 'printRoutes'>,
  results: readonly RouteFuzzResult[],
  examples: Readonly<Record<string, RouteExample>>,
): FuzzCoverage {
  if (process.env.FUZZ_REPORT) console.warn(JSON.stringify(results, null, 1));
  const registered = new Set(registeredRoutes(app.printRoutes({ commonPrefix: false })).map(routeKey));
  const fuzzed = new Set(results.map((result) => result.route));
  return {
    unfuzzed: [...registered].filter((route) => !fuzzed.has(route)).sort(),
    strays: [...fuzzed].filter((route) => !registered.has(route)).sort(),
    unknownExamples: Object.keys(examples)
      .filter((route) => !registered.has(route))
      .sort(),
    acceptedRoutes: results.filter((result) =>
      Object.keys(result.statuses).some((status) => Number(status) < 300),
    ).length,
  };
}

/** A fuzzing test's timeout: generous for the default runs, growing with FUZZ_RUNS. */
export function fuzzTimeoutMs(defaultRuns: number): number {
  const runs = Number(process.env.FUZZ_RUNS);
  return Math.max(240_000, (Number.isInteger(runs) && runs > 0 ? runs : defaultRuns) * 12_000);
}
