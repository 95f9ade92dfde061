import type { Notification } from '../src/domain/notification.ts';
import type { Obligation } from '../src/domain/obligation.ts';
import type { NotificationDocument } from '../src/store/notification-store.ts';
import { type ObligationDocument, obligationIdOf } from '../src/store/obligation-store.ts';

/** An obligation as the service stores it, open and untouched by the sweep, checked at `nextCheckAt`. */
export function obligationDocument(o: Obligation, nextCheckAt: Date): ObligationDocument {
  return {
    _id: obligationIdOf(o),
    ...o,
    nextCheckAt,
    raisedAt: null,
    derelictionRaisedAt: null,
    lease: null,
  };
}

/** A notification as stored once the relay published its events long ago: an empty outbox. */
export function notificationDocument(n: Notification, updatedAt: Date = n.raisedAt): NotificationDocument {
  const { id, ...fields } = n;
  return { _id: id, ...fields, updatedAt, outbox: [] };
}
