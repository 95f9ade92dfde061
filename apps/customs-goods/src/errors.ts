import { defineErrors } from '@enforcement/service-kit';

/** customs-goods' stable codes; a code is never reused or renamed (clients branch on it). */
export const errors = defineErrors({
  LOT_NOT_FOUND: {
    status: 404,
    title: 'Lot not found',
    detail: (p: { lotId: string }) => `No lot ${p.lotId} that you may see`,
  },
  LOT_ILLEGAL_TRANSITION: {
    status: 409,
    title: 'Illegal lot transition',
    detail: (p: { from: string; to: string; allowed: readonly string[] }) =>
      `A lot in ${p.from} cannot move to ${p.to}; allowed: ${p.allowed.length > 0 ? p.allowed.join(', ') : 'none (final state)'}`,
  },
  LOT_BLOCKED_BY_CASE: { status: 409, title: 'The lot’s smuggling case does not allow this step' },
  LOT_STEP_INVALID: { status: 422, title: 'The step does not fit the lot' },
  LOT_VERSION_MISMATCH: {
    status: 412,
    title: 'Lot changed since you read it',
    detail: (p: { expected: number; current: number }) =>
      `If-Match names version ${p.expected}; the lot is at version ${p.current}`,
  },
  LOT_CONCURRENT_UPDATE: { status: 409, title: 'The lot kept changing; retry' },
  LOT_WRITE_FORBIDDEN: { status: 403, title: 'Your agency may not change this lot' },
  LOT_REGISTRATION_FORBIDDEN: { status: 403, title: 'Your agency may not register lots at this office' },
  LOTS_READ_FORBIDDEN: { status: 403, title: 'Your agency does not read goods lots' },
  OFFICE_NOT_FOUND: {
    status: 404,
    title: 'Office not found',
    detail: (p: { officeId: string }) => `No customs office or port ${p.officeId}`,
  },
  TRANSIT_NOT_FOUND: {
    status: 404,
    title: 'Transit not found',
    detail: (p: { transitId: string }) => `No transit ${p.transitId} that you may see`,
  },
  TRANSIT_ARRIVAL_FORBIDDEN: { status: 403, title: 'Only the destination office records the arrival' },
  TRANSIT_STEP_INVALID: { status: 422, title: 'The arrival does not fit the transit' },
  INVALID_CURSOR: { status: 400, title: 'The cursor is not one this list issued' },
});
