import type { CaseView } from '@enforcement/contracts';
import { aPerson, invalidNationalIdFrom, nationalIdFrom, someSeizedCurrency } from '@enforcement/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, startTestApp, type TestApp } from './support/app.ts';
import { aRegisterCaseBody } from './support/cases.ts';
import { pending, rawCase } from './support/documents.ts';
import { registered } from './support/http.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp('register-case');
});
afterAll(async () => {
  await t.close();
});

function post(
  payload: unknown,
  who: Parameters<typeof as>[0] = 'police',
  headers: Record<string, string> = {},
) {
  return t.app.inject({
    method: 'POST',
    url: '/v1/cases',
    headers: as(who, headers),
    payload: payload as object,
  });
}

describe('POST /v1/cases', () => {
  it('registers a case with its location, ETag, normalized reference and the reference as written', async () => {
    const response = await post(aRegisterCaseBody({ discoveryReference: ' ۱۴۰۴/ك-۷۷۱ ' }));
    expect(response.statusCode).toBe(201);
    const kase = response.json<CaseView>();
    expect(response.headers.location).toBe(`/v1/cases/${kase.id}`);
    expect(response.headers.etag).toBe('"1"');
    expect(kase).toMatchObject({
      status: 'registered',
      version: 1,
      discoveryReference: '1404/ک-771',
      discoveryReferenceAsWritten: ' ۱۴۰۴/ك-۷۷۱ ',
      registeredAt: '2025-10-05T08:30:00.000Z',
      determinationDueAt: '2026-01-03T08:30:00.000Z',
      overdueForDetermination: false,
      totalEstimatedValueRials: '12500000000000',
    });
  });

  it('keeps party names as written and stores national IDs in ASCII digits', async () => {
    const nationalId = nationalIdFrom(42);
    const persianDigits = nationalId.replace(/[0-9]/g, (digit) => '۰۱۲۳۴۵۶۷۸۹'[Number(digit)] ?? digit);
    const kase = await registered(t.app, {
      parties: [aPerson({ fullName: 'حسين كريمي', nationalId: persianDigits })],
    });
    expect(kase.parties[0]).toMatchObject({ fullName: 'حسين كريمي', nationalId });
  });

  it('gives a fuel case the shorter determination deadline', async () => {
    const kase = await registered(t.app, { category: 'fuel' });
    expect(kase.determinationDueAt).toBe('2025-11-04T08:30:00.000Z');
  });

  it('accepts currency as an ISO code and a decimal amount, and rials beyond 2^53 as digit strings', async () => {
    const kase = await registered(t.app, {
      category: 'currency',
      seizedItems: [
        someSeizedCurrency({
          currencyCode: 'eur',
          amount: '۱۲۰۰.۵۰',
          estimatedValueRials: '9007199254740993',
        }),
        someSeizedCurrency({ estimatedValueRials: '7' }),
      ],
    });
    expect(kase.seizedItems[0]).toMatchObject({ currencyCode: 'EUR', amount: '1200.50' });
    expect(kase.totalEstimatedValueRials).toBe('9007199254741000');
  });

  it('refuses a second case with the same agency and reference, however its digits are written, naming the first', async () => {
    const first = await registered(t.app, { discoveryReference: 'P-۹۹۱۲' });
    const second = await post(aRegisterCaseBody({ discoveryReference: 'P-٩٩١٢' }));
    expect(second.statusCode).toBe(409);
    expect(second.headers.location).toBe(`/v1/cases/${first.id}`);
    expect(second.json()).toMatchObject({ code: 'CASE_DUPLICATE_REFERENCE', existingCaseId: first.id });
  });

  it('lets two agencies use the same reference number', async () => {
    await registered(t.app, { discoveryReference: 'SHARED-1' });
    await registered(t.app, { discoveryReference: 'SHARED-1', discoveringAgency: 'customs' }, 'customs');
  });

  it('replays the first answer to a retry with the same Idempotency-Key and registers once', async () => {
    const body = aRegisterCaseBody();
    const first = await post(body, 'police', { 'idempotency-key': 'retry-1' });
    const retry = await post(body, 'police', { 'idempotency-key': 'retry-1' });
    expect(first.statusCode).toBe(201);
    expect(retry.statusCode).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.json()).toEqual(first.json());
    expect(retry.headers.location).toBe(first.headers.location);
    const stored = await rawCase(t.db, first.json<CaseView>().id);
    expect(pending(stored)).toHaveLength(1);
    const reused = await post(aRegisterCaseBody(), 'police', { 'idempotency-key': 'retry-1' });
    expect(reused.statusCode).toBe(422);
    expect(reused.json().code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  const invalid: [string, Record<string, unknown>, string][] = [
    [
      'a national ID with a wrong check digit',
      { parties: [aPerson({ nationalId: invalidNationalIdFrom(3) })] },
      'body.parties.0.nationalId',
    ],
    [
      'a fraction of a rial',
      { seizedItems: [{ ...someSeizedCurrency(), estimatedValueRials: '12.5' }] },
      'body.seizedItems.0.estimatedValueRials',
    ],
    ['an unknown province', { province: 'atlantis' }, 'body.province'],
    ['an unknown category', { category: 'weapons' }, 'body.category'],
    ['no seized items', { seizedItems: [] }, 'body.seizedItems'],
    ['a blank reference number', { discoveryReference: '   ' }, 'body.discoveryReference'],
    ['a discovery time with an offset', { discoveredAt: '2025-09-20T10:00:00+03:30' }, 'body.discoveredAt'],
    ['an unknown field', { color: 'red' }, 'body.color'],
  ];
  for (const [what, overrides, path] of invalid) {
    it(`refuses ${what} with 400 naming ${path}`, async () => {
      const response = await post({ ...aRegisterCaseBody(), ...overrides });
      expect(response.statusCode).toBe(400);
      expect(response.json().code).toBe('VALIDATION_FAILED');
      expect(response.json().errors.map((error: { path: string }) => error.path)).toContain(path);
    });
  }

  it('refuses a discovery in the future with 422 naming the field', async () => {
    const response = await post(aRegisterCaseBody({ discoveredAt: '2025-10-06T00:00:00Z' }));
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({
      code: 'CASE_STEP_INVALID',
      errors: [{ path: 'body.discoveredAt' }],
    });
  });

  it('refuses a case reported in the name of another agency with 403', async () => {
    const response = await post(aRegisterCaseBody({ discoveringAgency: 'customs' }));
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe('CASE_REGISTRATION_FORBIDDEN');
  });

  it('refuses a case outside the province a key is limited to with 403', async () => {
    const response = await post(aRegisterCaseBody({ province: 'khuzestan' }), 'policeTehran');
    expect(response.statusCode).toBe(403);
  });

  it('refuses a caller without the write scope with 403 and an anonymous one with 401', async () => {
    expect((await post(aRegisterCaseBody(), 'policeReadOnly')).statusCode).toBe(403);
    const anonymous = await t.app.inject({ method: 'POST', url: '/v1/cases', payload: aRegisterCaseBody() });
    expect(anonymous.statusCode).toBe(401);
  });

  it('refuses a body that is not JSON with 400', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/v1/cases',
      headers: as('police', { 'content-type': 'application/json' }),
      payload: '{"category":',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('MALFORMED_BODY');
  });
});
