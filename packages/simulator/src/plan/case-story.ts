import type { CaseCategory, HandlingAuthority } from '@enforcement/contracts';
import type { Random } from '../random.ts';
import { referenceOf, registration, seizedItems } from './case-registration.ts';
import { caseLotStory } from './lot-story.ts';
import {
  deadlineIn,
  pickOffice,
  pickProvince,
  type StepSpec,
  type Story,
  type StoryContext,
  stepDelay,
} from './story.ts';
import { DAY, pathRef, ref, time } from './templates.ts';
import type { BodyTemplate } from './types.ts';
import { rials } from './values.ts';
import { capitals, persianDigits, seizedAssets } from './vocabulary.ts';

/** Where a case's story ends within the run; the weights are the share of cases taking each path. */
const casePaths = {
  /** Dismissed before any verdict (after investigation or straight away). */
  dismissedEarly: 6,
  /** Still under investigation when the run ends. */
  underInvestigation: 10,
  acquitted: 10,
  dismissedAtVerdict: 4,
  /** Convicted without a fine to collect (confiscation only). */
  nothingToCollect: 4,
  finePaid: 12,
  seizedAndClosed: 30,
  /** Assets seized, case not yet closed. */
  seized: 8,
  /** Convicted and in execution, never any asset seizure (قبض اموال): the workgroup's complaint. */
  neverSeized: 16,
} as const;

type CasePath = keyof typeof casePaths;

const CONVICTED: readonly CasePath[] = [
  'nothingToCollect',
  'finePaid',
  'seizedAndClosed',
  'seized',
  'neverSeized',
];
const EXECUTED: readonly CasePath[] = ['finePaid', 'seizedAndClosed', 'seized', 'neverSeized'];

/** Share of never-seized cases whose verdict is dated so that the 30-day execution deadline falls in the run. */
const STALLS_IN_RUN = 0.6;
/** Share of cases whose goods are also held at a customs office as a lot of the case. */
const GOODS_HELD_AS_LOT = 0.2;
/** Share of cases the discovering agency adds a note to. */
const NOTED = 0.12;
/** Share of closed cases whose handling system sends the closure a second time (refused: 409). */
const CLOSED_TWICE = 0.02;

const EXECUTION_STALLED_DAYS = 30;

function transition(
  handle: string,
  principal: 'sim-prosecutor' | 'sim-tazirat',
  delayMs: number,
  body: BodyTemplate,
  step: string,
): StepSpec {
  return {
    delayMs,
    service: 'case-intake',
    principal,
    method: 'POST',
    route: 'POST /v1/cases/:id/transitions',
    path: `/v1/cases/${pathRef(handle)}/transitions`,
    body,
    step,
  };
}

/**
 * A smuggling case from discovery to where its path ends: registration by the police or customs, then
 * the handling authority's steps (investigation, verdict, execution, asset seizure, closure), a few
 * seconds apart. Some never get a seizure; for some of those the verdict is dated 30 days back so the
 * "execution stalled" deadline falls during the run.
 */
export function* caseStory(ctx: StoryContext, n: number): Story {
  const rng = ctx.random(`case-${n}`);
  const handle = `case-${n}`;
  const category = rng.weighted<CaseCategory>({ goods: 50, currency: 20, fuel: 30 });
  const province = pickProvince(ctx, rng);
  const agency = category !== 'currency' && rng.chance(0.3) ? 'customs' : 'police';
  const { items, total } = seizedItems(rng, category);
  // Imprisonment-grade cases (large finds, most fuel) go to the prosecutor, the rest to Ta'zirat.
  const authority: HandlingAuthority =
    total > 50_000_000_000n || (category === 'fuel' && rng.chance(0.6)) ? 'prosecutor' : 'tazirat';
  const handler = authority === 'prosecutor' ? 'sim-prosecutor' : 'sim-tazirat';
  const path = rng.weighted<CasePath>(casePaths);
  const stalls = path === 'neverSeized' && rng.chance(STALLS_IN_RUN);
  const unit = EXECUTED.includes(path) ? ctx.unit(province, authority) : undefined;

  yield {
    delayMs: 0,
    service: 'case-intake',
    principal: agency === 'police' ? 'sim-police' : 'sim-customs',
    method: 'POST',
    route: 'POST /v1/cases',
    path: '/v1/cases',
    body: registration(rng, {
      category,
      agency,
      reference: referenceOf(ctx, rng, n),
      province,
      authority,
      items,
      discoveredDaysAgo: stalls ? rng.int(45, 75) : rng.int(0, 20),
    }),
    creates: { handle, field: 'id' },
    step: `register a ${category} case in ${province} (${path})`,
  };
  ctx.created('case', handle);
  const office = category === 'currency' ? undefined : pickOffice(ctx, rng, (o) => o.province === province);
  if (office !== undefined && rng.chance(GOODS_HELD_AS_LOT)) {
    ctx.start(`lot-of-${handle}`, caseLotStory(ctx, handle, category, office), stepDelay(ctx, rng));
  }
  if (rng.chance(NOTED)) {
    yield {
      delayMs: stepDelay(ctx, rng, 0.5),
      service: 'case-intake',
      principal: agency === 'police' ? 'sim-police' : 'sim-customs',
      method: 'POST',
      route: 'POST /v1/cases/:id/notes',
      path: `/v1/cases/${pathRef(handle)}/notes`,
      body: { text: 'گزارش تکمیلی کشف: مشخصات وسیله نقلیه و محل نگهداری کالا پیوست شد' },
      chain: 'note',
      step: 'the discovering agency adds a note',
    };
  }

  const investigated = path !== 'dismissedEarly' || rng.chance(0.5);
  if (investigated) {
    const branch = rng.int(1, 24);
    yield transition(
      handle,
      handler,
      stepDelay(ctx, rng),
      {
        to: 'under_investigation',
        branch: {
          id: `${province}-${authority}-${branch}`,
          name:
            authority === 'prosecutor'
              ? `شعبه ${persianDigits(String(branch))} بازپرسی دادسرای ${capitals[province]}`
              : `شعبه ${persianDigits(String(branch))} تعزیرات حکومتی ${capitals[province]}`,
        },
        ...(stalls ? { assignedAt: time(-40 * DAY) } : {}),
      },
      'open the investigation',
    );
  }
  if (path === 'underInvestigation') return;
  if (path === 'dismissedEarly') {
    yield transition(handle, handler, stepDelay(ctx, rng), { to: 'closed', reason: 'dismissed' }, 'dismiss');
    return;
  }

  const convicted = CONVICTED.includes(path);
  const outcome = convicted ? 'convicted' : path === 'acquitted' ? 'acquitted' : 'dismissed';
  const fine = convicted && path !== 'nothingToCollect' ? (total * BigInt(rng.int(10, 40))) / 10n : 0n;
  const stallInMs = stalls ? deadlineIn(ctx, rng) : 0;
  yield transition(
    handle,
    handler,
    stepDelay(ctx, rng),
    {
      to: 'verdict_issued',
      verdictReference: persianDigits(`${rng.digits(4)}${rng.digits(8)}`),
      outcome,
      fineRials: rials(fine),
      goodsConfiscated: convicted && rng.chance(0.8),
      ...(stalls ? { issuedAt: time(-EXECUTION_STALLED_DAYS * DAY + stallInMs) } : {}),
    },
    `verdict: ${outcome}`,
  );

  if (unit === undefined) {
    const reason = outcome === 'convicted' ? 'nothing_to_collect' : outcome;
    yield* closure(ctx, rng, handle, handler, reason);
    return;
  }
  yield transition(
    handle,
    handler,
    stepDelay(ctx, rng),
    { to: 'in_execution', executionUnitId: ref(unit), ...(stalls ? { startedAt: time(-29 * DAY) } : {}) },
    'start executing the verdict',
  );
  if (path === 'neverSeized') return;
  if (path === 'finePaid') {
    yield* closure(ctx, rng, handle, handler, 'fine_paid_in_full');
    return;
  }
  const assets = Array.from({ length: rng.int(1, 2) }, () => {
    const asset = rng.pick(seizedAssets);
    return {
      kind: asset.kind,
      description: asset.description,
      valueRials: rials((fine * BigInt(rng.int(20, 90))) / 100n + 1_000_000n),
    };
  });
  yield transition(handle, handler, stepDelay(ctx, rng), { to: 'assets_seized', assets }, 'seize assets');
  if (path === 'seizedAndClosed') yield* closure(ctx, rng, handle, handler, 'assets_seized');
}

/** Closing a case, and now and then the same closure sent again by a system that did not see the answer. */
function* closure(
  ctx: StoryContext,
  rng: Random,
  handle: string,
  handler: 'sim-prosecutor' | 'sim-tazirat',
  reason: string,
): Story {
  yield transition(handle, handler, stepDelay(ctx, rng), { to: 'closed', reason }, `close: ${reason}`);
  if (rng.chance(CLOSED_TWICE)) {
    yield {
      ...transition(handle, handler, stepDelay(ctx, rng, 0.3), { to: 'closed', reason }, 'close again'),
      refusal: { statuses: [409], why: 'a closed case cannot be closed again' },
    };
  }
}

/** A registration whose suspect's national ID has a wrong check digit, as a mistyped form sends it: 400. */
export function* mistypedCaseStory(ctx: StoryContext, n: number): Story {
  const rng = ctx.random(`mistyped-${n}`);
  const province = pickProvince(ctx, rng);
  const { items } = seizedItems(rng, 'goods');
  yield {
    delayMs: 0,
    service: 'case-intake',
    principal: 'sim-police',
    method: 'POST',
    route: 'POST /v1/cases',
    path: '/v1/cases',
    body: registration(rng, {
      category: 'goods',
      agency: 'police',
      reference: referenceOf(ctx, rng, n, 'x'),
      province,
      authority: 'tazirat',
      items,
      discoveredDaysAgo: rng.int(0, 10),
      mistyped: true,
    }),
    refusal: { statuses: [400], why: 'the national ID check digit does not match' },
    step: 'register a case with a mistyped national ID',
  };
}
