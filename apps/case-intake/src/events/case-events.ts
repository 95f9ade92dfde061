import { type AnyEvent, newEvent } from '@enforcement/contracts';
import type { EventContext } from '@enforcement/service-kit';
import type { Actor, SmugglingCase } from '../domain/case.ts';
import type { CaseNote } from '../domain/history.ts';
import type { CaseTransition } from '../domain/lifecycle.ts';

function envelope(kase: SmugglingCase, context: EventContext, occurredAt: Date) {
  return {
    version: 1 as const,
    subjectId: kase.id,
    correlationId: context.correlationId,
    causationId: context.causationId,
    occurredAt,
  };
}

export function caseRegisteredEvent(kase: SmugglingCase, context: EventContext): AnyEvent {
  return newEvent('case.registered', {
    ...envelope(kase, context, kase.registeredAt),
    payload: {
      caseId: kase.id,
      category: kase.category,
      discoveringAgency: kase.discoveringAgency,
      discoveryReference: kase.discoveryReference,
      province: kase.province,
      handlingAuthority: kase.handlingAuthority,
      parties: kase.parties,
      seizedItems: kase.seizedItems,
      totalEstimatedValueRials: kase.totalEstimatedValueRials,
      discoveredAt: kase.discoveredAt.toISOString(),
      registeredAt: kase.registeredAt.toISOString(),
    },
  });
}

/** The one event of a lifecycle step, carrying what consumers need without calling back. */
export function caseTransitionEvent(transition: CaseTransition, context: EventContext): AnyEvent {
  const { next: kase, from } = transition;
  const base = envelope(kase, context, kase.updatedAt);
  const missing = (part: string) => new Error(`${transition.step.to} without its ${part}`);
  switch (transition.step.to) {
    case 'under_investigation': {
      if (!kase.assignment) throw missing('assignment');
      return newEvent('case.assigned', {
        ...base,
        payload: {
          caseId: kase.id,
          handlingAuthority: kase.handlingAuthority,
          province: kase.province,
          branch: kase.assignment.branch,
          assignedAt: kase.assignment.assignedAt.toISOString(),
        },
      });
    }
    case 'verdict_issued': {
      if (!kase.verdict) throw missing('verdict');
      return newEvent('case.verdict_issued', {
        ...base,
        payload: {
          caseId: kase.id,
          category: kase.category,
          province: kase.province,
          handlingAuthority: kase.handlingAuthority,
          verdictReference: kase.verdict.verdictReference,
          outcome: kase.verdict.outcome,
          fineRials: kase.verdict.fineRials,
          goodsConfiscated: kase.verdict.goodsConfiscated,
          issuedAt: kase.verdict.issuedAt.toISOString(),
        },
      });
    }
    case 'in_execution': {
      if (!kase.execution) throw missing('execution');
      return newEvent('case.execution_started', {
        ...base,
        payload: {
          caseId: kase.id,
          province: kase.province,
          executionUnit: { id: kase.execution.executionUnitId, kind: kase.execution.unitKind },
          fineRials: kase.verdict?.fineRials ?? '0',
          startedAt: kase.execution.startedAt.toISOString(),
        },
      });
    }
    case 'assets_seized': {
      if (!kase.assetSeizure || !kase.execution) throw missing('asset seizure');
      return newEvent('case.assets_seized', {
        ...base,
        payload: {
          caseId: kase.id,
          province: kase.province,
          executionUnitId: kase.execution.executionUnitId,
          assets: kase.assetSeizure.assets,
          totalValueRials: kase.assetSeizure.totalValueRials,
          seizedAt: kase.assetSeizure.seizedAt.toISOString(),
        },
      });
    }
    case 'closed': {
      if (!kase.closure || from === 'closed') throw missing('closure');
      return newEvent('case.closed', {
        ...base,
        payload: {
          caseId: kase.id,
          province: kase.province,
          previousStatus: from,
          reason: kase.closure.reason,
          closedAt: kase.closure.closedAt.toISOString(),
        },
      });
    }
  }
}

export function caseNoteAddedEvent(
  kase: SmugglingCase,
  note: CaseNote,
  author: Actor,
  context: EventContext,
): AnyEvent {
  return newEvent('case.note_added', {
    ...envelope(kase, context, note.addedAt),
    payload: {
      caseId: kase.id,
      noteId: note.noteId,
      authorAgency: author.agency,
      text: note.text,
      addedAt: note.addedAt.toISOString(),
    },
  });
}
