import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultRulesConfig } from '../src/domain/rules-config.ts';
import { as, startTestApp, type TestApp } from './support/app.ts';
import { caseRegistered } from './support/events.ts';
import { feed } from './support/feed.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp('rules-http');
});
afterAll(async () => {
  await t.close();
});

describe('GET and PUT /v1/rules', () => {
  it('shows the thresholds in force to a key with rules:read', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/v1/rules', headers: as('rulesReader') });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ rules: defaultRulesConfig, version: 1 });
  });

  it('lets an admin change them, audits the change, and judges new obligations by them', async () => {
    t.clock.now = new Date('2025-02-01T00:00:00.000Z');
    const next = { ...defaultRulesConfig, caseDeterminationDays: 60 };
    const response = await t.app.inject({
      method: 'PUT',
      url: '/v1/rules',
      headers: as('rulesAdmin'),
      payload: next,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ rules: next, version: 2 });
    expect(await t.stores.rules.changes.find({}, { projection: { _id: 0 } }).toArray()).toEqual([
      {
        version: 2,
        before: defaultRulesConfig,
        after: next,
        by: { keyId: 'rulesAdmin', agency: 'anti_smuggling_hq' },
        at: new Date('2025-02-01T00:00:00.000Z'),
      },
    ]);
    await feed(t, caseRegistered('rules-1', '2025-01-01T00:00:00.000Z'));
    expect((await t.stores.obligations.find('case_determination_sla', 'case:rules-1'))?.dueAt).toEqual(
      new Date('2025-03-02T00:00:00.000Z'),
    );
  });

  it('gives concurrent changes their own versions and audit entries', async () => {
    const { version: start } = await t.stores.rules.current();
    const saves = [31, 32, 33, 34, 35].map((caseDeterminationDays) =>
      t.app.inject({
        method: 'PUT',
        url: '/v1/rules',
        headers: as('rulesAdmin'),
        payload: { ...defaultRulesConfig, caseDeterminationDays },
      }),
    );
    const versions = (await Promise.all(saves)).map(
      (response) => response.json<{ version: number }>().version,
    );
    expect([...versions].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5].map((n) => start + n));
    const audited = await t.stores.rules.changes.find({ version: { $gt: start } }).toArray();
    expect(audited.map((change) => change.version).sort((a, b) => a - b)).toEqual(
      [1, 2, 3, 4, 5].map((n) => start + n),
    );
  });

  it('lets an admin replace stored rules that no longer parse, keeping them in the audit as they were', async () => {
    const { version } = await t.stores.rules.current();
    const broken = { ...defaultRulesConfig, caseDeterminationDays: 'ninety' };
    await t.db
      .collection('rule_settings')
      .updateOne({ _id: 'current' } as never, { $set: { rules: broken } });

    const response = await t.app.inject({
      method: 'PUT',
      url: '/v1/rules',
      headers: as('rulesAdmin'),
      payload: defaultRulesConfig,
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({ rules: defaultRulesConfig, version: version + 1 });
    const audit = await t.stores.rules.changes.findOne({ version: version + 1 });
    expect(audit?.before).toEqual(broken);
  });

  it('refuses a change without the admin scope', async () => {
    const response = await t.app.inject({
      method: 'PUT',
      url: '/v1/rules',
      headers: as('rulesReader'),
      payload: defaultRulesConfig,
    });
    expect(response.statusCode).toBe(403);
  });

  it('refuses a bad threshold with 400 naming the field', async () => {
    const response = await t.app.inject({
      method: 'PUT',
      url: '/v1/rules',
      headers: as('rulesAdmin'),
      payload: { ...defaultRulesConfig, goodsDwellDays: 0 },
    });
    expect(response.statusCode).toBe(400);
    expect(JSON.stringify(response.json())).toContain('goodsDwellDays');
  });
});
