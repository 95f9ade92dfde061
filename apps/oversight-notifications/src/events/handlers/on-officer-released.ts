import { handles } from '@enforcement/messaging';
import { factsFrom } from '../../domain/event-facts.ts';
import { contextOf, type JudgeDeps, judgeSubject } from '../judge.ts';

/** unit.officer_released: the unit may be left without officers */
export function onOfficerReleased(deps: JudgeDeps) {
  return handles('unit.officer_released', 1, async (event) => {
    await judgeSubject(deps, factsFrom.officerReleased(event), contextOf(event));
  });
}
