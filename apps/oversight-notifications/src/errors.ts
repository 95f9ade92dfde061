import { defineErrors } from '@enforcement/service-kit';

/** oversight-notifications' stable codes; a code is never reused or renamed (clients branch on it). */
export const errors = defineErrors({
  NOTIFICATION_NOT_FOUND: {
    status: 404,
    title: 'Notification not found',
    detail: (p: { notificationId: string }) => `No notification ${p.notificationId} that you may see`,
  },
  NOTIFICATION_NOT_OPEN: {
    status: 409,
    title: 'The notification is no longer open',
    detail: (p: { notificationId: string }) =>
      `Notification ${p.notificationId} was resolved; nothing to acknowledge`,
  },
  NOTIFICATION_ALREADY_ACKNOWLEDGED: {
    status: 409,
    title: 'Your agency already acknowledged this notification',
  },
});
