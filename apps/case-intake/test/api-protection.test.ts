import type { CaseView } from '@enforcement/contracts';
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
import { aRegisterCaseBody } from './support/cases.ts';

const ALL = ['cases:read', 'cases:write', 'units:read', 'units:write'];
const keys = testApiKeys({
  police: { agency: 'police', scopes: ALL },
  prosecutor: { agency: 'prosecutor', scopes: ALL },
  reader: { agency: 'police', scopes: ['cases:read'] },
});
type Who = Parameters<typeof keys.as>[0];

let t: TestApp;
let kase: CaseView;
let registration: ReturnType<typeof aRegisterCaseBody>;

const json = (who: Who, extra: Record<string, string> = {}) =>
  keys.as(who, { 'content-type': 'application/json', ...extra });

beforeAll(async () => {
  t = await startTestApp('api-protection', { API_KEYS: keys.json, BODY_LIMIT_BYTES: '16384' });
  registration = aRegisterCaseBody();
  const created = await send(t.app, {
    method: 'POST',
    url: '/v1/cases',
    headers: json('police'),
    payload: JSON.stringify(registration),
  });
  expect(created.statusCode, created.body).toBe(201);
  kase = JSON.parse(created.body) as CaseView;
});

afterAll(async () => {
  await t.close();
});

describe('mass assignment', () => {
  it('refuses ids, versions, states, timestamps and owners in any write body, storing nothing', async () => {
    const before = await fingerprintOf(t.db);
    const targets: { url: string; body: Record<string, unknown> }[] = [
      { url: '/v1/cases', body: aRegisterCaseBody() as Record<string, unknown> },
      { url: `/v1/cases/${kase.id}/transitions`, body: { to: 'closed', reason: 'dismissed' } },
      { url: `/v1/cases/${kase.id}/notes`, body: { text: 'یادداشت' } },
      { url: '/v1/units', body: { kind: 'prosecutor', province: 'khuzestan', name: 'واحد' } },
    ];
    for (const target of targets) {
      for (const { field, body } of massAssignmentBodies(target.body)) {
        const response = await send(t.app, {
          method: 'POST',
          url: target.url,
          headers: json('prosecutor'),
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
  it('keeps no Idempotency-Key record for a duplicate registration the handler refused', async () => {
    const before = await fingerprintOf(t.db);
    const request = {
      method: 'POST',
      url: '/v1/cases',
      headers: json('police', { 'idempotency-key': 'duplicate-registration-1' }),
      payload: JSON.stringify(registration),
    };
    const refused = await send(t.app, request);
    expect(refused.statusCode, refused.body).toBe(409);
    expect(await fingerprintOf(t.db)).toEqual(before);
    const again = await send(t.app, request);
    expect(again.statusCode).toBe(409);
    expect(again.headers['idempotent-replayed']).toBeUndefined();
  });
});

describe('resource limits', () => {
  it('enforces the documented maximum page size on every paged route', async () => {
    const paged = pagedRoutes(t.app.swagger());
    expect(paged.length).toBeGreaterThan(1);
    for (const { route, max } of paged) {
      expect(Number.isFinite(max), `${route.url} documents no maximum limit`).toBe(true);
      const atMax = await send(t.app, pageRequest(route, String(max), keys.as('police'), { id: kase.id }));
      expect(atMax.statusCode, `${route.url}?limit=${max}: ${atMax.body}`).toBe(200);
      for (const limit of [String(max + 1), '0', '-1', '1e9', '99999999999999999999', 'NaN', '10.5']) {
        const over = await send(t.app, pageRequest(route, limit, keys.as('police'), { id: kase.id }));
        expect(over.statusCode, `${route.url}?limit=${limit}: ${over.body}`).toBe(400);
        expect(refusalProblem(over)).toBeUndefined();
      }
    }
  });

  it('answers 413 as problem+json to a body over BODY_LIMIT_BYTES, storing nothing', async () => {
    const before = await fingerprintOf(t.db);
    const response = await send(t.app, {
      method: 'POST',
      url: `/v1/cases/${kase.id}/notes`,
      headers: json('police'),
      payload: JSON.stringify({ text: 'ن'.repeat(10_000) }),
    });
    expect(response.statusCode).toBe(413);
    expect(problemCode(response)).toBe('PAYLOAD_TOO_LARGE');
    expect(await fingerprintOf(t.db)).toEqual(before);
  });

  it('answers 429 with Retry-After once a key used up its rate limit, and other keys go on', async () => {
    const limited = await startTestApp('api-protection-rate', { API_KEYS: keys.json, RATE_LIMIT_MAX: '3' });
    try {
      const request = { method: 'GET', url: '/v1/cases', headers: keys.as('police') };
      const responses = await repeatedly(limited.app, request, 4);
      expect(responses.slice(0, 3).map((r) => r.statusCode)).toEqual([200, 200, 200]);
      const refused = responses[3];
      expect(refused?.statusCode).toBe(429);
      if (refused === undefined) return;
      expect(problemCode(refused)).toBe('RATE_LIMITED');
      expect(refusalProblem(refused)).toBeUndefined();
      expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      expect((await send(limited.app, { ...request, headers: keys.as('reader') })).statusCode).toBe(200);
    } finally {
      await limited.close();
    }
  });
});

describe('security headers and error bodies', () => {
  it('sends the security headers on successes, refusals, unknown routes and errors alike', async () => {
    const requests = [
      { method: 'GET', url: `/v1/cases/${kase.id}`, headers: keys.as('police') },
      { method: 'GET', url: '/v1/cases', headers: {} },
      { method: 'GET', url: '/v1/cases?limit=0', headers: keys.as('police') },
      { method: 'GET', url: '/v1/nowhere', headers: keys.as('police') },
      { method: 'POST', url: '/v1/units', headers: json('reader'), payload: '{}' },
      { method: 'POST', url: '/v1/cases', headers: json('police'), payload: '{' },
      { method: 'GET', url: '/health/live', headers: {} },
    ];
    for (const request of requests) {
      const response = await send(t.app, request);
      expect(missingSecurityHeaders(response), `${request.method} ${request.url}`).toEqual([]);
    }
  });

  it('answers a URL it cannot decode and an overlong path parameter as problem+json, without echoing internals', async () => {
    for (const url of [
      '/v1/cases/%ZZ',
      '/v1/cases/%C0%AF/history',
      `/v1/cases/${'x'.repeat(200)}`,
      '/v1/units/%',
    ]) {
      const response = await send(t.app, { method: 'GET', url, headers: keys.as('police') });
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
});
