import type { AnyEvent } from '@enforcement/contracts';
import {
  assetsSeized,
  caseClosed,
  caseRegistered,
  executionStarted,
  lotRegistered,
  lotStatusChanged,
  officerDeployed,
  officerReleased,
  transitClosed,
  transitDiscrepancy,
  transitOpened,
  verdictIssued,
} from '../test/support/events.ts';

const DAY_MS = 86_400_000;
/** Stories are interleaved within windows this wide: a subject's events arrive in order, far apart. */
const WINDOW = 200;

/** The events of the bench's load, in publishing order, and the cases whose stories end closed. */
export interface EventLoad {
  events: AnyEvent[];
  closedCaseIds: string[];
}

const at = (base: Date, days: number) => new Date(base.getTime() + days * DAY_MS).toISOString();

/**
 * A case's story: registered, then for three in four a verdict, for half execution at one of the
 * province's units, and for one in four the assets seized and the case closed. One in ten is fuel.
 */
function caseStory(run: string, n: number, base: Date, units: number): AnyEvent[] {
  const caseId = `${run}-case-${n}`;
  const unitId = `${run}-unit-${n % units}`;
  const story: AnyEvent[] = [caseRegistered(caseId, at(base, 0), n % 10 === 0 ? 'fuel' : 'goods')];
  const stage = n % 4;
  if (stage >= 1) story.push(verdictIssued(caseId, at(base, 20)));
  if (stage >= 2) story.push(executionStarted(caseId, unitId, at(base, 25)));
  if (stage === 3) story.push(assetsSeized(caseId, unitId, at(base, 40)), caseClosed(caseId, at(base, 45)));
  return story;
}

/** A lot held at customs: then cleared for one in three, abandoned for another. */
function lotStory(run: string, n: number, base: Date): AnyEvent[] {
  const lotId = `${run}-lot-${n}`;
  const category = n % 5 === 0 ? 'perishable' : 'general';
  const held = at(base, 1);
  const story: AnyEvent[] = [
    lotRegistered(lotId, at(base, 0), category),
    lotStatusChanged(lotId, 'arrived', 'held', held, held, category),
  ];
  if (n % 3 === 1)
    story.push(lotStatusChanged(lotId, 'held', 'pending_clearance', at(base, 30), held, category));
  if (n % 3 === 2) story.push(lotStatusChanged(lotId, 'held', 'abandoned', at(base, 95), held, category));
  return story;
}

/** A transit between provinces: closed on arrival, or one in four with a quantity discrepancy. */
function transitStory(run: string, n: number, base: Date): AnyEvent[] {
  const transitId = `${run}-transit-${n}`;
  return n % 4 === 0
    ? [transitOpened(transitId, at(base, 0)), transitDiscrepancy(transitId, at(base, 2))]
    : [transitOpened(transitId, at(base, 0)), transitClosed(transitId, at(base, 0), at(base, 2))];
}

function unitStory(run: string, n: number, base: Date, units: number): AnyEvent[] {
  const unitId = `${run}-unit-${n % units}`;
  return [
    officerDeployed(unitId, `${run}-deployment-${n}`, at(base, 0)),
    officerReleased(unitId, `${run}-deployment-${n}`, at(base, 60)),
  ];
}

/**
 * `count` events of case, lot, transit and unit stories (4:3:2:1 by story), as the producing
 * services would publish them over time: each story's events in order, stories interleaved.
 */
export function eventLoad(run: string, count: number, start: Date): EventLoad {
  // About 2.5 events a story, four stories in ten are cases, and a unit executes for twenty cases.
  const units = Math.max(10, Math.ceil(((count / 2.5) * 0.4) / 20));
  const stories: AnyEvent[][] = [];
  const closedCaseIds: string[] = [];
  let total = 0;
  for (let n = 0; total < count; n += 1) {
    const base = new Date(start.getTime() + n * 60_000);
    const kind = n % 10;
    const story =
      kind < 4
        ? caseStory(run, n, base, units)
        : kind < 7
          ? lotStory(run, n, base)
          : kind < 9
            ? transitStory(run, n, base)
            : unitStory(run, n, base, units);
    stories.push(story);
    total += story.length;
    const last = story.at(-1);
    if (last?.type === 'case.closed') closedCaseIds.push(last.payload.caseId);
  }
  const events: AnyEvent[] = [];
  for (let first = 0; first < stories.length; first += WINDOW) {
    const window = stories.slice(first, first + WINDOW);
    const longest = Math.max(...window.map((story) => story.length));
    for (let step = 0; step < longest; step += 1) {
      for (const story of window) {
        const event = story[step];
        if (event !== undefined) events.push(event);
      }
    }
  }
  const kept = events.slice(0, count);
  const keptIds = new Set(kept.filter((e) => e.type === 'case.closed').map((e) => e.subject.id));
  return { events: kept, closedCaseIds: closedCaseIds.filter((id) => keptIds.has(id)) };
}
