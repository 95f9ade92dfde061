import type { Notification } from '../domain/notification.ts';

/** A notification as the API shows it: instants as ISO strings. */
export function notificationView(n: Notification) {
  return {
    id: n.id,
    seq: n.seq,
    ruleId: n.ruleId,
    subject: n.subject,
    province: n.province,
    responsibleAgency: n.responsibleAgency,
    severity: n.severity,
    level: n.level,
    audiences: n.audiences,
    title: n.title,
    text: n.text,
    state: n.state,
    dueAt: n.dueAt.toISOString(),
    raisedAt: n.raisedAt.toISOString(),
    escalateAt: n.escalateAt?.toISOString() ?? null,
    acknowledgements: n.acknowledgements.map((ack) => ({ ...ack, at: ack.at.toISOString() })),
    resolution: n.resolution,
    resolvedAt: n.resolvedAt?.toISOString() ?? null,
  };
}
