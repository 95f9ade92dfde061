import { handles } from '@enforcement/messaging';
import { factsFrom } from '../../domain/event-facts.ts';
import { contextOf, type JudgeDeps, judgeSubject } from '../judge.ts';

/** unit.officer_deployed: the unit has an officer */
export function onOfficerDeployed(deps: JudgeDeps) {
  return handles('unit.officer_deployed', 1, async (event) => {
    await judgeSubject(deps, factsFrom.officerDeployed(event), contextOf(event));
  });
}
