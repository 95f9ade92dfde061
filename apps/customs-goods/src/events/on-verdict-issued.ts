import { handles, retryLater } from '@enforcement/messaging';
import type { CaseVerdict } from '../domain/lot.ts';
import type { CaseVerdictStore } from '../store/case-verdict-store.ts';
import type { LotRepository } from '../store/lot-repository.ts';
import { applyVerdictToCase } from './apply-verdict.ts';

export interface VerdictHandlerDeps {
  lots: LotRepository;
  verdicts: CaseVerdictStore;
  now: () => Date;
}

/**
 * case.verdict_issued: the verdict is remembered first (so a lot registered later picks it up), then
 * applied to the case's lots already here. Both steps are idempotent, so a redelivery is harmless.
 */
export function onVerdictIssued(deps: VerdictHandlerDeps) {
  return handles('case.verdict_issued', 1, async (event) => {
    const { payload } = event;
    const now = deps.now();
    const announced: CaseVerdict = {
      caseId: payload.caseId,
      outcome: payload.outcome,
      goodsConfiscated: payload.outcome === 'convicted' && payload.goodsConfiscated,
      verdictReference: payload.verdictReference,
      issuedAt: new Date(payload.issuedAt),
    };
    const verdict = await deps.verdicts.remember(announced, event.id, now);
    const context = { correlationId: event.correlationId, causationId: event.id };
    if (!(await applyVerdictToCase(deps.lots, verdict, context, now))) {
      return retryLater(`lots of case ${verdict.caseId} kept changing`);
    }
    return undefined;
  });
}
