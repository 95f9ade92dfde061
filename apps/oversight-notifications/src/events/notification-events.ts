import {
  type AnyEvent,
  type NotificationResolution,
  newEvent,
  provinceCodeSchema,
} from '@enforcement/contracts';
import type { EventContext } from '@enforcement/service-kit';
import { agenciesOf } from '../domain/audiences.ts';
import type { Acknowledgement, Notification } from '../domain/notification.ts';

function envelope(n: Notification, context: EventContext, occurredAt: Date) {
  return {
    version: 1 as const,
    subjectId: n.id,
    correlationId: context.correlationId,
    causationId: context.causationId,
    occurredAt,
  };
}

function fields(n: Notification) {
  return {
    notificationId: n.id,
    ruleId: n.ruleId,
    subject: n.subject,
    province: provinceCodeSchema.nullable().parse(n.province),
  };
}

export function raisedEvent(n: Notification, context: EventContext): AnyEvent {
  return newEvent('oversight.notification_raised', {
    ...envelope(n, context, n.raisedAt),
    payload: {
      ...fields(n),
      severity: n.severity,
      level: n.level,
      audiences: agenciesOf(n.audiences),
      title: n.title,
      text: n.text,
      dueAt: n.dueAt.toISOString(),
      raisedAt: n.raisedAt.toISOString(),
    },
  });
}

export function escalatedEvent(
  n: Notification,
  fromLevel: number,
  context: EventContext,
  at: Date,
): AnyEvent {
  return newEvent('oversight.notification_escalated', {
    ...envelope(n, context, at),
    payload: {
      ...fields(n),
      severity: n.severity,
      fromLevel,
      toLevel: n.level,
      audiences: agenciesOf(n.audiences),
      escalatedAt: at.toISOString(),
    },
  });
}

export function acknowledgedEvent(n: Notification, ack: Acknowledgement, context: EventContext): AnyEvent {
  return newEvent('oversight.notification_acknowledged', {
    ...envelope(n, context, ack.at),
    payload: {
      ...fields(n),
      acknowledgedBy: { agency: ack.agency, principalId: ack.principalId },
      acknowledgedAt: ack.at.toISOString(),
    },
  });
}

export function resolvedEvent(
  n: Notification,
  resolution: NotificationResolution,
  context: EventContext,
  at: Date,
): AnyEvent {
  return newEvent('oversight.notification_resolved', {
    ...envelope(n, context, at),
    payload: { ...fields(n), resolution, resolvedAt: at.toISOString() },
  });
}
