import type { CaseHistoryEntry, CaseView, ExecutionUnitView } from '@enforcement/contracts';
import type { SmugglingCase } from '../domain/case.ts';
import { isOverdueForDetermination } from '../domain/determination.ts';
import type { HistoryEntry } from '../domain/history.ts';
import { currentOfficers, type ExecutionUnit, type OfficerDeployment } from '../domain/units.ts';

/** The case as clients read it: instants as ISO text, and whether it is overdue right now. */
export function caseView(kase: SmugglingCase, now: Date): CaseView {
  const { assignment, verdict, execution, assetSeizure, closure } = kase;
  return {
    id: kase.id,
    version: kase.version,
    status: kase.status,
    category: kase.category,
    discoveringAgency: kase.discoveringAgency,
    discoveryReference: kase.discoveryReference,
    discoveryReferenceAsWritten: kase.discoveryReferenceAsWritten,
    province: kase.province,
    handlingAuthority: kase.handlingAuthority,
    parties: kase.parties,
    seizedItems: kase.seizedItems,
    totalEstimatedValueRials: kase.totalEstimatedValueRials,
    discoveredAt: kase.discoveredAt.toISOString(),
    discoveryPlace: kase.discoveryPlace,
    registeredAt: kase.registeredAt.toISOString(),
    determinationDueAt: kase.determinationDueAt.toISOString(),
    overdueForDetermination: isOverdueForDetermination(kase, now),
    updatedAt: kase.updatedAt.toISOString(),
    ...(assignment && { assignment: { ...assignment, assignedAt: assignment.assignedAt.toISOString() } }),
    ...(verdict && { verdict: { ...verdict, issuedAt: verdict.issuedAt.toISOString() } }),
    ...(execution && { execution: { ...execution, startedAt: execution.startedAt.toISOString() } }),
    ...(assetSeizure && { assetSeizure: { ...assetSeizure, seizedAt: assetSeizure.seizedAt.toISOString() } }),
    ...(closure && { closure: { ...closure, closedAt: closure.closedAt.toISOString() } }),
  };
}

export function historyEntryView(entry: HistoryEntry): CaseHistoryEntry {
  return { ...entry, at: entry.at.toISOString() };
}

export function deploymentView(deployment: OfficerDeployment) {
  return {
    deploymentId: deployment.deploymentId,
    officerId: deployment.officerId,
    officerName: deployment.officerName,
    startsAt: deployment.startsAt.toISOString(),
    endsAt: deployment.endsAt?.toISOString() ?? null,
    releasedAt: deployment.releasedAt?.toISOString() ?? null,
  };
}

export function unitView(unit: ExecutionUnit, casesInExecution: number, now: Date): ExecutionUnitView {
  return {
    id: unit.id,
    version: unit.version,
    kind: unit.kind,
    province: unit.province,
    name: unit.name,
    registeredAt: unit.registeredAt.toISOString(),
    currentOfficers: currentOfficers(unit, now).map(deploymentView),
    casesInExecution,
  };
}
