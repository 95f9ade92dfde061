import { handles } from '@enforcement/messaging';
import { factsFrom } from '../../domain/event-facts.ts';
import { contextOf, type JudgeDeps, judgeSubject } from '../judge.ts';

/** goods.transit_discrepancy: raises the quantity mismatch at once */
export function onTransitDiscrepancy(deps: JudgeDeps) {
  return handles('goods.transit_discrepancy', 1, async (event) => {
    await judgeSubject(deps, factsFrom.transitDiscrepancy(event), contextOf(event));
  });
}
