import type { LotView } from '@enforcement/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, startTestApp, type TestApp } from './support/app.ts';
import { registered, transition, walked } from './support/lots.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp('transitions');
});
afterAll(async () => {
  await t.close();
});

const early = { arrivedAt: '2025-01-05T00:00:00Z' };

describe('POST /v1/lots/{id}/transitions', () => {
  it('walks a lot without a case from arrival to exit, one version per step', async () => {
    const lot = await registered(t.app, { ...early, caseId: null });
    const exited = await walked(t.app, lot.id, [
      { to: 'held', at: '2025-01-06T00:00:00Z' },
      { to: 'pending_clearance', declarationReference: 'KT-1404-55' },
      { to: 'cleared' },
      { to: 'exited' },
    ]);
    expect(exited).toMatchObject({ status: 'exited', version: 5, heldSince: '2025-01-06T00:00:00.000Z' });
    expect(exited.terminalAt).toBe(t.clock.now.toISOString());
    expect(exited.dwellDays).toBe(272);
  });

  it('walks abandoned goods to the property organization, which records the auction', async () => {
    const lot = await registered(t.app, early);
    await walked(t.app, lot.id, [
      { to: 'held', at: '2025-01-06T00:00:00Z' },
      { to: 'abandoned' },
      { to: 'transferred_to_property_org' },
    ]);
    const auctioned = await walked(
      t.app,
      lot.id,
      [{ to: 'auctioned', proceedsRials: '900000000' }],
      'propertyOrgKhuzestan',
    );
    expect(auctioned.status).toBe('auctioned');
  });

  it('answers an illegal move with 409 naming the current status and the allowed moves', async () => {
    const lot = await registered(t.app);
    const response = await transition(t.app, lot.id, { to: 'cleared' });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({
      code: 'LOT_ILLEGAL_TRANSITION',
      currentStatus: 'arrived',
      allowedTransitions: ['held'],
    });
  });

  it('answers clearance of goods whose case has no verdict with 409 LOT_BLOCKED_BY_CASE', async () => {
    const lot = await registered(t.app, { caseId: 'case-pending-1' });
    await walked(t.app, lot.id, [{ to: 'held' }]);
    const response = await transition(t.app, lot.id, { to: 'pending_clearance' });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ code: 'LOT_BLOCKED_BY_CASE', caseId: 'case-pending-1' });
  });

  it('refuses a stale If-Match with 412 and applies a current one', async () => {
    const lot = await registered(t.app);
    const stale = await transition(t.app, lot.id, { to: 'held' }, 'customsKhuzestan', { 'if-match': '"7"' });
    expect(stale.statusCode).toBe(412);
    expect(stale.json()).toMatchObject({ code: 'LOT_VERSION_MISMATCH', currentVersion: 1 });
    const current = await transition(t.app, lot.id, { to: 'held' }, 'customsKhuzestan', {
      'if-match': '"1"',
    });
    expect(current.statusCode).toBe(200);
    expect(current.headers.etag).toBe('"2"');
  });

  it('refuses a malformed If-Match and a step with data of another step, naming the field', async () => {
    const lot = await registered(t.app);
    const header = await transition(t.app, lot.id, { to: 'held' }, 'customsKhuzestan', {
      'if-match': 'seven',
    });
    expect(header.statusCode).toBe(400);
    const body = await transition(t.app, lot.id, { to: 'held', proceedsRials: '1' });
    expect(body.statusCode).toBe(400);
  });

  it('refuses the governorate (403), another province’s customs (404) and the property organization’s non-disposal steps (403)', async () => {
    const lot = await registered(t.app);
    const governorate = await transition(t.app, lot.id, { to: 'held' }, 'governorateKhuzestan');
    expect(governorate.statusCode).toBe(403);
    expect(governorate.json().code).toBe('LOT_WRITE_FORBIDDEN');
    expect((await transition(t.app, lot.id, { to: 'held' }, 'customsBushehr')).statusCode).toBe(404);
    expect((await transition(t.app, lot.id, { to: 'held' }, 'propertyOrgKhuzestan')).statusCode).toBe(403);
    expect((await transition(t.app, lot.id, { to: 'held' }, 'inspection')).statusCode).toBe(403);
  });

  it('answers 404 for a lot that does not exist', async () => {
    expect((await transition(t.app, 'no-such-lot', { to: 'held' })).statusCode).toBe(404);
  });
});

describe('POST /v1/lots/{id}/abandonment-extension', () => {
  it('extends a held lot’s abandonment date once', async () => {
    const lot = await registered(t.app, { arrivedAt: '2025-09-01T00:00:00Z' });
    const held = await walked(t.app, lot.id, [{ to: 'held', at: '2025-09-22T06:00:00Z' }]);
    // 31 Shahrivar 1404 + 3 months = 30 Azar (21 December).
    expect(held.abandonmentDueAt).toBe('2025-12-21T06:00:00.000Z');
    const extend = (days: number) =>
      t.app.inject({
        method: 'POST',
        url: `/v1/lots/${lot.id}/abandonment-extension`,
        headers: as('customsKhuzestan'),
        payload: { days },
      });
    const extended = await extend(30);
    expect(extended.statusCode, extended.body).toBe(200);
    expect(extended.json<LotView>()).toMatchObject({
      abandonmentDueAt: '2026-01-20T06:00:00.000Z',
      abandonmentExtended: true,
    });
    const again = await extend(1);
    expect(again.statusCode).toBe(422);
    expect(again.json().code).toBe('LOT_STEP_INVALID');
    expect((await extend(90)).statusCode).toBe(400);
  });
});
