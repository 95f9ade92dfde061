import type { AnyEvent } from '@enforcement/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweep } from '../src/scheduler/sweep.ts';
import { startTestApp, type TestApp } from './support/app.ts';
import {
  caseClosed,
  caseRegistered,
  executionStarted,
  lotStatusChanged,
  officerDeployed,
  transitClosed,
  transitDiscrepancy,
  transitOpened,
  verdictIssued,
} from './support/events.ts';
import { feed } from './support/feed.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp('sweep');
});
afterAll(async () => {
  await t.close();
});

const DAY = 86_400_000;
const at = (iso: string, plusDays = 0) => new Date(new Date(iso).getTime() + plusDays * DAY);

async function openNotification(ruleId: string, subjectKey: string) {
  return t.stores.notifications.collection.findOne({ ruleId, subjectKey, state: 'open' });
}

const HELD = '2024-01-01T00:00:00.000Z';
/** Each rule, the events that open it, when it falls due, and the event that meets it (if any). */
const cases: {
  ruleId: string;
  subjectKey: string;
  opening: AnyEvent[];
  due: Date;
  meeting: AnyEvent | null;
}[] = [
  {
    ruleId: 'case_determination_sla',
    subjectKey: 'case:sla-1',
    opening: [caseRegistered('sla-1', '2024-01-01T00:00:00.000Z')],
    due: at('2024-01-01T00:00:00.000Z', 90),
    meeting: caseClosed('sla-1', '2024-05-01T00:00:00.000Z'),
  },
  {
    ruleId: 'fuel_case_registered',
    subjectKey: 'case:fuel-1',
    opening: [caseRegistered('fuel-1', '2024-01-01T00:00:00.000Z', 'fuel')],
    due: at('2024-01-01T00:00:00.000Z'),
    meeting: caseClosed('fuel-1', '2024-01-05T00:00:00.000Z'),
  },
  {
    ruleId: 'execution_stalled_no_seizure',
    subjectKey: 'case:exe-1',
    opening: [verdictIssued('exe-1', '2024-01-01T00:00:00.000Z')],
    due: at('2024-01-01T00:00:00.000Z', 30),
    meeting: caseClosed('exe-1', '2024-03-01T00:00:00.000Z'),
  },
  {
    ruleId: 'unit_without_officers',
    subjectKey: 'execution_unit:unit-1',
    opening: [executionStarted('exe-2', 'unit-1', '2024-01-01T00:00:00.000Z')],
    due: at('2024-01-01T00:00:00.000Z'),
    meeting: officerDeployed('unit-1', 'dep-1', '2024-01-03T00:00:00.000Z'),
  },
  {
    ruleId: 'goods_abandoned',
    subjectKey: 'lot:lot-a',
    opening: [lotStatusChanged('lot-a', 'arrived', 'held', HELD, HELD)],
    due: at(HELD, 90),
    meeting: lotStatusChanged('lot-a', 'held', 'abandoned', '2024-04-10T00:00:00.000Z', HELD),
  },
  {
    ruleId: 'goods_dwell',
    subjectKey: 'lot:lot-b',
    opening: [lotStatusChanged('lot-b', 'arrived', 'held', HELD, HELD)],
    due: at(HELD, 180),
    meeting: lotStatusChanged('lot-b', 'cleared', 'exited', '2024-08-01T00:00:00.000Z', HELD),
  },
  {
    ruleId: 'goods_not_handed_over',
    subjectKey: 'lot:lot-c',
    opening: [lotStatusChanged('lot-c', 'held', 'confiscated', HELD, HELD)],
    due: at(HELD, 60),
    meeting: lotStatusChanged(
      'lot-c',
      'confiscated',
      'transferred_to_property_org',
      '2024-03-05T00:00:00.000Z',
      HELD,
    ),
  },
  {
    ruleId: 'handed_over_not_disposed',
    subjectKey: 'lot:lot-d',
    opening: [lotStatusChanged('lot-d', 'confiscated', 'transferred_to_property_org', HELD, HELD)],
    due: at(HELD, 90),
    meeting: lotStatusChanged(
      'lot-d',
      'transferred_to_property_org',
      'destroyed',
      '2024-05-01T00:00:00.000Z',
      HELD,
    ),
  },
  {
    ruleId: 'transit_overdue',
    subjectKey: 'transit:tr-1',
    opening: [transitOpened('tr-1', '2024-01-01T00:00:00.000Z')],
    due: at('2024-01-04T00:00:00.000Z'),
    meeting: transitClosed('tr-1', '2024-01-01T00:00:00.000Z', '2024-01-05T00:00:00.000Z'),
  },
  {
    ruleId: 'transit_quantity_mismatch',
    subjectKey: 'transit:tr-2',
    opening: [transitDiscrepancy('tr-2', '2024-01-02T00:00:00.000Z')],
    due: at('2024-01-02T00:00:00.000Z'),
    meeting: null,
  },
];

describe('the sweep, with an injected clock', () => {
  it.each(cases)('raises $ruleId only once it falls due, and resolves it when met', async (rule) => {
    await feed(t, ...rule.opening);
    await sweep(t.sweepDeps(), new Date(rule.due.getTime() - 1000));
    expect(await openNotification(rule.ruleId, rule.subjectKey)).toBeNull();

    await sweep(t.sweepDeps(), rule.due);
    const raised = await openNotification(rule.ruleId, rule.subjectKey);
    expect(raised).toMatchObject({ level: 0, state: 'open', dueAt: rule.due });
    expect(raised?.title.fa.length).toBeGreaterThan(0);
    expect(raised?.outbox?.map((entry) => entry.event.type)).toEqual(['oversight.notification_raised']);

    if (rule.meeting === null) return;
    await feed(t, rule.meeting, rule.meeting);
    const resolved = await t.stores.notifications.collection.findOne({ _id: raised?._id ?? '' });
    expect(resolved).toMatchObject({ state: 'resolved' });
    expect(resolved?.outbox?.map((entry) => entry.event.type)).toEqual([
      'oversight.notification_raised',
      'oversight.notification_resolved',
    ]);
  });

  it('escalates an unacknowledged notification, adding the inspection organization', async () => {
    await feed(t, caseRegistered('esc-1', '2023-01-01T00:00:00.000Z'));
    const due = at('2023-01-01T00:00:00.000Z', 90);
    await sweep(t.sweepDeps(), due);
    await sweep(t.sweepDeps(), at(due.toISOString(), 2));
    expect((await openNotification('case_determination_sla', 'case:esc-1'))?.level).toBe(0);
    const report = await sweep(t.sweepDeps(), at(due.toISOString(), 3));
    expect(report.escalated).toBeGreaterThanOrEqual(1);
    const escalated = await openNotification('case_determination_sla', 'case:esc-1');
    expect(escalated).toMatchObject({ level: 1, audiences: ['prosecutor:khuzestan', 'inspection'] });
    expect(escalated?.outbox?.at(-1)?.event.type).toBe('oversight.notification_escalated');
  });

  it('raises suspected dereliction naming the agency at twice the period, and resolves it with the obligation', async () => {
    await feed(t, caseRegistered('der-1', '2022-01-01T00:00:00.000Z'));
    await sweep(t.sweepDeps(), at('2022-01-01T00:00:00.000Z', 90));
    await sweep(t.sweepDeps(), at('2022-01-01T00:00:00.000Z', 179));
    expect(await openNotification('suspected_dereliction', 'case_determination_sla|case:der-1')).toBeNull();
    await sweep(t.sweepDeps(), at('2022-01-01T00:00:00.000Z', 180));
    const dereliction = await openNotification('suspected_dereliction', 'case_determination_sla|case:der-1');
    expect(dereliction).toMatchObject({
      severity: 'critical',
      audiences: ['inspection'],
      subject: { kind: 'case', id: 'der-1' },
    });
    expect(dereliction?.title.fa).toBe('ظن ترک فعل: دادستانی');
    await feed(t, caseClosed('der-1', '2022-08-01T00:00:00.000Z'));
    expect(await openNotification('suspected_dereliction', 'case_determination_sla|case:der-1')).toBeNull();
  });

  it('raises each notification once when two sweeps run at the same time', async () => {
    for (let i = 0; i < 20; i += 1) await feed(t, caseRegistered(`par-${i}`, '2021-01-01T00:00:00.000Z'));
    const due = at('2021-01-01T00:00:00.000Z', 90);
    const [a, b] = await Promise.all([
      sweep(t.sweepDeps('replica-a'), due),
      sweep(t.sweepDeps('replica-b'), due),
    ]);
    const raised = await t.stores.notifications.collection.countDocuments({
      ruleId: 'case_determination_sla',
      subjectKey: { $regex: '^case:par-' },
    });
    expect(raised).toBe(20);
    expect(a.raised + b.raised).toBe(20);
  });

  it('raises nothing for an obligation met before it fell due', async () => {
    await feed(
      t,
      caseRegistered('early-1', '2020-01-01T00:00:00.000Z'),
      caseClosed('early-1', '2020-02-01T00:00:00.000Z'),
    );
    await sweep(t.sweepDeps(), at('2020-01-01T00:00:00.000Z', 100));
    expect(await t.stores.notifications.collection.countDocuments({ subjectKey: 'case:early-1' })).toBe(0);
  });
});
