import type { AgencyCode } from '@enforcement/contracts';
import { requirePrincipal } from '@enforcement/service-kit';
import type { FastifyRequest } from 'fastify';
import type { Caller } from '../domain/access.ts';
import type { Actor } from '../domain/lot.ts';

/** The caller of a request, as the access rules and the record see it. */
export function callerOf(request: FastifyRequest): Caller & Actor {
  const principal = requirePrincipal(request);
  return {
    // Keys are issued per agency code; an unknown code simply reads and writes nothing.
    agency: principal.agency as AgencyCode,
    keyId: principal.keyId,
    ...(principal.province === undefined ? {} : { province: principal.province }),
  };
}
