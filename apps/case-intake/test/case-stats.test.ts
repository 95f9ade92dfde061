import type { CaseStats, CaseStatsRow } from '@enforcement/contracts';
import { someSeizedCurrency, someSeizedFuel, someSeizedGoods } from '@enforcement/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, startTestApp, type TestApp, type Who } from './support/app.ts';
import { aStepTo } from './support/cases.ts';
import { registered, walked } from './support/http.ts';

const DAY_MS = 86_400_000;
/** 2^53 + 1: the smallest whole number a JavaScript number cannot hold. */
const BEYOND_DOUBLE = '9007199254740993';
/** The testkit's goods (12.5 trillion rials) and the two Khuzestan goods cases still registered. */
const GOODS = '12500000000000';
const REGISTERED_GOODS_TOTAL = (2n ** 53n + 1n + 12_500_000_000_000n).toString();

function at(from: Date, days: number, ms = 0): Date {
  return new Date(from.getTime() + days * DAY_MS + ms);
}

async function stats(t: TestApp, who: Who, query = ''): Promise<CaseStats> {
  const response = await t.app.inject({ method: 'GET', url: `/v1/stats/cases${query}`, headers: as(who) });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<CaseStats>();
}

/** Rows as `province category status: cases/overdue value`, so a mismatch reads at a glance. */
function lines(report: CaseStats): string[] {
  return report.rows.map(
    (row: CaseStatsRow) =>
      `${row.province} ${row.category} ${row.status}: ${row.cases}/${row.overdue} ${row.estimatedValueRials}`,
  );
}

describe('GET /v1/stats/cases', () => {
  let t: TestApp;
  let registeredAt: Date;

  beforeAll(async () => {
    // Computed on every request, so each test sees the clock it sets.
    t = await startTestApp('case-stats', { CASE_STATS_MAX_AGE_S: '0' });
    registeredAt = t.clock.now;
    const goods = { seizedItems: [someSeizedGoods()] };
    await registered(t.app, goods);
    await registered(t.app, { seizedItems: [someSeizedGoods({ estimatedValueRials: BEYOND_DOUBLE })] });
    const investigated = await registered(t.app, goods);
    await walked(t.app, investigated.id, [aStepTo('under_investigation')]);
    const closed = await registered(t.app, goods);
    await walked(t.app, closed.id, [aStepTo('under_investigation'), aStepTo('closed', 'dismissed')]);
    await registered(t.app, { category: 'fuel', seizedItems: [someSeizedFuel()] });
    await registered(t.app, {
      category: 'currency',
      province: 'bushehr',
      handlingAuthority: 'tazirat',
      seizedItems: [someSeizedCurrency()],
    });
    await registered(
      t.app,
      { discoveringAgency: 'customs', province: 'tehran', handlingAuthority: 'tazirat', ...goods },
      'customs',
    );
  });
  afterAll(async () => {
    await t.close();
  });

  it('counts the cases of each province, category and status, ordered by those three', async () => {
    t.clock.now = at(registeredAt, 1);
    const report = await stats(t, 'inspection');
    expect(report.generatedAt).toBe(t.clock.now.toISOString());
    expect(lines(report)).toEqual([
      'bushehr currency registered: 1/0 27500000000',
      'khuzestan fuel registered: 1/0 9000000000',
      `khuzestan goods closed: 1/0 ${GOODS}`,
      `khuzestan goods registered: 2/0 ${REGISTERED_GOODS_TOTAL}`,
      `khuzestan goods under_investigation: 1/0 ${GOODS}`,
      `tehran goods registered: 1/0 ${GOODS}`,
    ]);
  });

  it('sums estimated values exactly beyond 2^53, as digit text', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/v1/stats/cases?province=khuzestan',
      headers: as('inspection'),
    });
    expect(response.body).toContain(`"estimatedValueRials":"${REGISTERED_GOODS_TOTAL}"`);
    const row = response
      .json<CaseStats>()
      .rows.find((r) => r.category === 'goods' && r.status === 'registered');
    expect(BigInt(row?.estimatedValueRials ?? '0')).toBe(2n ** 53n + 1n + 12_500_000_000_000n);
  });

  it('counts a fuel case as overdue only once FUEL_DETERMINATION_DAYS (30) have passed', async () => {
    const fuelRow = async () =>
      (await stats(t, 'inspection', '?province=khuzestan')).rows.find((row) => row.category === 'fuel');
    t.clock.now = at(registeredAt, 30);
    expect(await fuelRow()).toMatchObject({ cases: 1, overdue: 0 });
    t.clock.now = at(registeredAt, 30, 1);
    expect(await fuelRow()).toMatchObject({ cases: 1, overdue: 1 });
  });

  it('counts open cases past DETERMINATION_DAYS (90) as overdue, never a closed one', async () => {
    t.clock.now = at(registeredAt, 91);
    expect(lines(await stats(t, 'inspection'))).toEqual([
      'bushehr currency registered: 1/1 27500000000',
      'khuzestan fuel registered: 1/1 9000000000',
      `khuzestan goods closed: 1/0 ${GOODS}`,
      `khuzestan goods registered: 2/2 ${REGISTERED_GOODS_TOTAL}`,
      `khuzestan goods under_investigation: 1/1 ${GOODS}`,
      `tehran goods registered: 1/1 ${GOODS}`,
    ]);
  });

  it('shows a key limited to a province only that province, with or without naming it', async () => {
    t.clock.now = at(registeredAt, 1);
    const khuzestan = [
      'khuzestan fuel registered: 1/0 9000000000',
      `khuzestan goods closed: 1/0 ${GOODS}`,
      `khuzestan goods registered: 2/0 ${REGISTERED_GOODS_TOTAL}`,
      `khuzestan goods under_investigation: 1/0 ${GOODS}`,
    ];
    expect(lines(await stats(t, 'prosecutorKhuzestan'))).toEqual(khuzestan);
    expect(lines(await stats(t, 'prosecutorKhuzestan', '?province=khuzestan'))).toEqual(khuzestan);
    expect(lines(await stats(t, 'governorateBushehr'))).toEqual([
      'bushehr currency registered: 1/0 27500000000',
    ]);
  });

  it('narrows a national key to the province it asks for', async () => {
    t.clock.now = at(registeredAt, 1);
    expect(lines(await stats(t, 'prosecutor', '?province=tehran'))).toEqual([
      `tehran goods registered: 1/0 ${GOODS}`,
    ]);
    expect((await stats(t, 'inspection', '?province=kerman')).rows).toEqual([]);
  });

  it('answers 403 problem+json naming query.province to a key limited to another province', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/v1/stats/cases?province=bushehr',
      headers: as('prosecutorKhuzestan'),
    });
    expect(response.statusCode).toBe(403);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.json()).toMatchObject({
      code: 'OUT_OF_JURISDICTION',
      errors: [{ path: 'query.province', message: 'must be khuzestan, the province of your key' }],
    });
  });

  it('counts for an agency that does not oversee only the cases it discovered or handles', async () => {
    t.clock.now = at(registeredAt, 1);
    expect(lines(await stats(t, 'customs'))).toEqual([`tehran goods registered: 1/0 ${GOODS}`]);
    expect(lines(await stats(t, 'tazirat'))).toEqual([
      'bushehr currency registered: 1/0 27500000000',
      `tehran goods registered: 1/0 ${GOODS}`,
    ]);
    expect(lines(await stats(t, 'police'))).toEqual([
      'bushehr currency registered: 1/0 27500000000',
      'khuzestan fuel registered: 1/0 9000000000',
      `khuzestan goods closed: 1/0 ${GOODS}`,
      `khuzestan goods registered: 2/0 ${REGISTERED_GOODS_TOTAL}`,
      `khuzestan goods under_investigation: 1/0 ${GOODS}`,
    ]);
    // The police of Tehran discovered none of them, though a Tehran case exists.
    expect((await stats(t, 'policeTehran')).rows).toEqual([]);
  });

  it('counts every case for the anti-smuggling HQ, which may read none of them', async () => {
    t.clock.now = at(registeredAt, 1);
    const everything = await stats(t, 'inspection');
    expect(everything.rows.reduce((sum, row) => sum + row.cases, 0)).toBe(7);
    expect((await stats(t, 'hq')).rows).toEqual(everything.rows);
    const cases = await t.app.inject({ method: 'GET', url: '/v1/cases', headers: as('hq') });
    expect(cases.json().items).toEqual([]);
  });

  it('answers 400 problem+json naming query.province to a province that does not exist', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/v1/stats/cases?province=atlantis',
      headers: as('inspection'),
    });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.json().errors[0].path).toBe('query.province');
  });
});

describe('the caseload report as a snapshot', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp('case-stats-snapshot', { CASE_STATS_MAX_AGE_S: '60' });
  });
  afterAll(async () => {
    await t.close();
  });

  async function khuzestanGoods(query = ''): Promise<{ generatedAt: string; cases: number }> {
    const report = await stats(t, 'inspection', query);
    const row = report.rows.find((r) => r.province === 'khuzestan' && r.category === 'goods');
    return { generatedAt: report.generatedAt, cases: row?.cases ?? 0 };
  }

  it('serves the same snapshot while it is at most CASE_STATS_MAX_AGE_S old, then recomputes it', async () => {
    await registered(t.app);
    const first = await khuzestanGoods();
    expect(first).toEqual({ generatedAt: t.clock.now.toISOString(), cases: 1 });

    await registered(t.app);
    t.clock.now = new Date(t.clock.now.getTime() + 60_000);
    expect(await khuzestanGoods()).toEqual(first);
    // Another filter is another snapshot, computed now.
    expect(await khuzestanGoods('?province=khuzestan')).toEqual({
      generatedAt: t.clock.now.toISOString(),
      cases: 2,
    });

    t.clock.now = new Date(t.clock.now.getTime() + 1);
    expect(await khuzestanGoods()).toEqual({ generatedAt: t.clock.now.toISOString(), cases: 2 });
  });
});
