import type { HandlingAuthority, ProvinceCode } from '@enforcement/contracts';
import { accept, type Decision, invalidStep } from './refusal.ts';

/** A trained police officer's assignment to an execution unit, from `startsAt` until released. */
export interface OfficerDeployment {
  deploymentId: string;
  officerId: string;
  officerName: string;
  startsAt: Date;
  /** Planned end; null when open-ended. */
  endsAt: Date | null;
  releasedAt: Date | null;
}

/** A verdict-execution unit of a prosecution office or of Ta'zirat, with its officer roster. */
export interface ExecutionUnit {
  id: string;
  version: number;
  kind: HandlingAuthority;
  province: ProvinceCode;
  name: string;
  registeredAt: Date;
  deployments: OfficerDeployment[];
}

function isActive(deployment: OfficerDeployment, now: Date): boolean {
  return (
    deployment.releasedAt === null &&
    deployment.startsAt.getTime() <= now.getTime() &&
    (deployment.endsAt === null || deployment.endsAt.getTime() > now.getTime())
  );
}

/** Officers serving at the unit now: started, not released, planned end not passed. */
export function currentOfficers(unit: ExecutionUnit, now: Date): OfficerDeployment[] {
  return unit.deployments.filter((deployment) => isActive(deployment, now));
}

export interface DeploymentRequest {
  deploymentId: string;
  officerId: string;
  officerName: string;
  startsAt: Date;
  endsAt: Date | null;
}

/** Adds an officer to the roster; one officer holds one open deployment per unit at a time. */
export function deployOfficer(unit: ExecutionUnit, request: DeploymentRequest): Decision<OfficerDeployment> {
  if (request.endsAt !== null && request.endsAt.getTime() <= request.startsAt.getTime()) {
    return invalidStep('body.endsAt', 'must be after startsAt');
  }
  const open = unit.deployments.some(
    (deployment) => deployment.officerId === request.officerId && deployment.releasedAt === null,
  );
  if (open) return invalidStep('body.officerId', 'is already deployed to this unit and not released');
  return accept({ ...request, releasedAt: null });
}

/** Ends a deployment; officers still serving afterwards are counted for the event. */
export function releaseOfficer(
  unit: ExecutionUnit,
  deployment: OfficerDeployment,
  releasedAt: Date,
  now: Date,
): Decision<{ released: OfficerDeployment; remainingOfficers: number }> {
  if (deployment.releasedAt !== null) {
    return invalidStep('params.deploymentId', 'this deployment was already released');
  }
  if (releasedAt.getTime() < deployment.startsAt.getTime()) {
    return invalidStep('body.releasedAt', 'must not be before the deployment started');
  }
  const released = { ...deployment, releasedAt };
  const remainingOfficers = currentOfficers(unit, now).filter(
    (other) => other.deploymentId !== deployment.deploymentId,
  ).length;
  return accept({ released, remainingOfficers });
}
