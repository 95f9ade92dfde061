import { type AnyEvent, newEvent } from '@enforcement/contracts';
import type { EventContext } from '@enforcement/service-kit';
import type { ExecutionUnit, OfficerDeployment } from '../domain/units.ts';

function unitFields(unit: ExecutionUnit) {
  return { unitId: unit.id, unitKind: unit.kind, province: unit.province };
}

export function officerDeployedEvent(
  unit: ExecutionUnit,
  deployment: OfficerDeployment,
  context: EventContext,
  now: Date,
): AnyEvent {
  return newEvent('unit.officer_deployed', {
    version: 1,
    subjectId: unit.id,
    correlationId: context.correlationId,
    causationId: context.causationId,
    occurredAt: now,
    payload: {
      ...unitFields(unit),
      deploymentId: deployment.deploymentId,
      officerId: deployment.officerId,
      officerName: deployment.officerName,
      startsAt: deployment.startsAt.toISOString(),
      endsAt: deployment.endsAt?.toISOString() ?? null,
    },
  });
}

export function officerReleasedEvent(
  unit: ExecutionUnit,
  released: OfficerDeployment,
  remainingOfficers: number,
  context: EventContext,
  now: Date,
): AnyEvent {
  return newEvent('unit.officer_released', {
    version: 1,
    subjectId: unit.id,
    correlationId: context.correlationId,
    causationId: context.causationId,
    occurredAt: now,
    payload: {
      ...unitFields(unit),
      deploymentId: released.deploymentId,
      officerId: released.officerId,
      releasedAt: (released.releasedAt ?? now).toISOString(),
      remainingOfficers,
    },
  });
}
