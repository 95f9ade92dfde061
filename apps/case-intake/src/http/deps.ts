import type { DeterminationPolicy } from '../domain/determination.ts';
import type { CaseRepository } from '../store/case-repository.ts';
import type { CaseStatsSnapshots } from '../store/case-stats-snapshots.ts';
import type { UnitRepository } from '../store/unit-repository.ts';

/** What every route plugin of the service is given. */
export interface RouteDeps {
  cases: CaseRepository;
  units: UnitRepository;
  policy: DeterminationPolicy;
  /** The caseload report, kept as snapshots of bounded age. */
  caseStats: CaseStatsSnapshots;
  now: () => Date;
  newId: () => string;
}
