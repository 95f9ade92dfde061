import fc from 'fast-check';
import type { Db } from 'mongodb';
import { hostileRequest } from './arbitraries.ts';
import { refusalProblem, send } from './responses.ts';
import { openApiRoutes, registeredRoutes, routeKey } from './routes.ts';
import { changedCollections, type DbFingerprint, fingerprintOf } from './snapshot.ts';
import type { HostileRequest, InjectableApp, RouteRef, SeenResponse } from './types.ts';

/** The fixed seed of every fuzz run: the same requests each time, so a failure reproduces. */
export const FUZZ_SEED = 20_251_005;

/** Runs per route: `FUZZ_RUNS` from the environment for longer local runs, else `fallback`. */
export function fuzzRuns(fallback: number): number {
  const fromEnv = Number(process.env.FUZZ_RUNS);
  return Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : fallback;
}

/** Valid values for one route, so fuzzed requests also reach its handler and its refusals. */
export interface RouteExample {
  params?: Record<string, string>;
  body?: unknown;
}

export interface FuzzOptions {
  app: InjectableApp;
  /** The service's database: a refused request must leave it exactly as it was. */
  db: Db;
  /** Headers of a caller allowed on the route (all its scopes), so requests get past authorization. */
  authHeaders: (route: RouteRef) => Record<string, string>;
  bodyLimitBytes: number;
  /** Per route key (`POST /v1/lots/:id/transitions`): valid params and body to mutate. */
  examples?: Readonly<Record<string, RouteExample>>;
  /** Routes to leave out, each with the reason (reported). Defaults to none. */
  skip?: Readonly<Record<string, string>>;
  numRuns?: number;
  seed?: number;
}

/** What fuzzing one route saw. */
export interface RouteFuzzResult {
  route: string;
  runs: number;
  statuses: Record<number, number>;
  /** How long the route's runs took. */
  ms: number;
}

interface DocumentedParameter {
  name: string;
  in: string;
}

/** The query and header parameter names a route documents in the OpenAPI document. */
export function documentedNames(document: unknown, route: RouteRef): { query: string[]; header: string[] } {
  const paths = (
    document as { paths?: Record<string, Record<string, { parameters?: DocumentedParameter[] }>> }
  ).paths;
  const path = route.url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
  const parameters = paths?.[path]?.[route.method.toLowerCase()]?.parameters ?? [];
  return {
    query: parameters.filter((p) => p.in === 'query').map((p) => p.name),
    header: parameters.filter((p) => p.in === 'header').map((p) => p.name),
  };
}

function describeRequest(request: HostileRequest): string {
  const payload =
    request.payload === undefined
      ? ''
      : ` body(${request.payload.length} bytes)=${JSON.stringify(String(request.payload).slice(0, 300))}`;
  const headers = JSON.stringify({ ...request.headers, authorization: '<redacted>' }).slice(0, 300);
  return `${request.method} ${request.url.slice(0, 300)} headers=${headers}${payload}`;
}

/**
 * Checks one answer to a hostile request: never a 5xx; a refusal is problem+json without internals and
 * leaves the database as it was. Answers the new baseline fingerprint (a success may write).
 */
async function judge(
  db: Db,
  baseline: DbFingerprint,
  request: HostileRequest,
  response: SeenResponse,
): Promise<DbFingerprint> {
  const after = await fingerprintOf(db);
  if (response.statusCode < 400) return after;
  const problem = refusalProblem(response);
  if (problem !== undefined) {
    throw new Error(
      `${problem}\n  request: ${describeRequest(request)}\n  body: ${response.body.slice(0, 500)}`,
    );
  }
  const changed = changedCollections(baseline, after);
  if (changed.length > 0) {
    throw new Error(
      `refused with ${response.statusCode} but wrote ${changed.join(', ')}\n  request: ${describeRequest(request)}\n  body: ${response.body.slice(0, 500)}`,
    );
  }
  return after;
}

/**
 * Property-based fuzzing of every route an app registered (read from the app itself): wrong types,
 * MongoDB operators, polluting keys, huge and deep values, odd Unicode and invalid UTF-8, wrong content
 * types, malformed and oversized bodies, in params, query strings, headers and bodies. Throws on the
 * first violation with the request that caused it; answers per route what was seen.
 */
export async function fuzzRoutes(options: FuzzOptions): Promise<RouteFuzzResult[]> {
  const { app, db } = options;
  const document = app.swagger();
  const documented = new Set(openApiRoutes(document).map(routeKey));
  const routes = registeredRoutes(app.printRoutes({ commonPrefix: false })).filter(
    (route) => options.skip?.[routeKey(route)] === undefined,
  );
  const results: RouteFuzzResult[] = [];
  let baseline = await fingerprintOf(db);
  for (const route of routes) {
    const key = routeKey(route);
    const names = documented.has(key) ? documentedNames(document, route) : { query: [], header: [] };
    const example = options.examples?.[key];
    const statuses: Record<number, number> = {};
    const started = performance.now();
    const arbitrary = hostileRequest({
      route,
      authHeaders: options.authHeaders(route),
      queryNames: names.query,
      headerNames: names.header,
      ...(example?.params === undefined ? {} : { validParams: example.params }),
      ...(example?.body === undefined ? {} : { validBody: example.body }),
      bodyLimitBytes: options.bodyLimitBytes,
    });
    const details = await fc.check(
      fc.asyncProperty(arbitrary, async (request) => {
        const response = await send(app, request);
        statuses[response.statusCode] = (statuses[response.statusCode] ?? 0) + 1;
        if (response.statusCode >= 500) {
          throw new Error(
            `answered ${response.statusCode}\n  request: ${describeRequest(request)}\n  body: ${response.body.slice(0, 500)}`,
          );
        }
        baseline = await judge(db, baseline, request, response);
      }),
      { seed: options.seed ?? FUZZ_SEED, numRuns: options.numRuns ?? fuzzRuns(25), endOnFailure: true },
    );
    if (details.failed) {
      const cause =
        details.errorInstance instanceof Error
          ? details.errorInstance.message
          : String(details.errorInstance);
      throw new Error(`fuzzing ${key} (seed ${details.seed}, path ${details.counterexamplePath}): ${cause}`);
    }
    results.push({
      route: key,
      runs: details.numRuns,
      statuses,
      ms: Math.round(performance.now() - started),
    });
  }
  return results;
}
