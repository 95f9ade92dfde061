import { handles } from '@enforcement/messaging';
import { factsFrom } from '../../domain/event-facts.ts';
import { contextOf, type JudgeDeps, judgeSubject } from '../judge.ts';

/** case.execution_started: the unit now has a case in execution */
export function onExecutionStarted(deps: JudgeDeps) {
  return handles('case.execution_started', 1, async (event) => {
    await judgeSubject(deps, factsFrom.executionStarted(event), contextOf(event));
  });
}
