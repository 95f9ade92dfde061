import { randomUUID } from 'node:crypto';
import { agencyCodeSchema, provinceCodeSchema } from '@enforcement/contracts';
import { type AppError, requirePrincipal } from '@enforcement/service-kit';
import type { FastifyRequest } from 'fastify';
import type { ActingPrincipal, Refusal } from '../domain/resolution.ts';
import type { Caller } from '../domain/workgroup.ts';
import { errors } from '../errors.ts';
import type { WatchResolutionDeps } from '../events/watch-resolution.ts';
import type { Stores } from '../stores.ts';

/** What the workgroup and resolution routes work with. */
export interface ResolutionRouteDeps extends WatchResolutionDeps {
  workgroups: Stores['workgroups'];
  now: () => Date;
}

export function resolutionRouteDeps(stores: Stores, now: () => Date): ResolutionRouteDeps {
  return {
    workgroups: stores.workgroups,
    resolutions: stores.resolutions,
    obligations: stores.obligations,
    notifications: stores.notifications,
    rules: stores.rules,
    newId: randomUUID,
    now,
  };
}

/** The caller as the access rules see it, and as a record of who acted. */
export function actorOf(request: FastifyRequest): { caller: Caller; by: () => ActingPrincipal } {
  const principal = requirePrincipal(request);
  return {
    caller: { agency: principal.agency, province: principal.province },
    // Parsed only once the caller is known to be the chair or assignee, so its agency is a known code.
    by: () => ({
      agency: agencyCodeSchema.parse(principal.agency),
      province: provinceCodeSchema.nullable().parse(principal.province ?? null),
      principalId: principal.keyId,
    }),
  };
}

/** Data that does not fit the workgroup or the resolution: 422 naming the field. */
export function refusalError(refusal: Refusal): AppError {
  return errors.RESOLUTION_INVALID({
    detail: `${refusal.field} ${refusal.message}`,
    errors: [{ path: refusal.field, message: refusal.message }],
  });
}
