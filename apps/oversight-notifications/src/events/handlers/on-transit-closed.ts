import { handles } from '@enforcement/messaging';
import { factsFrom } from '../../domain/event-facts.ts';
import { contextOf, type JudgeDeps, judgeSubject } from '../judge.ts';

/** goods.transit_closed: the arrival meets the transit-overdue obligation */
export function onTransitClosed(deps: JudgeDeps) {
  return handles('goods.transit_closed', 1, async (event) => {
    await judgeSubject(deps, factsFrom.transitClosed(event), contextOf(event));
  });
}
