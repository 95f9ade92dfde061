import { handles } from '@enforcement/messaging';
import { factsFrom } from '../../domain/event-facts.ts';
import { contextOf, type JudgeDeps, judgeSubject } from '../judge.ts';

/** case.closed: meets every case obligation; the case leaves execution */
export function onCaseClosed(deps: JudgeDeps) {
  return handles('case.closed', 1, async (event) => {
    await judgeSubject(deps, factsFrom.caseClosed(event), contextOf(event));
  });
}
