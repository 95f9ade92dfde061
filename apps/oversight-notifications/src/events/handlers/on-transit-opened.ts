import { handles } from '@enforcement/messaging';
import { factsFrom } from '../../domain/event-facts.ts';
import { contextOf, type JudgeDeps, judgeSubject } from '../judge.ts';

/** goods.transit_opened: opens the transit-overdue obligation */
export function onTransitOpened(deps: JudgeDeps) {
  return handles('goods.transit_opened', 1, async (event) => {
    await judgeSubject(deps, factsFrom.transitOpened(event), contextOf(event));
  });
}
