import type { MongoIdempotencyStore } from '@enforcement/service-kit';
import type { CaseRepository } from './case-repository.ts';
import type { UnitRepository } from './unit-repository.ts';

/** Creates every index the service relies on; idempotent, run at start before taking traffic. */
export async function ensureIndexes(stores: {
  cases: CaseRepository;
  units: UnitRepository;
  idempotency: MongoIdempotencyStore;
}): Promise<void> {
  await Promise.all([
    stores.cases.ensureIndexes(),
    stores.units.ensureIndexes(),
    stores.idempotency.ensureIndexes(),
  ]);
}
