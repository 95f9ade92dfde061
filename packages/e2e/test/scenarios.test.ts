import type { DwellStats, LotView, MeetingView, ResolutionView, WorkgroupView } from '@enforcement/contracts';
import { eventually } from '@enforcement/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  conviction,
  customsMovesLot,
  customsRegisterLot,
  executionUnitWithOfficer,
  investigation,
  policeRegisterCase,
  prosecutorMovesCase,
} from './support/agencies.ts';
import { feedAbout, noticeIn, untilNotice, untilScorecard, untilWatched } from './support/oversight.ts';
import { type Platform, startPlatform } from './support/platform.ts';

/*
 * The platform end to end: case intake, customs goods and oversight in this process, on one broker
 * vhost and one clock. Agencies act through the services' HTTP APIs; what the scenarios check is what
 * dashboards read there (feeds, scorecards, the stuck-goods report). Deadlines pass by moving the
 * clock and running oversight's scheduler at the new instant; waiting is only for events to travel.
 * Each scenario starts at its own date, later than the previous one's end.
 */

let platform: Platform;

beforeAll(async () => {
  platform = await startPlatform('e2e', '2025-01-05T06:00:00.000Z');
});

afterAll(async () => {
  await platform?.stop();
});

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const plusMs = (iso: string, ms: number) => new Date(Date.parse(iso) + ms).toISOString();

describe('end to end, on one clock', () => {
  it('raises the fuel-case alert at once, to the prosecutor, the governorate and the anti-smuggling HQ', async () => {
    platform.clock.set('2025-01-10T07:30:00.000Z');

    const fuelCase = await policeRegisterCase(platform, { category: 'fuel', province: 'khuzestan' });

    // The clock does not move: the scheduler's next tick at the same instant raises it.
    const toProsecutor = await platform.sweepUntil(
      () =>
        noticeIn(
          platform,
          'prosecutorKhuzestan',
          'prosecutor:khuzestan',
          fuelCase.id,
          'fuel_case_registered',
        ),
      (n) => n !== undefined,
    );
    expect(toProsecutor).toMatchObject({
      ruleId: 'fuel_case_registered',
      subject: { kind: 'case', id: fuelCase.id },
      severity: 'high',
      state: 'open',
      raisedAt: fuelCase.registeredAt,
    });
    expect(toProsecutor?.audiences).toEqual(
      expect.arrayContaining(['prosecutor:khuzestan', 'governorate:khuzestan', 'anti_smuggling_hq']),
    );
    const toGovernorate = await noticeIn(
      platform,
      'governorateKhuzestan',
      'governorate:khuzestan',
      fuelCase.id,
      'fuel_case_registered',
    );
    const toHq = await noticeIn(
      platform,
      'antiSmugglingHq',
      'anti_smuggling_hq',
      fuelCase.id,
      'fuel_case_registered',
    );
    expect(toGovernorate?.id).toBe(toProsecutor?.id);
    expect(toHq?.id).toBe(toProsecutor?.id);
  });

  it('raises execution-stalled when no assets are seized in time, escalates it unacknowledged, and resolves it at the seizure', async () => {
    const { rules } = platform;
    platform.clock.set('2025-02-01T08:00:00.000Z');
    const unitId = await executionUnitWithOfficer(platform, 'bushehr');
    const kase = await policeRegisterCase(platform, { category: 'goods', province: 'bushehr' });
    await prosecutorMovesCase(platform, kase.id, investigation);
    platform.clock.advance({ days: 20 });
    const convicted = await prosecutorMovesCase(
      platform,
      kase.id,
      conviction({ fineRials: '35000000000000', goodsConfiscated: false }),
    );
    const verdictAt = convicted.verdict?.issuedAt ?? '';
    await prosecutorMovesCase(platform, kase.id, { to: 'in_execution', executionUnitId: unitId });
    const stalled = { agency: 'prosecutor', province: 'bushehr', rule: 'execution_stalled_no_seizure' };
    expect(await untilWatched(platform, 'inspection', stalled)).toMatchObject({ openNotYetDue: 1 });

    // A day before the deadline: nothing yet.
    platform.clock.advance({ days: rules.executionStalledDays - 1 });
    await platform.sweep();
    expect(
      await noticeIn(platform, 'prosecutorBushehr', 'prosecutor:bushehr', kase.id, stalled.rule),
    ).toBeUndefined();

    // The deadline: raised to the prosecutor's office and to inspection.
    platform.clock.advance({ days: 1 });
    await platform.sweep();
    const raised = await noticeIn(platform, 'prosecutorBushehr', 'prosecutor:bushehr', kase.id, stalled.rule);
    expect(raised).toMatchObject({
      state: 'open',
      level: 0,
      severity: 'high',
      responsibleAgency: 'prosecutor',
      dueAt: plusMs(verdictAt, rules.executionStalledDays * DAY_MS),
      raisedAt: platform.clock.iso(),
    });
    expect(raised?.audiences).toEqual(['prosecutor:bushehr', 'inspection']);

    // Nobody acknowledges it: past the escalation bound it goes up a level, in inspection's feed.
    platform.clock.advance({ hours: rules.escalateUnacknowledgedHours - 1 });
    await platform.sweep();
    expect(await noticeIn(platform, 'inspection', 'inspection', kase.id, stalled.rule)).toMatchObject({
      level: 0,
    });
    platform.clock.advance({ hours: 1 });
    await platform.sweep();
    const escalated = await noticeIn(platform, 'inspection', 'inspection', kase.id, stalled.rule);
    expect(escalated).toMatchObject({ id: raised?.id, state: 'open', level: 1 });

    // The execution unit seizes assets: the notification resolves by itself.
    await prosecutorMovesCase(platform, kase.id, {
      to: 'assets_seized',
      assets: [{ kind: 'vehicle', description: 'کامیون کشنده ولوو FH12', valueRials: '42000000000' }],
    });
    const resolved = await untilNotice(
      platform,
      'inspection',
      'inspection',
      kase.id,
      stalled.rule,
      (n) => n?.state === 'resolved',
    );
    expect(resolved).toMatchObject({
      id: raised?.id,
      state: 'resolved',
      resolution: 'obligation_met',
      resolvedAt: platform.clock.iso(),
    });
    expect(
      await noticeIn(platform, 'prosecutorBushehr', 'prosecutor:bushehr', kase.id, stalled.rule),
    ).toMatchObject({
      state: 'resolved',
    });
  });

  it('follows a lot held past its abandonment date, then confiscated by a verdict and not handed over', async () => {
    const { rules } = platform;
    platform.clock.set('2025-03-10T09:00:00.000Z');
    const office = 'hrm_shahid_rajaee';
    const kase = await policeRegisterCase(platform, { category: 'goods', province: 'hormozgan' });
    const registered = await customsRegisterLot(platform, 'customsHormozgan', {
      officeId: office,
      caseId: kase.id,
    });
    const lot = await customsMovesLot(platform, 'customsHormozgan', registered.id, { to: 'held' });
    expect(lot).toMatchObject({ status: 'held', province: 'hormozgan', heldSince: platform.clock.iso() });
    const abandoned = { agency: 'customs', province: 'hormozgan', rule: 'goods_abandoned' };
    expect(await untilWatched(platform, 'inspection', abandoned)).toMatchObject({ openNotYetDue: 1 });

    // Past the abandonment date (3 Solar Hijri months at customs, 90 days for oversight), still held.
    platform.clock.advance({ days: 100 });
    const heldTooLong = await platform.customsGoods.get<LotView>('customsHormozgan', `/v1/lots/${lot.id}`);
    expect(heldTooLong).toMatchObject({ status: 'held', pastAbandonment: true, dwellDays: 100 });
    expect(Date.parse(heldTooLong.abandonmentDueAt ?? '')).toBeLessThan(platform.clock.now.getTime());
    await platform.sweep();
    const abandonment = await noticeIn(
      platform,
      'customsHormozgan',
      'customs:hormozgan',
      lot.id,
      abandoned.rule,
    );
    expect(abandonment).toMatchObject({
      state: 'open',
      dueAt: plusMs(lot.heldSince ?? '', rules.goodsAbandonedDays * DAY_MS),
    });
    expect(await stuckGoods(platform, office)).toMatchObject({ lotsHeld: 1, pastAbandonment: 1 });

    // The court convicts and confiscates the goods: customs-goods hears the verdict and confiscates the lot.
    await prosecutorMovesCase(platform, kase.id, investigation);
    await prosecutorMovesCase(
      platform,
      kase.id,
      conviction({ fineRials: '12500000000000', goodsConfiscated: true }),
    );
    const confiscated = await eventually(
      () => platform.customsGoods.get<LotView>('customsHormozgan', `/v1/lots/${lot.id}`),
      (current) => current.status === 'confiscated',
    );
    expect(confiscated).toMatchObject({
      status: 'confiscated',
      caseVerdict: { outcome: 'convicted', goodsConfiscated: true },
    });
    // Confiscation settles the abandonment notice and starts the hand-over clock.
    expect(
      await untilNotice(
        platform,
        'customsHormozgan',
        'customs:hormozgan',
        lot.id,
        abandoned.rule,
        (n) => n?.state === 'resolved',
      ),
    ).toMatchObject({ id: abandonment?.id, state: 'resolved', resolution: 'obligation_met' });
    const handOver = { agency: 'customs', province: 'hormozgan', rule: 'goods_not_handed_over' };
    expect(await untilWatched(platform, 'inspection', handOver)).toMatchObject({ openNotYetDue: 1 });

    // Nobody hands it to the organization for confiscated property.
    platform.clock.advance({ days: rules.notHandedOverDays });
    await platform.sweep();
    for (const [who, audience] of [
      ['customsHormozgan', 'customs:hormozgan'],
      ['propertyOrgHormozgan', 'property_org:hormozgan'],
      ['prosecutorHormozgan', 'prosecutor:hormozgan'],
    ] as const) {
      expect(await noticeIn(platform, who, audience, lot.id, handOver.rule), audience).toMatchObject({
        state: 'open',
        raisedAt: platform.clock.iso(),
      });
    }
    // Customs' feed tells the lot's story in order.
    const story = await feedAbout(platform, 'customsHormozgan', 'customs:hormozgan', lot.id);
    expect(story.map((n) => [n.ruleId, n.state])).toEqual([
      ['goods_abandoned', 'resolved'],
      ['goods_not_handed_over', 'open'],
    ]);
    expect(Date.parse(story[0]?.raisedAt ?? '')).toBeLessThan(Date.parse(story[1]?.raisedAt ?? ''));

    // The stuck-goods report still counts it, 160 days after it was first held.
    expect(await stuckGoods(platform, office)).toMatchObject({
      lotsHeld: 1,
      pastAbandonment: 0,
      dwellDays: { max: 100 + rules.notHandedOverDays },
    });
  });

  it('raises a transit quantity mismatch at once, and an overdue transit after 72 hours', async () => {
    const { rules } = platform;
    platform.clock.set('2025-09-01T06:00:00.000Z');
    const [short, lost] = await Promise.all(
      [1, 2].map(async () => {
        const lot = await customsRegisterLot(platform, 'customsKhuzestan', {
          officeId: 'khz_bandar_imam_khomeini',
          quantity: { amount: 18_500, unit: 'kg' },
        });
        return customsMovesLot(
          platform,
          'customsKhuzestan',
          lot.id,
          { to: 'held' },
          { to: 'pending_clearance', declarationReference: 'اظهارنامه ۱۴۰۴/۵۵۱' },
          { to: 'cleared' },
          {
            to: 'exited',
            transit: {
              destinationOfficeId: 'thr_shahid_rajaee_dry_port',
              quantity: { amount: 18_500, unit: 'kg' },
              expectedArrivalAt: plusMs(platform.clock.iso(), 48 * HOUR_MS),
            },
          },
        );
      }),
    );
    const shortTransit = short?.transit?.transitId ?? '';
    const lostTransit = lost?.transit?.transitId ?? '';
    expect(shortTransit).not.toBe('');
    expect(lostTransit).not.toBe('');

    // Tehran receives the first one 500 kg short.
    platform.clock.advance({ hours: 20 });
    await platform.customsGoods.post('customsTehran', `/v1/transits/${shortTransit}/arrival`, {
      quantity: { amount: 18_000, unit: 'kg' },
    });
    const mismatch = await platform.sweepUntil(
      () =>
        noticeIn(
          platform,
          'governorateTehran',
          'governorate:tehran',
          shortTransit,
          'transit_quantity_mismatch',
        ),
      (n) => n !== undefined,
    );
    expect(mismatch).toMatchObject({ state: 'open', severity: 'high', raisedAt: platform.clock.iso() });
    expect(mismatch?.audiences).toEqual(
      expect.arrayContaining([
        'governorate:khuzestan',
        'governorate:tehran',
        'customs:khuzestan',
        'customs:tehran',
        'inspection',
      ]),
    );
    expect(
      (await noticeIn(platform, 'inspection', 'inspection', shortTransit, 'transit_quantity_mismatch'))?.id,
    ).toBe(mismatch?.id);

    // The second one never arrives. Oversight has heard of both exits and of the first arrival:
    const overdue = { agency: 'customs', province: 'khuzestan', rule: 'transit_overdue' };
    expect(
      await untilScorecard(
        platform,
        'inspection',
        overdue,
        (row) => row?.openNotYetDue === 1 && row.metOnTime === 1,
      ),
    ).toMatchObject({ openNotYetDue: 1, metOnTime: 1 });
    platform.clock.advance({ hours: rules.transitOverdueHours - 20 - 1 });
    await platform.sweep();
    expect(
      await noticeIn(platform, 'governorateKhuzestan', 'governorate:khuzestan', lostTransit, overdue.rule),
    ).toBe(undefined);
    platform.clock.advance({ hours: 1 });
    await platform.sweep();
    for (const [who, audience] of [
      ['governorateKhuzestan', 'governorate:khuzestan'],
      ['governorateTehran', 'governorate:tehran'],
      ['customsKhuzestan', 'customs:khuzestan'],
    ] as const) {
      expect(await noticeIn(platform, who, audience, lostTransit, overdue.rule), audience).toMatchObject({
        state: 'open',
        dueAt: plusMs(lost?.transit?.exitedAt ?? '', rules.transitOverdueHours * HOUR_MS),
      });
    }
    expect(
      await noticeIn(platform, 'governorateKhuzestan', 'governorate:khuzestan', shortTransit, overdue.rule),
    ).toBe(undefined);
  });

  it('names the agency to inspection as suspected of dereliction when its workgroup resolutions are overdue twice', async () => {
    const { rules } = platform;
    platform.clock.set('2025-10-01T08:00:00.000Z');
    const chair = 'prosecutorSistan';
    const workgroup = await platform.oversight.post<WorkgroupView>(chair, '/v1/workgroups', {
      name: 'کارگروه نظارت بر اجرای احکام قاچاق کالا و ارز استان سیستان و بلوچستان',
      province: 'sistan_baluchestan',
      chairAgency: 'prosecutor',
      memberAgencies: ['customs', 'police', 'property_org'],
    });
    const meeting = await platform.oversight.post<MeetingView>(
      chair,
      `/v1/workgroups/${workgroup.id}/meetings`,
      {
        number: 4,
        heldAt: platform.clock.iso(),
      },
    );
    const resolve = (text: string, days: number) =>
      platform.oversight.post<ResolutionView>(chair, `/v1/meetings/${meeting.id}/resolutions`, {
        text,
        assigneeAgency: 'customs',
        dueAt: plusMs(platform.clock.iso(), days * DAY_MS),
      });
    const first = await resolve('تعیین تکلیف کالاهای رسوبی گمرک میلک', 20);
    const second = await resolve('گزارش کالاهای متروکه بندر چابهار به سازمان اموال تملیکی', 30);
    const office = 'customs:sistan_baluchestan';
    const dereliction = () => noticeIn(platform, 'inspection', 'inspection', office, 'suspected_dereliction');

    // The first falls overdue: customs hears of it, inspection not yet.
    platform.clock.advance({ days: 20 });
    await platform.sweep();
    expect(await noticeIn(platform, 'customsSistan', office, first.id, 'resolution_overdue')).toMatchObject({
      state: 'open',
    });
    expect(await dereliction()).toBeUndefined();

    // The second too: two overdue at once is the threshold.
    platform.clock.advance({ days: 10 });
    await platform.sweep();
    expect(await noticeIn(platform, 'customsSistan', office, second.id, 'resolution_overdue')).toMatchObject({
      state: 'open',
    });
    const notice = await dereliction();
    expect(notice).toMatchObject({
      subject: { kind: 'agency', id: office },
      responsibleAgency: 'customs',
      province: 'sistan_baluchestan',
      severity: 'critical',
      state: 'open',
      audiences: ['inspection'],
    });
    expect(notice?.text.en).toContain(
      `${rules.overdueResolutionsForDereliction} workgroup resolutions overdue`,
    );
  });
});

/** The stuck-goods report's row of one office (general goods), as a dashboard reads it. */
async function stuckGoods(p: Platform, officeId: string) {
  const report = await p.customsGoods.get<DwellStats>('inspection', '/v1/stats/dwell');
  return report.rows.find((row) => row.officeId === officeId && row.category === 'general');
}
