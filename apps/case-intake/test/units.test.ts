import type { ExecutionUnitView } from '@enforcement/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, startTestApp, type TestApp, type Who } from './support/app.ts';
import { aStepTo } from './support/cases.ts';
import { allOutboxRoutingKeys, pending, rawUnit } from './support/documents.ts';
import { registered, registeredUnit, walked } from './support/http.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp('units');
});
afterAll(async () => {
  await t.close();
});

function deploy(unitId: string, body: Record<string, unknown>, who: Who = 'police') {
  return t.app.inject({
    method: 'POST',
    url: `/v1/units/${unitId}/deployments`,
    headers: as(who),
    payload: {
      officerId: 'FRJ-10231',
      officerName: 'ستوان دوم رضا احمدی',
      startsAt: '2025-10-01T00:00:00Z',
      ...body,
    },
  });
}

function release(
  unitId: string,
  deploymentId: string,
  body: Record<string, unknown> = {},
  who: Who = 'police',
) {
  return t.app.inject({
    method: 'POST',
    url: `/v1/units/${unitId}/deployments/${deploymentId}/release`,
    headers: as(who),
    payload: body,
  });
}

async function unit(unitId: string, who: Who = 'customs'): Promise<ExecutionUnitView> {
  const response = await t.app.inject({ method: 'GET', url: `/v1/units/${unitId}`, headers: as(who) });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

describe('execution units', () => {
  it('registers a unit for its own organisation, with no officers and no cases yet', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/v1/units',
      headers: as('tazirat'),
      payload: { kind: 'tazirat', province: 'khuzestan', name: 'واحد اجرای احکام تعزیرات اهواز' },
    });
    expect(response.statusCode).toBe(201);
    expect(response.headers.location).toBe(`/v1/units/${response.json().id}`);
    expect(response.json()).toMatchObject({ kind: 'tazirat', currentOfficers: [], casesInExecution: 0 });
  });

  it('refuses a unit registered by another organisation or outside the key’s province with 403', async () => {
    const payload = { kind: 'tazirat', province: 'khuzestan', name: 'واحد' };
    const byProsecutor = await t.app.inject({
      method: 'POST',
      url: '/v1/units',
      headers: as('prosecutor'),
      payload,
    });
    const byTehran = await t.app.inject({
      method: 'POST',
      url: '/v1/units',
      headers: as('prosecutorTehran'),
      payload: { ...payload, kind: 'prosecutor' },
    });
    expect([byProsecutor.statusCode, byTehran.statusCode]).toEqual([403, 403]);
  });

  it('refuses an unknown unit kind with 400 naming body.kind', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/v1/units',
      headers: as('prosecutor'),
      payload: { kind: 'police', province: 'khuzestan', name: 'واحد' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].path).toBe('body.kind');
  });

  it('deploys and releases officers, each change writing one unit event', async () => {
    const unitId = await registeredUnit(t.app, { kind: 'prosecutor', province: 'khuzestan' });
    const first = await deploy(unitId, {});
    const second = await deploy(
      unitId,
      { officerId: 'FRJ-20011', endsAt: '2026-04-01T00:00:00Z' },
      'prosecutor',
    );
    expect([first.statusCode, second.statusCode]).toEqual([201, 201]);
    expect((await unit(unitId)).currentOfficers.map((officer) => officer.officerId)).toEqual([
      'FRJ-10231',
      'FRJ-20011',
    ]);

    const released = await release(unitId, first.json().deploymentId, { releasedAt: '2025-10-05T00:00:00Z' });
    expect(released.statusCode).toBe(200);
    expect(released.json().releasedAt).toBe('2025-10-05T00:00:00.000Z');
    expect((await unit(unitId)).currentOfficers.map((officer) => officer.officerId)).toEqual(['FRJ-20011']);

    const stored = await rawUnit(t.db, unitId);
    expect(pending(stored).map((entry) => entry.routingKey)).toEqual([
      'unit.officer_deployed.v1',
      'unit.officer_deployed.v1',
      'unit.officer_released.v1',
    ]);
    expect(pending(stored)[2]?.event.payload).toMatchObject({
      unitId,
      unitKind: 'prosecutor',
      province: 'khuzestan',
      officerId: 'FRJ-10231',
      remainingOfficers: 1,
    });
  });

  it('refuses to deploy an officer twice, to end a deployment before it starts, or to release twice, writing no event', async () => {
    const unitId = await registeredUnit(t.app, { kind: 'prosecutor', province: 'khuzestan' });
    const deployed = await deploy(unitId, {});
    const again = await deploy(unitId, {});
    const backwards = await deploy(unitId, { officerId: 'FRJ-3', endsAt: '2025-09-01T00:00:00Z' });
    await release(unitId, deployed.json().deploymentId);
    const twice = await release(unitId, deployed.json().deploymentId);
    expect([again.statusCode, backwards.statusCode, twice.statusCode]).toEqual([422, 422, 422]);
    expect(again.json().errors[0].path).toBe('body.officerId');
    expect(backwards.json().errors[0].path).toBe('body.endsAt');
    expect(pending(await rawUnit(t.db, unitId))).toHaveLength(2);
  });

  it('answers 404 for an unknown unit or deployment', async () => {
    const unitId = await registeredUnit(t.app, { kind: 'prosecutor', province: 'khuzestan' });
    expect((await deploy('no-such-unit', {})).statusCode).toBe(404);
    expect((await release(unitId, 'no-such-deployment')).statusCode).toBe(404);
  });

  it('hides a unit of another province, and an unknown one, behind 404', async () => {
    const unitId = await registeredUnit(t.app, { kind: 'tazirat', province: 'khuzestan' });
    const hidden = await t.app.inject({
      method: 'GET',
      url: `/v1/units/${unitId}`,
      headers: as('policeTehran'),
    });
    const unknown = await t.app.inject({
      method: 'GET',
      url: '/v1/units/no-such-unit',
      headers: as('police'),
    });
    expect([hidden.statusCode, unknown.statusCode]).toEqual([404, 404]);
    expect(unknown.json().code).toBe('UNIT_NOT_FOUND');
  });

  it('refuses a unit listing cursor it did not issue with 400 naming query.cursor', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/v1/units?cursor=abc',
      headers: as('police'),
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].path).toBe('query.cursor');
  });

  it('refuses a deployment without an officer id with 400 naming body.officerId', async () => {
    const unitId = await registeredUnit(t.app, { kind: 'prosecutor', province: 'khuzestan' });
    const response = await deploy(unitId, { officerId: undefined });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].path).toBe('body.officerId');
  });

  it('refuses staffing by an agency other than the police and the unit’s organisation with 403', async () => {
    const unitId = await registeredUnit(t.app, { kind: 'prosecutor', province: 'khuzestan' });
    expect((await deploy(unitId, {}, 'tazirat')).statusCode).toBe(403);
    expect((await deploy(unitId, {}, 'policeTehran')).statusCode).toBe(404);
    expect((await deploy(unitId, {}, 'inspection')).statusCode).toBe(403);
  });

  it('lists units with their current officers and the number of cases in execution', async () => {
    const unitId = await registeredUnit(t.app, { kind: 'prosecutor', province: 'hormozgan' });
    await deploy(unitId, {});
    for (let i = 0; i < 2; i += 1) {
      const kase = await registered(t.app, { province: 'hormozgan' });
      await walked(t.app, kase.id, [
        aStepTo('under_investigation'),
        aStepTo('verdict_issued'),
        { to: 'in_execution', executionUnitId: unitId },
      ]);
    }
    const response = await t.app.inject({
      method: 'GET',
      url: '/v1/units?province=hormozgan',
      headers: as('inspection'),
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().items).toEqual([
      expect.objectContaining({
        id: unitId,
        casesInExecution: 2,
        currentOfficers: [expect.objectContaining({ officerId: 'FRJ-10231' })],
      }),
    ]);
  });

  it('pages units with a cursor and keeps a province-limited caller in its province', async () => {
    await registeredUnit(t.app, { kind: 'tazirat', province: 'tehran' });
    const first = await t.app.inject({ method: 'GET', url: '/v1/units?limit=1', headers: as('police') });
    expect(first.json().items).toHaveLength(1);
    expect(first.json().nextCursor).not.toBeNull();
    const tehran = await t.app.inject({ method: 'GET', url: '/v1/units', headers: as('policeTehran') });
    expect(tehran.json().items.map((item: { province: string }) => item.province)).toEqual(['tehran']);
    const elsewhere = await t.app.inject({
      method: 'GET',
      url: '/v1/units?province=fars',
      headers: as('policeTehran'),
    });
    expect(elsewhere.statusCode).toBe(403);
  });

  it('writes no event for a refused request anywhere', async () => {
    const before = (await allOutboxRoutingKeys(t.db)).length;
    await deploy('no-such-unit', {});
    await deploy('no-such-unit', { officerId: '' });
    expect((await allOutboxRoutingKeys(t.db)).length).toBe(before);
  });
});
