import type { AppError } from '@enforcement/service-kit';
import { type Caller, caseAccess } from '../domain/access.ts';
import type { SmugglingCase } from '../domain/case.ts';
import { errors } from '../errors.ts';
import type { CaseRepository } from '../store/case-repository.ts';

/** A case the caller may see, or 404 whether it is missing or hidden: existence must not leak. */
export async function readableCase(
  cases: CaseRepository,
  caller: Caller,
  caseId: string,
): Promise<SmugglingCase> {
  const kase = await cases.findById(caseId);
  if (kase === null || caseAccess(caller, kase) === 'none') throw errors.CASE_NOT_FOUND({ caseId });
  return kase;
}

/** 404 for a case the caller cannot see; 403 for one it sees (oversight) but may not change. */
export function writeRefusal(caller: Caller, kase: SmugglingCase, may: boolean): AppError | undefined {
  if (caseAccess(caller, kase) === 'none') return errors.CASE_NOT_FOUND({ caseId: kase.id });
  if (!may) {
    return errors.CASE_WRITE_FORBIDDEN({
      detail:
        kase.handlingAuthority === caller.agency || kase.discoveringAgency === caller.agency
          ? `Only the handling authority (${kase.handlingAuthority}) records lifecycle steps`
          : 'Only the discovering agency and the handling authority change a case',
    });
  }
  return undefined;
}
