import { testApiKeys } from '@enforcement/service-kit/testing';
import {
  fingerprintOf,
  refusalProblem,
  registeredRoutes,
  scopeMatrix,
  scopeMatrixPrincipals,
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
const EVERYTHING_BUT_ADMIN = SCOPES.filter((scope) => !scope.endsWith(':admin'));

const keys = testApiKeys({
  ...scopeMatrixPrincipals('inspection', SCOPES),
  prosecutorKhuzestan: { agency: 'prosecutor', province: 'khuzestan', scopes: EVERYTHING_BUT_ADMIN },
  prosecutorBushehr: { agency: 'prosecutor', province: 'bushehr', scopes: EVERYTHING_BUT_ADMIN },
  customsKhuzestan: { agency: 'customs', province: 'khuzestan', scopes: EVERYTHING_BUT_ADMIN },
  customsNational: { agency: 'customs', scopes: EVERYTHING_BUT_ADMIN },
  portsKhuzestan: { agency: 'ports', province: 'khuzestan', scopes: EVERYTHING_BUT_ADMIN },
  policeBushehr: { agency: 'police', province: 'bushehr', scopes: EVERYTHING_BUT_ADMIN },
  governorateBushehr: { agency: 'governorate', province: 'bushehr', scopes: ['stats:read'] },
});
type Who = Parameters<typeof keys.as>[0];

let t: TestApp;
const ids = { notification: 'n-authz-1', workgroup: '', meeting: '', resolution: '', webhook: '' };

async function as(who: Who, method: string, url: string, payload?: unknown) {
  return send(t.app, {
    method,
    url,
    headers: keys.as(who, payload === undefined ? {} : { 'content-type': 'application/json' }),
    ...(payload === undefined ? {} : { payload: JSON.stringify(payload) }),
  });
}

async function created(who: Who, url: string, payload: unknown): Promise<string> {
  const response = await as(who, 'POST', url, payload);
  expect(response.statusCode, response.body).toBe(201);
  return (JSON.parse(response.body) as { id: string }).id;
}

beforeAll(async () => {
  t = await startTestApp('authorization-matrix', { API_KEYS: keys.json, ...webhookEnv });
  await raiseNotification(t, ids.notification, ['prosecutor:khuzestan']);
  ids.workgroup = await created('prosecutorKhuzestan', '/v1/workgroups', {
    name: 'کارگروه نظارت استان خوزستان',
    province: 'khuzestan',
    chairAgency: 'prosecutor',
    memberAgencies: ['customs', 'police'],
  });
  ids.meeting = await created('prosecutorKhuzestan', `/v1/workgroups/${ids.workgroup}/meetings`, {
    heldAt: '2024-12-30T00:00:00Z',
  });
  ids.resolution = await created('prosecutorKhuzestan', `/v1/meetings/${ids.meeting}/resolutions`, {
    text: 'تعیین تکلیف کالاهای رسوبی',
    assigneeAgency: 'police',
    dueAt: '2025-02-01T00:00:00Z',
  });
  ids.webhook = await created('prosecutorKhuzestan', '/v1/webhooks', {
    audience: 'prosecutor:khuzestan',
    url: 'https://hooks.agency.example/khuzestan',
  });
});

afterAll(async () => {
  await t.close();
});

describe('function-level authorization', () => {
  it('answers 401 without a key, 403 naming the scope a key lacks, on every route the app registered', async () => {
    const routes = registeredRoutes(t.app.printRoutes({ commonPrefix: false }));
    const { matrix, violations } = await scopeMatrix(
      { app: t.app, scopes: SCOPES, headersOf: (who) => keys.as(who as Who) },
      routes,
    );
    expect(violations).toEqual([]);
    const api = Object.fromEntries(Object.entries(matrix).filter(([route]) => / \/(v1|admin)\//.test(route)));
    expect(api).toEqual({
      'GET /v1/principal': [],
      'GET /v1/notifications/:id': ['notifications:read'],
      'POST /v1/notifications/:id/acknowledgements': ['notifications:acknowledge'],
      'GET /v1/rules': ['rules:read'],
      'PUT /v1/rules': ['rules:admin'],
      'POST /v1/workgroups': ['workgroups:manage'],
      'GET /v1/workgroups/:id': ['workgroups:read'],
      'POST /v1/workgroups/:id/meetings': ['workgroups:manage'],
      'POST /v1/meetings/:id/resolutions': ['workgroups:manage'],
      'GET /v1/resolutions': ['workgroups:read'],
      'GET /v1/resolutions/:id': ['workgroups:read'],
      'POST /v1/resolutions/:id/progress': ['resolutions:report'],
      'POST /v1/resolutions/:id/completion': ['workgroups:manage'],
      'GET /v1/feeds/:audience': ['notifications:read'],
      'GET /v1/feeds/:audience/stream': ['notifications:read'],
      'GET /v1/stats/agencies': ['stats:read'],
      'GET /v1/stats/overview': ['stats:read'],
      'POST /v1/webhooks': ['webhooks:manage'],
      'GET /v1/webhooks': ['webhooks:manage'],
      'GET /v1/webhooks/:id': ['webhooks:manage'],
      'GET /v1/webhooks/:id/deliveries': ['webhooks:manage'],
      'POST /v1/webhooks/:id/resume': ['webhooks:manage'],
      'DELETE /v1/webhooks/:id': ['webhooks:manage'],
      'GET /admin/dead-letters/:consumer': ['messaging:admin'],
      'GET /admin/dead-letters/:consumer/:messageId': ['messaging:admin'],
      'POST /admin/dead-letters/:consumer/redrive': ['messaging:admin'],
    });
    const open = Object.entries(matrix).filter(([, scopes]) => scopes === 'public');
    expect(open.map(([route]) => route).every((route) => / \/(health|metrics|docs)/.test(route))).toBe(true);
  });
});

describe('object-level authorization', () => {
  it('hides a notification from keys outside its audiences, for reading and acknowledging', async () => {
    const before = await fingerprintOf(t.db);
    for (const who of [
      'prosecutorBushehr',
      'customsKhuzestan',
      'customsNational',
      'policeBushehr',
    ] as const) {
      const read = await as(who, 'GET', `/v1/notifications/${ids.notification}`);
      expect(read.statusCode, `${who}: ${read.body}`).toBe(404);
      const ack = await as(who, 'POST', `/v1/notifications/${ids.notification}/acknowledgements`);
      expect(ack.statusCode, `${who}: ${ack.body}`).toBe(404);
      expect(refusalProblem(ack)).toBeUndefined();
    }
    expect(await fingerprintOf(t.db)).toEqual(before);
  });

  it('refuses another audience’s feed and stream', async () => {
    for (const who of ['prosecutorBushehr', 'customsKhuzestan', 'portsKhuzestan'] as const) {
      for (const url of ['/v1/feeds/prosecutor:khuzestan', '/v1/feeds/prosecutor:khuzestan/stream']) {
        const response = await as(who, 'GET', url);
        expect([403, 404], `${who} ${url}: ${response.body}`).toContain(response.statusCode);
        expect(response.streamed).toBe(false);
      }
    }
  });

  it('lets no other province or agency see, pause, resume, list or delete a webhook, nor register one for another audience', async () => {
    const before = await fingerprintOf(t.db);
    for (const who of ['prosecutorBushehr', 'customsKhuzestan', 'customsNational'] as const) {
      for (const [method, url] of [
        ['GET', `/v1/webhooks/${ids.webhook}`],
        ['GET', `/v1/webhooks/${ids.webhook}/deliveries`],
        ['POST', `/v1/webhooks/${ids.webhook}/resume`],
        ['DELETE', `/v1/webhooks/${ids.webhook}`],
      ] as const) {
        const response = await as(who, method, url);
        expect(response.statusCode, `${who} ${method} ${url}: ${response.body}`).toBe(404);
      }
      const listed = await as(who, 'GET', '/v1/webhooks');
      expect(listed.statusCode).toBe(200);
      expect(listed.body).not.toContain(ids.webhook);
      const foreign = await as(who, 'POST', '/v1/webhooks', {
        audience: 'prosecutor:khuzestan',
        url: 'https://hooks.agency.example/stolen',
      });
      expect(foreign.statusCode, `${who}: ${foreign.body}`).toBe(403);
    }
    expect(await fingerprintOf(t.db)).toEqual(before);
  });

  it('keeps a provincial workgroup, its meetings and resolutions to its members, and their changes to chair and assignee', async () => {
    const before = await fingerprintOf(t.db);
    for (const who of ['prosecutorBushehr', 'policeBushehr', 'portsKhuzestan'] as const) {
      for (const url of [`/v1/workgroups/${ids.workgroup}`, `/v1/resolutions/${ids.resolution}`]) {
        const response = await as(who, 'GET', url);
        expect(response.statusCode, `${who} GET ${url}: ${response.body}`).toBe(404);
      }
      const listed = await as(who, 'GET', '/v1/resolutions');
      expect(listed.statusCode).toBeLessThan(500);
      expect(listed.body).not.toContain(ids.resolution);
    }
    const attempts: [Who, string, unknown][] = [
      ['prosecutorBushehr', `/v1/workgroups/${ids.workgroup}/meetings`, { heldAt: '2024-12-31T00:00:00Z' }],
      ['customsKhuzestan', `/v1/workgroups/${ids.workgroup}/meetings`, { heldAt: '2024-12-31T00:00:00Z' }],
      [
        'customsKhuzestan',
        `/v1/meetings/${ids.meeting}/resolutions`,
        { text: 'جعلی', assigneeAgency: 'customs', dueAt: '2025-02-01T00:00:00Z' },
      ],
      ['customsKhuzestan', `/v1/resolutions/${ids.resolution}/progress`, { percent: 50, note: 'جعلی' }],
      ['policeBushehr', `/v1/resolutions/${ids.resolution}/progress`, { percent: 50, note: 'جعلی' }],
      ['customsKhuzestan', `/v1/resolutions/${ids.resolution}/completion`, {}],
      ['prosecutorBushehr', `/v1/resolutions/${ids.resolution}/completion`, {}],
      [
        'prosecutorBushehr',
        '/v1/workgroups',
        { name: 'جعلی', province: 'khuzestan', chairAgency: 'prosecutor', memberAgencies: ['police'] },
      ],
      [
        'customsKhuzestan',
        '/v1/workgroups',
        { name: 'جعلی', province: 'khuzestan', chairAgency: 'prosecutor', memberAgencies: ['police'] },
      ],
    ];
    for (const [who, url, body] of attempts) {
      const response = await as(who, 'POST', url, body);
      expect([403, 404], `${who} POST ${url}: ${response.body}`).toContain(response.statusCode);
      expect(refusalProblem(response)).toBeUndefined();
    }
    expect(await fingerprintOf(t.db)).toEqual(before);
  });

  it('keeps a provincial key’s scorecards to its own province', async () => {
    for (const url of ['/v1/stats/agencies?province=khuzestan', '/v1/stats/overview?province=khuzestan']) {
      const response = await as('governorateBushehr', 'GET', url);
      expect([403], `${url}: ${response.body}`).toContain(response.statusCode);
    }
  });
});
