import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweep } from '../src/scheduler/sweep.ts';
import { startTestApp, type TestApp } from './support/app.ts';
import { requests } from './support/resolutions.ts';

let t: TestApp;
let r: ReturnType<typeof requests>;
beforeAll(async () => {
  t = await startTestApp('resolutions-sweep');
  r = requests(t);
});
afterAll(async () => {
  await t.close();
});

const at = (iso: string) => new Date(iso);

function openNotice(ruleId: string, subjectKey: string) {
  return t.stores.notifications.collection.findOne({ ruleId, subjectKey, state: 'open' });
}

const DERELICTION_OF_POLICE = 'resolution_overdue|agency:police:khuzestan';

describe('overdue resolutions', () => {
  it('raise resolution_overdue to the assignee and the chair at the due date; completion resolves it', async () => {
    t.clock.now = at('2025-01-10T00:00:00.000Z');
    const { meetingId } = await r.workgroupWithMeeting();
    const id = await r.resolution(meetingId, 'customs', '2025-02-01T00:00:00.000Z');
    await sweep(t.sweepDeps(), at('2025-01-31T23:59:59.000Z'));
    expect(await openNotice('resolution_overdue', `resolution:${id}`)).toBeNull();

    const report = await sweep(t.sweepDeps(), at('2025-02-01T00:00:00.000Z'));
    expect(report).toMatchObject({ raised: 1, derelictions: 0 });
    const raised = await openNotice('resolution_overdue', `resolution:${id}`);
    expect(raised).toMatchObject({
      subject: { kind: 'resolution', id },
      responsibleAgency: 'customs',
      severity: 'warning',
      audiences: ['customs:khuzestan', 'prosecutor:khuzestan'],
      dueAt: at('2025-02-01T00:00:00.000Z'),
      title: { fa: 'تأخیر در انجام مصوبه کارگروه', en: 'Workgroup resolution overdue' },
    });
    // 2025-02-01 is 13 Bahman 1403.
    expect(raised?.text.fa).toContain('۱۳ بهمن ۱۴۰۳');
    for (const who of ['wgCustoms', 'wgChair'] as const) {
      expect((await r.get(who, `/v1/notifications/${raised?._id}`)).statusCode, who).toBe(200);
    }
    expect((await r.get('wgPolice', `/v1/notifications/${raised?._id}`)).statusCode).toBe(404);
    t.clock.now = at('2025-02-03T00:00:00.000Z');
    expect((await r.get('wgCustoms', `/v1/resolutions/${id}`)).json()).toMatchObject({ overdue: true });
    expect((await r.complete(id)).json()).toMatchObject({ completion: { late: true } });
    const resolved = await t.stores.notifications.collection.findOne({ _id: raised?._id ?? '' });
    expect(resolved).toMatchObject({ state: 'resolved', resolution: 'obligation_met' });
    expect(resolved?.outbox?.map((entry) => entry.event.type)).toEqual([
      'oversight.notification_raised',
      'oversight.notification_resolved',
    ]);
    await sweep(t.sweepDeps(), at('2025-03-01T00:00:00.000Z'));
    expect(await openNotice('resolution_overdue', `resolution:${id}`)).toBeNull();
  });

  it('raise nothing for a resolution completed before its due date', async () => {
    t.clock.now = at('2025-01-10T00:00:00.000Z');
    const { meetingId } = await r.workgroupWithMeeting();
    const id = await r.resolution(meetingId, 'property_org', '2025-02-01T00:00:00.000Z');
    await r.complete(id);
    await sweep(t.sweepDeps(), at('2025-03-01T00:00:00.000Z'));
    expect(await t.stores.notifications.collection.countDocuments({ subjectKey: `resolution:${id}` })).toBe(
      0,
    );
  });
});

describe('repeated overdue resolutions of one agency', () => {
  it('raise one suspected dereliction naming the agency, which resolves when one is completed', async () => {
    t.clock.now = at('2024-01-10T00:00:00.000Z');
    const { meetingId } = await r.workgroupWithMeeting('2024-01-05T00:00:00.000Z');
    const first = await r.resolution(meetingId, 'police', '2024-02-01T00:00:00.000Z');
    const second = await r.resolution(meetingId, 'police', '2024-03-01T00:00:00.000Z');

    await sweep(t.sweepDeps(), at('2024-02-01T00:00:00.000Z'));
    expect(await openNotice('suspected_dereliction', DERELICTION_OF_POLICE)).toBeNull();

    const report = await sweep(t.sweepDeps(), at('2024-03-01T00:00:00.000Z'));
    expect(report.derelictions).toBe(1);
    const notice = await openNotice('suspected_dereliction', DERELICTION_OF_POLICE);
    expect(notice).toMatchObject({
      subject: { kind: 'agency', id: 'police:khuzestan' },
      province: 'khuzestan',
      responsibleAgency: 'police',
      severity: 'critical',
      audiences: ['inspection'],
      dueAt: at('2024-03-01T00:00:00.000Z'),
      title: { fa: 'ظن ترک فعل: فراجا', en: 'Suspected dereliction of duty: Police (FARAJA)' },
    });
    expect(notice?.text.fa).toContain('فراجا استان خوزستان ۲ مصوبه');
    expect(notice?.text.en).toContain('Police (FARAJA) (Khuzestan) has 2 workgroup resolutions overdue');
    expect((await r.get('wgInspection', `/v1/notifications/${notice?._id}`)).statusCode).toBe(200);

    expect((await sweep(t.sweepDeps(), at('2024-03-02T00:00:00.000Z'))).derelictions).toBe(0);
    expect(
      await t.stores.notifications.collection.countDocuments({ subjectKey: DERELICTION_OF_POLICE }),
    ).toBe(1);

    t.clock.now = at('2024-03-05T00:00:00.000Z');
    await r.complete(first);
    const resolved = await t.stores.notifications.collection.findOne({ _id: notice?._id ?? '' });
    expect(resolved).toMatchObject({ state: 'resolved', resolution: 'obligation_met' });
    expect(resolved?.outbox?.map((entry) => entry.event.type)).toEqual([
      'oversight.notification_raised',
      'oversight.notification_resolved',
    ]);

    // A third overdue resolution brings the count back to the threshold: a new notice.
    t.clock.now = at('2024-03-06T00:00:00.000Z');
    await r.resolution(meetingId, 'police', '2024-04-01T00:00:00.000Z');
    await sweep(t.sweepDeps(), at('2024-04-01T00:00:00.000Z'));
    const again = await openNotice('suspected_dereliction', DERELICTION_OF_POLICE);
    expect(again?._id).not.toBe(notice?._id);
    expect(again?.dueAt).toEqual(at('2024-04-01T00:00:00.000Z'));

    t.clock.now = at('2024-04-02T00:00:00.000Z');
    await r.complete(second);
    expect(await openNotice('suspected_dereliction', DERELICTION_OF_POLICE)).toBeNull();
  });

  it('follow the threshold in the rules: raising it resolves a notice at the next sweep', async () => {
    t.clock.now = at('2023-01-10T00:00:00.000Z');
    const { meetingId } = await r.workgroupWithMeeting('2023-01-05T00:00:00.000Z');
    await r.resolution(meetingId, 'property_org', '2023-02-01T00:00:00.000Z');
    await r.resolution(meetingId, 'property_org', '2023-02-02T00:00:00.000Z');
    await sweep(t.sweepDeps(), at('2023-02-02T00:00:00.000Z'));
    const key = 'resolution_overdue|agency:property_org:khuzestan';
    expect(await openNotice('suspected_dereliction', key)).not.toBeNull();

    const { rules } = await t.stores.rules.current();
    await t.stores.rules.replace(
      { ...rules, overdueResolutionsForDereliction: 3 },
      { keyId: 'test', agency: 'anti_smuggling_hq' },
      at('2023-02-03T00:00:00.000Z'),
    );
    try {
      await sweep(t.sweepDeps(), at('2023-02-03T00:00:00.000Z'));
      expect(await openNotice('suspected_dereliction', key)).toBeNull();
    } finally {
      await t.stores.rules.replace(rules, { keyId: 'test', agency: 'anti_smuggling_hq' }, new Date());
    }
  });
});
