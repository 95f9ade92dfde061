import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from './helpers.ts';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => t.app.close());

describe('OpenAPI', () => {
  it('serves the document at /docs/json with the routes, bearer scheme and problem responses', async () => {
    const response = await t.app.inject({ url: '/docs/json' });
    expect(response.statusCode).toBe(200);
    const document = response.json();
    expect(document.openapi).toBe('3.1.0');
    expect(document.components.securitySchemes.bearerAuth).toMatchObject({ type: 'http', scheme: 'bearer' });
    const createCase = document.paths['/v1/cases'].post;
    expect(createCase.security).toEqual([{ bearerAuth: [] }]);
    expect(createCase.requestBody.content['application/json'].schema.properties.parties).toBeDefined();
    expect(createCase.responses['4XX'].content['application/problem+json'].schema.$ref).toBe(
      '#/components/schemas/ProblemDetails',
    );
    expect(document.components.schemas.ProblemDetails.properties.code).toBeDefined();
    expect(document.paths['/v1/public'].get.security).toBeUndefined();
    expect(document.paths['/health/live']).toBeUndefined();
  });

  it('serves the UI at /docs with a content security policy that lets it run', async () => {
    const response = await t.app.inject({ url: '/docs/' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/text\/html/);
    expect(response.headers['content-security-policy']).toContain("script-src 'self' 'unsafe-inline'");
    const api = await t.app.inject({ url: '/v1/public' });
    expect(api.headers['content-security-policy']).toContain("script-src 'self';");
    expect(api.headers['x-content-type-options']).toBe('nosniff');
  });
});
