import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, startTestApp, type TestApp } from './support/app.ts';
import { raiseNotification, registerWebhook, webhookEnv } from './support/webhooks.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp('webhooks-http', webhookEnv);
});
afterAll(async () => {
  await t.close();
});

const URL_OK = 'https://hooks.agency.example/oversight?token=abc';

describe('POST /v1/webhooks', () => {
  it('registers a webhook from now on and shows its signing secret once', async () => {
    await raiseNotification(t, 'wh-http-before', ['prosecutor:khuzestan']);
    const watermark = await t.stores.notifications.seq.watermark();
    const response = await t.app.inject({
      method: 'POST',
      url: '/v1/webhooks',
      headers: as('hooksProsecutorKhuzestan'),
      payload: { audience: 'prosecutor:khuzestan', url: URL_OK, description: 'Case system' },
    });
    expect(response.statusCode).toBe(201);
    const created = response.json();
    expect(created).toMatchObject({
      agency: 'prosecutor',
      audience: 'prosecutor:khuzestan',
      url: URL_OK,
      description: 'Case system',
      state: 'active',
      cursor: watermark,
      consecutiveFailures: 0,
      createdBy: 'hooksProsecutorKhuzestan',
      createdAt: '2025-01-01T00:00:00.000Z',
    });
    expect(created.secret).toMatch(/^whsec_/);
    expect(response.headers.location).toBe(`/v1/webhooks/${created.id}`);

    const read = await t.app.inject({
      method: 'GET',
      url: `/v1/webhooks/${created.id}`,
      headers: as('hooksProsecutorKhuzestan'),
    });
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({ id: created.id, state: 'active' });
    expect(read.body).not.toContain(created.secret);
    expect(read.json()).not.toHaveProperty('secret');
    const list = await t.app.inject({
      method: 'GET',
      url: '/v1/webhooks',
      headers: as('hooksProsecutorKhuzestan'),
    });
    expect(list.body).not.toContain(created.secret);
  });

  it.each([
    ['ftp://hooks.agency.example/in', 'must use http or https, not ftp'],
    ['https://user:pw@hooks.agency.example/in', 'must not carry a user name or password'],
    ['https://intranet.local/in', 'host intranet.local is not among the hosts the operator allows'],
    ['http://agency.example/in', 'host agency.example is not among the hosts the operator allows'],
    ['not a url', 'is not an absolute URL'],
  ])('refuses %s with 422 naming url', async (url, reason) => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/v1/webhooks',
      headers: as('hooksProsecutorKhuzestan'),
      payload: { audience: 'prosecutor:khuzestan', url },
    });
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({
      code: 'WEBHOOK_URL_REFUSED',
      errors: [{ path: 'body.url', message: reason }],
    });
  });

  it('refuses an audience that is not an agency or agency:province', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/v1/webhooks',
      headers: as('hooksProsecutorKhuzestan'),
      payload: { audience: 'prosecutor:atlantis', url: URL_OK },
    });
    expect(response.statusCode).toBe(400);
  });

  it.each([
    ['another agency', 'hooksCustomsKhuzestan', 'prosecutor:khuzestan'],
    ['another province', 'hooksProsecutorBushehr', 'prosecutor:khuzestan'],
    ['the national audience from a provincial key', 'hooksProsecutorKhuzestan', 'prosecutor'],
  ] as const)('refuses to register for %s (403)', async (_case, who, audience) => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/v1/webhooks',
      headers: as(who),
      payload: { audience, url: URL_OK },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ code: 'OUT_OF_JURISDICTION' });
  });

  it('refuses a key without webhooks:manage (403) and a request without a key (401)', async () => {
    const payload = { audience: 'prosecutor:khuzestan', url: URL_OK };
    const member = await t.app.inject({
      method: 'POST',
      url: '/v1/webhooks',
      headers: as('prosecutorKhuzestan'),
      payload,
    });
    expect(member.statusCode).toBe(403);
    expect(member.json()).toMatchObject({ code: 'INSUFFICIENT_SCOPE' });
    expect((await t.app.inject({ method: 'POST', url: '/v1/webhooks', payload })).statusCode).toBe(401);
  });
});

describe('reading and managing webhooks', () => {
  it('shows a webhook only to keys that manage its audience; others get 404', async () => {
    const { id } = await registerWebhook(t, 'hooksProsecutorKhuzestan', {
      audience: 'prosecutor:khuzestan',
      url: URL_OK,
    });
    const get = (who: Parameters<typeof as>[0]) =>
      t.app.inject({ method: 'GET', url: `/v1/webhooks/${id}`, headers: as(who) });
    expect((await get('hooksProsecutorNational')).statusCode).toBe(200);
    expect((await get('hooksProsecutorBushehr')).statusCode).toBe(404);
    const other = await get('hooksCustomsKhuzestan');
    expect(other.statusCode).toBe(404);
    expect(other.json()).toMatchObject({ code: 'WEBHOOK_NOT_FOUND' });
    expect((await get('prosecutorKhuzestan')).statusCode).toBe(403);
    for (const path of ['deliveries', 'resume']) {
      const method = path === 'resume' ? 'POST' : 'GET';
      const response = await t.app.inject({
        method,
        url: `/v1/webhooks/${id}/${path}`,
        headers: as('hooksCustomsKhuzestan'),
      });
      expect(response.statusCode).toBe(404);
    }
    const deleted = await t.app.inject({
      method: 'DELETE',
      url: `/v1/webhooks/${id}`,
      headers: as('hooksProsecutorBushehr'),
    });
    expect(deleted.statusCode).toBe(404);
    expect((await get('hooksProsecutorKhuzestan')).statusCode).toBe(200);
  });

  it("lists the agency's webhooks page by page; a provincial key sees its province's only", async () => {
    const national = await registerWebhook(t, 'hooksProsecutorNational', {
      audience: 'prosecutor',
      url: URL_OK,
    });
    const bushehr = await registerWebhook(t, 'hooksProsecutorBushehr', {
      audience: 'prosecutor:bushehr',
      url: URL_OK,
    });
    await registerWebhook(t, 'hooksCustomsKhuzestan', { audience: 'customs:khuzestan', url: URL_OK });

    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor === null ? '?limit=2' : `?limit=2&cursor=${cursor}`;
      const page = await t.app.inject({
        method: 'GET',
        url: `/v1/webhooks${query}`,
        headers: as('hooksProsecutorNational'),
      });
      expect(page.statusCode).toBe(200);
      const body = page.json<{ items: { id: string; agency: string }[]; nextCursor: string | null }>();
      expect(body.items.length).toBeLessThanOrEqual(2);
      for (const item of body.items) expect(item.agency).toBe('prosecutor');
      ids.push(...body.items.map((item) => item.id));
      cursor = body.nextCursor;
    } while (cursor !== null);
    expect(ids).toContain(national.id);
    expect(ids).toContain(bushehr.id);
    expect(new Set(ids).size).toBe(ids.length);

    const provincial = await t.app.inject({
      method: 'GET',
      url: '/v1/webhooks',
      headers: as('hooksProsecutorBushehr'),
    });
    expect(provincial.json().items.map((item: { id: string }) => item.id)).toEqual([bushehr.id]);
    const filtered = await t.app.inject({
      method: 'GET',
      url: '/v1/webhooks?audience=prosecutor',
      headers: as('hooksProsecutorNational'),
    });
    expect(filtered.json().items.map((item: { id: string }) => item.id)).toEqual([national.id]);
    const bad = await t.app.inject({
      method: 'GET',
      url: '/v1/webhooks?cursor=nonsense',
      headers: as('hooksProsecutorNational'),
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'WEBHOOK_CURSOR_INVALID' });
  });

  it('resumes an active webhook as a no-op, and deletes a webhook with its log', async () => {
    const { id } = await registerWebhook(t, 'hooksProsecutorKhuzestan', {
      audience: 'prosecutor:khuzestan',
      url: URL_OK,
    });
    const resumed = await t.app.inject({
      method: 'POST',
      url: `/v1/webhooks/${id}/resume`,
      headers: as('hooksProsecutorKhuzestan'),
    });
    expect(resumed.statusCode).toBe(200);
    expect(resumed.json()).toMatchObject({ id, state: 'active', consecutiveFailures: 0 });
    const log = await t.app.inject({
      method: 'GET',
      url: `/v1/webhooks/${id}/deliveries`,
      headers: as('hooksProsecutorKhuzestan'),
    });
    expect(log.json()).toEqual({ items: [], nextCursor: null });

    const deleted = await t.app.inject({
      method: 'DELETE',
      url: `/v1/webhooks/${id}`,
      headers: as('hooksProsecutorKhuzestan'),
    });
    expect(deleted.statusCode).toBe(204);
    const gone = await t.app.inject({
      method: 'GET',
      url: `/v1/webhooks/${id}`,
      headers: as('hooksProsecutorKhuzestan'),
    });
    expect(gone.statusCode).toBe(404);
    expect(await t.stores.webhooks.collection.countDocuments({ _id: id })).toBe(0);
  });

  it('describes the webhook routes in the OpenAPI document', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/docs/json' });
    expect(response.statusCode).toBe(200);
    const paths = Object.keys(response.json<{ paths: Record<string, unknown> }>().paths);
    for (const path of [
      '/v1/webhooks',
      '/v1/webhooks/{id}',
      '/v1/webhooks/{id}/deliveries',
      '/v1/webhooks/{id}/resume',
    ]) {
      expect(paths).toContain(path);
    }
  });
});
