import { type CaseListQuery, caseListQuerySchema } from '@enforcement/contracts';
import type { Document } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseVisibility } from '../src/domain/access.ts';
import type { CaseDocument } from '../src/store/case-document.ts';
import { CASE_LIST_ORDER } from '../src/store/case-indexes.ts';
import { caseListFilter } from '../src/store/case-query.ts';
import { startTestApp, type TestApp } from './support/app.ts';
import { registered } from './support/http.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp('case-indexes');
  for (let i = 0; i < 5; i += 1) await registered(t.app);
});
afterAll(async () => {
  await t.close();
});

/** The stage that fetched the documents, under any SORT or FETCH wrapper. */
function accessStage(plan: Document): string {
  const child = plan.inputStage ?? plan.inputStages?.[0];
  return plan.stage === 'SORT' || plan.stage === 'FETCH' || plan.stage === 'OR'
    ? accessStage(child ?? {})
    : plan.stage;
}

async function planOf(query: Partial<Record<keyof CaseListQuery, string>>, visibility: CaseVisibility = {}) {
  const filter = caseListFilter(caseListQuerySchema.parse(query), visibility, t.clock.now, undefined);
  const explained = await t.db
    .collection<CaseDocument>('cases')
    .find(filter)
    .sort(CASE_LIST_ORDER)
    .explain('executionStats');
  return accessStage(explained.queryPlanner.winningPlan);
}

describe('indexes behind the case listing', () => {
  const filters: [string, Partial<Record<keyof CaseListQuery, string>>][] = [
    ['status', { status: 'registered' }],
    ['category', { category: 'fuel' }],
    ['province', { province: 'khuzestan' }],
    ['handling authority', { handlingAuthority: 'tazirat' }],
    ['discovering agency', { discoveringAgency: 'police' }],
    [
      'registration date range',
      { registeredFrom: '2025-01-01T00:00:00Z', registeredTo: '2026-01-01T00:00:00Z' },
    ],
    ['overdue for determination', { overdueForDetermination: 'true' }],
    ['text search', { q: 'khz' }],
  ];
  for (const [name, query] of filters) {
    it(`reads the ${name} filter through an index`, async () => {
      expect(await planOf(query)).toBe('IXSCAN');
    });
  }

  it('reads the unfiltered listing in index order', async () => {
    expect(await planOf({})).toBe('IXSCAN');
  });

  it('reads an agency’s own cases (discovered or handled) through indexes', async () => {
    expect(await planOf({}, { involvedAgency: 'police' })).toBe('IXSCAN');
  });

  it('reads a province-limited caller’s listing through an index', async () => {
    expect(await planOf({}, { province: 'khuzestan' })).toBe('IXSCAN');
  });
});
