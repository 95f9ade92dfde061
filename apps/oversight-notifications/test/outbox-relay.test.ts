import { type EventTap, tapEvents } from '@enforcement/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweep } from '../src/scheduler/sweep.ts';
import { startTestApp, type TestApp } from './support/app.ts';
import { caseClosed, caseRegistered } from './support/events.ts';
import { feed } from './support/feed.ts';

let t: TestApp;
let tap: EventTap;

beforeAll(async () => {
  t = await startTestApp('outbox-relay');
  tap = await tapEvents(t.scope.amqpUrl, 'oversight.#');
});

afterAll(async () => {
  await tap.close();
  await t.close();
});

describe('the notifications’ outbox relay, publishing to the real broker', () => {
  it('publishes a raised and then resolved notification once each, in order, and drains the outbox', async () => {
    await feed(t, caseRegistered('relay-1', '2024-01-01T00:00:00.000Z'));
    await sweep(t.sweepDeps(), new Date('2024-04-01T00:00:00.000Z'));
    await feed(t, caseClosed('relay-1', '2024-04-02T00:00:00.000Z'));
    const stored = await t.stores.notifications.collection.findOne({ subjectKey: 'case:relay-1' });
    if (stored === null) throw new Error('not raised');
    await t.startMessaging();
    const events = await tap.about(stored._id, 2);
    expect(events.map((event) => event.type)).toEqual([
      'oversight.notification_raised',
      'oversight.notification_resolved',
    ]);
    expect(events[0]?.payload).toMatchObject({ audiences: ['prosecutor'], ruleId: 'case_determination_sla' });
    expect((await t.stores.notifications.collection.findOne({ _id: stored._id }))?.outbox ?? []).toEqual([]);
  });
});
