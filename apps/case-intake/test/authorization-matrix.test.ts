import type { CaseView } from '@enforcement/contracts';
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
import { aRegisterCaseBody } from './support/cases.ts';

const SCOPES = ['cases:read', 'cases:write', 'units:read', 'units:write'];

const keys = testApiKeys({
  ...scopeMatrixPrincipals('police', SCOPES),
  policeKhuzestan: { agency: 'police', province: 'khuzestan', scopes: SCOPES },
  policeTehran: { agency: 'police', province: 'tehran', scopes: SCOPES },
  customs: { agency: 'customs', scopes: SCOPES },
  tazirat: { agency: 'tazirat', scopes: SCOPES },
  prosecutorKhuzestan: { agency: 'prosecutor', province: 'khuzestan', scopes: SCOPES },
  prosecutorTehran: { agency: 'prosecutor', province: 'tehran', scopes: SCOPES },
  inspection: { agency: 'inspection', scopes: SCOPES },
  governorateBushehr: { agency: 'governorate', province: 'bushehr', scopes: ['cases:read'] },
});
type Who = Parameters<typeof keys.as>[0];

let t: TestApp;
let kase: CaseView;
let unitId: string;
let deploymentId: string;

async function as(who: Who, method: string, url: string, payload?: unknown) {
  return send(t.app, {
    method,
    url,
    headers: keys.as(who, payload === undefined ? {} : { 'content-type': 'application/json' }),
    ...(payload === undefined ? {} : { payload: JSON.stringify(payload) }),
  });
}

const officer = { officerId: 'officer-9', officerName: 'سروان کریمی', startsAt: '2025-10-01T08:00:00Z' };

beforeAll(async () => {
  t = await startTestApp('authorization-matrix', { API_KEYS: keys.json });
  const created = await as('policeKhuzestan', 'POST', '/v1/cases', aRegisterCaseBody());
  expect(created.statusCode, created.body).toBe(201);
  kase = JSON.parse(created.body) as CaseView;
  const unit = await as('prosecutorKhuzestan', 'POST', '/v1/units', {
    kind: 'prosecutor',
    province: 'khuzestan',
    name: 'واحد اجرای احکام اهواز',
  });
  expect(unit.statusCode, unit.body).toBe(201);
  unitId = (JSON.parse(unit.body) as { id: string }).id;
  const deployed = await as('policeKhuzestan', 'POST', `/v1/units/${unitId}/deployments`, officer);
  expect(deployed.statusCode, deployed.body).toBe(201);
  deploymentId = (JSON.parse(deployed.body) as { deploymentId: string }).deploymentId;
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
    const api = Object.fromEntries(Object.entries(matrix).filter(([route]) => route.includes(' /v1/')));
    expect(api).toEqual({
      'GET /v1/principal': [],
      'POST /v1/cases': ['cases:write'],
      'GET /v1/cases': ['cases:read'],
      'GET /v1/cases/:id': ['cases:read'],
      'POST /v1/cases/:id/transitions': ['cases:write'],
      'GET /v1/cases/:id/history': ['cases:read'],
      'POST /v1/cases/:id/notes': ['cases:write'],
      'POST /v1/units': ['units:write'],
      'GET /v1/units': ['units:read'],
      'GET /v1/units/:id': ['units:read'],
      'POST /v1/units/:id/deployments': ['units:write'],
      'POST /v1/units/:id/deployments/:deploymentId/release': ['units:write'],
      'GET /v1/stats/cases': ['cases:read'],
    });
    const open = Object.entries(matrix).filter(([, scopes]) => scopes === 'public');
    expect(open.map(([route]) => route).every((route) => / \/(health|metrics|docs)/.test(route))).toBe(true);
  });
});

describe('object-level authorization', () => {
  it('hides a case and its history from agencies not involved and from other provinces, as not found', async () => {
    for (const who of [
      'customs',
      'tazirat',
      'policeTehran',
      'prosecutorTehran',
      'governorateBushehr',
    ] as const) {
      for (const url of [`/v1/cases/${kase.id}`, `/v1/cases/${kase.id}/history`]) {
        const response = await as(who, 'GET', url);
        expect(response.statusCode, `${who} GET ${url}: ${response.body}`).toBe(404);
        expect(refusalProblem(response)).toBeUndefined();
      }
    }
  });

  it('lets no outsider, other province or read-only overseer change a case, and the refusal writes nothing', async () => {
    const before = await fingerprintOf(t.db);
    const step = { to: 'under_investigation', branch: { id: 'branch-ahvaz-7', name: 'شعبه ۷' } };
    const attempts: [Who, string, unknown][] = [
      ['customs', `/v1/cases/${kase.id}/transitions`, step],
      ['tazirat', `/v1/cases/${kase.id}/transitions`, step],
      ['prosecutorTehran', `/v1/cases/${kase.id}/transitions`, step],
      ['inspection', `/v1/cases/${kase.id}/transitions`, step],
      ['policeKhuzestan', `/v1/cases/${kase.id}/transitions`, step],
      ['customs', `/v1/cases/${kase.id}/notes`, { text: 'نفوذ' }],
      ['policeTehran', `/v1/cases/${kase.id}/notes`, { text: 'نفوذ' }],
      ['inspection', `/v1/cases/${kase.id}/notes`, { text: 'نفوذ' }],
    ];
    for (const [who, url, body] of attempts) {
      const response = await as(who, 'POST', url, body);
      expect([403, 404], `${who} POST ${url}: ${response.body}`).toContain(response.statusCode);
      expect(refusalProblem(response)).toBeUndefined();
    }
    expect(await fingerprintOf(t.db)).toEqual(before);
  });

  it('never lists another province’s or an uninvolved agency’s cases', async () => {
    for (const who of ['customs', 'policeTehran', 'prosecutorTehran', 'governorateBushehr'] as const) {
      for (const url of ['/v1/cases', '/v1/cases?province=khuzestan', '/v1/cases?limit=200']) {
        const response = await as(who, 'GET', url);
        expect(response.statusCode, `${who} ${url}: ${response.body}`).toBeLessThan(500);
        if (response.statusCode === 200) expect(response.body, `${who} ${url}`).not.toContain(kase.id);
      }
    }
  });

  it('keeps units of a province to its keys and their staffing to the police and the unit’s organisation', async () => {
    const before = await fingerprintOf(t.db);
    expect((await as('policeTehran', 'GET', `/v1/units/${unitId}`)).statusCode).toBe(404);
    const listed = await as('policeTehran', 'GET', '/v1/units?province=khuzestan');
    expect([200, 403]).toContain(listed.statusCode);
    if (listed.statusCode === 200) expect(listed.body).not.toContain(unitId);
    const attempts: [Who, string, unknown][] = [
      ['customs', `/v1/units/${unitId}/deployments`, officer],
      ['tazirat', `/v1/units/${unitId}/deployments`, officer],
      ['policeTehran', `/v1/units/${unitId}/deployments`, officer],
      ['customs', `/v1/units/${unitId}/deployments/${deploymentId}/release`, {}],
      ['prosecutorTehran', `/v1/units/${unitId}/deployments/${deploymentId}/release`, {}],
      ['tazirat', '/v1/units', { kind: 'prosecutor', province: 'khuzestan', name: 'جعلی' }],
      ['prosecutorTehran', '/v1/units', { kind: 'prosecutor', province: 'khuzestan', name: 'جعلی' }],
      ['customs', '/v1/cases', aRegisterCaseBody()],
      ['policeTehran', '/v1/cases', aRegisterCaseBody()],
    ];
    for (const [who, url, body] of attempts) {
      const response = await as(who, 'POST', url, body);
      expect([403, 404], `${who} POST ${url}: ${response.body}`).toContain(response.statusCode);
    }
    expect(await fingerprintOf(t.db)).toEqual(before);
  });
});
