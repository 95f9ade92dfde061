import type { LotTransitView, LotView } from '@enforcement/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, startTestApp, type TestApp } from './support/app.ts';
import { pending, rawLot } from './support/documents.ts';
import { registered, transition, walked } from './support/lots.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp('offices-transits-dwell');
});
afterAll(async () => {
  await t.close();
});

describe('GET and PUT /v1/offices', () => {
  it('serves the Khuzestan offices and the main ones of other border and coastal provinces', async () => {
    const khuzestan = await t.app.inject({
      method: 'GET',
      url: '/v1/offices?province=khuzestan',
      headers: as('police'),
    });
    expect(khuzestan.statusCode).toBe(200);
    expect(khuzestan.json().items.map((office: { id: string }) => office.id)).toContain('khz_shalamcheh');
    const ports = await t.app.inject({
      method: 'GET',
      url: '/v1/offices?kind=port&limit=200',
      headers: as('inspection'),
    });
    const provinces = new Set(ports.json().items.map((office: { province: string }) => office.province));
    expect([...provinces]).toEqual(
      expect.arrayContaining(['bushehr', 'hormozgan', 'sistan_baluchestan', 'gilan']),
    );
  });

  it('lets an admin add an office and deactivate it, and no one else', async () => {
    const office = { province: 'hormozgan', kind: 'port', fa: 'گمرک بندر جاسک', en: 'Jask port' };
    const put = (who: Parameters<typeof as>[0], body: object) =>
      t.app.inject({ method: 'PUT', url: '/v1/offices/hrm_jask', headers: as(who), payload: body });
    expect((await put('customs', office)).statusCode).toBe(403);
    expect((await put('officesAdmin', office)).statusCode).toBe(201);
    expect((await put('officesAdmin', { ...office, active: false })).statusCode).toBe(200);
    const lot = await t.app.inject({
      method: 'POST',
      url: '/v1/lots',
      headers: as('portsHormozgan'),
      payload: {
        officeId: 'hrm_jask',
        description: 'x',
        quantity: { amount: 1, unit: 'piece' },
        valueRials: 1,
        category: 'general',
      },
    });
    expect(lot.statusCode).toBe(422);
    expect((await put('officesAdmin', { ...office, province: 'atlantis' })).statusCode).toBe(400);
    expect(
      (await t.app.inject({ method: 'GET', url: '/v1/offices/hrm_nowhere', headers: as('police') }))
        .statusCode,
    ).toBe(404);
  });
});

const exitToBushehr = (amount: number) => ({
  to: 'exited',
  transit: {
    destinationOfficeId: 'bsh_bushehr',
    quantity: { amount, unit: 'kg' },
    expectedArrivalAt: '2025-10-06T08:30:00Z',
  },
});

async function clearedLot(): Promise<LotView> {
  const lot = await registered(t.app, { quantity: { amount: 1000, unit: 'kg' }, caseId: null });
  return walked(t.app, lot.id, [{ to: 'held' }, { to: 'pending_clearance' }, { to: 'cleared' }]);
}

describe('transits between provinces', () => {
  it('opens a transit on exit, lists it open then overdue, and closes it on arrival without a discrepancy', async () => {
    const lot = await clearedLot();
    const exited = (await transition(t.app, lot.id, exitToBushehr(1000))).json<LotView>();
    const transitId = exited.transit?.transitId ?? '';
    expect(exited.transit).toMatchObject({
      state: 'open',
      origin: { province: 'khuzestan' },
      destination: { province: 'bushehr' },
    });
    const events = pending(await rawLot(t.db, lot.id)).map((entry) => entry.event.type);
    expect(events.slice(-2)).toEqual(['goods.status_changed', 'goods.transit_opened']);

    const open = await t.app.inject({
      method: 'GET',
      url: '/v1/transits?destinationProvince=bushehr',
      headers: as('governorateBushehr'),
    });
    expect(open.json().items.map((item: LotTransitView) => item.transitId)).toContain(transitId);
    t.clock.now = new Date('2025-10-07T00:00:00Z');
    const overdue = await t.app.inject({
      method: 'GET',
      url: '/v1/transits?state=overdue&originProvince=khuzestan',
      headers: as('inspection'),
    });
    expect(overdue.json().items.find((item: LotTransitView) => item.transitId === transitId)?.overdue).toBe(
      true,
    );

    const arrival = await t.app.inject({
      method: 'POST',
      url: `/v1/transits/${transitId}/arrival`,
      headers: as('customsBushehr'),
      payload: { quantity: { amount: 1000, unit: 'kg' } },
    });
    expect(arrival.statusCode, arrival.body).toBe(200);
    expect(arrival.json()).toMatchObject({ state: 'closed', discrepancy: null });
    expect(pending(await rawLot(t.db, lot.id)).at(-1)?.event.type).toBe('goods.transit_closed');
    t.clock.now = new Date('2025-10-05T08:30:00.000Z');
  });

  it('raises goods.transit_discrepancy at once when less arrives than left', async () => {
    const lot = await clearedLot();
    const transitId =
      (await transition(t.app, lot.id, exitToBushehr(1000))).json<LotView>().transit?.transitId ?? '';
    const arrival = await t.app.inject({
      method: 'POST',
      url: `/v1/transits/${transitId}/arrival`,
      headers: as('customsBushehr'),
      payload: { quantity: { amount: 940, unit: 'kg' } },
    });
    expect(arrival.json()).toMatchObject({
      discrepancy: { direction: 'shortage', difference: { amount: 60, unit: 'kg' } },
    });
    const last = pending(await rawLot(t.db, lot.id)).at(-1);
    expect(last?.event.type).toBe('goods.transit_discrepancy');
    expect(last?.event.payload).toMatchObject({ direction: 'shortage', quantityAtArrival: { amount: 940 } });
    const again = await t.app.inject({
      method: 'POST',
      url: `/v1/transits/${transitId}/arrival`,
      headers: as('customsBushehr'),
      payload: { quantity: { amount: 940, unit: 'kg' } },
    });
    expect(again.statusCode).toBe(422);
  });

  it('lets only the destination record the arrival, and refuses an unknown destination', async () => {
    const lot = await clearedLot();
    const transitId =
      (await transition(t.app, lot.id, exitToBushehr(1000))).json<LotView>().transit?.transitId ?? '';
    const arrive = (who: Parameters<typeof as>[0]) =>
      t.app.inject({
        method: 'POST',
        url: `/v1/transits/${transitId}/arrival`,
        headers: as(who),
        payload: { quantity: { amount: 1, unit: 'kg' } },
      });
    expect((await arrive('customsKhuzestan')).json().code).toBe('TRANSIT_ARRIVAL_FORBIDDEN');
    expect((await arrive('governorateBushehr')).statusCode).toBe(403);
    expect((await arrive('portsHormozgan')).statusCode).toBe(404);
    const other = await clearedLot();
    const unknown = await transition(t.app, other.id, {
      ...exitToBushehr(1),
      transit: { ...exitToBushehr(1).transit, destinationOfficeId: 'bsh_nowhere' },
    });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().errors[0].path).toBe('body.transit.destinationOfficeId');
  });
});

describe('GET /v1/stats/dwell', () => {
  it('reports lots held, dwell percentiles, lots past abandonment and value held per office and category', async () => {
    const held = async (at: string, valueRials: string) => {
      const lot = await registered(t.app, {
        officeId: 'khz_chazabeh',
        category: 'vehicle',
        arrivedAt: '2024-01-01T00:00:00Z',
        valueRials,
      });
      await walked(t.app, lot.id, [{ to: 'held', at }]);
    };
    await held('2025-10-04T08:30:00Z', '9000000000000000000');
    await held('2025-09-05T08:30:00Z', '1');
    await held('2025-03-18T08:30:00Z', '2');
    const response = await t.app.inject({
      method: 'GET',
      url: '/v1/stats/dwell?province=khuzestan',
      headers: as('governorateKhuzestan'),
    });
    expect(response.statusCode, response.body).toBe(200);
    const row = response
      .json()
      .rows.find(
        (candidate: { officeId: string; category: string }) =>
          candidate.officeId === 'khz_chazabeh' && candidate.category === 'vehicle',
      );
    expect(row).toEqual({
      officeId: 'khz_chazabeh',
      province: 'khuzestan',
      category: 'vehicle',
      lotsHeld: 3,
      dwellDays: { p50: 30, p90: 201, max: 201 },
      pastAbandonment: 1,
      valueHeldRials: '9000000000000000003',
    });
  });

  it('limits a provincial key to its province and refuses agencies that do not read lots', async () => {
    const bushehr = await t.app.inject({
      method: 'GET',
      url: '/v1/stats/dwell',
      headers: as('governorateBushehr'),
    });
    expect(bushehr.json().rows.every((row: { province: string }) => row.province === 'bushehr')).toBe(true);
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: '/v1/stats/dwell?province=khuzestan',
          headers: as('governorateBushehr'),
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (await t.app.inject({ method: 'GET', url: '/v1/stats/dwell', headers: as('police') })).statusCode,
    ).toBe(403);
  });
});
