import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, buildTestApp, KEYS, type TestApp } from './helpers.ts';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp({ BODY_LIMIT_BYTES: '200' });
});
afterAll(async () => t.app.close());

const writer = bearer(KEYS.writer);

describe('error responses', () => {
  it('names the body field path of a validation error', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/v1/cases',
      headers: writer,
      payload: { title: 'x', parties: [{ nationalId: '12' }] },
    });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    const problem = response.json();
    expect(problem).toMatchObject({ status: 400, code: 'VALIDATION_FAILED', instance: '/v1/cases' });
    expect(problem.errors.map((error: { path: string }) => error.path)).toEqual([
      'body.parties.0.nationalId',
    ]);
    expect(problem.requestId).toBe(response.headers['x-request-id']);
    expect(problem.correlationId).toBe(response.headers['x-correlation-id']);
  });

  it('names a missing body as body', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/v1/cases', headers: { ...writer } });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].path).toBe('body');
  });

  it('names each member a strict object does not know by its own path', async () => {
    const response = await t.app.inject({ url: '/v1/cases?limit=5&page=2&sort=name', headers: writer });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([
      { path: 'query.page', message: 'is not a field of this request', code: 'unrecognized_keys' },
      { path: 'query.sort', message: 'is not a field of this request', code: 'unrecognized_keys' },
    ]);
  });

  it('names query, params and headers fields', async () => {
    const query = await t.app.inject({ url: '/v1/cases?limit=500', headers: writer });
    expect(query.statusCode).toBe(400);
    expect(query.json().errors[0].path).toBe('query.limit');

    const params = await t.app.inject({ url: '/v1/cases/not-a-uuid', headers: writer });
    expect(params.json().errors[0].path).toBe('params.id');

    const headers = await t.app.inject({
      method: 'PUT',
      url: '/v1/cases/1',
      headers: { ...writer, 'if-match': 'W/nope' },
      payload: { title: 'x' },
    });
    expect(headers.statusCode).toBe(400);
    expect(headers.json().errors[0].path).toBe('headers.if-match');
  });

  it('answers malformed JSON with 400 naming body', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/v1/cases',
      headers: { ...writer, 'content-type': 'application/json' },
      payload: '{"title": ',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'MALFORMED_BODY', errors: [{ path: 'body' }] });
  });

  it('answers an unknown route with a 404 problem, even without a key', async () => {
    const response = await t.app.inject({ url: '/v1/nowhere' });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.json()).toMatchObject({ code: 'ROUTE_NOT_FOUND', status: 404 });
  });

  it('renders AppErrors with their stable code, status, detail and extra fields', async () => {
    const conflict = await t.app.inject({ url: '/v1/errors/conflict', headers: writer });
    expect(conflict.statusCode).toBe(409);
    expect(conflict.json()).toMatchObject({
      code: 'CASE_ALREADY_OPEN',
      title: 'Case already open',
      detail: 'Case c-1 is open',
    });

    const precondition = await t.app.inject({
      method: 'PUT',
      url: '/v1/cases/1',
      headers: { ...writer, 'if-match': '"7"' },
      payload: { title: 'x' },
    });
    expect(precondition.statusCode).toBe(412);
    expect(precondition.json()).toMatchObject({ code: 'CASE_VERSION_MISMATCH', currentVersion: 1 });

    const unprocessable = await t.app.inject({ url: '/v1/errors/unprocessable', headers: writer });
    expect(unprocessable.statusCode).toBe(422);
    expect(unprocessable.json()).toMatchObject({
      code: 'CASE_ILLEGAL_TRANSITION',
      detail: 'closed cases take no verdict',
    });
  });

  it('answers a body over the limit with 413', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/v1/cases',
      headers: writer,
      payload: { title: 'x'.repeat(500) },
    });
    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', status: 413 });
  });

  it('answers an unsupported content type with 415', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/v1/cases',
      headers: { ...writer, 'content-type': 'application/xml' },
      payload: '<case/>',
    });
    expect(response.statusCode).toBe(415);
    expect(response.json()).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' });
  });

  it('hides the internals of an unexpected error but logs its stack', async () => {
    const response = await t.app.inject({ url: '/v1/errors/boom', headers: writer });
    expect(response.statusCode).toBe(500);
    const problem = response.json();
    expect(problem).toMatchObject({ code: 'INTERNAL_ERROR', title: 'Internal server error' });
    expect(response.body).not.toContain('hunter2');
    expect(problem.detail).toBeUndefined();
    expect(problem.stack).toBeUndefined();
    const logged = t.logs.find((line) => line.includes('unhandled error'));
    expect(logged).toContain('hunter2');
    expect(logged).toContain('"stack"');
  });
});
