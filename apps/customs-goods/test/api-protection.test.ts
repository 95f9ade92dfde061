import type { LotView } from '@enforcement/contracts';
import { testApiKeys } from '@enforcement/service-kit/testing';
import {
  fingerprintOf,
  massAssignmentBodies,
  missingSecurityHeaders,
  openApiDrift,
  pagedRoutes,
  pageRequest,
  problemCode,
  refusalProblem,
  repeatedly,
  send,
} from '@enforcement/testkit/hostile';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/app.ts';
import { aRegisterLotBody } from './support/lots.ts';

const keys = testApiKeys({
  customs: { agency: 'customs', scopes: ['lots:read', 'lots:write', 'offices:admin', 'messaging:admin'] },
  other: { agency: 'customs', scopes: ['lots:read'] },
});

let t: TestApp;
let lot: LotView;

const json = (who: 'customs' | 'other', extra: Record<string, string> = {}) =>
  keys.as(who, { 'content-type': 'application/json', ...extra });

beforeAll(async () => {
  t = await startTestApp('api-protection', { API_KEYS: keys.json, BODY_LIMIT_BYTES: '16384' });
  const created = await send(t.app, {
    method: 'POST',
    url: '/v1/lots',
    headers: json('customs'),
    payload: JSON.stringify(aRegisterLotBody({ caseId: null })),
  });
  expect(created.statusCode, created.body).toBe(201);
  lot = JSON.parse(created.body) as LotView;
});

afterAll(async () => {
  await t.close();
});

describe('mass assignment', () => {
  it('refuses ids, versions, states, timestamps and owners in a registration or office body, storing nothing', async () => {
    const before = await fingerprintOf(t.db);
    const office = { province: 'khuzestan', kind: 'port', fa: 'بندر', en: 'Port' };
    const targets = [
      { method: 'POST', url: '/v1/lots', body: aRegisterLotBody() as Record<string, unknown> },
      { method: 'PUT', url: '/v1/offices/khz_assigned', body: office },
      { method: 'POST', url: `/v1/lots/${lot.id}/transitions`, body: { to: 'held' } },
      { method: 'POST', url: `/v1/lots/${lot.id}/abandonment-extension`, body: { days: 5 } },
      { method: 'POST', url: '/admin/dead-letters/case-events/redrive', body: { messageIds: ['x'] } },
    ];
    for (const target of targets) {
      for (const { field, body } of massAssignmentBodies(target.body)) {
        const response = await send(t.app, {
          method: target.method,
          url: target.url,
          headers: json('customs'),
          payload: JSON.stringify(body),
        });
        expect(response.statusCode, `${target.url} with ${field}: ${response.body}`).toBe(400);
        expect(problemCode(response)).toBe('VALIDATION_FAILED');
      }
    }
    expect(await fingerprintOf(t.db)).toEqual(before);
  });
});

describe('idempotency of refusals', () => {
  it('keeps no Idempotency-Key record for a request the handler refused', async () => {
    const before = await fingerprintOf(t.db);
    const request = {
      method: 'POST',
      url: `/v1/lots/${lot.id}/transitions`,
      headers: json('customs', { 'idempotency-key': 'refused-transition-1' }),
      payload: JSON.stringify({ to: 'auctioned' }),
    };
    const refused = await send(t.app, request);
    expect(refused.statusCode, refused.body).toBe(409);
    expect(await fingerprintOf(t.db)).toEqual(before);
    // Not replayed either: the retry is judged again.
    const again = await send(t.app, request);
    expect(again.headers['idempotent-replayed']).toBeUndefined();
  });
});

describe('resource limits', () => {
  it('enforces the documented maximum page size on every paged route', async () => {
    const paged = pagedRoutes(t.app.swagger());
    expect(paged.length).toBeGreaterThan(0);
    for (const { route, max } of paged) {
      expect(Number.isFinite(max), `${route.url} documents no maximum limit`).toBe(true);
      const atMax = await send(t.app, pageRequest(route, String(max), keys.as('customs'), { id: lot.id }));
      expect(atMax.statusCode, `${route.url}?limit=${max}: ${atMax.body}`).not.toBe(400);
      for (const limit of [String(max + 1), '0', '-1', '1e9', '99999999999999999999', 'NaN', '10.5']) {
        const over = await send(t.app, pageRequest(route, limit, keys.as('customs'), { id: lot.id }));
        expect(over.statusCode, `${route.url}?limit=${limit}: ${over.body}`).toBe(400);
        expect(refusalProblem(over)).toBeUndefined();
      }
    }
  });

  it('answers 413 as problem+json to a body over BODY_LIMIT_BYTES, storing nothing', async () => {
    const before = await fingerprintOf(t.db);
    const body = { ...aRegisterLotBody(), description: 'ب'.repeat(10_000) };
    const response = await send(t.app, {
      method: 'POST',
      url: '/v1/lots',
      headers: json('customs'),
      payload: JSON.stringify(body),
    });
    expect(response.statusCode).toBe(413);
    expect(problemCode(response)).toBe('PAYLOAD_TOO_LARGE');
    expect(await fingerprintOf(t.db)).toEqual(before);
  });

  it('answers 429 with Retry-After once a key used up its rate limit, and other keys go on', async () => {
    const limited = await startTestApp('api-protection-rate', { API_KEYS: keys.json, RATE_LIMIT_MAX: '3' });
    try {
      const request = { method: 'GET', url: '/v1/offices', headers: keys.as('customs') };
      const responses = await repeatedly(limited.app, request, 4);
      expect(responses.slice(0, 3).map((r) => r.statusCode)).toEqual([200, 200, 200]);
      const refused = responses[3];
      expect(refused?.statusCode).toBe(429);
      if (refused === undefined) return;
      expect(problemCode(refused)).toBe('RATE_LIMITED');
      expect(refusalProblem(refused)).toBeUndefined();
      expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      expect((await send(limited.app, { ...request, headers: keys.as('other') })).statusCode).toBe(200);
    } finally {
      await limited.close();
    }
  });
});

describe('security headers and error bodies', () => {
  it('sends the security headers on successes, refusals, unknown routes and errors alike', async () => {
    const requests = [
      { method: 'GET', url: `/v1/lots/${lot.id}`, headers: keys.as('customs') },
      { method: 'GET', url: '/v1/lots', headers: {} },
      { method: 'GET', url: '/v1/lots?limit=0', headers: keys.as('customs') },
      { method: 'GET', url: '/admin/dead-letters/case-events?limit=0', headers: keys.as('customs') },
      { method: 'GET', url: '/admin/dead-letters/nobody', headers: keys.as('customs') },
      { method: 'GET', url: '/v1/nowhere', headers: keys.as('customs') },
      { method: 'PUT', url: '/v1/offices/khz_x', headers: keys.as('other') },
      { method: 'POST', url: '/v1/lots', headers: json('customs'), payload: '{' },
      { method: 'GET', url: '/health/live', headers: {} },
    ];
    for (const request of requests) {
      const response = await send(t.app, request);
      expect(missingSecurityHeaders(response), `${request.method} ${request.url}`).toEqual([]);
    }
  });

  it('answers a URL it cannot decode and an overlong path parameter as problem+json, without echoing internals', async () => {
    for (const url of ['/v1/lots/%ZZ', '/v1/lots/%C0%AF', `/v1/lots/${'x'.repeat(200)}`, '/v1/offices/%']) {
      const response = await send(t.app, { method: 'GET', url, headers: keys.as('customs') });
      expect(response.statusCode, `${url}: ${response.body}`).toBeGreaterThanOrEqual(400);
      expect(refusalProblem(response), `${url}: ${response.body}`).toBeUndefined();
      expect(response.body).not.toContain('FST_');
    }
  });
});

describe('OpenAPI document', () => {
  it('documents exactly the routes the app serves, method by method', () => {
    expect(openApiDrift(t.app)).toEqual({ undocumented: [], unserved: [] });
  });

  it('documents the dead-letter admin routes behind the API key, naming the messaging:admin scope', () => {
    const document = t.app.swagger() as {
      paths: Record<string, Record<string, { security?: unknown; description?: string }>>;
    };
    for (const [path, method] of [
      ['/admin/dead-letters/{consumer}', 'get'],
      ['/admin/dead-letters/{consumer}/{messageId}', 'get'],
      ['/admin/dead-letters/{consumer}/redrive', 'post'],
    ] as const) {
      const operation = document.paths[path]?.[method];
      expect(operation?.security, `${method} ${path}`).toEqual([{ bearerAuth: ['messaging:admin'] }]);
      expect(operation?.description, `${method} ${path}`).toContain('messaging:admin');
    }
    expect(pagedRoutes(document).map(({ route, max }) => `${route.method} ${route.url} ${max}`)).toContain(
      'GET /admin/dead-letters/:consumer 1000',
    );
  });
});
