import type { AnyEvent } from '@enforcement/contracts';
import type { EventContext } from '@enforcement/service-kit';
import type { CaseVerdict, Lot } from '../domain/lot.ts';
import { applyVerdict } from '../domain/verdict.ts';
import type { LotRepository } from '../store/lot-repository.ts';
import { statusChangedEvent } from './lot-events.ts';

/** A lot changing under us is re-read and re-decided; past this many rounds the caller retries later. */
const ATTEMPTS = 5;

/**
 * Applies a case's verdict to one lot, re-reading it when a concurrent change wins the race. True
 * once the lot carries the verdict (or needs nothing), false when it kept changing.
 */
export async function applyVerdictToLot(
  lots: LotRepository,
  lot: Lot,
  verdict: CaseVerdict,
  context: EventContext,
  now: Date,
): Promise<boolean> {
  let current: Lot | null = lot;
  for (let attempt = 0; attempt < ATTEMPTS && current !== null; attempt += 1) {
    const effect = applyVerdict(current, verdict, now);
    if (effect === null) return true;
    const events: AnyEvent[] =
      effect.change === null ? [] : [statusChangedEvent(effect.next, effect.change, context)];
    if (await lots.update(current.version, { next: effect.next, events, now })) return true;
    current = await lots.findById(current.id);
  }
  return current === null;
}

/** Applies a verdict to every lot of its case; false when some lot kept changing (retry later). */
export async function applyVerdictToCase(
  lots: LotRepository,
  verdict: CaseVerdict,
  context: EventContext,
  now: Date,
): Promise<boolean> {
  const open = await lots.findOpenOfCase(verdict.caseId);
  const applied = await Promise.all(open.map((lot) => applyVerdictToLot(lots, lot, verdict, context, now)));
  return applied.every(Boolean);
}
