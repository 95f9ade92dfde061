import { type AgencyCode, type ProvinceCode, provinces } from '@enforcement/contracts';
import type { SimulatorPrincipalName } from '../principals.ts';
import {
  deadlineIn,
  pickProvince,
  type StepSpec,
  type Story,
  type StoryContext,
  stepDelay,
} from './story.ts';
import { DAY, MINUTE, pathRef, SECOND, time } from './templates.ts';
import { persianDigits, resolutionTexts } from './vocabulary.ts';

type Chair = 'prosecutor' | 'governorate';

const chairKey: Readonly<Record<Chair, SimulatorPrincipalName>> = {
  prosecutor: 'sim-prosecutor',
  governorate: 'sim-governorate',
};

/** Who reports progress for an assignee agency. */
const assigneeKey: Readonly<Partial<Record<AgencyCode, SimulatorPrincipalName>>> = {
  police: 'sim-police',
  customs: 'sim-customs',
  property_org: 'sim-property-org',
  tazirat: 'sim-tazirat',
  governorate: 'sim-governorate',
  prosecutor: 'sim-prosecutor',
};

const seats: readonly AgencyCode[] = [
  'prosecutor',
  'governorate',
  'police',
  'customs',
  'tazirat',
  'property_org',
  'ports',
];

/** What becomes of a resolution; weights are shares. */
const fates = {
  /** Due in seconds, reported on and completed before its due date. */
  onTime: 30,
  /** Due in seconds, completed after it fell overdue (its notification raised, then resolved). */
  late: 20,
  /** Due in seconds and left open: overdue, and with a second one of the same agency, suspected dereliction. */
  neverDone: 25,
  /** Due in weeks; nothing falls due during the run. */
  later: 25,
} as const;

/** The provincial workgroup, set up by its chair the first time one of its meetings is recorded. */
export function* workgroupStory(handle: string, province: ProvinceCode, chair: Chair): Story {
  const name = provinces[province].fa;
  yield {
    delayMs: 0,
    service: 'oversight-notifications',
    principal: chairKey[chair],
    method: 'POST',
    route: 'POST /v1/workgroups',
    path: '/v1/workgroups',
    body: {
      name:
        chair === 'prosecutor'
          ? `کارگروه نظارت بر اجرای احکام قاچاق کالا و ارز استان ${name}`
          : `ستاد مبارزه با قاچاق کالا و ارز استان ${name}`,
      province,
      chairAgency: chair,
      memberAgencies: seats.filter((agency) => agency !== chair),
    },
    creates: { handle, field: 'id' },
    step: `set up the ${chair} workgroup of ${province}`,
  };
}

interface TimedStep {
  atMs: number;
  spec: Omit<StepSpec, 'delayMs'>;
}

/**
 * A meeting of a provincial workgroup and its resolutions (مصوبات): each assigned to a member agency,
 * due in seconds (so it falls overdue during the run) or in weeks; the assignee reports progress; the
 * chair completes it on time, late, or not at all.
 */
export function* meetingStory(ctx: StoryContext, n: number): Story {
  const rng = ctx.random(`meeting-${n}`);
  const province = pickProvince(ctx, rng);
  const chair: Chair = rng.chance(0.7) ? 'prosecutor' : 'governorate';
  const workgroup = ctx.workgroup(province, chair);
  const meeting = `meeting-${n}`;
  const chairPrincipal = chairKey[chair];
  yield {
    delayMs: 0,
    service: 'oversight-notifications',
    principal: chairPrincipal,
    method: 'POST',
    route: 'POST /v1/workgroups/:id/meetings',
    path: `/v1/workgroups/${pathRef(workgroup)}/meetings`,
    body: {
      heldAt: time(-rng.int(10, 180) * MINUTE),
      minutes: `صورتجلسه نشست کارگروه: بررسی ${persianDigits(String(rng.int(5, 60)))} پرونده دارای حکم قطعی بدون قبض اموال`,
    },
    creates: { handle: meeting, field: 'id' },
    step: `record a meeting of the ${chair} workgroup of ${province}`,
  };

  // Each resolution's steps on one timeline from the meeting, then sent in time order.
  const timeline: TimedStep[] = [];
  const count = rng.int(2, 4);
  let clock = 0;
  for (let i = 1; i <= count; i += 1) {
    const resolution = `resolution-${n}-${i}`;
    const chain = `r${i}`;
    const { assignee, text } = rng.pick(resolutionTexts);
    const fate = rng.weighted(fates);
    const dueInMs = fate === 'later' ? rng.int(7, 60) * DAY : deadlineIn(ctx, rng);
    clock += stepDelay(ctx, rng, 0.3);
    const createdAt = clock;
    timeline.push({
      atMs: createdAt,
      spec: {
        service: 'oversight-notifications',
        principal: chairPrincipal,
        method: 'POST',
        route: 'POST /v1/meetings/:id/resolutions',
        path: `/v1/meetings/${pathRef(meeting)}/resolutions`,
        body: { text, assigneeAgency: assignee, dueAt: time(dueInMs) },
        creates: { handle: resolution, field: 'id' },
        chain,
        step: `resolution for ${assignee}, due in ${Math.round(dueInMs / SECOND)} s (${fate})`,
      },
    });
    const reporter = assigneeKey[assignee];
    const reportAt = createdAt + Math.min(dueInMs * 0.4, stepDelay(ctx, rng));
    if (reporter !== undefined && fate !== 'neverDone') {
      timeline.push({
        atMs: reportAt,
        spec: {
          service: 'oversight-notifications',
          principal: reporter,
          method: 'POST',
          route: 'POST /v1/resolutions/:id/progress',
          path: `/v1/resolutions/${pathRef(resolution)}/progress`,
          body: {
            percent: rng.int(20, 80),
            note: 'اقدامات اولیه انجام و گزارش به دبیرخانه کارگروه ارسال شد',
          },
          chain,
          step: `progress report by ${assignee}`,
        },
      });
    }
    if (fate === 'onTime' || fate === 'late') {
      const doneAt =
        fate === 'onTime'
          ? Math.max(reportAt + SECOND, createdAt + dueInMs * 0.7)
          : createdAt + dueInMs + stepDelay(ctx, rng, 2);
      timeline.push({
        atMs: doneAt,
        spec: {
          service: 'oversight-notifications',
          principal: chairPrincipal,
          method: 'POST',
          route: 'POST /v1/resolutions/:id/completion',
          path: `/v1/resolutions/${pathRef(resolution)}/completion`,
          body: fate === 'late' ? { note: 'با تأخیر انجام شد' } : {},
          chain,
          step: `completed by the chair (${fate === 'late' ? 'late' : 'on time'})`,
        },
      });
    }
  }
  timeline.sort((a, b) => a.atMs - b.atMs);
  let previous = 0;
  for (const { atMs, spec } of timeline) {
    yield { ...spec, delayMs: Math.round(atMs - previous) };
    previous = atMs;
  }
}
