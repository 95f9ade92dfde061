import type { AbandonmentPolicy } from '../domain/abandonment.ts';
import type { CaseVerdictStore } from '../store/case-verdict-store.ts';
import type { LotRepository } from '../store/lot-repository.ts';
import type { OfficeRepository } from '../store/office-repository.ts';

/** What every route plugin of the service is given. */
export interface RouteDeps {
  lots: LotRepository;
  offices: OfficeRepository;
  verdicts: CaseVerdictStore;
  policy: AbandonmentPolicy;
  now: () => Date;
  newId: () => string;
}
