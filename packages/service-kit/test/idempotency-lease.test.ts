import { describe, expect, it } from 'vitest';
import { InMemoryIdempotencyStore } from '../src/idempotency/memory-store.ts';
import type { IdempotencyStore } from '../src/idempotency/store.ts';
import { bearer, buildTestApp, KEYS } from './helpers.ts';

/**
 * The in-memory store on a clock the test moves, whose first request "dies": it neither records its
 * answer nor releases its key, as when a process is killed mid-request.
 */
function storeOfADeadRequest() {
  const clock = { now: 1_000_000 };
  const inner = new InMemoryIdempotencyStore({ now: () => clock.now });
  const leases: number[] = [];
  let dead = true;
  const store: IdempotencyStore = {
    begin: (key, fingerprint, ms) => {
      leases.push(ms);
      return inner.begin(key, fingerprint, ms);
    },
    complete: async (key, response, ttlMs) => {
      if (dead) {
        dead = false;
        return;
      }
      await inner.complete(key, response, ttlMs);
    },
    abandon: async () => undefined,
  };
  return { clock, store, leases };
}

describe('an Idempotency-Key whose request never recorded an answer', () => {
  it('is held for the in-progress lease (60 s), not the whole TTL; then a retry takes it over', async () => {
    const { clock, store, leases } = storeOfADeadRequest();
    const t = await buildTestApp({}, { idempotencyStore: store });
    const post = () =>
      t.app.inject({
        method: 'POST',
        url: '/v1/cases',
        headers: { ...bearer(KEYS.writer), 'idempotency-key': 'key-of-a-dead-request' },
        payload: { title: 'fuel' },
      });
    await post();
    expect(leases).toEqual([60_000]);

    clock.now += 59_000;
    expect((await post()).json()).toMatchObject({ code: 'IDEMPOTENCY_REQUEST_IN_PROGRESS' });

    clock.now += 2_000;
    expect((await post()).statusCode).toBe(201);
    await t.app.close();
  });
});
