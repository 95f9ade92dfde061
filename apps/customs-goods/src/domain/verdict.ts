import { isTerminalLotStatus, type LotStatus } from '@enforcement/contracts';
import type { StatusChange } from './lifecycle.ts';
import type { CaseVerdict, Lot } from './lot.ts';

/** What a case verdict does to one lot of the case: its state after, and the status change if any. */
export interface VerdictEffect {
  next: Lot;
  change: StatusChange | null;
}

/**
 * Applies a case's verdict to one of its lots. A verdict that confiscates the goods moves a held lot
 * to `confiscated` (the hand-over clock starts); any other verdict (acquittal, dismissal, conviction
 * without confiscation) releases it: a held lot goes to `pending_clearance`. A lot not yet held keeps
 * the verdict and follows it when warehoused or when clearance is requested. Null when there is
 * nothing to do: the lot already has a verdict (redelivery, replays) or its story is over.
 */
export function applyVerdict(lot: Lot, verdict: CaseVerdict, now: Date): VerdictEffect | null {
  if (lot.caseId !== verdict.caseId || lot.caseVerdict !== null || isTerminalLotStatus(lot.status))
    return null;
  const recorded: Lot = { ...lot, caseVerdict: verdict, version: lot.version + 1, updatedAt: now };
  if (lot.status !== 'held') return { next: recorded, change: null };
  const to: LotStatus = verdict.goodsConfiscated ? 'confiscated' : 'pending_clearance';
  return {
    next: { ...recorded, status: to, statusChangedAt: now },
    change: { from: 'held', to, at: now },
  };
}
