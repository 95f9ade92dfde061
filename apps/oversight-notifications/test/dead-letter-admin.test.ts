import { connectProducer, type TestProducer } from '@enforcement/testkit';
import { problemCode, refusalProblem, send } from '@enforcement/testkit/hostile';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, eventually, startTestApp, type TestApp, type Who } from './support/app.ts';
import { caseRegistered } from './support/events.ts';

const BASE = '/admin/dead-letters/watched-events';

let t: TestApp;
let producer: TestProducer;

interface Listed {
  consumer: string;
  total: number;
  items: { messageId?: string; reason?: string; detail?: string; attempts: number; body: unknown }[];
}

beforeAll(async () => {
  t = await startTestApp('dead-letter-admin', { BODY_LIMIT_BYTES: '16384' });
  await t.startMessaging();
  producer = await connectProducer(t.scope.amqpUrl);
});

afterAll(async () => {
  await producer.close();
  await t.close();
});

function request(method: string, url: string, who: Who | null, payload?: unknown) {
  const headers = who === null ? {} : as(who);
  return send(t.app, {
    method,
    url,
    headers: payload === undefined ? headers : { ...headers, 'content-type': 'application/json' },
    ...(payload === undefined ? {} : { payload: JSON.stringify(payload) }),
  });
}

async function listed(): Promise<Listed> {
  const response = await request('GET', BASE, 'messagingAdmin');
  expect(response.statusCode, response.body).toBe(200);
  return JSON.parse(response.body) as Listed;
}

const rulesDocument = () => t.db.collection<{ _id: string }>('rule_settings');
const determination = (caseId: string) =>
  t.stores.obligations.find('case_determination_sla', `case:${caseId}`);

describe('the dead-letter admin routes of the watched-events consumer', () => {
  const first = caseRegistered('dl-first', '2025-01-01T00:00:00.000Z');
  const second = caseRegistered('dl-second', '2025-01-01T00:00:00.000Z');

  it('lists and shows the events whose handler failed on every retry while the stored rules were broken', async () => {
    // Someone edits the rules document by hand and leaves a value the rules schema refuses: every
    // watched event now fails in its handler, is retried once (the test's retry delays) and dead-lettered.
    await rulesDocument().updateOne(
      { _id: 'current' },
      { $set: { 'rules.caseDeterminationDays': 'ninety' } },
    );
    producer.publish(first);
    producer.publish(second);

    const list = await eventually(listed, (found) => found.items.length === 2);

    expect(list).toMatchObject({ consumer: 'watched-events', total: 2 });
    expect(list.items.map((item) => item.messageId).sort()).toEqual([first.id, second.id].sort());
    for (const item of list.items) {
      expect(item).toMatchObject({ reason: 'retries_exhausted', attempts: 2 });
      expect(item.detail).toContain('caseDeterminationDays');
    }
    const shown = await request('GET', `${BASE}/${first.id}`, 'messagingAdmin');
    expect(shown.statusCode, shown.body).toBe(200);
    expect(JSON.parse(shown.body)).toMatchObject({
      messageId: first.id,
      routingKey: 'case.registered.v1',
      reason: 'retries_exhausted',
      body: { id: first.id, correlationId: 'corr-dl-first', payload: { caseId: 'dl-first' } },
    });
    expect(await determination('dl-first')).toBeNull();
  });

  it('refuses a key without messaging:admin (403) and a request without a key (401)', async () => {
    for (const [method, url, body] of [
      ['GET', BASE, undefined],
      ['GET', `${BASE}/${first.id}`, undefined],
      ['POST', `${BASE}/redrive`, { messageIds: [first.id] }],
    ] as const) {
      // The rules administrator may change the rules, not re-drive messages.
      const lacking = await request(method, url, 'rulesAdmin', body);
      expect(lacking.statusCode, `${method} ${url}: ${lacking.body}`).toBe(403);
      expect(JSON.parse(lacking.body)).toMatchObject({
        code: 'INSUFFICIENT_SCOPE',
        missingScopes: ['messaging:admin'],
      });
      const anonymous = await request(method, url, null, body);
      expect(anonymous.statusCode, `${method} ${url}: ${anonymous.body}`).toBe(401);
      expect(problemCode(anonymous)).toBe('UNAUTHENTICATED');
    }
    expect((await listed()).total).toBe(2);
  });

  it('answers bad input with a problem naming the field', async () => {
    for (const [method, url, body, status, path] of [
      ['GET', `${BASE}?limit=0`, undefined, 400, 'query.limit'],
      ['GET', `${BASE}?limit=abc`, undefined, 400, 'query.limit'],
      ['POST', `${BASE}/redrive`, { messageIds: first.id }, 400, 'body.messageIds'],
      ['POST', `${BASE}/redrive`, { messageIds: ['x'.repeat(20_000)] }, 413, undefined],
      ['GET', '/admin/dead-letters/case-events', undefined, 404, undefined],
    ] as const) {
      const response = await request(method, url, 'messagingAdmin', body);
      const label = `${method} ${url}: ${response.body.slice(0, 300)}`;
      expect(response.statusCode, label).toBe(status);
      expect(refusalProblem(response), label).toBeUndefined();
      if (path !== undefined) {
        const errors = (JSON.parse(response.body) as { errors?: { path: string }[] }).errors ?? [];
        expect(
          errors.map((error) => error.path),
          label,
        ).toEqual([path]);
      }
    }
    expect((await listed()).total).toBe(2);
  });

  it('re-drives one, then the rest, once the rules are repaired: each is handled once, none is lost', async () => {
    await rulesDocument().updateOne({ _id: 'current' }, { $set: { 'rules.caseDeterminationDays': 90 } });

    const one = await request('POST', `${BASE}/redrive`, 'messagingAdmin', { messageIds: [first.id] });

    expect(one.statusCode, one.body).toBe(200);
    expect(JSON.parse(one.body)).toEqual({ consumer: 'watched-events', redriven: [first.id] });
    const opened = await eventually(
      () => determination('dl-first'),
      (found) => found !== null,
    );
    expect(opened).toMatchObject({ state: 'open', dueAt: new Date('2025-04-01T00:00:00.000Z') });
    expect(await listed()).toMatchObject({ total: 1, items: [{ messageId: second.id }] });

    const rest = await request('POST', `${BASE}/redrive`, 'messagingAdmin', {});

    expect(JSON.parse(rest.body)).toEqual({ consumer: 'watched-events', redriven: [second.id] });
    await eventually(
      () => determination('dl-second'),
      (found) => found !== null,
    );
    expect(await listed()).toEqual({ consumer: 'watched-events', total: 0, items: [] });
    const inbox = t.db.collection('messaging_inbox');
    expect(await inbox.countDocuments({ eventId: { $in: [first.id, second.id] } })).toBe(2);
  });
});
