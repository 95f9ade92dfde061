import {
  allowedCaseTransitions,
  type CaseClosureReason,
  type CaseStatus,
  type CaseTransitionBody,
  canTransitionCase,
  type HandlingAuthority,
  type ProvinceCode,
  sumRials,
} from '@enforcement/contracts';
import type { SmugglingCase } from './case.ts';
import { accept, type Decision, invalidStep } from './refusal.ts';
import { notInFuture } from './time.ts';

/** What the lifecycle needs to know of the execution unit named by an `in_execution` step. */
export interface ExecutionUnitSummary {
  id: string;
  kind: HandlingAuthority;
  province: ProvinceCode;
}

export interface TransitionContext {
  now: Date;
  /** The unit named by an `in_execution` step, when it exists. */
  executionUnit?: ExecutionUnitSummary | undefined;
}

/** An accepted step: the case after it and the status it left. */
export interface CaseTransition {
  step: CaseTransitionBody;
  from: CaseStatus;
  next: SmugglingCase;
}

type Step<S extends CaseStatus> = Extract<CaseTransitionBody, { to: S }>;

/** The closure reasons open to a case in its current state: one per path into `closed` (DOMAIN.md). */
export function allowedClosureReasons(kase: SmugglingCase): readonly CaseClosureReason[] {
  switch (kase.status) {
    case 'registered':
    case 'under_investigation':
      return ['dismissed'];
    case 'verdict_issued': {
      const outcome = kase.verdict?.outcome;
      if (outcome === 'acquitted') return ['acquitted'];
      if (outcome === 'dismissed') return ['dismissed'];
      return ['nothing_to_collect'];
    }
    case 'in_execution':
      return ['fine_paid_in_full'];
    case 'assets_seized':
      return ['assets_seized'];
    case 'closed':
      return [];
  }
}

function stepTime(at: string | undefined, kase: SmugglingCase, now: Date, field: string): Decision<Date> {
  if (at === undefined) return accept(now);
  const instant = new Date(at);
  const future = notInFuture<Date>(instant, now, field);
  if (future) return future;
  if (instant.getTime() < kase.discoveredAt.getTime()) {
    return invalidStep(field, 'must not be before the discovery of the case');
  }
  return accept(instant);
}

function assign(kase: SmugglingCase, step: Step<'under_investigation'>, now: Date): Decision<SmugglingCase> {
  const at = stepTime(step.assignedAt, kase, now, 'body.assignedAt');
  if (!at.ok) return at;
  return accept({ ...kase, assignment: { branch: step.branch, assignedAt: at.value } });
}

function issueVerdict(kase: SmugglingCase, step: Step<'verdict_issued'>, now: Date): Decision<SmugglingCase> {
  // A fine belongs to a conviction only; an acquittal or dismissal that fines someone is a data error.
  if (step.outcome !== 'convicted' && step.fineRials !== '0') {
    return invalidStep('body.fineRials', `must be 0 when the outcome is ${step.outcome}`);
  }
  const at = stepTime(step.issuedAt, kase, now, 'body.issuedAt');
  if (!at.ok) return at;
  return accept({
    ...kase,
    verdict: {
      verdictReference: step.verdictReference,
      outcome: step.outcome,
      fineRials: step.fineRials,
      goodsConfiscated: step.goodsConfiscated,
      issuedAt: at.value,
    },
  });
}

function startExecution(
  kase: SmugglingCase,
  step: Step<'in_execution'>,
  context: TransitionContext,
): Decision<SmugglingCase> {
  if (kase.verdict?.outcome !== 'convicted') {
    return invalidStep('body.to', 'only a conviction is executed; close the case instead');
  }
  const unit = context.executionUnit;
  if (unit === undefined || unit.id !== step.executionUnitId) {
    return invalidStep('body.executionUnitId', `no execution unit ${step.executionUnitId}`);
  }
  if (unit.kind !== kase.handlingAuthority) {
    return invalidStep('body.executionUnitId', `must be a ${kase.handlingAuthority} execution unit`);
  }
  if (unit.province !== kase.province) {
    return invalidStep('body.executionUnitId', `must be an execution unit in ${kase.province}`);
  }
  const at = stepTime(step.startedAt, kase, context.now, 'body.startedAt');
  if (!at.ok) return at;
  return accept({
    ...kase,
    execution: { executionUnitId: unit.id, unitKind: unit.kind, startedAt: at.value },
  });
}

function seizeAssets(kase: SmugglingCase, step: Step<'assets_seized'>, now: Date): Decision<SmugglingCase> {
  const at = stepTime(step.seizedAt, kase, now, 'body.seizedAt');
  if (!at.ok) return at;
  const totalValueRials = sumRials(step.assets.map((asset) => asset.valueRials));
  return accept({ ...kase, assetSeizure: { assets: step.assets, totalValueRials, seizedAt: at.value } });
}

function close(kase: SmugglingCase, step: Step<'closed'>, now: Date): Decision<SmugglingCase> {
  const reasons = allowedClosureReasons(kase);
  if (!reasons.includes(step.reason)) {
    return invalidStep('body.reason', `must be ${reasons.join(' or ')} for a case in ${kase.status}`);
  }
  const at = stepTime(step.closedAt, kase, now, 'body.closedAt');
  if (!at.ok) return at;
  return accept({ ...kase, closure: { reason: step.reason, closedAt: at.value } });
}

function recordStep(
  kase: SmugglingCase,
  step: CaseTransitionBody,
  context: TransitionContext,
): Decision<SmugglingCase> {
  switch (step.to) {
    case 'under_investigation':
      return assign(kase, step, context.now);
    case 'verdict_issued':
      return issueVerdict(kase, step, context.now);
    case 'in_execution':
      return startExecution(kase, step, context);
    case 'assets_seized':
      return seizeAssets(kase, step, context.now);
    case 'closed':
      return close(kase, step, context.now);
  }
}

/**
 * Moves a case one step along its lifecycle with the data that step records, or says why not: a
 * move the lifecycle does not list, or data that does not fit the case. Pure: nothing is written.
 */
export function transitionCase(
  kase: SmugglingCase,
  step: CaseTransitionBody,
  context: TransitionContext,
): Decision<CaseTransition> {
  if (!canTransitionCase(kase.status, step.to)) {
    return {
      ok: false,
      refusal: {
        kind: 'illegal_transition',
        from: kase.status,
        to: step.to,
        allowed: allowedCaseTransitions(kase.status),
      },
    };
  }
  const recorded = recordStep(kase, step, context);
  if (!recorded.ok) return recorded;
  return accept({
    step,
    from: kase.status,
    next: { ...recorded.value, status: step.to, version: kase.version + 1, updatedAt: context.now },
  });
}
