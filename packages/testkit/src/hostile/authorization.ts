import { problemCode, send } from './responses.ts';
import { fillParams, isOperationalRoute, paramNames, routeKey } from './routes.ts';
import type { HostileRequest, InjectableApp, RouteRef, SeenResponse } from './types.ts';

/** An API key record as a test configures it (without its hash): who, where, what it may do. */
export interface ScopedPrincipal {
  agency: string;
  province?: string;
  scopes: readonly string[];
}

/** Names of the keys `scopeMatrixPrincipals` makes. */
export const NO_SCOPES = 'scopes-none';
export const ALL_SCOPES = 'scopes-all';
export const onlyScope = (scope: string) => `scopes-only-${scope}`;
export const allButScope = (scope: string) => `scopes-all-but-${scope}`;

/**
 * The keys of a function-level authorization matrix over a scope vocabulary: none, all, each scope
 * alone, and all but each scope, all of one agency. Configure them beside the test's other keys.
 */
export function scopeMatrixPrincipals(
  agency: string,
  scopes: readonly string[],
): Record<string, ScopedPrincipal> {
  const principals: Record<string, ScopedPrincipal> = {
    [NO_SCOPES]: { agency, scopes: [] },
    [ALL_SCOPES]: { agency, scopes: [...scopes] },
  };
  for (const scope of scopes) {
    principals[onlyScope(scope)] = { agency, scopes: [scope] };
    principals[allButScope(scope)] = { agency, scopes: scopes.filter((other) => other !== scope) };
  }
  return principals;
}

export interface ScopeMatrixOptions {
  app: InjectableApp;
  /** The scope vocabulary the keys were made from; a route asking for another scope fails the matrix. */
  scopes: readonly string[];
  /** Request headers of a key made by `scopeMatrixPrincipals` (by its name). */
  headersOf: (who: string) => Record<string, string>;
  /** Routes to leave out; defaults to none. */
  skip?: Readonly<Record<string, string>>;
}

/** One route's row: the scopes it requires (as the app said), or `public`. */
export type ScopeMatrix = Record<string, readonly string[] | 'public'>;

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function requestTo(route: RouteRef, headers: Record<string, string>): HostileRequest {
  const url = fillParams(
    route.url,
    paramNames(route.url).map(() => '00000000-0000-4000-8000-000000000000'),
  );
  return BODY_METHODS.has(route.method)
    ? {
        method: route.method,
        url,
        headers: { ...headers, 'content-type': 'application/json' },
        payload: '{}',
      }
    : { method: route.method, url, headers };
}

function missingScopesOf(response: SeenResponse): string[] | undefined {
  if (response.statusCode !== 403 || problemCode(response) !== 'INSUFFICIENT_SCOPE') return undefined;
  const missing = (JSON.parse(response.body) as { missingScopes?: unknown }).missingScopes;
  return Array.isArray(missing) ? missing.map(String) : [];
}

/**
 * Function-level authorization over every route and kind of key: without a key 401 (with
 * WWW-Authenticate), with a wrong key 401, with a key lacking any required scope 403
 * INSUFFICIENT_SCOPE naming it, with all scopes past authorization. Only the operational routes
 * (health, metrics, docs) may answer without a key. Answers the matrix the app revealed, and the
 * violations found (empty when all hold).
 */
export async function scopeMatrix(
  options: ScopeMatrixOptions,
  routes: readonly RouteRef[],
): Promise<{ matrix: ScopeMatrix; violations: string[] }> {
  const { app, scopes, headersOf } = options;
  const matrix: ScopeMatrix = {};
  const violations: string[] = [];
  for (const route of routes) {
    const key = routeKey(route);
    if (options.skip?.[key] !== undefined) continue;
    const anonymous = await send(app, requestTo(route, {}));
    if (anonymous.statusCode !== 401) {
      matrix[key] = 'public';
      if (!isOperationalRoute(route)) violations.push(`${key} answers ${anonymous.statusCode} without a key`);
      continue;
    }
    if (problemCode(anonymous) !== 'UNAUTHENTICATED' || !anonymous.headers['www-authenticate']) {
      violations.push(`${key} answers 401 without code UNAUTHENTICATED and WWW-Authenticate`);
    }
    const forged = await send(app, requestTo(route, { authorization: 'Bearer not-a-key-of-this-service' }));
    if (forged.statusCode !== 401) violations.push(`${key} answers ${forged.statusCode} to a wrong key`);
    const malformed = await send(app, requestTo(route, { authorization: 'Basic dXNlcjpwYXNz' }));
    if (malformed.statusCode !== 401)
      violations.push(`${key} answers ${malformed.statusCode} to Basic credentials`);

    const bare = await send(app, requestTo(route, headersOf(NO_SCOPES)));
    const required = missingScopesOf(bare) ?? [];
    matrix[key] = [...required].sort();
    for (const scope of required) {
      if (!scopes.includes(scope)) violations.push(`${key} requires ${scope}, outside the vocabulary`);
    }
    for (const scope of required) {
      const lacking = await send(app, requestTo(route, headersOf(allButScope(scope))));
      const missing = missingScopesOf(lacking);
      if (missing === undefined || !missing.includes(scope)) {
        violations.push(`${key} answers ${lacking.statusCode} to a key with every scope but ${scope}`);
      }
    }
    for (const scope of scopes) {
      const alone = await send(app, requestTo(route, headersOf(onlyScope(scope))));
      const enough = required.every((needed) => needed === scope);
      const refused = missingScopesOf(alone) !== undefined;
      if (enough === refused || alone.statusCode === 401) {
        violations.push(`${key} answers ${alone.statusCode} to a key holding only ${scope}`);
      }
    }
    const full = await send(app, requestTo(route, headersOf(ALL_SCOPES)));
    if (full.statusCode === 401 || missingScopesOf(full) !== undefined || full.statusCode >= 500) {
      violations.push(`${key} answers ${full.statusCode} (${problemCode(full)}) to a key with every scope`);
    }
  }
  return { matrix, violations };
}
