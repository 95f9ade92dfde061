import type { LotView } from '@enforcement/contracts';
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
import { aRegisterLotBody } from './support/lots.ts';

/** A national customs key with every scope: fuzzed requests get past authorization to validation. */
const keys = testApiKeys({
  fuzzer: { agency: 'customs', scopes: ['lots:read', 'lots:write', 'offices:admin', 'messaging:admin'] },
});
const REDRIVE_URL = '/admin/dead-letters/case-events/redrive';
const BODY_LIMIT_BYTES = 64 * 1024;

let t: TestApp;
let lot: LotView;
let transitId: string;

async function ok(method: 'POST' | 'PUT', url: string, payload: unknown): Promise<LotView> {
  const response = await t.app.inject({
    method,
    url,
    headers: keys.as('fuzzer'),
    payload: payload as object,
  });
  expect(response.statusCode, response.body).toBeLessThan(300);
  return response.json<LotView>();
}

beforeAll(async () => {
  t = await startTestApp('hostile-input', {
    API_KEYS: keys.json,
    BODY_LIMIT_BYTES: String(BODY_LIMIT_BYTES),
  });
  // The consumer runs (its queues declared) so the dead-letter routes reach the broker; the outbox
  // relay does not, so nothing writes to the database behind the requests' backs.
  await t.startMessaging('consumer');
  lot = await ok('POST', '/v1/lots', aRegisterLotBody());
  const travelling = await ok('POST', '/v1/lots', aRegisterLotBody({ caseId: null }));
  for (const step of [{ to: 'held' }, { to: 'pending_clearance' }, { to: 'cleared' }]) {
    await ok('POST', `/v1/lots/${travelling.id}/transitions`, step);
  }
  const exited = await ok('POST', `/v1/lots/${travelling.id}/transitions`, {
    to: 'exited',
    transit: {
      destinationOfficeId: 'bsh_bushehr',
      quantity: travelling.quantity,
      expectedArrivalAt: '2025-10-06T08:30:00Z',
    },
  });
  transitId = exited.transit?.transitId ?? '';
});

afterAll(async () => {
  await t.close();
});

describe('hostile input on every route', () => {
  it(
    'answers every fuzzed request with a 2xx or a problem+json 4xx, and a refusal writes nothing',
    async () => {
      const examples = {
        'POST /v1/lots': { body: aRegisterLotBody() },
        'GET /v1/lots/:id': { params: { id: lot.id } },
        'POST /v1/lots/:id/transitions': { params: { id: lot.id }, body: { to: 'held' } },
        'POST /v1/lots/:id/abandonment-extension': { params: { id: lot.id }, body: { days: 10 } },
        'GET /v1/transits/:id': { params: { id: transitId } },
        'POST /v1/transits/:id/arrival': {
          params: { id: transitId },
          body: { quantity: { amount: 1, unit: 'kg' } },
        },
        'GET /v1/offices/:id': { params: { id: 'khz_shalamcheh' } },
        'PUT /v1/offices/:id': {
          params: { id: 'khz_fuzzed' },
          body: { province: 'khuzestan', kind: 'port', fa: 'بندر', en: 'Port' },
        },
        'GET /admin/dead-letters/:consumer': { params: { consumer: 'case-events' } },
        'GET /admin/dead-letters/:consumer/:messageId': {
          params: { consumer: 'case-events', messageId: lot.id },
        },
        'POST /admin/dead-letters/:consumer/redrive': {
          params: { consumer: 'case-events' },
          body: { messageIds: [lot.id], limit: 10 },
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
      { method: 'POST', url: '/v1/lots', body: aRegisterLotBody() },
      { method: 'POST', url: `/v1/lots/${lot.id}/transitions`, body: { to: 'held' } },
      { method: 'POST', url: `/v1/lots/${lot.id}/abandonment-extension`, body: { days: 10 } },
      {
        method: 'POST',
        url: `/v1/transits/${transitId}/arrival`,
        body: { quantity: { amount: 1, unit: 'kg' } },
      },
      {
        method: 'PUT',
        url: '/v1/offices/khz_refused',
        body: { province: 'khuzestan', kind: 'port', fa: 'بندر', en: 'Port' },
      },
      { method: 'POST', url: REDRIVE_URL, body: { messageIds: [lot.id], limit: 10 } },
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

  it('refuses MongoDB operators in ids and query values, and ignores operator-shaped query names', async () => {
    for (const url of [
      '/v1/lots/%7B%22%24gt%22%3A%22%22%7D',
      '/v1/lots?status=%7B%22%24ne%22%3Anull%7D',
      '/v1/transits/%24where',
      '/v1/stats/dwell?province=%7B%22%24where%22%3A%22sleep(1000)%22%7D',
    ]) {
      const response = await send(t.app, { method: 'GET', url, headers: keys.as('fuzzer') });
      expect(response.statusCode, `${url}: ${response.body}`).toBeGreaterThanOrEqual(400);
      expect(refusalProblem(response), url).toBeUndefined();
    }
    // `name[$op]` is no operator to this query parser: an unknown parameter, refused or dropped.
    for (const url of ['/v1/lots?status[$ne]=held', '/v1/offices?province[$gt]=']) {
      const response = await send(t.app, { method: 'GET', url, headers: keys.as('fuzzer') });
      expect(response.statusCode, `${url}: ${response.body}`).toBeLessThan(500);
      if (response.statusCode >= 400) expect(refusalProblem(response), url).toBeUndefined();
    }
  });
});
