import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, buildTestApp, KEYS, type TestApp } from './helpers.ts';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => t.app.close());

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('request and correlation ids', () => {
  it('generates a request id and uses it as correlation id when none is sent', async () => {
    const response = await t.app.inject({ url: '/v1/public' });
    expect(response.headers['x-request-id']).toMatch(uuid);
    expect(response.headers['x-correlation-id']).toBe(response.headers['x-request-id']);
  });

  it('honours valid incoming ids', async () => {
    const response = await t.app.inject({
      url: '/v1/public',
      headers: { 'x-request-id': 'gw-123', 'x-correlation-id': 'case:42.intake' },
    });
    expect(response.headers['x-request-id']).toBe('gw-123');
    expect(response.headers['x-correlation-id']).toBe('case:42.intake');
  });

  it('replaces invalid incoming ids', async () => {
    const response = await t.app.inject({
      url: '/v1/public',
      headers: { 'x-request-id': 'has spaces', 'x-correlation-id': 'x'.repeat(129) },
    });
    expect(response.headers['x-request-id']).toMatch(uuid);
    expect(response.headers['x-correlation-id']).toBe(response.headers['x-request-id']);
  });

  it('puts reqId and correlationId on every line the request logs', async () => {
    await t.app.inject({
      url: '/v1/log-headers',
      headers: { ...bearer(KEYS.reader), 'x-correlation-id': 'corr-log-1' },
    });
    const line = t.logs.map((raw) => JSON.parse(raw)).find((entry) => entry.msg === 'handler saw headers');
    expect(line).toMatchObject({ correlationId: 'corr-log-1', service: 'test-service' });
    expect(line.reqId).toMatch(uuid);
  });
});

describe('log redaction', () => {
  it('never writes a bearer token or key material to the log', async () => {
    const before = t.logs.length;
    await t.app.inject({
      url: '/v1/log-headers',
      headers: { ...bearer(KEYS.reader), cookie: 'session=abc123' },
    });
    await t.app.inject({ url: '/v1/cases', headers: bearer('stolen-token-xyz') });
    const written = t.logs.slice(before).join('');
    expect(written).toContain('handler saw headers');
    expect(written).toContain('[redacted]');
    expect(written).not.toContain(KEYS.reader);
    expect(written).not.toContain('stolen-token-xyz');
    expect(written).not.toContain('abc123');
    expect(written).not.toContain('raw-key-in-object');
  });
});
