import type { Collection, Document, Filter } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  openNotificationsMatch,
  perDayMatch,
  scorecardObligationsMatch,
} from '../src/store/stats-queries.ts';
import { startTestApp, type TestApp } from './support/app.ts';
import { caseRegistered } from './support/events.ts';
import { feed } from './support/feed.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp('stats-indexes');
  for (let i = 0; i < 5; i += 1) await feed(t, caseRegistered(`idx-${i}`, '2025-01-01T00:00:00.000Z'));
});
afterAll(async () => {
  await t.close();
});

/** The index the filter is read through, or the plan's stage (COLLSCAN) when none. */
async function planOf<T extends Document>(collection: Collection<T>, filter: Filter<T>): Promise<string> {
  const explained = await collection.find(filter).explain('executionStats');
  const plan = explained.queryPlanner.winningPlan;
  return plan.stage === 'IXSCAN' ? plan.indexName : plan.stage;
}

const start = new Date('2025-05-01T00:00:00.000Z');
const end = new Date('2025-06-01T00:00:00.000Z');

describe('indexes behind the scorecards and the overview', () => {
  it('reads a provincial scorecard from its province range, also narrowed by agency and due window', async () => {
    expect(
      await planOf(t.stores.obligations.collection, scorecardObligationsMatch({ province: 'khuzestan' })),
    ).toBe('stats_scorecard');
    const narrowed = scorecardObligationsMatch({ province: 'khuzestan', agency: 'prosecutor', from: start });
    expect(await planOf(t.stores.obligations.collection, narrowed)).toBe('stats_scorecard');
  });

  it('reads open notifications through an index', async () => {
    // Every open notification: any index led by state will do.
    expect(await planOf(t.stores.notifications.collection, openNotificationsMatch({}))).not.toBe('COLLSCAN');
    expect(
      await planOf(t.stores.notifications.collection, openNotificationsMatch({ province: 'khuzestan' })),
    ).toBe('stats_open');
  });

  it('reads the notifications raised or resolved in the trend window through an index', async () => {
    expect(await planOf(t.stores.notifications.collection, perDayMatch('raisedAt', {}, start, end))).toBe(
      'stats_raised',
    );
    expect(await planOf(t.stores.notifications.collection, perDayMatch('resolvedAt', {}, start, end))).toBe(
      'stats_resolved',
    );
  });
});
