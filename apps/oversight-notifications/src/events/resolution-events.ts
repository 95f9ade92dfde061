import { type AnyEvent, newEvent } from '@enforcement/contracts';
import type { EventContext } from '@enforcement/service-kit';
import type { Resolution } from '../domain/resolution.ts';

function envelope(r: Resolution, context: EventContext, occurredAt: Date) {
  return {
    version: 1 as const,
    subjectId: r.id,
    correlationId: context.correlationId,
    causationId: context.causationId,
    occurredAt,
  };
}

function fields(r: Resolution) {
  return {
    resolutionId: r.id,
    workgroup: { id: r.workgroup.id, name: r.workgroup.name },
    meeting: { id: r.meeting.id, number: r.meeting.number, heldAt: r.meeting.heldAt.toISOString() },
    assigneeAgency: r.assigneeAgency,
    province: r.province,
    dueAt: r.dueAt.toISOString(),
  };
}

export function resolutionCreatedEvent(r: Resolution, context: EventContext): AnyEvent {
  return newEvent('oversight.resolution_created', {
    ...envelope(r, context, r.createdAt),
    payload: { ...fields(r), text: r.text, createdAt: r.createdAt.toISOString() },
  });
}

/** Occurs when the chair records it; `completedAt` may be earlier (recorded after the fact). */
export function resolutionCompletedEvent(r: Resolution, context: EventContext, recordedAt: Date): AnyEvent {
  if (r.completion === null) throw new Error(`resolution ${r.id} is not completed`);
  return newEvent('oversight.resolution_completed', {
    ...envelope(r, context, recordedAt),
    payload: {
      ...fields(r),
      completedAt: r.completion.completedAt.toISOString(),
      completedLate: r.completion.late,
    },
  });
}
