import { handles } from '@enforcement/messaging';
import { factsFrom } from '../../domain/event-facts.ts';
import { contextOf, type JudgeDeps, judgeSubject } from '../judge.ts';

/** case.assets_seized: meets the asset-seizure obligation; the case leaves execution */
export function onAssetsSeized(deps: JudgeDeps) {
  return handles('case.assets_seized', 1, async (event) => {
    await judgeSubject(deps, factsFrom.assetsSeized(event), contextOf(event));
  });
}
