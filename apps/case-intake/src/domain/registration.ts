import { normalizePersian, type RegisterCaseBody, sumRials } from '@enforcement/contracts';
import type { Actor, SmugglingCase } from './case.ts';
import { type DeterminationPolicy, determinationDeadline } from './determination.ts';
import { accept, type Decision, invalidStep } from './refusal.ts';
import { notInFuture } from './time.ts';

export interface RegistrationContext {
  caseId: string;
  now: Date;
  policy: DeterminationPolicy;
}

/** The discovering agency's reference as used for matching and uniqueness; the written form is kept too. */
export function normalizeReference(reference: string): string {
  return normalizePersian(reference).trim();
}

/** A new case from an agency's report, or the field that makes the report unacceptable. */
export function registerCase(
  body: RegisterCaseBody,
  actor: Actor,
  context: RegistrationContext,
): Decision<SmugglingCase> {
  if (body.discoveringAgency !== actor.agency) {
    return invalidStep('body.discoveringAgency', `must be the calling agency (${actor.agency})`);
  }
  const discoveredAt = new Date(body.discoveredAt);
  const future = notInFuture<SmugglingCase>(discoveredAt, context.now, 'body.discoveredAt');
  if (future) return future;
  const { now } = context;
  return accept({
    id: context.caseId,
    version: 1,
    status: 'registered',
    category: body.category,
    discoveringAgency: body.discoveringAgency,
    discoveryReference: normalizeReference(body.discoveryReference),
    discoveryReferenceAsWritten: body.discoveryReference,
    province: body.province,
    handlingAuthority: body.handlingAuthority,
    parties: body.parties,
    seizedItems: body.seizedItems,
    totalEstimatedValueRials: sumRials(body.seizedItems.map((item) => item.estimatedValueRials)),
    discoveredAt,
    discoveryPlace: body.discoveryPlace,
    registeredAt: now,
    determinationDueAt: determinationDeadline(now, body.category, context.policy),
    updatedAt: now,
  });
}
