import type { AppError } from '@enforcement/service-kit';
import type { Caller } from '../domain/access.ts';
import type { SmugglingCase } from '../domain/case.ts';
import { errors } from '../errors.ts';
import type { CaseRepository, CaseWrite } from '../store/case-repository.ts';
import { writeRefusal } from './case-access.ts';

/** Concurrent writers are rare on one case; a few fresh attempts settle them without bothering the client. */
const ATTEMPTS = 3;

export interface CaseChangeRequest<R> {
  caseId: string;
  caller: Caller;
  /** The version named by If-Match; without one the change is re-decided on the fresh case. */
  expectedVersion: number | undefined;
  /** Whether the caller may make this change to this case (the caller can already see it). */
  may: (kase: SmugglingCase) => boolean;
  /** Decides the change on the case as read, or throws the refusal; nothing is written before. */
  decide: (kase: SmugglingCase) => Promise<{ write: CaseWrite; result: R }>;
}

function notFound(caseId: string): AppError {
  return errors.CASE_NOT_FOUND({ caseId });
}

function versionMismatch(expected: number, current: number): AppError {
  return errors.CASE_VERSION_MISMATCH({ expected, current }, { extra: { currentVersion: current } });
}

/**
 * Read, check access, decide, then write filtered by the version read. On a lost race the change is
 * decided again on the fresh case, unless the client pinned a version with If-Match (then 412).
 */
export async function changeCase<R>(cases: CaseRepository, request: CaseChangeRequest<R>): Promise<R> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
    const kase = await cases.findById(request.caseId);
    if (kase === null) throw notFound(request.caseId);
    const refusal = writeRefusal(request.caller, kase, request.may(kase));
    if (refusal) throw refusal;
    if (request.expectedVersion !== undefined && request.expectedVersion !== kase.version) {
      throw versionMismatch(request.expectedVersion, kase.version);
    }
    const { write, result } = await request.decide(kase);
    if (await cases.update(kase.version, write)) return result;
  }
  throw errors.CASE_CONCURRENT_UPDATE({
    detail: 'The case changed on every attempt; read it again and retry',
  });
}
