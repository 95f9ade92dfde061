import { type AnyEvent, newEvent } from '@enforcement/contracts';
import { connectProducer, eventually, type TestProducer } from '@enforcement/testkit';
import { problemCode, refusalProblem, send } from '@enforcement/testkit/hostile';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, startTestApp, type TestApp, type Who } from './support/app.ts';

const BASE = '/admin/dead-letters/case-events';

let t: TestApp;
let producer: TestProducer;

interface Listed {
  consumer: string;
  total: number;
  items: {
    messageId?: string;
    routingKey?: string;
    correlationId?: string;
    reason?: string;
    detail?: string;
    attempts: number;
    deadLetteredAt?: string;
    redrivenAt?: string;
    body: unknown;
  }[];
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
    ...(payload === undefined
      ? {}
      : { payload: typeof payload === 'string' ? payload : JSON.stringify(payload) }),
  });
}

async function listed(): Promise<Listed> {
  const response = await request('GET', BASE, 'messagingAdmin');
  expect(response.statusCode, response.body).toBe(200);
  return JSON.parse(response.body) as Listed;
}

/**
 * A verdict as case-intake would announce it, but with an outcome the contract does not have (a
 * producer that added a pardon without a new event version).
 */
function verdictWithUnknownOutcome(caseId: string): AnyEvent {
  const event = newEvent('case.verdict_issued', {
    version: 1,
    subjectId: caseId,
    correlationId: `corr-${caseId}`,
    payload: {
      caseId,
      category: 'goods',
      province: 'khuzestan',
      handlingAuthority: 'prosecutor',
      verdictReference: '9810-1404',
      outcome: 'convicted',
      fineRials: '25000000000000',
      goodsConfiscated: true,
      issuedAt: '2025-10-01T08:00:00.000Z',
    },
  });
  return { ...event, payload: { ...event.payload, outcome: 'pardoned' } } as unknown as AnyEvent;
}

describe('the dead-letter admin routes of the case-events consumer', () => {
  const broken = verdictWithUnknownOutcome('case-dead-lettered');

  it('lists and shows a verdict the consumer dead-lettered for breaking its contract', async () => {
    producer.publish(broken);
    const list = await eventually(listed, (found) => found.items.length === 1);

    expect(list).toMatchObject({
      consumer: 'case-events',
      total: 1,
      items: [
        {
          messageId: broken.id,
          routingKey: 'case.verdict_issued.v1',
          reason: 'invalid_payload',
          attempts: 1,
          body: { id: broken.id, type: 'case.verdict_issued' },
        },
      ],
    });
    expect(list.items[0]?.detail).toContain('outcome');
    expect(list.items[0]?.redrivenAt).toBeUndefined();

    const shown = await request('GET', `${BASE}/${broken.id}`, 'messagingAdmin');
    expect(shown.statusCode, shown.body).toBe(200);
    expect(JSON.parse(shown.body)).toEqual(list.items[0]);
    // Looking took nothing away.
    expect((await listed()).total).toBe(1);
  });

  it('refuses a key without messaging:admin (403) and a request without a key (401), everywhere', async () => {
    for (const [method, url, body] of [
      ['GET', BASE, undefined],
      ['GET', `${BASE}/${broken.id}`, undefined],
      ['POST', `${BASE}/redrive`, { messageIds: [broken.id] }],
    ] as const) {
      const lacking = await request(method, url, 'customs', body);
      expect(lacking.statusCode, `${method} ${url}: ${lacking.body}`).toBe(403);
      expect(JSON.parse(lacking.body)).toMatchObject({
        code: 'INSUFFICIENT_SCOPE',
        missingScopes: ['messaging:admin'],
      });
      const anonymous = await request(method, url, null, body);
      expect(anonymous.statusCode, `${method} ${url}: ${anonymous.body}`).toBe(401);
      expect(problemCode(anonymous)).toBe('UNAUTHENTICATED');
      expect(anonymous.headers['www-authenticate']).toBeDefined();
    }
    // Nothing was moved by the refused re-drive.
    expect((await listed()).total).toBe(1);
  });

  it('answers bad input with a 4xx problem naming the field, and unknown names with 404', async () => {
    const cases: [string, string, unknown, number, string, string | undefined][] = [
      ['GET', `${BASE}?limit=0`, undefined, 400, 'VALIDATION_FAILED', 'query.limit'],
      ['GET', `${BASE}?limit=abc`, undefined, 400, 'VALIDATION_FAILED', 'query.limit'],
      ['GET', `${BASE}?limit=1001`, undefined, 400, 'VALIDATION_FAILED', 'query.limit'],
      ['GET', `${BASE}?page=2`, undefined, 400, 'VALIDATION_FAILED', 'query.page'],
      ['POST', `${BASE}/redrive`, { messageIds: broken.id }, 400, 'VALIDATION_FAILED', 'body.messageIds'],
      ['POST', `${BASE}/redrive`, { messageIds: [7] }, 400, 'VALIDATION_FAILED', 'body.messageIds.0'],
      ['POST', `${BASE}/redrive`, { limit: 0 }, 400, 'VALIDATION_FAILED', 'body.limit'],
      ['POST', `${BASE}/redrive`, { all: true }, 400, 'VALIDATION_FAILED', 'body.all'],
      ['POST', `${BASE}/redrive`, [broken.id], 400, 'VALIDATION_FAILED', 'body'],
      ['POST', `${BASE}/redrive`, '{"messageIds":', 400, 'MALFORMED_BODY', 'body'],
      ['POST', `${BASE}/redrive`, { messageIds: ['x'.repeat(20_000)] }, 413, 'PAYLOAD_TOO_LARGE', undefined],
      ['GET', '/admin/dead-letters/nobody', undefined, 404, 'NOT_FOUND', undefined],
      ['GET', `${BASE}/no-such-message`, undefined, 404, 'NOT_FOUND', undefined],
      ['POST', '/admin/dead-letters/nobody/redrive', {}, 404, 'NOT_FOUND', undefined],
    ];
    for (const [method, url, body, status, code, path] of cases) {
      const response = await request(method, url, 'messagingAdmin', body);
      const label = `${method} ${url} ${JSON.stringify(body)?.slice(0, 40)}: ${response.body.slice(0, 300)}`;
      expect(response.statusCode, label).toBe(status);
      expect(refusalProblem(response), label).toBeUndefined();
      expect(problemCode(response), label).toBe(code);
      if (path !== undefined) {
        const errors = (JSON.parse(response.body) as { errors?: { path: string }[] }).errors ?? [];
        expect(
          errors.map((error) => error.path),
          label,
        ).toContain(path);
      }
    }
    expect((await listed()).total).toBe(1);
  });

  it('re-drives it to the consumer, which dead-letters it again: nothing lost, nothing applied', async () => {
    const before = (await listed()).items[0];

    const redrive = await request('POST', `${BASE}/redrive`, 'messagingAdmin', { messageIds: [broken.id] });

    expect(redrive.statusCode, redrive.body).toBe(200);
    expect(JSON.parse(redrive.body)).toEqual({ consumer: 'case-events', redriven: [broken.id] });
    // Back through the consumer's queue: the contract still fails, so it comes back once, marked as
    // re-driven, after one attempt again (the re-drive shed the failure headers).
    const after = await eventually(listed, (found) => found.items[0]?.redrivenAt !== undefined);
    expect(after.total).toBe(1);
    expect(after.items[0]).toMatchObject({
      messageId: broken.id,
      routingKey: 'case.verdict_issued.v1',
      reason: 'invalid_payload',
      attempts: 1,
      body: before?.body,
    });
    expect(Date.parse(after.items[0]?.deadLetteredAt ?? '')).toBeGreaterThanOrEqual(
      Date.parse(before?.deadLetteredAt ?? ''),
    );
    expect(Date.parse(after.items[0]?.redrivenAt ?? '')).toBeGreaterThanOrEqual(
      Date.parse(before?.deadLetteredAt ?? ''),
    );
    const metrics = (await t.app.inject({ method: 'GET', url: '/metrics' })).body;
    expect(metrics).toMatch(/messaging_dead_lettered_total\{[^}]*reason="invalid_payload"[^}]*\} 2\b/);
    expect(await t.db.collection('case_verdicts').countDocuments({})).toBe(0);
    // Re-driving an id that is not waiting moves nothing.
    const again = await request('POST', `${BASE}/redrive`, 'messagingAdmin', { messageIds: ['no-such-id'] });
    expect(JSON.parse(again.body)).toEqual({ consumer: 'case-events', redriven: [] });
    expect((await listed()).total).toBe(1);
  });
});
