import type { ServiceBus } from '@enforcement/messaging';
import { type EventTap, tapEvents } from '@enforcement/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wireMessaging } from '../src/messaging.ts';
import { as, startTestApp, type TestApp } from './support/app.ts';
import { aStepTo } from './support/cases.ts';
import { pending, rawCase, rawUnit } from './support/documents.ts';
import { registered, registeredUnit, walked } from './support/http.ts';

let t: TestApp;
let messaging: ServiceBus;
/** Every event the service put on the exchange, as a consumer bound to `#` received it. */
let tap: EventTap;

beforeAll(async () => {
  t = await startTestApp('outbox-relay');
  tap = await tapEvents(t.scope.amqpUrl);
  messaging = wireMessaging(t.app, t.db, t.scope.amqpUrl);
});

afterAll(async () => {
  await messaging.close();
  await tap.close();
  await t.close();
});

describe('outbox relays of the service, publishing to the real broker', () => {
  it('publishes events written before the relays started, once each and in order, and drains the outbox', async () => {
    const kase = await registered(t.app);
    await walked(t.app, kase.id, [aStepTo('under_investigation')]);
    expect(pending(await rawCase(t.db, kase.id))).toHaveLength(2);

    await messaging.start();

    const events = await tap.about(kase.id, 2);
    expect(events.map((event) => event.type)).toEqual(['case.registered', 'case.assigned']);
    expect(pending(await rawCase(t.db, kase.id))).toEqual([]);
    expect((await t.app.inject({ method: 'GET', url: '/health/ready' })).statusCode).toBe(200);
  });

  it('publishes the events of later changes while running', async () => {
    const kase = await registered(t.app);
    await walked(t.app, kase.id, [{ to: 'closed', reason: 'dismissed' }]);
    const events = await tap.about(kase.id, 2);
    expect(events.map((event) => event.type)).toEqual(['case.registered', 'case.closed']);
  });

  it('publishes execution unit events from their own outbox', async () => {
    const unitId = await registeredUnit(t.app, { kind: 'tazirat', province: 'fars' });
    const deployed = await t.app.inject({
      method: 'POST',
      url: `/v1/units/${unitId}/deployments`,
      headers: as('police'),
      payload: { officerId: 'FRJ-1', officerName: 'سروان مهدی نوری', startsAt: '2025-10-01T00:00:00Z' },
    });
    expect(deployed.statusCode, deployed.body).toBe(201);
    const events = await tap.about(unitId, 1);
    expect(events.map((event) => event.type)).toEqual(['unit.officer_deployed']);
    expect(pending(await rawUnit(t.db, unitId))).toEqual([]);
  });
});
