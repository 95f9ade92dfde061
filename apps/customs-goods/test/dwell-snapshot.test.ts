import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, startTestApp, type TestApp } from './support/app.ts';
import { registered, walked } from './support/lots.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp('dwell-snapshot', { DWELL_REPORT_MAX_AGE_S: '60' });
});
afterAll(async () => {
  await t.close();
});

async function heldAtAbadan(): Promise<void> {
  const lot = await registered(t.app, { officeId: 'khz_abadan', category: 'general' });
  await walked(t.app, lot.id, [{ to: 'held', at: '2025-10-01T08:30:00Z' }]);
}

async function report(): Promise<{ generatedAt: string; lotsHeld: number }> {
  const response = await t.app.inject({
    method: 'GET',
    url: '/v1/stats/dwell',
    headers: as('governorateKhuzestan'),
  });
  expect(response.statusCode, response.body).toBe(200);
  const body = response.json<{ generatedAt: string; rows: { officeId: string; lotsHeld: number }[] }>();
  const abadan = body.rows.find((row) => row.officeId === 'khz_abadan');
  return { generatedAt: body.generatedAt, lotsHeld: abadan?.lotsHeld ?? 0 };
}

describe('the stuck-goods report as a snapshot', () => {
  it('serves the same snapshot while it is younger than its maximum age, then recomputes it', async () => {
    await heldAtAbadan();
    const first = await report();
    expect(first).toEqual({ generatedAt: t.clock.now.toISOString(), lotsHeld: 1 });

    await heldAtAbadan();
    t.clock.now = new Date(t.clock.now.getTime() + 59_000);
    expect(await report()).toEqual(first);

    t.clock.now = new Date(t.clock.now.getTime() + 2_000);
    expect(await report()).toEqual({ generatedAt: t.clock.now.toISOString(), lotsHeld: 2 });
  });
});
