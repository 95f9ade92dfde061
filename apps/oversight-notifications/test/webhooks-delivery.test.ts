import type { WebhookMessage } from '@enforcement/contracts';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { verifySignature } from '../src/webhooks/signature.ts';
import { startWebhookWorker } from '../src/webhooks/worker.ts';
import { as, eventually, startTestApp, type TestApp } from './support/app.ts';
import {
  capturingHost,
  delivererFor,
  type Receiver,
  raiseNotification,
  registerWebhook,
  resolveNotification,
  startReceiver,
  webhookEnv,
  webhookSettings,
} from './support/webhooks.ts';

let t: TestApp;
const cleanups: (() => Promise<void> | void)[] = [];
beforeAll(async () => {
  t = await startTestApp('webhooks-delivery', webhookEnv);
});
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});
afterAll(async () => {
  await t.close();
});

async function receiver(...args: Parameters<typeof startReceiver>): Promise<Receiver> {
  const started = await startReceiver(...args);
  cleanups.push(started.close);
  return started;
}

function deliverer(owner: string, host?: Parameters<typeof delivererFor>[2]) {
  const made = delivererFor(t, owner, host);
  cleanups.push(made.close);
  return made.deliverer;
}

/** Registers a webhook for this test only: it is deleted afterwards, so later tests never reach it. */
async function hook(
  ...args: Parameters<typeof registerWebhook> extends [TestApp, ...infer Rest] ? Rest : never
) {
  const registered = await registerWebhook(t, ...args);
  cleanups.push(async () => {
    await t.stores.webhooks.delete(registered.id);
  });
  return registered;
}

function messages(r: Receiver): WebhookMessage[] {
  return r.received.map((request) => JSON.parse(request.body) as WebhookMessage);
}

async function webhook(id: string) {
  const found = await t.stores.webhooks.findById(id);
  if (found === null) throw new Error(`webhook ${id} is gone`);
  return found;
}

async function deliveryLog(id: string, query = '') {
  const response = await t.app.inject({
    method: 'GET',
    url: `/v1/webhooks/${id}/deliveries${query}`,
    headers: as('hooksProsecutorNational'),
  });
  expect(response.statusCode).toBe(200);
  return response.json<{
    items: {
      number: number;
      messageId: string;
      seq: number;
      attempt: number;
      outcome: string;
      statusCode: number | null;
      error: string | null;
      at: string;
    }[];
    nextCursor: string | null;
  }>();
}

describe('webhook delivery', () => {
  it("delivers each change of the audience once, in change order, signed with the webhook's secret", async () => {
    const r = await receiver();
    await raiseNotification(t, 'wd-before', ['prosecutor:khuzestan']);
    const { id, secret } = await hook('hooksProsecutorKhuzestan', {
      audience: 'prosecutor:khuzestan',
      url: `${r.url}?token=abc`,
    });
    const replica = deliverer('replica-order');

    await raiseNotification(t, 'wd-1', ['prosecutor:khuzestan']);
    await raiseNotification(t, 'wd-other', ['customs:khuzestan']);
    await raiseNotification(t, 'wd-2', ['prosecutor:khuzestan', 'inspection']);
    await replica.deliverDue(t.clock.now);
    await resolveNotification(t, 'wd-1');
    await replica.deliverDue(t.clock.now);
    await replica.deliverDue(t.clock.now);

    const sent = messages(r);
    expect(sent.map((m) => [m.notification.id, m.notification.state])).toEqual([
      ['wd-1', 'open'],
      ['wd-2', 'open'],
      ['wd-1', 'resolved'],
    ]);
    const seqs = sent.map((m) => m.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(sent.map((m) => m.id)).size).toBe(3);
    for (const [index, request] of r.received.entries()) {
      expect(verifySignature(secret, request.body, request.headers, { now: t.clock.now })).toMatchObject({
        ok: true,
      });
      expect(verifySignature('whsec_wrong', request.body, request.headers, { now: t.clock.now }).ok).toBe(
        false,
      );
      expect(request.headers['webhook-id']).toBe(sent[index]?.id);
      expect(request.headers['content-type']).toBe('application/json');
      expect(sent[index]).toMatchObject({
        type: 'notification.changed',
        webhookId: id,
        audience: 'prosecutor:khuzestan',
      });
    }

    const log = await deliveryLog(id);
    expect(log.items.map((d) => [d.number, d.seq, d.outcome, d.statusCode, d.attempt])).toEqual([
      [3, seqs[2], 'delivered', 204, 1],
      [2, seqs[1], 'delivered', 204, 1],
      [1, seqs[0], 'delivered', 204, 1],
    ]);
    expect(await webhook(id)).toMatchObject({
      cursor: seqs[2],
      consecutiveFailures: 0,
      lastDeliveredAt: new Date(log.items[0]?.at ?? ''),
    });
  });

  it("moves past other audiences' changes without calling the receiver", async () => {
    const r = await receiver();
    const { id } = await hook('hooksProsecutorNational', {
      audience: 'prosecutor:fars',
      url: r.url,
    });
    await raiseNotification(t, 'wd-skip', ['customs:fars']);
    const watermark = await t.stores.notifications.seq.watermark();
    await deliverer('replica-skip').deliverDue(t.clock.now);
    expect(r.received).toHaveLength(0);
    expect((await webhook(id)).cursor).toBe(watermark);
  });

  it('retries a failing receiver with growing delays, pauses it, reports it, and resumes on request', async () => {
    const r = await receiver(() => ({ status: 500 }));
    const { id } = await hook('hooksProsecutorNational', {
      audience: 'prosecutor:bushehr',
      url: `${r.url}?token=very-secret`,
    });
    const captured = capturingHost(t);
    const replica = deliverer('replica-failing', captured.host);
    const pausedMetric = t.app.metrics.getSingleMetric('oversight_webhooks_paused_total');
    const pausedBefore = (await pausedMetric?.get())?.values[0]?.value ?? 0;
    await raiseNotification(t, 'wd-fail', ['prosecutor:bushehr']);

    const delays: number[] = [];
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      await replica.deliverDue(t.clock.now);
      expect(r.received).toHaveLength(attempt);
      const after = await webhook(id);
      expect(after.consecutiveFailures).toBe(attempt);
      if (attempt < 4) {
        // Not due again before its backoff ends.
        await replica.deliverDue(t.clock.now);
        expect(r.received).toHaveLength(attempt);
        delays.push(after.nextAttemptAt.getTime() - (after.lastFailureAt?.getTime() ?? Number.NaN));
        t.clock.now = after.nextAttemptAt;
      }
    }
    expect(delays).toEqual([1000, 2000, 4000]);

    const paused = await webhook(id);
    expect(paused).toMatchObject({ state: 'paused', lastFailureAt: paused.pausedAt });
    expect(paused.pausedReason).toContain('receiver answered 500');
    t.clock.now = new Date(t.clock.now.getTime() + 86_400_000);
    await replica.deliverDue(t.clock.now);
    expect(r.received).toHaveLength(4);

    expect(captured.warnings).toHaveLength(1);
    expect(captured.warnings[0]).toMatchObject({
      msg: 'webhook paused',
      webhookId: id,
      audience: 'prosecutor:bushehr',
      target: r.url,
      failures: 4,
      lastError: 'receiver answered 500',
    });
    expect(JSON.stringify(captured.warnings)).not.toContain('very-secret');
    expect(JSON.stringify(captured.warnings)).not.toContain('whsec_');
    expect((await pausedMetric?.get())?.values[0]?.value).toBe(pausedBefore + 1);

    const log = await deliveryLog(id, '?limit=3');
    expect(log.items.map((d) => [d.attempt, d.outcome, d.statusCode, d.error])).toEqual([
      [4, 'failed', 500, 'receiver answered 500'],
      [3, 'failed', 500, 'receiver answered 500'],
      [2, 'failed', 500, 'receiver answered 500'],
    ]);
    expect(new Set(log.items.map((d) => d.messageId)).size).toBe(1);
    const rest = await deliveryLog(id, `?limit=3&cursor=${log.nextCursor}`);
    expect(rest.items.map((d) => d.attempt)).toEqual([1]);
    expect(rest.nextCursor).toBeNull();

    r.answer = () => ({ status: 200 });
    const resumed = await t.app.inject({
      method: 'POST',
      url: `/v1/webhooks/${id}/resume`,
      headers: as('hooksProsecutorNational'),
    });
    expect(resumed.statusCode).toBe(200);
    expect(resumed.json()).toMatchObject({ state: 'active', consecutiveFailures: 0, pausedReason: null });
    await replica.deliverDue(t.clock.now);
    expect(r.received).toHaveLength(5);
    expect(r.received[4]?.headers['webhook-id']).toBe(r.received[0]?.headers['webhook-id']);
    expect(await webhook(id)).toMatchObject({ state: 'active', cursor: messages(r)[4]?.seq });
  });

  it('does not follow a redirect and counts it as a failed delivery', async () => {
    const elsewhere = await receiver();
    const r = await receiver(() => ({ status: 302, headers: { location: elsewhere.url } }));
    const { id } = await hook('hooksProsecutorNational', {
      audience: 'prosecutor:hormozgan',
      url: r.url,
    });
    await raiseNotification(t, 'wd-redirect', ['prosecutor:hormozgan']);
    await deliverer('replica-redirect').deliverDue(t.clock.now);
    expect(r.received).toHaveLength(1);
    expect(elsewhere.received).toHaveLength(0);
    const log = await deliveryLog(id);
    expect(log.items).toMatchObject([{ outcome: 'failed', statusCode: 302, error: 'redirect not followed' }]);
    expect(await webhook(id)).toMatchObject({ consecutiveFailures: 1, state: 'active' });
  });

  it('refuses at delivery a host that resolves to an internal address it may not reach', async () => {
    const r = await receiver();
    const { id } = await hook('hooksProsecutorNational', {
      audience: 'prosecutor:tehran',
      url: `http://localhost:${r.port}/hooks/in`,
    });
    await raiseNotification(t, 'wd-private', ['prosecutor:tehran']);
    await deliverer('replica-private').deliverDue(t.clock.now);
    expect(r.received).toHaveLength(0);
    const [attempt] = (await deliveryLog(id)).items;
    expect(attempt).toMatchObject({ outcome: 'failed', statusCode: null });
    expect(attempt?.error).toMatch(/^localhost resolves to .* \(loopback\)$/);
  });

  it('delivers each change exactly once when two replicas deliver at the same time', async () => {
    const r = await receiver();
    const audience = 'prosecutor:isfahan';
    const hooks = await Promise.all(
      [1, 2, 3].map((n) => hook('hooksProsecutorNational', { audience, url: `${r.url}?n=${n}` })),
    );
    const raised = [];
    for (let n = 0; n < 8; n += 1) raised.push(await raiseNotification(t, `wd-race-${n}`, [audience]));
    const a = deliverer('replica-a');
    const b = deliverer('replica-b');
    for (let round = 0; round < 3; round += 1) {
      await Promise.all([a.deliverDue(t.clock.now), b.deliverDue(t.clock.now)]);
    }
    const sent = messages(r);
    expect(sent).toHaveLength(hooks.length * raised.length);
    for (const { id } of hooks) {
      const mine = sent.filter((m) => m.webhookId === id).map((m) => m.seq);
      expect(mine).toEqual(raised.map((n) => n.seq));
    }
    expect(new Set(sent.map((m) => m.id)).size).toBe(sent.length);
  });

  it('leaves a webhook claimed by another replica alone until that lease runs out', async () => {
    const r = await receiver();
    const { id } = await hook('hooksProsecutorNational', {
      audience: 'prosecutor:fars',
      url: r.url,
    });
    await raiseNotification(t, 'wd-lease', ['prosecutor:fars']);
    const watermark = await t.stores.notifications.seq.watermark();
    // A replica claims it and dies before delivering.
    const claimed = await t.stores.webhooks.claimDue({
      now: t.clock.now,
      watermark,
      owner: 'dead',
      leaseMs: 60_000,
    });
    expect(claimed?.id).toBe(id);
    const live = deliverer('replica-live');
    await live.deliverDue(t.clock.now);
    expect(r.received).toHaveLength(0);
    t.clock.now = new Date(t.clock.now.getTime() + 60_000);
    await live.deliverDue(t.clock.now);
    expect(messages(r).map((m) => m.notification.id)).toEqual(['wd-lease']);
    // The dead replica's late write changes nothing: its claim is gone.
    if (claimed === null) throw new Error('not claimed');
    expect(await t.stores.webhooks.release(claimed, 'dead', { cursor: 0 }, t.clock.now)).toBe(false);
    expect((await webhook(id)).cursor).toBe(messages(r)[0]?.seq);
  });

  it('runs rounds on its own once started with the service, and stops cleanly', async () => {
    const r = await receiver();
    await hook('hooksProsecutorNational', { audience: 'prosecutor:yazd', url: r.url });
    const worker = startWebhookWorker(t.app, t.stores, { ...webhookSettings, pollMs: 20 }, () => t.clock.now);
    try {
      await raiseNotification(t, 'wd-worker', ['prosecutor:yazd']);
      const received = await eventually(
        () => r.received.length,
        (count) => count > 0,
      );
      expect(received).toBe(1);
    } finally {
      await worker.stop();
    }
    expect(messages(r).map((m) => m.notification.id)).toEqual(['wd-worker']);
  });
});
