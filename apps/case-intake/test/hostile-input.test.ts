import type { CaseView } from '@enforcement/contracts';
import { testApiKeys } from '@enforcement/service-kit/testing';
import {
  bodyRefusalCases,
  fingerprintOf,
  fuzzCoverage,
  fuzzRoutes,
  fuzzRuns,
  fuzzTimeoutMs,
  refusalProblem,
  send,
} from '@enforcement/testkit/hostile';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/app.ts';
import { aRegisterCaseBody } from './support/cases.ts';

const ALL = ['cases:read', 'cases:write', 'units:read', 'units:write'];
/** The police discover cases and staff units: with every scope, fuzzed requests reach the handlers. */
const keys = testApiKeys({
  fuzzer: { agency: 'police', scopes: ALL },
  prosecutor: { agency: 'prosecutor', scopes: ALL },
});
const BODY_LIMIT_BYTES = 64 * 1024;

let t: TestApp;
let kase: CaseView;
let unitId: string;
let deploymentId: string;

async function ok<T>(who: 'fuzzer' | 'prosecutor', url: string, payload: unknown): Promise<T> {
  const response = await t.app.inject({
    method: 'POST',
    url,
    headers: keys.as(who),
    payload: payload as object,
  });
  expect(response.statusCode, response.body).toBeLessThan(300);
  return response.json<T>();
}

const officer = { officerId: 'officer-1', officerName: 'سرگرد رضایی', startsAt: '2025-10-01T08:00:00Z' };

beforeAll(async () => {
  t = await startTestApp('hostile-input', {
    API_KEYS: keys.json,
    BODY_LIMIT_BYTES: String(BODY_LIMIT_BYTES),
  });
  kase = await ok<CaseView>('fuzzer', '/v1/cases', aRegisterCaseBody());
  unitId = (
    await ok<{ id: string }>('prosecutor', '/v1/units', {
      kind: 'prosecutor',
      province: 'khuzestan',
      name: 'واحد اجرای احکام',
    })
  ).id;
  deploymentId = (await ok<{ deploymentId: string }>('fuzzer', `/v1/units/${unitId}/deployments`, officer))
    .deploymentId;
});

afterAll(async () => {
  await t.close();
});

describe('hostile input on every route', () => {
  it(
    'answers every fuzzed request with a 2xx or a problem+json 4xx, and a refusal writes nothing',
    async () => {
      const examples = {
        'POST /v1/cases': { body: aRegisterCaseBody() },
        'GET /v1/cases/:id': { params: { id: kase.id } },
        'POST /v1/cases/:id/transitions': {
          params: { id: kase.id },
          body: { to: 'under_investigation', branch: { id: 'branch-ahvaz-7', name: 'شعبه ۷' } },
        },
        'GET /v1/cases/:id/history': { params: { id: kase.id } },
        'POST /v1/cases/:id/notes': { params: { id: kase.id }, body: { text: 'یادداشت پرونده' } },
        'POST /v1/units': { body: { kind: 'tazirat', province: 'khuzestan', name: 'واحد' } },
        'GET /v1/units/:id': { params: { id: unitId } },
        'POST /v1/units/:id/deployments': { params: { id: unitId }, body: officer },
        'POST /v1/units/:id/deployments/:deploymentId/release': {
          params: { id: unitId, deploymentId },
          body: { releasedAt: '2025-10-02T08:00:00Z' },
        },
      };
      const results = await fuzzRoutes({
        app: t.app,
        db: t.db,
        authHeaders: () => keys.as('fuzzer'),
        bodyLimitBytes: BODY_LIMIT_BYTES,
        examples,
        numRuns: fuzzRuns(25),
      });
      // Every route the app registered was fuzzed (a new one without a change here), and the mutated
      // valid requests reached the handlers: some were accepted.
      const coverage = fuzzCoverage(t.app, results, examples);
      expect(coverage).toMatchObject({ unfuzzed: [], strays: [], unknownExamples: [] });
      expect(coverage.acceptedRoutes).toBeGreaterThan(5);
    },
    fuzzTimeoutMs(25),
  );

  it('is still alive and ready after the fuzzing', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/health/live' })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/health/ready' })).statusCode).toBe(200);
  });

  it('refuses oversized, mistyped, malformed, polluting and operator bodies on every JSON route, writing nothing', async () => {
    const targets = [
      { method: 'POST', url: '/v1/cases', body: aRegisterCaseBody() },
      {
        method: 'POST',
        url: `/v1/cases/${kase.id}/transitions`,
        body: { to: 'closed', reason: 'dismissed' },
      },
      { method: 'POST', url: `/v1/cases/${kase.id}/notes`, body: { text: 'یادداشت' } },
      { method: 'POST', url: '/v1/units', body: { kind: 'tazirat', province: 'khuzestan', name: 'واحد' } },
      { method: 'POST', url: `/v1/units/${unitId}/deployments`, body: officer },
      { method: 'POST', url: `/v1/units/${unitId}/deployments/${deploymentId}/release`, body: {} },
    ];
    const before = await fingerprintOf(t.db);
    for (const target of targets) {
      const headers = keys.as('fuzzer', { 'idempotency-key': `refused-${target.url}` });
      for (const refusal of bodyRefusalCases({ ...target, headers }, target.body, BODY_LIMIT_BYTES)) {
        const response = await send(t.app, refusal.request);
        const label = `${target.method} ${target.url}: ${refusal.label} -> ${response.statusCode} ${response.body.slice(0, 200)}`;
        expect(refusal.statuses, label).toContain(response.statusCode);
        expect(refusalProblem(response), label).toBeUndefined();
      }
    }
    expect(await fingerprintOf(t.db)).toEqual(before);
  });

  it('refuses MongoDB operators in ids and query values', async () => {
    for (const url of [
      '/v1/cases/%7B%22%24gt%22%3A%22%22%7D',
      '/v1/cases?status=%7B%22%24ne%22%3Anull%7D',
      '/v1/cases?cursor=%7B%22%24where%22%3A%22sleep(1000)%22%7D',
      '/v1/cases/%24where/history',
      '/v1/units?province=%7B%22%24gt%22%3A%22%22%7D',
      '/v1/units?cursor=eyIkZ3QiOiIifQ',
    ]) {
      const response = await send(t.app, { method: 'GET', url, headers: keys.as('fuzzer') });
      expect(response.statusCode, `${url}: ${response.body}`).toBeGreaterThanOrEqual(400);
      expect(refusalProblem(response), url).toBeUndefined();
    }
  });
});
