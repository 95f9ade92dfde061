import type { FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { type ApiKeyStore, hashApiKey } from './api-keys.ts';
import { type AuthFailure, assertScopes, requirePrincipal } from './guards.ts';
import type { Principal } from './principal.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set when the request carried a valid bearer API key. */
    principal: Principal | undefined;
    authFailure: AuthFailure | undefined;
  }
  interface FastifyInstance {
    /** Hook requiring a valid key (401 otherwise); routes are already guarded unless `config.public`. */
    authenticate: (request: FastifyRequest) => Promise<void>;
  }
  interface FastifyContextConfig {
    /** Reachable without an API key (health, metrics, docs). Routes are private by default. */
    public?: boolean;
    /** Scopes the caller's key must all hold; 403 otherwise. */
    scopes?: string[];
  }
}

const BEARER = /^Bearer ([\x21-\x7e]{1,512})$/i;

async function resolvePrincipal(store: ApiKeyStore, request: FastifyRequest): Promise<void> {
  const header = request.headers.authorization;
  if (header === undefined) {
    request.authFailure = 'missing';
    return;
  }
  const token = BEARER.exec(header)?.[1];
  const principal = token === undefined ? undefined : await store.findByHash(hashApiKey(token));
  if (principal) request.principal = principal;
  else request.authFailure = 'invalid';
}

export interface AuthPluginOptions {
  apiKeys: ApiKeyStore;
}

/**
 * Identifies the caller early (onRequest, so the rate limiter can key on the principal) and enforces
 * the route's policy before validation (preValidation), so unauthenticated callers learn nothing of
 * the request schema. Secure by default: a route must say `config: { public: true }` to be open.
 */
export const authPlugin = fp<AuthPluginOptions>(
  async (app, options) => {
    app.decorateRequest('principal', undefined);
    app.decorateRequest('authFailure', undefined);
    app.decorate('authenticate', async (request: FastifyRequest) => {
      requirePrincipal(request);
    });
    app.addHook('onRequest', async (request) => resolvePrincipal(options.apiKeys, request));
    app.addHook('preValidation', async (request) => {
      const config = request.routeOptions.config;
      if (request.is404 || config.public === true) return;
      assertScopes(request, config.scopes ?? []);
    });
  },
  { name: 'service-kit-auth' },
);
