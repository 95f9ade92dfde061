import { testApiKeys } from '@enforcement/service-kit/testing';
import {
  fingerprintOf,
  type InjectableApp,
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
import { raiseNotification, webhookEnv } from './support/webhooks.ts';

const SCOPES = [
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
const keys = testApiKeys({
  chair: { agency: 'prosecutor', province: 'khuzestan', scopes: SCOPES },
  reader: { agency: 'prosecutor', province: 'khuzestan', scopes: ['notifications:read'] },
});
type Who = Parameters<typeof keys.as>[0];
const AUDIENCE = 'prosecutor:khuzestan';

let t: TestApp;
const ids = { workgroup: '', meeting: '', resolution: '', webhook: '' };

const json = (who: Who, extra: Record<string, string> = {}) =>
  keys.as(who, { 'content-type': 'application/json', ...extra });

async function created(url: string, payload: unknown): Promise<string> {
  const response = await send(t.app, {
    method: 'POST',
    url,
    headers: json('chair'),
    payload: JSON.stringify(payload),
  });
  expect(response.statusCode, response.body).toBe(201);
  return (JSON.parse(response.body) as { id: string }).id;
}

const workgroupBody = {
  name: 'کارگروه نظارت استان خوزستان',
  province: 'khuzestan',
  chairAgency: 'prosecutor',
  memberAgencies: ['customs', 'police'],
};
const resolutionBody = {
  text: 'تعیین تکلیف کالاهای رسوبی',
  assigneeAgency: 'prosecutor',
  dueAt: '2025-02-01T00:00:00Z',
};

beforeAll(async () => {
  t = await startTestApp('api-protection', {
    API_KEYS: keys.json,
    BODY_LIMIT_BYTES: '16384',
    SSE_MAX_STREAMS_PER_PRINCIPAL: '2',
    ...webhookEnv,
  });
  // The consumer's queues declared, so the dead-letter list answers its largest page; no relay runs.
  await t.startMessaging('consumer');
  await raiseNotification(t, 'n-protection-1', [AUDIENCE]);
  ids.workgroup = await created('/v1/workgroups', workgroupBody);
  ids.meeting = await created(`/v1/workgroups/${ids.workgroup}/meetings`, { heldAt: '2024-12-30T00:00:00Z' });
  ids.resolution = await created(`/v1/meetings/${ids.meeting}/resolutions`, resolutionBody);
  ids.webhook = await created('/v1/webhooks', { audience: AUDIENCE, url: 'https://hooks.agency.example/a' });
});

afterAll(async () => {
  await t.close();
});

describe('mass assignment', () => {
  it('refuses ids, versions, states, timestamps and owners in any write body, storing nothing', async () => {
    const before = await fingerprintOf(t.db);
    const targets: { method: string; url: string; body: Record<string, unknown> }[] = [
      { method: 'PUT', url: '/v1/rules', body: { caseDeterminationDays: 90 } },
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
        body: { percent: 5, note: 'آغاز' },
      },
      { method: 'POST', url: `/v1/resolutions/${ids.resolution}/completion`, body: { note: 'انجام شد' } },
      {
        method: 'POST',
        url: '/v1/webhooks',
        body: { audience: AUDIENCE, url: 'https://hooks.agency.example/b' },
      },
      { method: 'POST', url: '/admin/dead-letters/watched-events/redrive', body: { messageIds: ['x'] } },
    ];
    for (const target of targets) {
      for (const { field, body } of massAssignmentBodies(target.body)) {
        const response = await send(t.app, {
          ...target,
          headers: json('chair'),
          payload: JSON.stringify(body),
        });
        expect(response.statusCode, `${target.url} with ${field}: ${response.body}`).toBe(400);
        expect(problemCode(response)).toBe('VALIDATION_FAILED');
      }
    }
    expect(await fingerprintOf(t.db)).toEqual(before);
  });

  it('ignores a body sent to the acknowledgement, which takes none: the record names the caller, not the body', async () => {
    const response = await send(t.app, {
      method: 'POST',
      url: '/v1/notifications/n-protection-1/acknowledgements',
      headers: json('chair'),
      payload: JSON.stringify({
        agency: 'inspection',
        principalId: 'forged',
        at: '2000-01-01T00:00:00Z',
        state: 'resolved',
      }),
    });
    expect(response.statusCode, response.body).toBe(201);
    const view = JSON.parse(response.body) as {
      state: string;
      acknowledgements: { agency: string; at: string }[];
    };
    expect(view.state).toBe('open');
    expect(view.acknowledgements).toEqual([expect.objectContaining({ agency: 'prosecutor' })]);
    expect(response.body).not.toContain('forged');
    expect(response.body).not.toContain('2000-01-01');
  });
});

describe('idempotency of refusals', () => {
  it('keeps no Idempotency-Key record for a request the handler refused', async () => {
    const before = await fingerprintOf(t.db);
    const request = {
      method: 'POST',
      url: '/v1/workgroups',
      headers: json('chair', { 'idempotency-key': 'refused-workgroup-1' }),
      payload: JSON.stringify({ ...workgroupBody, chairAgency: 'customs' }),
    };
    const refused = await send(t.app, request);
    expect(refused.statusCode, refused.body).toBeGreaterThanOrEqual(400);
    expect(refused.statusCode).toBeLessThan(500);
    expect(await fingerprintOf(t.db)).toEqual(before);
  });
});

describe('resource limits', () => {
  it('enforces the documented maximum page size on every paged route', async () => {
    const paged = pagedRoutes(t.app.swagger());
    expect(paged.length).toBeGreaterThan(1);
    const params = { id: ids.webhook, audience: AUDIENCE, consumer: 'watched-events' };
    for (const { route, max } of paged) {
      expect(Number.isFinite(max), `${route.url} documents no maximum limit`).toBe(true);
      const atMax = await send(t.app, pageRequest(route, String(max), keys.as('chair'), params));
      expect(atMax.statusCode, `${route.url}?limit=${max}: ${atMax.body}`).toBe(200);
      for (const limit of [String(max + 1), '0', '-1', '1e9', '99999999999999999999', 'NaN', '10.5']) {
        const over = await send(t.app, pageRequest(route, limit, keys.as('chair'), params));
        expect(over.statusCode, `${route.url}?limit=${limit}: ${over.body}`).toBe(400);
        expect(refusalProblem(over)).toBeUndefined();
      }
    }
  });

  it('bounds the open SSE streams of a key with a problem+json 429, and a closed stream frees its slot', async () => {
    const app = t.app as unknown as InjectableApp;
    const open = () =>
      app.inject({
        method: 'GET',
        url: `/v1/feeds/${AUDIENCE}/stream`,
        headers: keys.as('reader'),
        payloadAsStream: true,
      });
    const first = await open();
    const second = await open();
    expect([first.statusCode, second.statusCode]).toEqual([200, 200]);
    const refused = await send(t.app, {
      method: 'GET',
      url: `/v1/feeds/${AUDIENCE}/stream`,
      headers: keys.as('reader'),
    });
    expect(refused.statusCode).toBe(429);
    expect(refusalProblem(refused)).toBeUndefined();
    expect(problemCode(refused)).toBe('FEED_STREAM_LIMIT');
    first.raw.res.destroy();
    first.stream().on('error', () => {});
    await new Promise((resolve) => setTimeout(resolve, 20));
    const third = await send(t.app, {
      method: 'GET',
      url: `/v1/feeds/${AUDIENCE}/stream`,
      headers: keys.as('reader'),
    });
    expect(third.statusCode).toBe(200);
    second.raw.res.destroy();
    second.stream().on('error', () => {});
  });

  it('answers 413 as problem+json to a body over BODY_LIMIT_BYTES, storing nothing', async () => {
    const before = await fingerprintOf(t.db);
    const response = await send(t.app, {
      method: 'POST',
      url: `/v1/workgroups/${ids.workgroup}/meetings`,
      headers: json('chair'),
      payload: JSON.stringify({ heldAt: '2024-12-31T00:00:00Z', minutes: 'ص'.repeat(10_000) }),
    });
    expect(response.statusCode).toBe(413);
    expect(problemCode(response)).toBe('PAYLOAD_TOO_LARGE');
    expect(await fingerprintOf(t.db)).toEqual(before);
  });

  it('answers 429 with Retry-After once a key used up its rate limit, and other keys go on', async () => {
    const limited = await startTestApp('api-protection-rate', { API_KEYS: keys.json, RATE_LIMIT_MAX: '3' });
    try {
      const request = { method: 'GET', url: `/v1/feeds/${AUDIENCE}`, headers: keys.as('chair') };
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
  it('sends the security headers on successes, refusals, unknown routes, streams and errors alike', async () => {
    const requests = [
      { method: 'GET', url: `/v1/feeds/${AUDIENCE}`, headers: keys.as('chair') },
      { method: 'GET', url: `/v1/feeds/${AUDIENCE}/stream`, headers: keys.as('chair') },
      { method: 'GET', url: '/v1/rules', headers: {} },
      { method: 'GET', url: '/v1/rules', headers: keys.as('reader') },
      { method: 'GET', url: '/v1/nowhere', headers: keys.as('chair') },
      { method: 'PUT', url: '/v1/rules', headers: json('chair'), payload: '{' },
      { method: 'GET', url: '/admin/dead-letters/watched-events?limit=0', headers: keys.as('chair') },
      { method: 'GET', url: '/admin/dead-letters/nobody', headers: keys.as('chair') },
      { method: 'GET', url: '/health/live', headers: {} },
    ];
    for (const request of requests) {
      const response = await send(t.app, request);
      expect(missingSecurityHeaders(response), `${request.method} ${request.url}`).toEqual([]);
    }
  });

  it('answers a URL it cannot decode and an overlong path parameter as problem+json, without echoing internals', async () => {
    for (const url of [
      '/v1/feeds/%ZZ',
      '/v1/notifications/%C0%AF',
      `/v1/webhooks/${'x'.repeat(200)}`,
      '/v1/resolutions/%',
    ]) {
      const response = await send(t.app, { method: 'GET', url, headers: keys.as('chair') });
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
  });
});
