import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweep } from '../src/scheduler/sweep.ts';
import { as, startTestApp, type TestApp } from './support/app.ts';
import { caseRegistered } from './support/events.ts';
import { feed } from './support/feed.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp('stats-snapshot', { STATS_MAX_AGE_S: '60' });
  t.clock.now = new Date('2025-06-01T00:00:00.000Z');
});
afterAll(async () => {
  await t.close();
});

/** A case registered long enough ago to be overdue, its notification raised. */
async function overdueCase(caseId: string): Promise<void> {
  await feed(t, caseRegistered(caseId, '2025-01-01T00:00:00.000Z'));
  await sweep(t.sweepDeps(), t.clock.now);
}

async function scorecard(): Promise<{ generatedAt: string; openOverdue: unknown; open: unknown }> {
  const response = await t.app.inject({
    method: 'GET',
    url: '/v1/stats/agencies',
    headers: as('statsInspection'),
  });
  expect(response.statusCode, response.body).toBe(200);
  const body = response.json<{
    generatedAt: string;
    rows: { openOverdue: number; openNotificationsBySeverity: { warning: number } }[];
  }>();
  return {
    generatedAt: body.generatedAt,
    openOverdue: body.rows[0]?.openOverdue,
    open: body.rows[0]?.openNotificationsBySeverity.warning,
  };
}

describe('the scorecards as a snapshot', () => {
  it('serves the same snapshot while it is younger than STATS_MAX_AGE_S, then recomputes it', async () => {
    await overdueCase('snap-1');
    const first = await scorecard();
    expect(first).toEqual({ generatedAt: t.clock.now.toISOString(), openOverdue: 1, open: 1 });

    await overdueCase('snap-2');
    t.clock.now = new Date(t.clock.now.getTime() + 59_000);
    expect(await scorecard()).toEqual(first);

    t.clock.now = new Date(t.clock.now.getTime() + 2_000);
    expect(await scorecard()).toEqual({ generatedAt: t.clock.now.toISOString(), openOverdue: 2, open: 2 });
  });
});
