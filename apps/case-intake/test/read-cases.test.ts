import type { CaseView } from '@enforcement/contracts';
import { aCompany, aPerson } from '@enforcement/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, startTestApp, type TestApp, type Who } from './support/app.ts';
import { aStepTo } from './support/cases.ts';
import { registered, walked } from './support/http.ts';

let t: TestApp;
/** Cases registered in order, one clock minute apart, so the newest-first order is known. */
const ids: Record<string, string> = {};

async function registerAt(
  minute: number,
  name: string,
  ...args: Parameters<typeof registered> extends [unknown, ...infer R] ? R : never
) {
  t.clock.now = new Date(Date.UTC(2025, 9, 5, 8, minute));
  ids[name] = (await registered(t.app, ...args)).id;
}

beforeAll(async () => {
  t = await startTestApp('read-cases');
  await registerAt(0, 'khzGoods', {
    discoveryReference: 'KHZ-۱۰۰',
    parties: [aPerson({ fullName: 'علي رضايي' })],
  });
  await registerAt(1, 'khzFuel', { category: 'fuel', discoveryReference: 'KHZ-200' });
  await registerAt(2, 'bushehrCurrency', {
    category: 'currency',
    province: 'bushehr',
    handlingAuthority: 'tazirat',
    discoveryReference: 'BSH-300',
    parties: [aCompany({ name: 'شركت حمل و نقل خليج' })],
  });
  await registerAt(
    3,
    'customsTehran',
    {
      discoveringAgency: 'customs',
      province: 'tehran',
      handlingAuthority: 'tazirat',
      discoveryReference: 'CUS-400',
    },
    'customs',
  );
  await registerAt(4, 'khzInvestigated', { discoveryReference: 'KHZ-500' });
  await walked(t.app, ids.khzInvestigated ?? '', [aStepTo('under_investigation')]);
  // Long after the fuel deadline (30 days) but before the goods deadline (90 days).
  t.clock.now = new Date('2025-11-20T00:00:00.000Z');
});
afterAll(async () => {
  await t.close();
});

async function list(
  query: string,
  who: Who = 'inspection',
): Promise<{ items: CaseView[]; nextCursor: string | null }> {
  const response = await t.app.inject({ method: 'GET', url: `/v1/cases${query}`, headers: as(who) });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

function names(page: { items: CaseView[] }): string[] {
  const byId = new Map(Object.entries(ids).map(([name, id]) => [id, name]));
  return page.items.map((kase) => byId.get(kase.id) ?? kase.id);
}

describe('GET /v1/cases/{id}', () => {
  it('returns the case with its version as ETag', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: `/v1/cases/${ids.khzInvestigated}`,
      headers: as('police'),
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers.etag).toBe('"2"');
    expect(response.json()).toMatchObject({
      status: 'under_investigation',
      assignment: { branch: { id: 'branch-ahvaz-7' } },
    });
  });

  it('answers 404 for a case that does not exist', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/v1/cases/no-such-case',
      headers: as('police'),
    });
    expect(response.statusCode).toBe(404);
    expect(response.json().code).toBe('CASE_NOT_FOUND');
  });

  it('answers 400 naming the id when it is not an id', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/v1/cases/has%20space',
      headers: as('police'),
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].path).toBe('params.id');
  });

  const hidden: [Who, string][] = [
    ['customs', 'an agency neither discovering nor handling the case'],
    ['policeTehran', 'the discovering agency limited to another province'],
    ['governorateBushehr', 'an oversight agency limited to another province'],
  ];
  for (const [who, what] of hidden) {
    it(`answers 404, not 403, to ${what}`, async () => {
      const response = await t.app.inject({
        method: 'GET',
        url: `/v1/cases/${ids.khzGoods}`,
        headers: as(who),
      });
      expect(response.statusCode).toBe(404);
    });
  }

  const readers: [Who, string][] = [
    ['police', 'the discovering agency'],
    ['prosecutor', 'the handling authority'],
    ['inspection', 'inspection'],
    ['governorateKhuzestan', 'the governorate of the province'],
  ];
  for (const [who, what] of readers) {
    it(`shows the case to ${what}`, async () => {
      const response = await t.app.inject({
        method: 'GET',
        url: `/v1/cases/${ids.khzGoods}`,
        headers: as(who),
      });
      expect(response.statusCode).toBe(200);
    });
  }
});

describe('GET /v1/cases', () => {
  it('lists every case to inspection, newest first', async () => {
    expect(names(await list(''))).toEqual([
      'khzInvestigated',
      'customsTehran',
      'bushehrCurrency',
      'khzFuel',
      'khzGoods',
    ]);
  });

  it('filters by status, category, province, handling authority and discovering agency', async () => {
    expect(names(await list('?status=under_investigation'))).toEqual(['khzInvestigated']);
    expect(names(await list('?category=fuel'))).toEqual(['khzFuel']);
    expect(names(await list('?province=bushehr'))).toEqual(['bushehrCurrency']);
    expect(names(await list('?handlingAuthority=tazirat'))).toEqual(['customsTehran', 'bushehrCurrency']);
    expect(names(await list('?discoveringAgency=customs'))).toEqual(['customsTehran']);
  });

  it('filters by registration date range, from inclusive and to exclusive', async () => {
    const page = await list('?registeredFrom=2025-10-05T08:01:00Z&registeredTo=2025-10-05T08:03:00Z');
    expect(names(page)).toEqual(['bushehrCurrency', 'khzFuel']);
  });

  it('finds cases overdue for determination, and those that are not', async () => {
    expect(names(await list('?overdueForDetermination=true'))).toEqual(['khzFuel']);
    expect(names(await list('?overdueForDetermination=false'))).toEqual([
      'khzInvestigated',
      'customsTehran',
      'bushehrCurrency',
      'khzGoods',
    ]);
  });

  it('searches reference numbers and party names whatever the keyboard', async () => {
    expect(names(await list(`?q=${encodeURIComponent('khz-١٠٠')}`))).toEqual(['khzGoods']);
    expect(names(await list(`?q=${encodeURIComponent('علی رضا')}`))).toEqual(['khzGoods']);
    expect(names(await list(`?q=${encodeURIComponent('شرکت خلیج')}`))).toEqual(['bushehrCurrency']);
    expect(names(await list('?q=nothing-like-this'))).toEqual([]);
  });

  it('pages with a cursor in a stable order', async () => {
    const first = await list('?limit=2');
    expect(names(first)).toEqual(['khzInvestigated', 'customsTehran']);
    const second = await list(`?limit=2&cursor=${first.nextCursor}`);
    expect(names(second)).toEqual(['bushehrCurrency', 'khzFuel']);
    const last = await list(`?limit=2&cursor=${second.nextCursor}`);
    expect(names(last)).toEqual(['khzGoods']);
    expect(last.nextCursor).toBeNull();
  });

  it('shows an agency only the cases it discovered or handles', async () => {
    expect(names(await list('', 'customs'))).toEqual(['customsTehran']);
    expect(names(await list('', 'tazirat'))).toEqual(['customsTehran', 'bushehrCurrency']);
  });

  it('shows a province-limited caller only its province', async () => {
    expect(names(await list('', 'governorateKhuzestan'))).toEqual(['khzInvestigated', 'khzFuel', 'khzGoods']);
    expect(names(await list('?province=bushehr', 'governorateKhuzestan'))).toEqual([]);
    expect(names(await list('', 'policeTehran'))).toEqual([]);
  });

  const badQueries: [string, string][] = [
    ['?limit=0', 'query.limit'],
    ['?status=lost', 'query.status'],
    ['?overdueForDetermination=yes', 'query.overdueForDetermination'],
    ['?registeredFrom=yesterday', 'query.registeredFrom'],
    ['?registeredFrom=2025-10-06T00:00:00Z&registeredTo=2025-10-05T00:00:00Z', 'query.registeredTo'],
    ['?cursor=not-a-cursor', 'query.cursor'],
    ['?q=x', 'query.q'],
  ];
  for (const [query, path] of badQueries) {
    it(`refuses ${query} with 400 naming ${path}`, async () => {
      const response = await t.app.inject({
        method: 'GET',
        url: `/v1/cases${query}`,
        headers: as('inspection'),
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().errors.map((error: { path: string }) => error.path)).toContain(path);
    });
  }
});
