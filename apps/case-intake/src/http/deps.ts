import type { DeterminationPolicy } from '../domain/determination.ts';
import type { CaseRepository } from '../store/case-repository.ts';
import type { UnitRepository } from '../store/unit-repository.ts';

/** What every route plugin of the service is given. */
export interface RouteDeps {
  cases: CaseRepository;
  units: UnitRepository;
  policy: DeterminationPolicy;
  now: () => Date;
  newId: () => string;
}
