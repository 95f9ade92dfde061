import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InMemoryIdempotencyStore } from '../src/idempotency/memory-store.ts';
import { bearer, buildTestApp, KEYS, type TestApp } from './helpers.ts';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => t.app.close());

const writer = bearer(KEYS.writer);

function post(url: string, key: string, payload: object, auth = writer) {
  return t.app.inject({ method: 'POST', url, headers: { ...auth, 'idempotency-key': key }, payload });
}

describe('Idempotency-Key', () => {
  it('replays the first response for the same key and body', async () => {
    const first = await post('/v1/cases', 'create-1', { title: 'fuel', parties: [] });
    const second = await post('/v1/cases', 'create-1', { parties: [], title: 'fuel' });
    expect(first.statusCode).toBe(201);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    expect(second.statusCode).toBe(201);
    expect(second.body).toBe(first.body);
    expect(second.headers.location).toBe(first.headers.location);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.headers['x-request-id']).not.toBe(first.headers['x-request-id']);
    expect(t.state.created).toBe(1);
  });

  it('refuses the same key with another body with 422', async () => {
    await post('/v1/cases', 'create-2', { title: 'a' });
    const reused = await post('/v1/cases', 'create-2', { title: 'b' });
    expect(reused.statusCode).toBe(422);
    expect(reused.json()).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
  });

  it('keeps keys apart per principal', async () => {
    await post('/v1/cases', 'create-3', { title: 'a' });
    const created = t.state.created;
    const otherWriter = await post('/v1/cases', 'create-3', { title: 'a' }, bearer(KEYS.otherWriter));
    expect(otherWriter.statusCode).toBe(201);
    expect(otherWriter.headers['idempotent-replayed']).toBeUndefined();
    expect(t.state.created).toBe(created + 1);
  });

  it('answers 409 while the first request with the key is in flight', async () => {
    const first = post('/v1/slow', 'slow-1', { n: 1 });
    await new Promise((resolve) => setTimeout(resolve, 20));
    const concurrent = await post('/v1/slow', 'slow-1', { n: 1 });
    expect(concurrent.statusCode).toBe(409);
    expect(concurrent.json()).toMatchObject({ code: 'IDEMPOTENCY_REQUEST_IN_PROGRESS' });
    t.state.releaseSlow();
    expect((await first).statusCode).toBe(201);
    const after = await post('/v1/slow', 'slow-1', { n: 1 });
    expect(after.headers['idempotent-replayed']).toBe('true');
  });

  it('does not store a 5xx, so the client can retry', async () => {
    const failed = await post('/v1/flaky', 'flaky-1', { n: 1 });
    expect(failed.statusCode).toBe(500);
    const retried = await post('/v1/flaky', 'flaky-1', { n: 1 });
    expect(retried.statusCode).toBe(201);
    expect(retried.headers['idempotent-replayed']).toBeUndefined();
    expect(retried.json()).toEqual({ n: 1, call: 2 });
  });

  it('refuses a malformed key with 400 naming the header', async () => {
    const response = await post('/v1/cases', 'has space', { title: 'a' });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      code: 'IDEMPOTENCY_KEY_INVALID',
      errors: [{ path: 'headers.idempotency-key' }],
    });
    const tooLong = await post('/v1/cases', 'k'.repeat(256), { title: 'a' });
    expect(tooLong.statusCode).toBe(400);
  });
});

describe('InMemoryIdempotencyStore', () => {
  it('lets exactly one of two concurrent begins start', async () => {
    const store = new InMemoryIdempotencyStore();
    const outcomes = await Promise.all([store.begin('k', 'f', 1000), store.begin('k', 'f', 1000)]);
    expect(outcomes.map((outcome) => outcome.state).sort()).toEqual(['in_progress', 'started']);
  });

  it('forgets entries after their time to live', async () => {
    let now = 0;
    const store = new InMemoryIdempotencyStore({ now: () => now });
    await store.begin('k', 'f', 1000);
    await store.complete('k', { statusCode: 201, headers: {}, body: '{}' }, 1000);
    expect((await store.begin('k', 'f', 1000)).state).toBe('completed');
    now = 1001;
    expect((await store.begin('k', 'f', 1000)).state).toBe('started');
  });
});
