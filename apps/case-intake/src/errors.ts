import { defineErrors } from '@enforcement/service-kit';

/** case-intake's stable codes; a code is never reused or renamed (clients branch on it). */
export const errors = defineErrors({
  CASE_NOT_FOUND: {
    status: 404,
    title: 'Case not found',
    detail: (p: { caseId: string }) => `No case ${p.caseId} that you may see`,
  },
  CASE_ILLEGAL_TRANSITION: {
    status: 409,
    title: 'Illegal case transition',
    detail: (p: { from: string; to: string; allowed: readonly string[] }) =>
      `A case in ${p.from} cannot move to ${p.to}; allowed: ${p.allowed.length > 0 ? p.allowed.join(', ') : 'none (final state)'}`,
  },
  CASE_STEP_INVALID: { status: 422, title: 'The step does not fit the case' },
  CASE_DUPLICATE_REFERENCE: {
    status: 409,
    title: 'Case already registered',
    detail: (p: { agency: string; reference: string }) =>
      `${p.agency} already registered a case with reference ${p.reference}`,
  },
  CASE_VERSION_MISMATCH: {
    status: 412,
    title: 'Case changed since you read it',
    detail: (p: { expected: number; current: number }) =>
      `If-Match names version ${p.expected}; the case is at version ${p.current}`,
  },
  CASE_CONCURRENT_UPDATE: { status: 409, title: 'The case kept changing; retry' },
  CASE_WRITE_FORBIDDEN: { status: 403, title: 'Your agency may not change this case' },
  CASE_REGISTRATION_FORBIDDEN: { status: 403, title: 'Your agency may not register this case' },
  UNIT_NOT_FOUND: {
    status: 404,
    title: 'Execution unit not found',
    detail: (p: { unitId: string }) => `No execution unit ${p.unitId} that you may see`,
  },
  UNIT_WRITE_FORBIDDEN: { status: 403, title: 'Your agency may not change this execution unit' },
  UNIT_STEP_INVALID: { status: 422, title: 'The change does not fit the execution unit' },
  DEPLOYMENT_NOT_FOUND: {
    status: 404,
    title: 'Deployment not found',
    detail: (p: { deploymentId: string }) => `No deployment ${p.deploymentId} at this unit`,
  },
  INVALID_CURSOR: { status: 400, title: 'The cursor is not one this list issued' },
});
