import { afterEach, describe, expect, it } from 'vitest';
import { bearer, buildTestApp, KEYS, type TestApp } from './helpers.ts';

let t: TestApp | undefined;
afterEach(async () => t?.app.close());

describe('rate limiting', () => {
  it('answers 429 problem+json with Retry-After once a key spends its budget', async () => {
    t = await buildTestApp({ RATE_LIMIT_MAX: '2', RATE_LIMIT_WINDOW_MS: '60000' });
    const auth = bearer(KEYS.reader);
    expect((await t.app.inject({ url: '/v1/cases', headers: auth })).statusCode).toBe(200);
    expect((await t.app.inject({ url: '/v1/cases', headers: auth })).statusCode).toBe(200);
    const limited = await t.app.inject({ url: '/v1/cases', headers: auth });
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.json()).toMatchObject({ code: 'RATE_LIMITED', status: 429 });
    // Another key from the same address has its own budget.
    expect((await t.app.inject({ url: '/v1/cases', headers: bearer(KEYS.writer) })).statusCode).toBe(200);
  });
});

describe('load shedding', () => {
  it('answers 503 problem+json with Retry-After when over the heap threshold, but stays live', async () => {
    t = await buildTestApp({
      PRESSURE_MAX_HEAP_USED_BYTES: '1',
      PRESSURE_SAMPLE_INTERVAL_MS: '10',
      PRESSURE_RETRY_AFTER_S: '7',
    });
    await new Promise((resolve) => setTimeout(resolve, 60));
    const shed = await t.app.inject({ url: '/v1/cases', headers: bearer(KEYS.reader) });
    expect(shed.statusCode).toBe(503);
    expect(shed.headers['retry-after']).toBe('7');
    expect(shed.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(shed.json()).toMatchObject({ code: 'SERVICE_OVERLOADED', status: 503 });
    expect((await t.app.inject({ url: '/health/live' })).statusCode).toBe(200);
  });
});
