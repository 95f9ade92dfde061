import { handles } from '@enforcement/messaging';
import { factsFrom } from '../../domain/event-facts.ts';
import { contextOf, type JudgeDeps, judgeSubject } from '../judge.ts';

/** goods.lot_registered: the lot's office, province and category */
export function onLotRegistered(deps: JudgeDeps) {
  return handles('goods.lot_registered', 1, async (event) => {
    await judgeSubject(deps, factsFrom.lotRegistered(event), contextOf(event));
  });
}
