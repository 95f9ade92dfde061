import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp('service');
});
afterAll(async () => {
  await t.close();
});

describe('the service', () => {
  it('describes every route in its OpenAPI document at /docs/json', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/docs/json' });
    expect(response.statusCode).toBe(200);
    const paths = response.json<{ paths: Record<string, Record<string, unknown>> }>().paths;
    const operations = Object.entries(paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(operations.filter((operation) => operation.includes('/v1/')).sort()).toEqual([
      'GET /v1/cases',
      'GET /v1/cases/{id}',
      'GET /v1/cases/{id}/history',
      'GET /v1/principal',
      'GET /v1/stats/cases',
      'GET /v1/units',
      'GET /v1/units/{id}',
      'POST /v1/cases',
      'POST /v1/cases/{id}/notes',
      'POST /v1/cases/{id}/transitions',
      'POST /v1/units',
      'POST /v1/units/{id}/deployments',
      'POST /v1/units/{id}/deployments/{deploymentId}/release',
    ]);
  });

  it('serves the API browser at /docs without a key', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/docs' });
    expect(response.statusCode).toBeLessThan(400);
  });

  it('is ready when MongoDB answers', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/health/ready' });
    expect(response.statusCode).toBe(200);
    expect(response.json().probes.mongodb.status).toBe('up');
  });

  it('answers unknown routes with problem+json 404', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/v1/nothing-here', headers: {} });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toContain('application/problem+json');
  });
});
