import { handles } from '@enforcement/messaging';
import { factsFrom } from '../../domain/event-facts.ts';
import { contextOf, type JudgeDeps, judgeSubject } from '../judge.ts';

/** case.registered: opens the determination SLA (and the fuel alert) */
export function onCaseRegistered(deps: JudgeDeps) {
  return handles('case.registered', 1, async (event) => {
    await judgeSubject(deps, factsFrom.caseRegistered(event), contextOf(event));
  });
}
