import {
  allowedLotTransitions,
  canTransitionLot,
  isTerminalLotStatus,
  type LotStatus,
  type LotTransitionBody,
} from '@enforcement/contracts';
import { type AbandonmentPolicy, abandonmentDueDate } from './abandonment.ts';
import type { Lot, Transit } from './lot.ts';
import type { Office } from './offices.ts';
import { accept, type Decision, invalidStep } from './refusal.ts';
import { reportedTime } from './time.ts';
import { openTransit } from './transit.ts';

export interface TransitionContext {
  now: Date;
  policy: AbandonmentPolicy;
  /** The office named by an exit's transit, when it exists. */
  destination?: Office | undefined;
  /** The id a transit opened by this step gets. */
  newTransitId: string;
}

/** One status change; a step may chain two (warehousing goods a verdict confiscated). */
export interface StatusChange {
  from: LotStatus;
  to: LotStatus;
  at: Date;
}

/** An accepted step: the lot after it, its status changes and the transit it opened, if any. */
export interface LotTransition {
  next: Lot;
  changes: StatusChange[];
  opened: Transit | null;
}

type Step<S extends LotStatus> = Extract<LotTransitionBody, { to: S }>;

function illegal<T>(from: LotStatus, to: LotStatus): Decision<T> {
  return {
    ok: false,
    refusal: { kind: 'illegal_transition', from, to, allowed: allowedLotTransitions(from) },
  };
}

/**
 * Goods of a smuggling case are evidence: clearance waits for the verdict, and goods a verdict
 * confiscated are never cleared.
 */
function clearanceBlock<T>(lot: Lot): Decision<T> | undefined {
  if (lot.caseId === null) return undefined;
  const verdict = lot.caseVerdict;
  const reason =
    verdict === null
      ? `the lot belongs to case ${lot.caseId}, which has no verdict yet`
      : verdict.goodsConfiscated
        ? `the verdict of case ${lot.caseId} confiscated the goods`
        : undefined;
  return reason === undefined
    ? undefined
    : { ok: false, refusal: { kind: 'blocked_by_case', caseId: lot.caseId, reason } };
}

/** The status-specific part of a step: what the lot records besides its new status. */
function recordStep(
  lot: Lot,
  step: LotTransitionBody,
  at: Date,
  context: TransitionContext,
): Decision<Lot & { opened?: Transit }> {
  switch (step.to) {
    case 'held':
      return accept({
        ...lot,
        heldSince: lot.heldSince ?? at,
        abandonmentDueAt: lot.abandonmentDueAt ?? abandonmentDueDate(at, context.policy),
      });
    case 'pending_clearance':
    case 'cleared': {
      const blocked = clearanceBlock<Lot>(lot);
      return blocked ?? accept(lot);
    }
    case 'exited':
      return exit(lot, step, at, context);
    case 'abandoned':
      if (lot.abandonmentDueAt === null || at.getTime() < lot.abandonmentDueAt.getTime()) {
        return invalidStep(
          'body.to',
          `goods are abandoned only after ${lot.abandonmentDueAt?.toISOString() ?? 'warehousing'}`,
        );
      }
      return accept(lot);
    case 'confiscated':
      if (lot.caseId === null)
        return invalidStep('body.to', 'only goods of a smuggling case are confiscated (by its verdict)');
      return accept(lot);
    default:
      return accept(lot);
  }
}

function exit(
  lot: Lot,
  step: Step<'exited'>,
  at: Date,
  context: TransitionContext,
): Decision<Lot & { opened?: Transit }> {
  if (step.transit === undefined) return accept(lot);
  const opened = openTransit(lot, step.transit, {
    at,
    destination: context.destination,
    transitId: context.newTransitId,
  });
  if (!opened.ok) return opened;
  return accept({ ...lot, transit: opened.value, opened: opened.value });
}

function entered(lot: Lot, to: LotStatus, at: Date, now: Date): Lot {
  return {
    ...lot,
    status: to,
    statusChangedAt: at,
    terminalAt: isTerminalLotStatus(to) ? at : lot.terminalAt,
    version: lot.version + 1,
    updatedAt: now,
  };
}

/**
 * Moves a lot one step along its lifecycle with the data that step records, or says why not: a move
 * the lifecycle does not list, a case that blocks it, or data that does not fit. Pure.
 */
export function transitionLot(
  lot: Lot,
  step: LotTransitionBody,
  context: TransitionContext,
): Decision<LotTransition> {
  if (!canTransitionLot(lot.status, step.to)) return illegal(lot.status, step.to);
  const at = reportedTime(
    step.at,
    context.now,
    { instant: lot.statusChangedAt, what: 'the lot’s last change' },
    'body.at',
  );
  if (!at.ok) return at;
  const recorded = recordStep(lot, step, at.value, context);
  if (!recorded.ok) return recorded;
  const { opened, ...stepped } = recorded.value;
  let next = entered(stepped, step.to, at.value, context.now);
  const changes: StatusChange[] = [{ from: lot.status, to: step.to, at: at.value }];
  // Goods warehoused after their case's verdict confiscated them follow the verdict at once.
  if (step.to === 'held' && next.caseVerdict?.goodsConfiscated === true) {
    next = { ...entered(next, 'confiscated', at.value, context.now), version: next.version };
    changes.push({ from: 'held', to: 'confiscated', at: at.value });
  }
  return accept({ next, changes, opened: opened ?? null });
}

/** Whole days a lot has dwelt: from first held until a final state (or `now`); null if never held. */
export function dwellDays(lot: Pick<Lot, 'heldSince' | 'terminalAt'>, now: Date): number | null {
  if (lot.heldSince === null) return null;
  const end = lot.terminalAt ?? now;
  return Math.max(0, Math.floor((end.getTime() - lot.heldSince.getTime()) / 86_400_000));
}
