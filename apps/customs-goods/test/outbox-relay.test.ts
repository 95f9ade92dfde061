import { type EventTap, tapEvents } from '@enforcement/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/app.ts';
import { pending, rawLot } from './support/documents.ts';
import { registered, walked } from './support/lots.ts';

let t: TestApp;
let tap: EventTap;

beforeAll(async () => {
  t = await startTestApp('outbox-relay');
  tap = await tapEvents(t.scope.amqpUrl, 'goods.#');
});

afterAll(async () => {
  await tap.close();
  await t.close();
});

describe('the lots’ outbox relay, publishing to the real broker', () => {
  it('publishes events written before it started, once each and in order, and drains the outbox', async () => {
    const lot = await registered(t.app);
    await walked(t.app, lot.id, [{ to: 'held' }]);
    expect(pending(await rawLot(t.db, lot.id))).toHaveLength(2);
    await t.startMessaging();
    const events = await tap.about(lot.id, 2);
    expect(events.map((event) => event.type)).toEqual(['goods.lot_registered', 'goods.status_changed']);
    expect(pending(await rawLot(t.db, lot.id))).toEqual([]);
  });

  it('publishes the events of later changes while running', async () => {
    const lot = await registered(t.app, { caseId: null });
    await walked(t.app, lot.id, [{ to: 'held' }, { to: 'pending_clearance' }]);
    const events = await tap.about(lot.id, 3);
    expect(events.map((event) => event.type)).toEqual([
      'goods.lot_registered',
      'goods.status_changed',
      'goods.status_changed',
    ]);
  });
});
