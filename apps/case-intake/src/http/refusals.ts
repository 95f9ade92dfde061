import type { AppError } from '@enforcement/service-kit';
import type { Refusal } from '../domain/refusal.ts';
import { errors } from '../errors.ts';

/** The HTTP answer to a domain refusal: 409 for a move the lifecycle forbids, 422 for misfit data. */
export function caseRefusalError(refusal: Refusal): AppError {
  if (refusal.kind === 'illegal_transition') {
    return errors.CASE_ILLEGAL_TRANSITION(refusal, {
      extra: { currentStatus: refusal.from, allowedTransitions: refusal.allowed },
    });
  }
  return errors.CASE_STEP_INVALID({
    detail: `${refusal.field} ${refusal.message}`,
    errors: [{ path: refusal.field, message: refusal.message }],
  });
}

/** Units have no lifecycle: every refusal is data that does not fit the unit or the deployment. */
export function unitRefusalError(refusal: Refusal): AppError {
  const [path, message] =
    refusal.kind === 'invalid_step'
      ? [refusal.field, refusal.message]
      : ['body', `cannot move to ${refusal.to}`];
  return errors.UNIT_STEP_INVALID({ detail: `${path} ${message}`, errors: [{ path, message }] });
}
