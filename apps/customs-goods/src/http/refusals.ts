import type { AppError } from '@enforcement/service-kit';
import type { Refusal } from '../domain/refusal.ts';
import { errors } from '../errors.ts';

/** The HTTP answer to a domain refusal: 409 for a move the lifecycle or the case forbids, 422 for misfit data. */
export function lotRefusalError(refusal: Refusal): AppError {
  switch (refusal.kind) {
    case 'illegal_transition':
      return errors.LOT_ILLEGAL_TRANSITION(refusal, {
        extra: { currentStatus: refusal.from, allowedTransitions: refusal.allowed },
      });
    case 'blocked_by_case':
      return errors.LOT_BLOCKED_BY_CASE({ detail: refusal.reason, extra: { caseId: refusal.caseId } });
    case 'invalid_step':
      return errors.LOT_STEP_INVALID({
        detail: `${refusal.field} ${refusal.message}`,
        errors: [{ path: refusal.field, message: refusal.message }],
      });
  }
}

/** A transit's arrival has no lifecycle of its own: every refusal is data that does not fit. */
export function transitRefusalError(refusal: Refusal): AppError {
  const [path, message] =
    refusal.kind === 'invalid_step' ? [refusal.field, refusal.message] : ['body', 'does not fit'];
  return errors.TRANSIT_STEP_INVALID({ detail: `${path} ${message}`, errors: [{ path, message }] });
}

export function invalidCursor(): AppError {
  return errors.INVALID_CURSOR({
    errors: [{ path: 'query.cursor', message: 'is not a cursor of this list' }],
  });
}
