import type { TestScope } from '@enforcement/testkit';
import { useTestScope } from '@enforcement/testkit/vitest';
import type { Db } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MongoIdempotencyStore } from '../src/idempotency/mongo-store.ts';

let scope: TestScope;
let db: Db;
beforeAll(async () => {
  scope = await useTestScope('idempotency-store');
  db = await scope.db();
});
afterAll(async () => {
  await scope.cleanup();
});

const response = { statusCode: 201, headers: { location: '/v1/cases/c-1' }, body: '{"id":"c-1"}' };

describe('the MongoDB idempotency store', () => {
  it('lets exactly one of concurrent first requests with a key proceed', async () => {
    const store = new MongoIdempotencyStore(db);
    const outcomes = await Promise.all([1, 2, 3].map(() => store.begin('k-concurrent', 'fp', 60_000)));
    expect(outcomes.filter((outcome) => outcome.state === 'started')).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome.state === 'in_progress')).toHaveLength(2);
  });

  it('replays a completed response with the first request’s fingerprint', async () => {
    const store = new MongoIdempotencyStore(db);
    await store.begin('k-done', 'fp-1', 60_000);
    await store.complete('k-done', response, 60_000);
    expect(await store.begin('k-done', 'fp-2', 60_000)).toEqual({
      state: 'completed',
      fingerprint: 'fp-1',
      response,
    });
  });

  it('frees an abandoned key but never a completed one', async () => {
    const store = new MongoIdempotencyStore(db);
    await store.begin('k-abandoned', 'fp', 60_000);
    await store.abandon('k-abandoned');
    expect((await store.begin('k-abandoned', 'fp', 60_000)).state).toBe('started');
    await store.complete('k-abandoned', response, 60_000);
    await store.abandon('k-abandoned');
    expect((await store.begin('k-abandoned', 'fp', 60_000)).state).toBe('completed');
  });

  it('takes over a key whose record expired but was not swept yet', async () => {
    let now = new Date('2025-10-05T00:00:00.000Z');
    const store = new MongoIdempotencyStore(db, { collection: 'idempotency_clocked', now: () => now });
    await store.begin('k-expired', 'fp-old', 1000);
    await store.complete('k-expired', response, 1000);
    now = new Date('2025-10-05T00:00:02.000Z');
    expect((await store.begin('k-expired', 'fp-new', 1000)).state).toBe('started');
  });

  it('creates a TTL index on the expiry', async () => {
    await new MongoIdempotencyStore(db).ensureIndexes();
    const indexes = await db.collection('idempotency_keys').listIndexes().toArray();
    expect(indexes.find((index) => index.name === 'expiry_ttl')).toMatchObject({
      key: { expiresAt: 1 },
      expireAfterSeconds: 0,
    });
  });
});
