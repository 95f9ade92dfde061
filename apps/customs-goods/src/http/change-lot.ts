import type { LotStatus } from '@enforcement/contracts';
import { type Caller, lotAccess } from '../domain/access.ts';
import type { Lot } from '../domain/lot.ts';
import { errors } from '../errors.ts';
import type { LotRepository, LotWrite } from '../store/lot-repository.ts';

/** Concurrent writers are rare on one lot; a few fresh attempts settle them without bothering the client. */
const ATTEMPTS = 3;

export interface LotChangeRequest<R> {
  lotId: string;
  caller: Caller;
  /** The version named by If-Match; without one the change is re-decided on the fresh lot. */
  expectedVersion: number | undefined;
  /** Whether the caller may make this change to this lot (it can already see it). */
  may: (lot: Lot) => boolean;
  /** Decides the change on the lot as read, or throws the refusal; nothing is written before. */
  decide: (lot: Lot) => Promise<{ write: LotWrite; result: R }> | { write: LotWrite; result: R };
}

/** A lot the caller may see, or 404 whether it is missing or hidden: existence must not leak. */
export async function readableLot(lots: LotRepository, caller: Caller, lotId: string): Promise<Lot> {
  const lot = await lots.findById(lotId);
  if (lot === null || lotAccess(caller, lot) === 'none') throw errors.LOT_NOT_FOUND({ lotId });
  return lot;
}

export function writeForbidden(lot: Lot, to?: LotStatus) {
  return errors.LOT_WRITE_FORBIDDEN({
    detail:
      to === undefined
        ? `Only customs or ports of ${lot.province} change this lot`
        : `Only customs or ports of ${lot.province} move this lot to ${to}`,
  });
}

/**
 * Read, check access, decide, then write filtered by the version read. On a lost race the change is
 * decided again on the fresh lot, unless the client pinned a version with If-Match (then 412).
 */
export async function changeLot<R>(lots: LotRepository, request: LotChangeRequest<R>): Promise<R> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
    const lot = await readableLot(lots, request.caller, request.lotId);
    if (!request.may(lot)) throw writeForbidden(lot);
    if (request.expectedVersion !== undefined && request.expectedVersion !== lot.version) {
      throw errors.LOT_VERSION_MISMATCH(
        { expected: request.expectedVersion, current: lot.version },
        { extra: { currentVersion: lot.version } },
      );
    }
    const { write, result } = await request.decide(lot);
    if (await lots.update(lot.version, write)) return result;
  }
  throw errors.LOT_CONCURRENT_UPDATE({ detail: 'The lot changed on every attempt; read it again and retry' });
}
