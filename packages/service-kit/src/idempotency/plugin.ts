import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { kitErrors } from '../errors.ts';
import { requestFingerprint } from './fingerprint.ts';
import type { IdempotencyStore, StoredResponse } from './store.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The store key this request claimed, until its response is recorded or released. */
    idempotencyClaim: string | undefined;
  }
}

export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';
export const IDEMPOTENT_REPLAYED_HEADER = 'idempotent-replayed';

/** 1–255 visible ASCII characters. */
const KEY_FORMAT = /^[\x21-\x7e]{1,255}$/;

/** Headers that describe the result and must come back on a replay; ids are per request, so not these. */
const REPLAYED_HEADERS = ['content-type', 'location', 'etag', 'last-modified', 'content-location'];

export interface IdempotencyPluginOptions {
  store: IdempotencyStore;
  ttlMs: number;
  /**
   * How long a key stays "in progress" without an answer. A process that dies mid-request (or loses
   * its database) cannot release its key; after this lease a retry takes the key over instead of
   * being refused with 409 until `ttlMs` passes. Default 60 s, longer than any request should take.
   */
  inProgressLeaseMs?: number;
}

const DEFAULT_IN_PROGRESS_LEASE_MS = 60_000;

function validKey(request: FastifyRequest): string | undefined {
  const key = request.headers[IDEMPOTENCY_KEY_HEADER];
  if (key === undefined) return undefined;
  if (typeof key === 'string' && KEY_FORMAT.test(key)) return key;
  throw kitErrors.IDEMPOTENCY_KEY_INVALID({
    detail: 'Idempotency-Key must be 1 to 255 visible ASCII characters',
    errors: [
      { path: `headers.${IDEMPOTENCY_KEY_HEADER}`, message: 'must be 1 to 255 visible ASCII characters' },
    ],
  });
}

function replay(reply: FastifyReply, response: StoredResponse): FastifyReply {
  return reply
    .code(response.statusCode)
    .headers({ ...response.headers, [IDEMPOTENT_REPLAYED_HEADER]: 'true' })
    .send(response.body);
}

function storedResponse(reply: FastifyReply, body: string): StoredResponse {
  const headers: Record<string, string> = {};
  for (const name of REPLAYED_HEADERS) {
    const value = reply.getHeader(name);
    if (value !== undefined) headers[name] = String(value);
  }
  return { statusCode: reply.statusCode, headers, body };
}

/**
 * Honours `Idempotency-Key` on POSTs, per principal and route. Runs after authentication and
 * validation, so a rejected request never consumes a key. Only successes are kept: a refusal (4xx)
 * writes nothing, its key record included, and a 5xx releases the key so the client can retry.
 */
export const idempotencyPlugin = fp<IdempotencyPluginOptions>(
  async (app, { store, ttlMs, inProgressLeaseMs = DEFAULT_IN_PROGRESS_LEASE_MS }) => {
    const leaseMs = Math.min(ttlMs, inProgressLeaseMs);
    app.decorateRequest('idempotencyClaim', undefined);

    async function release(request: FastifyRequest): Promise<void> {
      const claim = request.idempotencyClaim;
      if (claim === undefined) return;
      request.idempotencyClaim = undefined;
      await store.abandon(claim);
    }

    app.addHook('preHandler', async (request, reply) => {
      if (request.method !== 'POST' || request.is404) return;
      const key = validKey(request);
      if (key === undefined) return;
      const route = request.routeOptions.url ?? request.url;
      const owner = request.principal ? `key:${request.principal.keyId}` : `ip:${request.ip}`;
      const storeKey = `${owner} POST ${route} ${key}`;
      const fingerprint = requestFingerprint('POST', route, request.body);
      const found = await store.begin(storeKey, fingerprint, leaseMs);
      if (found.state === 'started') {
        request.idempotencyClaim = storeKey;
        return;
      }
      if (found.fingerprint !== fingerprint) {
        throw kitErrors.IDEMPOTENCY_KEY_REUSED({
          detail: 'This Idempotency-Key was first used with a different request body',
        });
      }
      if (found.state === 'in_progress') {
        throw kitErrors.IDEMPOTENCY_REQUEST_IN_PROGRESS({
          detail: 'The first request with this Idempotency-Key has not finished; retry later',
          headers: { 'retry-after': '1' },
        });
      }
      return replay(reply, found.response);
    });

    // Recorded before the bytes leave, so a client that retries right after the answer finds it.
    app.addHook('onSend', async (request, reply, payload) => {
      const claim = request.idempotencyClaim;
      if (claim === undefined) return payload;
      const body =
        typeof payload === 'string'
          ? payload
          : Buffer.isBuffer(payload)
            ? payload.toString('utf8')
            : undefined;
      if (reply.statusCode >= 400 || body === undefined) {
        await release(request);
        return payload;
      }
      request.idempotencyClaim = undefined;
      await store.complete(claim, storedResponse(reply, body), ttlMs);
      return payload;
    });
    app.addHook('onResponse', release);
    app.addHook('onRequestAbort', release);
  },
  { name: 'service-kit-idempotency', dependencies: ['service-kit-auth'] },
);
