import type { FastifyRequest } from 'fastify';
import type { AppError } from '../app-error.ts';
import { kitErrors } from '../errors.ts';
import type { Principal } from './principal.ts';

/** Why a request has no principal: no credentials at all, or credentials we do not accept. */
export type AuthFailure = 'missing' | 'invalid';

function unauthenticated(failure: AuthFailure | undefined): AppError {
  const invalid = failure === 'invalid';
  return kitErrors.UNAUTHENTICATED({
    detail: invalid
      ? 'The bearer token is not a valid API key'
      : 'Send an API key as "Authorization: Bearer <key>"',
    headers: { 'www-authenticate': invalid ? 'Bearer error="invalid_token"' : 'Bearer' },
  });
}

/** The caller's principal, or a 401 when the request carried no valid key. */
export function requirePrincipal(request: FastifyRequest): Principal {
  if (request.principal) return request.principal;
  throw unauthenticated(request.authFailure);
}

/** 401 without a valid key; 403 when the key lacks any of the scopes. */
export function assertScopes(request: FastifyRequest, scopes: readonly string[]): Principal {
  const principal = requirePrincipal(request);
  const missing = scopes.filter((scope) => !principal.scopes.includes(scope));
  if (missing.length > 0) {
    throw kitErrors.INSUFFICIENT_SCOPE({
      detail: `This operation needs scope ${missing.join(', ')}`,
      extra: { missingScopes: missing },
    });
  }
  return principal;
}

/** A hook (onRequest/preValidation/preHandler) requiring a valid key holding every scope. */
export function requireScopes(...scopes: string[]) {
  return async function requireScopesHook(request: FastifyRequest): Promise<void> {
    assertScopes(request, scopes);
  };
}

/**
 * 403 when a resource lies outside the caller's agency, or outside its province for a key limited
 * to one province. A key without a province acts for its whole agency.
 */
export function assertJurisdiction(
  principal: Principal,
  resource: { agency?: string; province?: string },
): void {
  const otherAgency = resource.agency !== undefined && resource.agency !== principal.agency;
  const otherProvince =
    principal.province !== undefined &&
    resource.province !== undefined &&
    resource.province !== principal.province;
  if (otherAgency || otherProvince) {
    throw kitErrors.OUT_OF_JURISDICTION({
      detail: otherAgency
        ? 'The resource belongs to another agency'
        : 'The resource lies in another province',
    });
  }
}

/**
 * The province a query reads: the one it asks for, which a key limited to one province may only
 * name as its own (403 naming `query.province` otherwise); the key's province when it asks for none;
 * undefined (every province) for a national key that asks for none.
 */
export function provinceWithinLimit(
  limit: string | undefined,
  asked: string | undefined,
): string | undefined {
  if (limit !== undefined && asked !== undefined && asked !== limit) {
    throw kitErrors.OUT_OF_JURISDICTION({
      detail: `Your key is limited to ${limit}`,
      errors: [{ path: 'query.province', message: `must be ${limit}, the province of your key` }],
    });
  }
  return asked ?? limit;
}
