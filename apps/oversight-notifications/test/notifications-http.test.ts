import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweep } from '../src/scheduler/sweep.ts';
import { as, startTestApp, type TestApp } from './support/app.ts';
import { caseRegistered } from './support/events.ts';
import { feed } from './support/feed.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp('notifications-http');
});
afterAll(async () => {
  await t.close();
});

/** A case registered at `registeredAt`, swept when its determination fell due: its notification id. */
async function raisedFor(caseId: string): Promise<string> {
  await feed(t, caseRegistered(caseId, '2024-01-01T00:00:00.000Z'));
  await sweep(t.sweepDeps(), new Date('2024-04-01T00:00:00.000Z'));
  const n = await t.stores.notifications.collection.findOne({ subjectKey: `case:${caseId}`, state: 'open' });
  if (n === null) throw new Error('not raised');
  return n._id;
}

describe('GET /v1/notifications/{id}', () => {
  it('shows a notification to a member of its audiences, in Persian and English', async () => {
    const id = await raisedFor('http-1');
    const response = await t.app.inject({
      method: 'GET',
      url: `/v1/notifications/${id}`,
      headers: as('prosecutorKhuzestan'),
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      id,
      ruleId: 'case_determination_sla',
      subject: { kind: 'case', id: 'http-1' },
      audiences: ['prosecutor:khuzestan'],
      state: 'open',
      title: { fa: 'تأخیر در تعیین تکلیف پرونده', en: 'Case not determined in time' },
    });
  });

  it('answers 404 to an agency outside the audiences, as if it did not exist', async () => {
    const id = await raisedFor('http-2');
    const other = await t.app.inject({
      method: 'GET',
      url: `/v1/notifications/${id}`,
      headers: as('prosecutorBushehr'),
    });
    expect(other.statusCode).toBe(404);
    expect(other.json()).toMatchObject({ code: 'NOTIFICATION_NOT_FOUND' });
  });

  it('refuses a request without a key', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/v1/notifications/x' })).statusCode).toBe(401);
  });
});

describe('POST /v1/notifications/{id}/acknowledgements', () => {
  it('records who acknowledged and when, stops the escalation, and writes the event to the outbox', async () => {
    const id = await raisedFor('http-3');
    t.clock.now = new Date('2024-04-02T00:00:00.000Z');
    const response = await t.app.inject({
      method: 'POST',
      url: `/v1/notifications/${id}/acknowledgements`,
      headers: as('prosecutorKhuzestan'),
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      escalateAt: null,
      acknowledgements: [
        {
          agency: 'prosecutor',
          province: 'khuzestan',
          principalId: 'prosecutorKhuzestan',
          at: '2024-04-02T00:00:00.000Z',
        },
      ],
    });
    const stored = await t.stores.notifications.collection.findOne({ _id: id });
    expect(stored?.outbox?.map((entry) => entry.event.type)).toEqual([
      'oversight.notification_raised',
      'oversight.notification_acknowledged',
    ]);
    await sweep(t.sweepDeps(), new Date('2024-06-01T00:00:00.000Z'));
    expect((await t.stores.notifications.findById(id))?.level).toBe(0);
  });

  it('refuses a second acknowledgement by the same office with 409', async () => {
    const id = await raisedFor('http-4');
    const ack = () =>
      t.app.inject({
        method: 'POST',
        url: `/v1/notifications/${id}/acknowledgements`,
        headers: as('prosecutorKhuzestan'),
      });
    expect((await ack()).statusCode).toBe(201);
    const again = await ack();
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'NOTIFICATION_ALREADY_ACKNOWLEDGED' });
  });

  it('lets only members of the audiences acknowledge, and only with the acknowledge scope', async () => {
    const id = await raisedFor('http-5');
    const url = `/v1/notifications/${id}/acknowledgements`;
    expect((await t.app.inject({ method: 'POST', url, headers: as('customsKhuzestan') })).statusCode).toBe(
      404,
    );
    expect((await t.app.inject({ method: 'POST', url, headers: as('prosecutorReadOnly') })).statusCode).toBe(
      403,
    );
  });

  it('names the field of a malformed id', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/v1/notifications/bad%20id/acknowledgements',
      headers: as('prosecutorKhuzestan'),
    });
    expect(response.statusCode).toBe(400);
    expect(JSON.stringify(response.json())).toContain('id');
  });
});
