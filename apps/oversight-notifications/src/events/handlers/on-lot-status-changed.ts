import { handles } from '@enforcement/messaging';
import { factsFrom } from '../../domain/event-facts.ts';
import { contextOf, type JudgeDeps, judgeSubject } from '../judge.ts';

/** goods.status_changed: held-since and each status reached drive the goods rules */
export function onLotStatusChanged(deps: JudgeDeps) {
  return handles('goods.status_changed', 1, async (event) => {
    await judgeSubject(deps, factsFrom.lotStatusChanged(event), contextOf(event));
  });
}
