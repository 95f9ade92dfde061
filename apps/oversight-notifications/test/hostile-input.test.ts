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
import { raiseNotification, webhookEnv } from './support/webhooks.ts';

export const OVERSIGHT_SCOPES = [
  'notifications:read',
  'notifications:acknowledge',
  'rules:read',
  'rules:admin',
  'workgroups:read',
  'workgroups:manage',
  'resolutions:report',
  'stats:read',
  'webhooks:manage',
  'messaging:admin',
];
/** Khuzestan's prosecutor with every scope: chairs its workgroup, reads its feed, manages its webhooks. */
const keys = testApiKeys({
  fuzzer: { agency: 'prosecutor', province: 'khuzestan', scopes: OVERSIGHT_SCOPES },
});
const BODY_LIMIT_BYTES = 64 * 1024;
const AUDIENCE = 'prosecutor:khuzestan';

let t: TestApp;
const ids = { notification: 'n-hostile-1', workgroup: '', meeting: '', resolution: '', webhook: '' };

async function created(url: string, payload: unknown): Promise<string> {
  const response = await t.app.inject({
    method: 'POST',
    url,
    headers: keys.as('fuzzer'),
    payload: payload as object,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ id: string }>().id;
}

const workgroupBody = {
  name: 'کارگروه نظارت بر اجرای احکام قاچاق کالا و ارز استان خوزستان',
  province: 'khuzestan',
  chairAgency: 'prosecutor',
  memberAgencies: ['customs', 'police'],
};
const resolutionBody = {
  text: 'تعیین تکلیف کالاهای رسوبی',
  assigneeAgency: 'prosecutor',
  dueAt: '2025-02-01T00:00:00Z',
};
const webhookBody = { audience: AUDIENCE, url: 'https://hooks.agency.example/oversight' };

beforeAll(async () => {
  t = await startTestApp('hostile-input', {
    API_KEYS: keys.json,
    BODY_LIMIT_BYTES: String(BODY_LIMIT_BYTES),
    ...webhookEnv,
  });
  // The consumer runs (its queues declared) so the dead-letter routes reach the broker; the outbox
  // relay does not, so nothing writes to the database behind the requests' backs.
  await t.startMessaging('consumer');
  await raiseNotification(t, ids.notification, [AUDIENCE]);
  ids.workgroup = await created('/v1/workgroups', workgroupBody);
  ids.meeting = await created(`/v1/workgroups/${ids.workgroup}/meetings`, { heldAt: '2024-12-30T00:00:00Z' });
  ids.resolution = await created(`/v1/meetings/${ids.meeting}/resolutions`, resolutionBody);
  ids.webhook = await created('/v1/webhooks', webhookBody);
});

afterAll(async () => {
  await t.close();
});

describe('hostile input on every route', () => {
  it(
    'answers every fuzzed request with a 2xx or a problem+json 4xx, and a refusal writes nothing',
    async () => {
      const examples = {
        'GET /v1/notifications/:id': { params: { id: ids.notification } },
        'POST /v1/notifications/:id/acknowledgements': { params: { id: ids.notification } },
        'PUT /v1/rules': { body: { caseDeterminationDays: 90 } },
        'POST /v1/workgroups': { body: workgroupBody },
        'GET /v1/workgroups/:id': { params: { id: ids.workgroup } },
        'POST /v1/workgroups/:id/meetings': {
          params: { id: ids.workgroup },
          body: { heldAt: '2024-12-31T00:00:00Z' },
        },
        'POST /v1/meetings/:id/resolutions': { params: { id: ids.meeting }, body: resolutionBody },
        'GET /v1/resolutions/:id': { params: { id: ids.resolution } },
        'POST /v1/resolutions/:id/progress': {
          params: { id: ids.resolution },
          body: { percent: 10, note: 'آغاز شد' },
        },
        'POST /v1/resolutions/:id/completion': { params: { id: ids.resolution }, body: { note: 'انجام شد' } },
        'GET /v1/feeds/:audience': { params: { audience: AUDIENCE } },
        'GET /v1/feeds/:audience/stream': { params: { audience: AUDIENCE } },
        'POST /v1/webhooks': { body: webhookBody },
        'GET /v1/webhooks/:id': { params: { id: ids.webhook } },
        'GET /v1/webhooks/:id/deliveries': { params: { id: ids.webhook } },
        'POST /v1/webhooks/:id/resume': { params: { id: ids.webhook } },
        'DELETE /v1/webhooks/:id': { params: { id: ids.webhook } },
        'GET /admin/dead-letters/:consumer': { params: { consumer: 'watched-events' } },
        'GET /admin/dead-letters/:consumer/:messageId': {
          params: { consumer: 'watched-events', messageId: ids.notification },
        },
        'POST /admin/dead-letters/:consumer/redrive': {
          params: { consumer: 'watched-events' },
          body: { messageIds: [ids.notification], limit: 10 },
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
      { method: 'PUT', url: '/v1/rules', body: { caseDeterminationDays: 90, goodsDwellDays: 180 } },
      { method: 'POST', url: '/v1/workgroups', body: workgroupBody },
      {
        method: 'POST',
        url: `/v1/workgroups/${ids.workgroup}/meetings`,
        body: { heldAt: '2024-12-31T00:00:00Z' },
      },
      { method: 'POST', url: `/v1/meetings/${ids.meeting}/resolutions`, body: resolutionBody },
      {
        method: 'POST',
        url: `/v1/resolutions/${ids.resolution}/progress`,
        body: { percent: 10, note: 'آغاز' },
      },
      { method: 'POST', url: `/v1/resolutions/${ids.resolution}/completion`, body: { note: 'انجام شد' } },
      { method: 'POST', url: '/v1/webhooks', body: webhookBody },
      {
        method: 'POST',
        url: '/admin/dead-letters/watched-events/redrive',
        body: { messageIds: [ids.notification], limit: 10 },
      },
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

  it('refuses MongoDB operators and forged cursors in ids, audiences and query values', async () => {
    for (const url of [
      '/v1/notifications/%7B%22%24gt%22%3A%22%22%7D',
      '/v1/feeds/%7B%22%24ne%22%3Anull%7D',
      `/v1/feeds/${AUDIENCE}?after=%7B%22%24gt%22%3A0%7D`,
      `/v1/feeds/${AUDIENCE}?state=%7B%22%24ne%22%3Anull%7D`,
      '/v1/resolutions?cursor=eyIkZ3QiOiIifQ',
      '/v1/webhooks?cursor=eyIkd2hlcmUiOiJzbGVlcCgxMDAwKSJ9',
      '/v1/stats/agencies?province=%7B%22%24gt%22%3A%22%22%7D',
    ]) {
      const response = await send(t.app, { method: 'GET', url, headers: keys.as('fuzzer') });
      expect(response.statusCode, `${url}: ${response.body}`).toBeGreaterThanOrEqual(400);
      expect(refusalProblem(response), url).toBeUndefined();
    }
    const stream = await send(t.app, {
      method: 'GET',
      url: `/v1/feeds/${AUDIENCE}/stream`,
      headers: keys.as('fuzzer', { 'last-event-id': '{"$gt":0}' }),
    });
    expect(stream.statusCode).toBe(400);
  });
});
