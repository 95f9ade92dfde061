import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweep } from '../src/scheduler/sweep.ts';
import { as, startTestApp, type TestApp, type Who } from './support/app.ts';
import { caseClosed, caseRegistered } from './support/events.ts';
import { feed } from './support/feed.ts';

let t: TestApp;

const day = (date: string) => new Date(`${date}T00:00:00.000Z`);
const iso = (date: string) => day(date).toISOString();
const NOW = day('2025-06-01');

/** The same event about a case of another province or handling authority. */
function moved<E extends { payload: object }>(event: E, province: string, authority?: string): E {
  const handling = authority === undefined ? {} : { handlingAuthority: authority };
  return { ...event, payload: { ...event.payload, province, ...handling } } as E;
}
const bushehrTazirat = <E extends { payload: object }>(event: E) => moved(event, 'bushehr', 'tazirat');
const khuzestanTazirat = <E extends { payload: object }>(event: E) => moved(event, 'khuzestan', 'tazirat');

/** Meets an obligation through its closing event, with the clock at that moment (notifications resolve then). */
async function closeAt(date: string, event: Parameters<typeof feed>[1]) {
  t.clock.now = day(date);
  await feed(t, event);
}

/*
 * Case determination (90 days) obligations, with the sweep raising each notification when it falls due
 * and closings resolving them, as the service does. At 2025-06-01:
 *   prosecutor/khuzestan  k1 on time; k2, k3, k4 late by 10, 4, 30 days; k5, k7, k8 overdue by 30, 46,
 *                         153 days (k8 past its dereliction point); k6 and the fuel case f1 not yet due
 *                         (f1's immediate alert is raised, but alerts are not obligations one meets on time)
 *   tazirat/khuzestan     t1 late by 20 days
 *   tazirat/bushehr       b1 on time; b2 overdue by 61 days
 */
beforeAll(async () => {
  t = await startTestApp('stats-http');
  t.clock.now = day('2025-01-01');
  await feed(t, caseRegistered('k8', iso('2024-10-01')));
  await sweep(t.sweepDeps(), day('2025-01-01'));
  await feed(
    t,
    caseRegistered('k1', iso('2025-01-01')),
    caseRegistered('k2', iso('2025-01-01')),
    caseRegistered('k3', iso('2025-01-02')),
    caseRegistered('k4', iso('2025-01-01')),
    caseRegistered('k5', iso('2025-02-01')),
    caseRegistered('k6', iso('2025-04-01')),
    caseRegistered('k7', iso('2025-01-16')),
    caseRegistered('f1', iso('2025-05-10'), 'fuel'),
    khuzestanTazirat(caseRegistered('t1', iso('2025-01-01'))),
    bushehrTazirat(caseRegistered('b1', iso('2025-01-01'))),
    bushehrTazirat(caseRegistered('b2', iso('2025-01-01'))),
  );
  await closeAt('2025-02-01', moved(caseClosed('b1', iso('2025-02-01')), 'bushehr'));
  await closeAt('2025-03-01', caseClosed('k1', iso('2025-03-01')));
  await sweep(t.sweepDeps(), day('2025-04-01'));
  await sweep(t.sweepDeps(), day('2025-04-02'));
  await closeAt('2025-04-06', caseClosed('k3', iso('2025-04-06')));
  await closeAt('2025-04-11', caseClosed('k2', iso('2025-04-11')));
  await sweep(t.sweepDeps(), day('2025-04-16'));
  await closeAt('2025-04-21', caseClosed('t1', iso('2025-04-21')));
  await closeAt('2025-05-01', caseClosed('k4', iso('2025-05-01')));
  await sweep(t.sweepDeps(), day('2025-05-02'));
  await sweep(t.sweepDeps(), day('2025-05-10'));
  t.clock.now = NOW;
});
afterAll(async () => {
  await t.close();
});

async function get(url: string, who: Who) {
  return t.app.inject({ method: 'GET', url, headers: as(who) });
}

interface Row {
  agency: string;
  province: string | null;
  [column: string]: unknown;
}

async function rows(url: string, who: Who = 'statsInspection'): Promise<Row[]> {
  const response = await get(url, who);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<{ rows: Row[] }>().rows;
}

const where = (all: Row[], agency: string, province: string) =>
  all.find((row) => row.agency === agency && row.province === province);

describe('GET /v1/stats/agencies', () => {
  it('counts met on time, met late, open overdue and not yet due per agency and province, with medians', async () => {
    const response = await get('/v1/stats/agencies', 'statsInspection');
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json<{ generatedAt: string; rows: Row[] }>();
    expect(body.generatedAt).toBe(NOW.toISOString());
    expect(body.rows.map((row) => `${row.agency}/${row.province}`)).toEqual([
      'prosecutor/khuzestan',
      'tazirat/bushehr',
      'tazirat/khuzestan',
    ]);
    expect(where(body.rows, 'prosecutor', 'khuzestan')).toEqual({
      agency: 'prosecutor',
      province: 'khuzestan',
      metOnTime: 1,
      metLate: 3,
      openOverdue: 3,
      openNotYetDue: 2,
      onTimeRate: 0.143,
      medianDaysLateMet: 10,
      medianDaysOverdueOpen: 46,
      openNotificationsBySeverity: { info: 0, warning: 3, high: 1, critical: 0 },
      derelictionsOpen: 1,
    });
    expect(where(body.rows, 'tazirat', 'bushehr')).toMatchObject({
      metOnTime: 1,
      metLate: 0,
      openOverdue: 1,
      openNotYetDue: 0,
      onTimeRate: 0.5,
      medianDaysLateMet: null,
      medianDaysOverdueOpen: 61,
      openNotificationsBySeverity: { info: 0, warning: 1, high: 0, critical: 0 },
      derelictionsOpen: 0,
    });
    expect(where(body.rows, 'tazirat', 'khuzestan')).toMatchObject({
      metOnTime: 0,
      metLate: 1,
      openOverdue: 0,
      onTimeRate: 0,
      medianDaysLateMet: 20,
      medianDaysOverdueOpen: null,
      openNotificationsBySeverity: { info: 0, warning: 0, high: 0, critical: 0 },
    });
  });

  it('orders by the column asked, rows without a value last', async () => {
    const byMedian = await rows('/v1/stats/agencies?sort=medianDaysLate&order=desc');
    expect(byMedian.map((row) => `${row.agency}/${row.province}`)).toEqual([
      'tazirat/khuzestan',
      'prosecutor/khuzestan',
      'tazirat/bushehr',
    ]);
    const byOverdue = await rows('/v1/stats/agencies?sort=openOverdue&order=asc');
    expect(byOverdue.map((row) => row.openOverdue)).toEqual([0, 1, 3]);
  });

  it('counts only obligations that fell due between from and to', async () => {
    const window = await rows('/v1/stats/agencies?from=2025-04-02T00:00:00Z&to=2025-04-17T00:00:00Z');
    expect(where(window, 'prosecutor', 'khuzestan')).toMatchObject({
      metOnTime: 0,
      metLate: 1,
      openOverdue: 1,
      openNotYetDue: 0,
      medianDaysLateMet: 4,
      medianDaysOverdueOpen: 46,
    });
  });

  it('narrows to one rule, including the dereliction notices about that rule', async () => {
    const sla = await rows('/v1/stats/agencies?rule=case_determination_sla&agency=prosecutor');
    expect(sla).toHaveLength(1);
    expect(sla[0]).toMatchObject({
      openOverdue: 3,
      openNotificationsBySeverity: { info: 0, warning: 3, high: 0, critical: 0 },
      derelictionsOpen: 1,
    });
    const fuel = await rows('/v1/stats/agencies?rule=fuel_case_registered');
    // The fuel alert is not an obligation to meet on time; its open notification still counts.
    expect(fuel).toEqual([
      expect.objectContaining({
        agency: 'prosecutor',
        metOnTime: 0,
        metLate: 0,
        openOverdue: 0,
        openNotificationsBySeverity: { info: 0, warning: 0, high: 1, critical: 0 },
      }),
    ]);
  });

  it('shows a provincial key only the rows of its province', async () => {
    const own = await rows('/v1/stats/agencies', 'statsKhuzestan');
    expect(own.map((row) => `${row.agency}/${row.province}`)).toEqual([
      'prosecutor/khuzestan',
      'tazirat/khuzestan',
    ]);
    const other = await get('/v1/stats/agencies?province=bushehr', 'statsKhuzestan');
    expect(other.statusCode).toBe(403);
    expect(other.json()).toMatchObject({
      code: 'OUT_OF_JURISDICTION',
      errors: [{ path: 'query.province' }],
    });
  });

  it('shows a national key of an agency other than the overseers only its own agency', async () => {
    const own = await rows('/v1/stats/agencies', 'statsProsecutorNational');
    expect(own.map((row) => row.agency)).toEqual(['prosecutor']);
    const other = await get('/v1/stats/agencies?agency=tazirat', 'statsProsecutorNational');
    expect(other.statusCode).toBe(403);
  });

  it('refuses a key without stats:read', async () => {
    const response = await get('/v1/stats/agencies', 'prosecutorKhuzestan');
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ code: 'INSUFFICIENT_SCOPE' });
  });

  it.each([
    ['sort=slowest', 'query.sort'],
    ['order=up', 'query.order'],
    ['province=atlantis', 'query.province'],
    ['from=2025-04-01', 'query.from'],
    ['from=2025-05-01T00:00:00Z&to=2025-04-01T00:00:00Z', 'query.to'],
    ['rule=Not-A-Rule', 'query.rule'],
  ])('answers 400 naming the field for %s', async (query, path) => {
    const response = await get(`/v1/stats/agencies?${query}`, 'statsInspection');
    expect(response.statusCode).toBe(400);
    expect(response.json<{ errors: { path: string }[] }>().errors.map((error) => error.path)).toContain(path);
  });
});

interface Overview {
  generatedAt: string;
  openByRuleAndSeverity: { ruleId: string; severity: string; count: number }[];
  openBySeverity: Record<string, number>;
  trend: { day: string; dayFa: string; raised: number; resolved: number; openAtEndOfDay: number }[];
}

async function overview(url: string, who: Who = 'statsInspection'): Promise<Overview> {
  const response = await get(url, who);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<Overview>();
}

describe('GET /v1/stats/overview', () => {
  it('counts open notifications by rule and severity', async () => {
    const body = await overview('/v1/stats/overview');
    expect(body.generatedAt).toBe(NOW.toISOString());
    expect(body.openByRuleAndSeverity).toEqual([
      { ruleId: 'case_determination_sla', severity: 'warning', count: 4 },
      { ruleId: 'fuel_case_registered', severity: 'high', count: 1 },
      { ruleId: 'suspected_dereliction', severity: 'critical', count: 1 },
    ]);
    expect(body.openBySeverity).toEqual({ info: 0, warning: 4, high: 1, critical: 1 });
  });

  it('puts raised and resolved on the UTC days they happened, and carries the open count', async () => {
    const { trend } = await overview('/v1/stats/overview?days=90');
    expect(trend).toHaveLength(90);
    expect(trend[0]).toMatchObject({ day: '2025-03-04', raised: 0, resolved: 0, openAtEndOfDay: 1 });
    expect(trend.at(-1)).toEqual({
      day: '2025-06-01',
      dayFa: '۱۱ خرداد ۱۴۰۴',
      raised: 0,
      resolved: 0,
      openAtEndOfDay: 6,
    });
    const busy = trend
      .filter((entry) => entry.raised > 0 || entry.resolved > 0)
      .map(({ day: date, raised, resolved, openAtEndOfDay }) => [date, raised, resolved, openAtEndOfDay]);
    expect(busy).toEqual([
      ['2025-04-01', 5, 0, 6],
      ['2025-04-02', 1, 0, 7],
      ['2025-04-06', 0, 1, 6],
      ['2025-04-11', 0, 1, 5],
      ['2025-04-16', 1, 0, 6],
      ['2025-04-21', 0, 1, 5],
      ['2025-05-01', 0, 1, 4],
      ['2025-05-02', 1, 0, 5],
      ['2025-05-10', 1, 0, 6],
    ]);
  });

  it('gives 30 days by default', async () => {
    const { trend } = await overview('/v1/stats/overview');
    expect(trend.map((entry) => entry.day).slice(0, 1)).toEqual(['2025-05-03']);
    expect(trend).toHaveLength(30);
  });

  it('shows a provincial key its province only', async () => {
    const body = await overview('/v1/stats/overview', 'statsKhuzestan');
    expect(body.openBySeverity).toEqual({ info: 0, warning: 3, high: 1, critical: 1 });
    expect(body.trend.at(-1)?.openAtEndOfDay).toBe(5);
    const other = await get('/v1/stats/overview?province=bushehr', 'statsKhuzestan');
    expect(other.statusCode).toBe(403);
  });

  it('refuses a key without stats:read', async () => {
    expect((await get('/v1/stats/overview', 'inspection')).statusCode).toBe(403);
  });

  it.each([
    ['days=0', 'query.days'],
    ['days=367', 'query.days'],
    ['days=ten', 'query.days'],
  ])('answers 400 naming the field for %s', async (query, path) => {
    const response = await get(`/v1/stats/overview?${query}`, 'statsInspection');
    expect(response.statusCode).toBe(400);
    expect(response.json<{ errors: { path: string }[] }>().errors.map((error) => error.path)).toContain(path);
  });
});

describe('the statistics in the OpenAPI document', () => {
  it('describes both routes with their query parameters', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/docs/json' });
    expect(response.statusCode).toBe(200);
    const paths = response.json<{ paths: Record<string, { get?: { parameters?: { name: string }[] } }> }>()
      .paths;
    const names = (path: string) => paths[path]?.get?.parameters?.map((parameter) => parameter.name);
    expect(names('/v1/stats/agencies')).toEqual([
      'province',
      'agency',
      'rule',
      'from',
      'to',
      'sort',
      'order',
    ]);
    expect(names('/v1/stats/overview')).toEqual(['days', 'province']);
  });
});
