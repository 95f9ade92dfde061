import type {
  AgencyCode,
  CaseCategory,
  CaseClosureReason,
  CaseStatus,
  HandlingAuthority,
  ProvinceCode,
  RegisterCaseBody,
  Rials,
  SeizedAssetKind,
  VerdictOutcome,
} from '@enforcement/contracts';

export type CaseParty = RegisterCaseBody['parties'][number];
export type SeizedItem = RegisterCaseBody['seizedItems'][number];

/** The branch a case was assigned to when investigation began. */
export interface CaseAssignment {
  branch: { id: string; name: string };
  assignedAt: Date;
}

export interface CaseVerdict {
  verdictReference: string;
  outcome: VerdictOutcome;
  fineRials: Rials;
  goodsConfiscated: boolean;
  issuedAt: Date;
}

export interface CaseExecution {
  executionUnitId: string;
  unitKind: HandlingAuthority;
  startedAt: Date;
}

export interface SeizedAsset {
  kind: SeizedAssetKind;
  description: string;
  valueRials: Rials;
}

export interface CaseAssetSeizure {
  assets: SeizedAsset[];
  totalValueRials: Rials;
  seizedAt: Date;
}

export interface CaseClosure {
  reason: CaseClosureReason;
  closedAt: Date;
}

/**
 * A smuggling case as the domain sees it. `version` counts changes (registration is 1) and doubles
 * as the ETag and as the sequence number of the change's history entry.
 */
export interface SmugglingCase {
  id: string;
  version: number;
  status: CaseStatus;
  category: CaseCategory;
  discoveringAgency: AgencyCode;
  discoveryReference: string;
  discoveryReferenceAsWritten: string;
  province: ProvinceCode;
  handlingAuthority: HandlingAuthority;
  parties: CaseParty[];
  seizedItems: SeizedItem[];
  totalEstimatedValueRials: Rials;
  discoveredAt: Date;
  discoveryPlace: string;
  registeredAt: Date;
  determinationDueAt: Date;
  updatedAt: Date;
  assignment?: CaseAssignment;
  verdict?: CaseVerdict;
  execution?: CaseExecution;
  assetSeizure?: CaseAssetSeizure;
  closure?: CaseClosure;
}

/** Who made a change: the agency and the API key acting for it. */
export interface Actor {
  agency: AgencyCode;
  keyId: string;
}
