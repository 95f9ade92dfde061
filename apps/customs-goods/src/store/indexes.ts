import type { MongoIdempotencyStore } from '@enforcement/service-kit';
import type { LotRepository } from './lot-repository.ts';
import type { OfficeRepository } from './office-repository.ts';

/** Creates every index the service relies on; idempotent, run at start before taking traffic. */
export async function ensureIndexes(stores: {
  lots: LotRepository;
  offices: OfficeRepository;
  idempotency: MongoIdempotencyStore;
}): Promise<void> {
  await Promise.all([
    stores.lots.ensureIndexes(),
    stores.offices.ensureIndexes(),
    stores.idempotency.ensureIndexes(),
  ]);
}
