import type {
  AgencyCode,
  LotCategory,
  LotStatus,
  ProvinceCode,
  Quantity,
  Rials,
  TransitDiscrepancyDirection,
  VerdictOutcome,
} from '@enforcement/contracts';

/** Who made a change: the agency and the API key (for the record). */
export interface Actor {
  agency: AgencyCode;
  keyId: string;
}

/** A customs office or port at one end of a transit. */
export interface OfficePlace {
  officeId: string;
  province: ProvinceCode;
}

/** The verdict of the smuggling case a lot belongs to, as case-intake announced it. */
export interface CaseVerdict {
  caseId: string;
  outcome: VerdictOutcome;
  goodsConfiscated: boolean;
  verdictReference: string;
  issuedAt: Date;
}

export interface TransitDiscrepancy {
  direction: TransitDiscrepancyDirection;
  difference: Quantity;
}

/** A lot's movement from its office to another one, opened by its exit, closed by the arrival. */
export interface Transit {
  transitId: string;
  state: 'open' | 'closed';
  origin: OfficePlace;
  destination: OfficePlace;
  quantityAtExit: Quantity;
  quantityAtArrival: Quantity | null;
  exitedAt: Date;
  expectedArrivalAt: Date;
  arrivedAt: Date | null;
  discrepancy: TransitDiscrepancy | null;
}

/**
 * A lot of goods held at a customs office or port. `version` counts changes (registration is 1) and
 * doubles as the ETag. `heldSince` is set once, when first warehoused: dwell (رسوب) runs from it
 * until `terminalAt`.
 */
export interface Lot {
  id: string;
  version: number;
  status: LotStatus;
  officeId: string;
  province: ProvinceCode;
  description: string;
  hsCode: string | null;
  category: LotCategory;
  quantity: Quantity;
  valueRials: Rials;
  caseId: string | null;
  arrivedAt: Date;
  registeredAt: Date;
  heldSince: Date | null;
  abandonmentDueAt: Date | null;
  abandonmentExtended: boolean;
  /** When the current status was entered; for confiscated and abandoned lots the hand-over clock. */
  statusChangedAt: Date;
  terminalAt: Date | null;
  caseVerdict: CaseVerdict | null;
  transit: Transit | null;
  updatedAt: Date;
}
