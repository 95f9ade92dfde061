import { afterEach, describe, expect, it } from 'vitest';
import { bearer, buildTestApp, KEYS, type TestApp } from './helpers.ts';

let t: TestApp | undefined;
afterEach(async () => t?.app.close());

describe('health', () => {
  it('answers /health/live with 200', async () => {
    t = await buildTestApp();
    const response = await t.app.inject({ url: '/health/live' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'up' });
  });

  it('is ready when every probe passes', async () => {
    t = await buildTestApp({}, { probes: { mongodb: async () => true } });
    t.app.registerReadinessProbe('rabbitmq', async () => undefined);
    const response = await t.app.inject({ url: '/health/ready' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      status: 'up',
      probes: { mongodb: { status: 'up' }, rabbitmq: { status: 'up' } },
    });
  });

  it('is not ready when a probe fails or times out, without leaking the reason', async () => {
    t = await buildTestApp(
      { READINESS_PROBE_TIMEOUT_MS: '50' },
      {
        probes: {
          mongodb: async () => {
            throw new Error('connect ECONNREFUSED 10.0.0.7:27017');
          },
          rabbitmq: () => new Promise(() => {}),
          cache: async () => true,
        },
      },
    );
    const response = await t.app.inject({ url: '/health/ready' });
    expect(response.statusCode).toBe(503);
    expect(response.json()).toMatchObject({
      status: 'down',
      probes: {
        mongodb: { status: 'down', reason: 'failed' },
        rabbitmq: { status: 'down', reason: 'timeout' },
        cache: { status: 'up' },
      },
    });
    expect(response.body).not.toContain('ECONNREFUSED');
  });
});

describe('metrics', () => {
  it('exposes request counts and durations by route template, plus process metrics', async () => {
    t = await buildTestApp();
    await t.app.inject({
      url: '/v1/cases/6f1c2d40-5b5e-4a5e-9f2a-1f0e8f6b7a11',
      headers: bearer(KEYS.reader),
    });
    await t.app.inject({ url: '/v1/nowhere/at/all' });
    const response = await t.app.inject({ url: '/metrics' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain/);
    expect(response.body).toContain(
      'http_requests_total{method="GET",route="/v1/cases/:id",status_code="200"} 1',
    );
    expect(response.body).toContain(
      'http_requests_total{method="GET",route="unmatched",status_code="404"} 1',
    );
    expect(response.body).toMatch(
      /http_request_duration_seconds_bucket\{le="0.005",method="GET",route="\/v1\/cases\/:id"/,
    );
    expect(response.body).toContain('process_cpu_user_seconds_total');
  });

  it('keeps one registry per app, open to other packages', async () => {
    t = await buildTestApp();
    const other = await buildTestApp();
    const { Counter } = await import('prom-client');
    new Counter({ name: 'bus_messages_published_total', help: 'published', registers: [t.app.metrics] });
    expect(await t.app.metrics.metrics()).toContain('bus_messages_published_total');
    expect(await other.app.metrics.metrics()).not.toContain('bus_messages_published_total');
    await other.app.close();
  });
});
