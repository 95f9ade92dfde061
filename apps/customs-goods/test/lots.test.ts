import type { LotView } from '@enforcement/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, startTestApp, type TestApp } from './support/app.ts';
import { aRegisterLotBody, registered, walked } from './support/lots.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp('lots');
});
afterAll(async () => {
  await t.close();
});

function list(query: string, who: Parameters<typeof as>[0] = 'inspection') {
  return t.app.inject({ method: 'GET', url: `/v1/lots?${query}`, headers: as(who) });
}

describe('POST /v1/lots', () => {
  it('registers goods arriving at an office, in the office’s province, with canonical rials and HS code', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/v1/lots',
      headers: as('customsKhuzestan'),
      payload: { ...aRegisterLotBody(), hsCode: '۸۵۱۶.۶۰', valueRials: '۱۲۵۰۰۰۰۰۰۰۰۰۰۰' },
    });
    expect(response.statusCode, response.body).toBe(201);
    const lot = response.json<LotView>();
    expect(lot).toMatchObject({
      status: 'arrived',
      province: 'khuzestan',
      hsCode: '851660',
      valueRials: '12500000000000',
      version: 1,
    });
    expect(response.headers.location).toBe(`/v1/lots/${lot.id}`);
    expect(response.headers.etag).toBe('"1"');
  });

  it('refuses an unknown office naming body.officeId', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/v1/lots',
      headers: as('customs'),
      payload: aRegisterLotBody({ officeId: 'khz_nowhere' }),
    });
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({ code: 'LOT_STEP_INVALID', errors: [{ path: 'body.officeId' }] });
  });

  it('refuses a malformed body with a 400 naming the field', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/v1/lots',
      headers: as('customs'),
      payload: { ...aRegisterLotBody(), valueRials: '12.5' },
    });
    expect(response.statusCode).toBe(400);
    expect(JSON.stringify(response.json())).toContain('body.valueRials');
  });

  it('refuses customs of another province, the governorate and inspection registering a lot', async () => {
    for (const who of ['customsBushehr', 'governorateKhuzestan', 'inspection'] as const) {
      const response = await t.app.inject({
        method: 'POST',
        url: '/v1/lots',
        headers: as(who),
        payload: aRegisterLotBody(),
      });
      expect(response.statusCode, who).toBe(403);
      expect(response.json().code).toBe('LOT_REGISTRATION_FORBIDDEN');
    }
  });

  it('refuses a key without the write scope and a request without a key', async () => {
    const readOnly = await t.app.inject({
      method: 'POST',
      url: '/v1/lots',
      headers: as('customsReadOnly'),
      payload: aRegisterLotBody(),
    });
    expect(readOnly.statusCode).toBe(403);
    const anonymous = await t.app.inject({ method: 'POST', url: '/v1/lots', payload: aRegisterLotBody() });
    expect(anonymous.statusCode).toBe(401);
  });
});

describe('GET /v1/lots/{id}', () => {
  it('shows a lot to its province’s governorate and to inspection, and hides it from others', async () => {
    const lot = await registered(t.app);
    for (const who of ['governorateKhuzestan', 'inspection', 'antiSmugglingHq', 'customs'] as const) {
      const response = await t.app.inject({ method: 'GET', url: `/v1/lots/${lot.id}`, headers: as(who) });
      expect(response.statusCode, who).toBe(200);
    }
    for (const who of ['governorateBushehr', 'customsBushehr', 'police'] as const) {
      const response = await t.app.inject({ method: 'GET', url: `/v1/lots/${lot.id}`, headers: as(who) });
      expect(response.statusCode, who).toBe(404);
      expect(response.json().code).toBe('LOT_NOT_FOUND');
    }
  });

  it('answers 404 for a lot that does not exist and 400 for a malformed id', async () => {
    expect(
      (await t.app.inject({ method: 'GET', url: '/v1/lots/nope', headers: as('inspection') })).statusCode,
    ).toBe(404);
    expect(
      (await t.app.inject({ method: 'GET', url: '/v1/lots/a%20b', headers: as('inspection') })).statusCode,
    ).toBe(400);
  });
});

describe('GET /v1/lots', () => {
  it('filters by office, province, status, category, case, dwell and abandonment, and pages with a cursor', async () => {
    const caseId = `case-${Date.now()}`;
    const fuel = await registered(t.app, { officeId: 'khz_abadan', category: 'fuel', caseId });
    const held = await registered(t.app, {
      officeId: 'khz_abadan',
      category: 'fuel',
      arrivedAt: '2025-04-20T00:00:00Z',
    });
    await walked(t.app, held.id, [{ to: 'held', at: '2025-05-01T00:00:00Z' }]);
    await registered(t.app, { officeId: 'bsh_bushehr' }, 'customsBushehr');

    const byOffice = (await list('officeId=khz_abadan')).json<{ items: LotView[] }>().items;
    expect(byOffice.map((lot) => lot.id).sort()).toEqual([fuel.id, held.id].sort());
    expect((await list(`caseId=${caseId}`)).json().items).toHaveLength(1);
    expect((await list('status=held&category=fuel')).json().items.map((lot: LotView) => lot.id)).toEqual([
      held.id,
    ]);
    expect((await list('province=bushehr')).json().items).toHaveLength(1);
    // Warehoused 1 May: 157 days by the test clock (5 Oct), abandonment due 1 August (11 Mordad).
    expect(
      (await list('minDwellDays=150&officeId=khz_abadan')).json().items.map((lot: LotView) => lot.id),
    ).toEqual([held.id]);
    expect((await list('minDwellDays=200')).json().items).toHaveLength(0);
    const past = (await list('pastAbandonment=true')).json<{ items: LotView[] }>().items;
    expect(past.map((lot) => lot.id)).toEqual([held.id]);
    expect(past[0]?.pastAbandonment).toBe(true);

    const first = (await list('limit=1')).json<{ items: LotView[]; nextCursor: string }>();
    const second = (await list(`limit=1&cursor=${first.nextCursor}`)).json<{ items: LotView[] }>();
    expect(second.items[0]?.id).not.toBe(first.items[0]?.id);
  });

  it('limits a provincial key to its province and refuses asking for another one', async () => {
    const lots = (await list('limit=200', 'governorateBushehr')).json<{ items: LotView[] }>().items;
    expect(lots.every((lot) => lot.province === 'bushehr')).toBe(true);
    const response = await list('province=khuzestan', 'governorateBushehr');
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe('OUT_OF_JURISDICTION');
  });

  it('refuses agencies that do not read lots, a foreign cursor and a bad filter', async () => {
    expect((await list('', 'police')).json().code).toBe('LOTS_READ_FORBIDDEN');
    const cursor = await list('cursor=bm90LWEtY3Vyc29y');
    expect(cursor.statusCode).toBe(400);
    expect(cursor.json().code).toBe('INVALID_CURSOR');
    const filter = await list('minDwellDays=-1');
    expect(filter.statusCode).toBe(400);
    expect(JSON.stringify(filter.json())).toContain('minDwellDays');
  });
});
