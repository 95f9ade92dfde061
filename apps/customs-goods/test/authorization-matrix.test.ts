import type { LotView } from '@enforcement/contracts';
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
import { aRegisterLotBody } from './support/lots.ts';

const SCOPES = ['lots:read', 'lots:write', 'offices:admin', 'messaging:admin'];
const RW = ['lots:read', 'lots:write'];

const keys = testApiKeys({
  ...scopeMatrixPrincipals('customs', SCOPES),
  customsKhuzestan: { agency: 'customs', province: 'khuzestan', scopes: RW },
  customsBushehr: { agency: 'customs', province: 'bushehr', scopes: RW },
  portsHormozgan: { agency: 'ports', province: 'hormozgan', scopes: RW },
  governorateBushehr: { agency: 'governorate', province: 'bushehr', scopes: RW },
  propertyOrgBushehr: { agency: 'property_org', province: 'bushehr', scopes: RW },
  police: { agency: 'police', scopes: RW },
});
type Who = Parameters<typeof keys.as>[0];

let t: TestApp;
let lot: LotView;
let transitId: string;

async function as(who: Who, method: string, url: string, payload?: unknown) {
  return send(t.app, {
    method,
    url,
    headers: keys.as(who, payload === undefined ? {} : { 'content-type': 'application/json' }),
    ...(payload === undefined ? {} : { payload: JSON.stringify(payload) }),
  });
}

beforeAll(async () => {
  t = await startTestApp('authorization-matrix', { API_KEYS: keys.json });
  const created = await as('customsKhuzestan', 'POST', '/v1/lots', aRegisterLotBody({ caseId: null }));
  expect(created.statusCode, created.body).toBe(201);
  lot = JSON.parse(created.body) as LotView;
  for (const to of ['held', 'pending_clearance', 'cleared']) {
    expect((await as('customsKhuzestan', 'POST', `/v1/lots/${lot.id}/transitions`, { to })).statusCode).toBe(
      200,
    );
  }
  const exited = await as('customsKhuzestan', 'POST', `/v1/lots/${lot.id}/transitions`, {
    to: 'exited',
    transit: {
      destinationOfficeId: 'bsh_bushehr',
      quantity: lot.quantity,
      expectedArrivalAt: '2025-10-06T08:30:00Z',
    },
  });
  expect(exited.statusCode, exited.body).toBe(200);
  transitId = (JSON.parse(exited.body) as LotView).transit?.transitId ?? '';
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
    // The access table as the app enforces it; a new or changed route fails here until reviewed.
    const api = Object.fromEntries(Object.entries(matrix).filter(([route]) => / \/(v1|admin)\//.test(route)));
    expect(api).toEqual({
      'GET /v1/principal': [],
      'GET /v1/offices': [],
      'GET /v1/offices/:id': [],
      'PUT /v1/offices/:id': ['offices:admin'],
      'POST /v1/lots': ['lots:write'],
      'GET /v1/lots': ['lots:read'],
      'GET /v1/lots/:id': ['lots:read'],
      'POST /v1/lots/:id/transitions': ['lots:write'],
      'POST /v1/lots/:id/abandonment-extension': ['lots:write'],
      'GET /v1/transits': ['lots:read'],
      'GET /v1/transits/:id': ['lots:read'],
      'POST /v1/transits/:id/arrival': ['lots:write'],
      'GET /v1/stats/dwell': ['lots:read'],
      'GET /admin/dead-letters/:consumer': ['messaging:admin'],
      'GET /admin/dead-letters/:consumer/:messageId': ['messaging:admin'],
      'POST /admin/dead-letters/:consumer/redrive': ['messaging:admin'],
    });
    const open = Object.entries(matrix).filter(([, scopes]) => scopes === 'public');
    expect(open.map(([route]) => route).every((route) => / \/(health|metrics|docs)/.test(route))).toBe(true);
  });
});

describe('object-level authorization', () => {
  it('hides a lot of another province, or of an agency that does not read lots, as not found', async () => {
    for (const who of ['customsBushehr', 'portsHormozgan', 'governorateBushehr', 'police'] as const) {
      const response = await as(who, 'GET', `/v1/lots/${lot.id}`);
      expect(response.statusCode, `${who}: ${response.body}`).toBe(404);
      expect(refusalProblem(response)).toBeUndefined();
    }
  });

  it('lets no other province or agency change a lot, and the refusal writes nothing', async () => {
    const before = await fingerprintOf(t.db);
    const attempts: [Who, string, unknown][] = [
      ['customsBushehr', `/v1/lots/${lot.id}/transitions`, { to: 'returned' }],
      ['portsHormozgan', `/v1/lots/${lot.id}/transitions`, { to: 'abandoned' }],
      ['propertyOrgBushehr', `/v1/lots/${lot.id}/transitions`, { to: 'destroyed' }],
      ['police', `/v1/lots/${lot.id}/transitions`, { to: 'returned' }],
      ['customsBushehr', `/v1/lots/${lot.id}/abandonment-extension`, { days: 30 }],
      ['portsHormozgan', `/v1/transits/${transitId}/arrival`, { quantity: lot.quantity }],
      ['police', `/v1/transits/${transitId}/arrival`, { quantity: lot.quantity }],
    ];
    for (const [who, url, body] of attempts) {
      const response = await as(who, 'POST', url, body);
      expect([403, 404], `${who} POST ${url}: ${response.body}`).toContain(response.statusCode);
      expect(refusalProblem(response)).toBeUndefined();
    }
    expect(await fingerprintOf(t.db)).toEqual(before);
  });

  it('hides a transit from a province it neither left nor goes to', async () => {
    const response = await as('portsHormozgan', 'GET', `/v1/transits/${transitId}`);
    expect(response.statusCode, response.body).toBe(404);
  });

  it('never lists another province’s lots, transits or dwell to a provincial key', async () => {
    for (const url of [
      '/v1/lots',
      '/v1/lots?province=khuzestan',
      '/v1/transits',
      '/v1/transits?originProvince=khuzestan',
      '/v1/stats/dwell?province=khuzestan',
    ]) {
      const response = await as('portsHormozgan', 'GET', url);
      expect(response.statusCode, `${url}: ${response.body}`).toBeLessThan(500);
      if (response.statusCode === 200) {
        expect(response.body, url).not.toContain(lot.id);
        expect(response.body, url).not.toContain('"khuzestan"');
      } else {
        expect([400, 403], `${url}: ${response.body}`).toContain(response.statusCode);
      }
    }
  });

  it('refuses registering a lot at another province’s office', async () => {
    const before = await fingerprintOf(t.db);
    const response = await as(
      'customsBushehr',
      'POST',
      '/v1/lots',
      aRegisterLotBody({ officeId: 'khz_shalamcheh' }),
    );
    expect(response.statusCode, response.body).toBe(403);
    expect(await fingerprintOf(t.db)).toEqual(before);
  });
});
