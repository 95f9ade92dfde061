import type { CaseCategory, LotCategory } from '@enforcement/contracts';
import type { Random } from '../random.ts';
import { deadlineIn, pickOffice, type StepSpec, type Story, type StoryContext, stepDelay } from './story.ts';
import { DAY, HOUR, pathRef, ref, SECOND, time } from './templates.ts';
import type { BodyTemplate } from './types.ts';
import { appraisedValue, quantityOf, rials } from './values.ts';
import { goodsByLotCategory, persianDigits, type SimOffice } from './vocabulary.ts';

/** Where a lot's story goes; weights are the share of lots. */
const lotPaths = {
  /** Declared, cleared and gone. */
  cleared: 35,
  /** Cleared and sent to an office of another province (or the same one) as a transit. */
  transit: 22,
  /** Left unclaimed past its abandonment date: abandoned, handed over, disposed of (or not). */
  abandoned: 15,
  /** Held for months: past its abandonment date (or, perishable, past its dwell limit) and still there. */
  stuck: 13,
  /** Arrived and held recently; nothing due yet. */
  held: 15,
} as const;

type LotPath = keyof typeof lotPaths;

const lotCategories: Readonly<Record<LotCategory, number>> = {
  general: 45,
  perishable: 12,
  vehicle: 8,
  fuel: 10,
  livestock: 5,
  pharmaceutical: 12,
  hazardous: 8,
};

/** The part of transits that arrive with another quantity than the one that left. */
const MISMATCHED = 0.15;
/** The part of transits that never arrive; half of those left 72 hours ago minus a few seconds. */
const NEVER_ARRIVE = 0.12;
const TRANSIT_OVERDUE_HOURS = 72;

/** A customs-goods POST by customs unless said otherwise. */
function step(
  delayMs: number,
  spec: Omit<StepSpec, 'delayMs' | 'service' | 'principal' | 'method'> & Partial<Pick<StepSpec, 'principal'>>,
): StepSpec {
  return { delayMs, service: 'customs-goods', principal: 'sim-customs', method: 'POST', ...spec };
}

/** A lot's lifecycle step. */
function move(
  handle: string,
  delayMs: number,
  body: BodyTemplate,
  principal: StepSpec['principal'] = 'sim-customs',
): StepSpec {
  return step(delayMs, {
    principal,
    route: 'POST /v1/lots/:id/transitions',
    path: `/v1/lots/${pathRef(handle)}/transitions`,
    body,
    step: `lot to ${String(body.to)}`,
  });
}

/** The backdating of one lot's steps, ms before each send; later steps are always less far back. */
interface Backdating {
  arrived: number;
  held: number;
}

function backdatingOf(rng: Random, path: LotPath, category: LotCategory, overdueInRun: boolean): Backdating {
  // A transit made to fall overdue left 72 hours ago: arrival and warehousing come days before.
  if (overdueInRun) return { arrived: rng.int(6, 10) * DAY, held: 5 * DAY };
  switch (path) {
    case 'abandoned':
      // Held about 200 days ago: the 3-month abandonment date is long past.
      return { arrived: 200 * DAY + rng.int(1, 40) * DAY, held: 199 * DAY };
    case 'stuck':
      return category === 'perishable'
        ? { arrived: rng.int(9, 20) * DAY, held: 8 * DAY }
        : { arrived: rng.int(100, 400) * DAY, held: 95 * DAY };
    default:
      return { arrived: rng.int(2, 20) * DAY + rng.int(0, 23) * HOUR, held: rng.int(1, 2) * DAY };
  }
}

/**
 * A lot of goods at a customs office or port: registered on arrival, held, and then cleared, sent on
 * as a transit (some arriving short, some never), abandoned and handed to the confiscated-property
 * organization, or left stuck past its abandonment date.
 */
export function* lotStory(ctx: StoryContext, n: number): Story {
  const rng = ctx.random(`lot-${n}`);
  const handle = `lot-${n}`;
  const office = pickOffice(ctx, rng);
  if (office === undefined) return;
  const category = rng.weighted(lotCategories);
  const path = rng.weighted<LotPath>(lotPaths);
  const destination = path === 'transit' ? pickOffice(ctx, rng, (o) => o.id !== office.id) : undefined;
  const kind = rng.pick(goodsByLotCategory[category]);
  const quantity = quantityOf(rng, kind);
  const neverArrives = destination !== undefined && rng.chance(NEVER_ARRIVE);
  const overdueInRun = neverArrives && destination.province !== office.province && rng.chance(0.5);
  const back = backdatingOf(rng, path, category, overdueInRun);

  yield step(0, {
    route: 'POST /v1/lots',
    path: '/v1/lots',
    body: {
      officeId: office.id,
      description: kind.description,
      hsCode: rng.chance(0.9) ? kind.hsCode : null,
      quantity: { amount: quantity, unit: kind.unit },
      valueRials: rials(appraisedValue(kind, quantity)),
      category,
      caseId: null,
      arrivedAt: time(-back.arrived),
    },
    creates: { handle, field: 'id' },
    step: `register a ${category} lot at ${office.id} (${path}${destination ? ` to ${destination.id}` : ''})`,
  });
  ctx.created('lot', handle);
  yield move(handle, stepDelay(ctx, rng), { to: 'held', at: time(-back.held) });
  if (path === 'held' || path === 'stuck') {
    if (path === 'stuck' && category !== 'perishable' && rng.chance(0.3)) {
      yield step(stepDelay(ctx, rng), {
        route: 'POST /v1/lots/:id/abandonment-extension',
        path: `/v1/lots/${pathRef(handle)}/abandonment-extension`,
        body: { days: rng.int(15, 55) },
        step: 'extend the abandonment date',
      });
    }
    return;
  }
  if (path === 'abandoned') {
    yield move(handle, stepDelay(ctx, rng), { to: 'abandoned', at: time(-rng.int(61, 100) * DAY) });
    // Handed over late (obligation met late), or never within the run ("not handed over" falls due).
    if (!rng.chance(0.7)) return;
    yield move(handle, stepDelay(ctx, rng), { to: 'transferred_to_property_org' });
    if (!rng.chance(0.8)) return;
    const disposal = rng.weighted({ auctioned: 6, destroyed: 2, returned: 1 });
    yield move(
      handle,
      stepDelay(ctx, rng),
      disposal === 'auctioned'
        ? {
            to: 'auctioned',
            proceedsRials: rials((appraisedValue(kind, quantity) * BigInt(rng.int(40, 95))) / 100n),
          }
        : { to: disposal },
      'sim-property-org',
    );
    return;
  }

  // Transits meant to be overdue during the run left 72 hours ago minus a few seconds: every earlier
  // step is dated before that, each less far back than the one before.
  const overdueExit = overdueInRun ? TRANSIT_OVERDUE_HOURS * HOUR - deadlineIn(ctx, rng) : 0;
  yield move(handle, stepDelay(ctx, rng), {
    to: 'pending_clearance',
    declarationReference: persianDigits(`${rng.digits(3)}-${rng.digits(7)}`),
    ...(overdueInRun ? { at: time(-overdueExit - 6 * HOUR) } : {}),
  });
  yield move(handle, stepDelay(ctx, rng), {
    to: 'cleared',
    ...(overdueInRun ? { at: time(-overdueExit - 2 * HOUR) } : {}),
  });
  if (destination === undefined) {
    yield move(handle, stepDelay(ctx, rng), { to: 'exited' });
    return;
  }
  yield* transit(ctx, rng, { handle, n, unit: kind.unit, quantity, destination, overdueExit, neverArrives });
}

function* transit(
  ctx: StoryContext,
  rng: Random,
  lot: {
    handle: string;
    n: number;
    unit: string;
    quantity: number;
    destination: SimOffice;
    overdueExit: number;
    neverArrives: boolean;
  },
): Story {
  const transitHandle = `transit-${lot.n}`;
  const exitAt = lot.overdueExit > 0 ? -lot.overdueExit : 0;
  yield {
    ...move(lot.handle, stepDelay(ctx, rng), {
      to: 'exited',
      ...(exitAt < 0 ? { at: time(exitAt) } : {}),
      transit: {
        destinationOfficeId: lot.destination.id,
        quantity: { amount: lot.quantity, unit: lot.unit },
        expectedArrivalAt: time(exitAt + rng.int(6, 48) * HOUR),
      },
    }),
    creates: { handle: transitHandle, field: 'transit.transitId' },
    step: `exit towards ${lot.destination.id}`,
  };
  if (lot.neverArrives) return;
  // Mostly short when it differs (goods lost or sold on the way), sometimes more than left.
  const factor = rng.chance(0.85) ? rng.between(0.9, 0.99) : rng.between(1.01, 1.05);
  const counted = ['piece', 'carton', 'head', 'pair'].includes(lot.unit);
  const received = rng.chance(MISMATCHED)
    ? counted
      ? Math.round(lot.quantity * factor)
      : Math.round(lot.quantity * factor * 10) / 10
    : lot.quantity;
  yield step(stepDelay(ctx, rng, 1.5), {
    route: 'POST /v1/transits/:id/arrival',
    path: `/v1/transits/${pathRef(transitHandle)}/arrival`,
    body: { quantity: { amount: received, unit: lot.unit } },
    step: received === lot.quantity ? 'arrival, as sent' : 'arrival, another quantity',
  });
}

/** Goods of a case held at a customs office of its province; its verdict moves them (customs-goods reacts). */
export function* caseLotStory(
  ctx: StoryContext,
  caseHandle: string,
  category: CaseCategory,
  office: SimOffice,
): Story {
  const rng = ctx.random(`lot-of-${caseHandle}`);
  const handle = `lot-of-${caseHandle}`;
  const lotCategory: LotCategory = category === 'fuel' ? 'fuel' : rng.pick(['general', 'vehicle'] as const);
  const kind = rng.pick(goodsByLotCategory[lotCategory]);
  const quantity = quantityOf(rng, kind);
  yield step(0, {
    route: 'POST /v1/lots',
    path: '/v1/lots',
    body: {
      officeId: office.id,
      description: kind.description,
      hsCode: kind.hsCode,
      quantity: { amount: quantity, unit: kind.unit },
      valueRials: rials(appraisedValue(kind, quantity)),
      category: lotCategory,
      caseId: ref(caseHandle),
      arrivedAt: time(-rng.int(1, 3) * DAY),
    },
    creates: { handle, field: 'id' },
    step: `hold the goods of ${caseHandle} at ${office.id}`,
  });
  ctx.created('lot', handle);
  yield move(handle, stepDelay(ctx, rng), { to: 'held', at: time(-rng.int(1, 12) * HOUR - SECOND) });
}
