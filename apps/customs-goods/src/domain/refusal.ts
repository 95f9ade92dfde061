import type { LotStatus } from '@enforcement/contracts';

/** Why the domain refused a change; the HTTP layer maps each kind to its stable error code. */
export type Refusal =
  | { kind: 'illegal_transition'; from: LotStatus; to: LotStatus; allowed: readonly LotStatus[] }
  | { kind: 'blocked_by_case'; caseId: string; reason: string }
  | { kind: 'invalid_step'; field: string; message: string };

export type Decision<T> = { ok: true; value: T } | { ok: false; refusal: Refusal };

export function accept<T>(value: T): Decision<T> {
  return { ok: true, value };
}

/** A step whose data does not fit the lot; `field` is the body field at fault (`body.transit.quantity`). */
export function invalidStep<T>(field: string, message: string): Decision<T> {
  return { ok: false, refusal: { kind: 'invalid_step', field, message } };
}
