import { handles } from '@enforcement/messaging';
import { factsFrom } from '../../domain/event-facts.ts';
import { contextOf, type JudgeDeps, judgeSubject } from '../judge.ts';

/** case.verdict_issued: a conviction with a fine opens the asset-seizure obligation */
export function onVerdictIssued(deps: JudgeDeps) {
  return handles('case.verdict_issued', 1, async (event) => {
    await judgeSubject(deps, factsFrom.verdictIssued(event), contextOf(event));
  });
}
