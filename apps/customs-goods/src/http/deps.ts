import type { AbandonmentPolicy } from '../domain/abandonment.ts';
import type { CaseVerdictStore } from '../store/case-verdict-store.ts';
import type { DwellSnapshots } from '../store/dwell-snapshots.ts';
import type { LotRepository } from '../store/lot-repository.ts';
import type { OfficeRepository } from '../store/office-repository.ts';

/** What every route plugin of the service is given. */
export interface RouteDeps {
  lots: LotRepository;
  offices: OfficeRepository;
  verdicts: CaseVerdictStore;
  policy: AbandonmentPolicy;
  /** The stuck-goods report, kept as a snapshot of bounded age. */
  dwell: DwellSnapshots;
  now: () => Date;
  newId: () => string;
}
