import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashApiKey, InMemoryApiKeyStore } from '../src/auth/api-keys.ts';
import { provinceWithinLimit } from '../src/auth/guards.ts';
import { bearer, buildTestApp, KEYS, type TestApp } from './helpers.ts';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => t.app.close());

describe('API keys', () => {
  it('hashes keys with SHA-256 as lowercase hex', () => {
    expect(hashApiKey('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('finds a principal by the hash of its key only', async () => {
    const store = new InMemoryApiKeyStore([
      { keyId: 'k', sha256: hashApiKey('secret'), agency: 'customs', province: 'tehran', scopes: ['a'] },
    ]);
    expect(await store.findByHash(hashApiKey('secret'))).toEqual({
      keyId: 'k',
      agency: 'customs',
      province: 'tehran',
      scopes: ['a'],
    });
    expect(await store.findByHash('secret')).toBeUndefined();
  });
});

describe('the province a query reads', () => {
  it("is the one asked within the key's limit, the limit when none is asked, else every province", () => {
    expect(provinceWithinLimit('tehran', 'tehran')).toBe('tehran');
    expect(provinceWithinLimit('tehran', undefined)).toBe('tehran');
    expect(provinceWithinLimit(undefined, 'bushehr')).toBe('bushehr');
    expect(provinceWithinLimit(undefined, undefined)).toBeUndefined();
    expect(() => provinceWithinLimit('tehran', 'bushehr')).toThrow(
      expect.objectContaining({
        code: 'OUT_OF_JURISDICTION',
        errors: [{ path: 'query.province', message: 'must be tehran, the province of your key' }],
      }),
    );
  });
});

describe('authentication and authorization', () => {
  it('refuses a request without a key with 401 and WWW-Authenticate: Bearer', async () => {
    const response = await t.app.inject({ url: '/v1/cases' });
    expect(response.statusCode).toBe(401);
    expect(response.headers['www-authenticate']).toBe('Bearer');
    expect(response.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('tells any valid key who it is at GET /v1/principal, and nobody else', async () => {
    const national = await t.app.inject({ url: '/v1/principal', headers: bearer(KEYS.writer) });
    expect(national.statusCode).toBe(200);
    expect(national.json()).toEqual({
      keyId: 'writer',
      agency: 'customs',
      province: null,
      scopes: ['cases:read', 'cases:write'],
    });
    const limited = await t.app.inject({ url: '/v1/principal', headers: bearer(KEYS.tehranOnly) });
    expect(limited.json()).toMatchObject({ keyId: 'tehran', province: 'tehran', scopes: ['cases:read'] });
    expect(limited.body).not.toContain(KEYS.tehranOnly);
    expect((await t.app.inject({ url: '/v1/principal' })).statusCode).toBe(401);
  });

  it('refuses an unknown or malformed key with 401', async () => {
    const unknown = await t.app.inject({ url: '/v1/cases', headers: bearer('no-such-key') });
    expect(unknown.statusCode).toBe(401);
    expect(unknown.headers['www-authenticate']).toBe('Bearer error="invalid_token"');
    const basic = await t.app.inject({ url: '/v1/cases', headers: { authorization: 'Basic dXNlcjpwYXNz' } });
    expect(basic.statusCode).toBe(401);
  });

  it('checks the key before validating the request', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/v1/cases', payload: { nonsense: true } });
    expect(response.statusCode).toBe(401);
  });

  it('lets a valid key with the scope through and exposes its principal', async () => {
    const response = await t.app.inject({ url: '/v1/cases', headers: bearer(KEYS.reader) });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ limit: 20, principal: 'reader' });
  });

  it('refuses a valid key lacking the scope with 403', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/v1/cases',
      headers: bearer(KEYS.reader),
      payload: { title: 't' },
    });
    expect(response.statusCode).toBe(403);
    expect(response.headers['www-authenticate']).toBeUndefined();
    expect(response.json()).toMatchObject({ code: 'INSUFFICIENT_SCOPE', missingScopes: ['cases:write'] });
  });

  it('refuses a province-bound key outside its province with 403', async () => {
    const inside = await t.app.inject({
      url: '/v1/provinces/tehran/cases',
      headers: bearer(KEYS.tehranOnly),
    });
    expect(inside.statusCode).toBe(200);
    const outside = await t.app.inject({
      url: '/v1/provinces/khorasan/cases',
      headers: bearer(KEYS.tehranOnly),
    });
    expect(outside.statusCode).toBe(403);
    expect(outside.json()).toMatchObject({ code: 'OUT_OF_JURISDICTION' });
    const agencyWide = await t.app.inject({
      url: '/v1/provinces/khorasan/cases',
      headers: bearer(KEYS.reader),
    });
    expect(agencyWide.statusCode).toBe(200);
  });

  it('keeps health, metrics, docs and public routes open', async () => {
    for (const url of ['/health/live', '/health/ready', '/metrics', '/docs/json', '/v1/public']) {
      const response = await t.app.inject({ url });
      expect(response.statusCode, url).toBe(200);
    }
  });
});
