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
  FEED_AUDIENCE_FORBIDDEN: {
    status: 403,
    title: 'Your key may not read this audience',
    detail: (p: { audience: string }) =>
      `The feed of ${p.audience} is for that agency (and province); your key is outside it`,
  },
  FEED_STREAM_LIMIT: {
    status: 429,
    title: 'Too many open feed streams for this key',
    detail: (p: { max: number }) =>
      `This key already holds ${p.max} open feed streams on this server; close one before opening another`,
  },
  WORKGROUP_NOT_FOUND: {
    status: 404,
    title: 'Workgroup not found',
    detail: (p: { workgroupId: string }) => `No workgroup ${p.workgroupId} that you may see`,
  },
  MEETING_NOT_FOUND: {
    status: 404,
    title: 'Meeting not found',
    detail: (p: { meetingId: string }) => `No workgroup meeting ${p.meetingId} that you may see`,
  },
  RESOLUTION_NOT_FOUND: {
    status: 404,
    title: 'Resolution not found',
    detail: (p: { resolutionId: string }) => `No resolution ${p.resolutionId} that you may see`,
  },
  WORKGROUP_CHAIR_ONLY: {
    status: 403,
    title: 'Only the workgroup chair may do this',
    detail: (p: { chairAgency: string; province: string | null }) =>
      `Only ${p.chairAgency}${p.province === null ? ' (a national key)' : ` of ${p.province}`} may do this`,
  },
  RESOLUTION_ASSIGNEE_ONLY: {
    status: 403,
    title: 'Only the assignee agency reports progress on a resolution',
    detail: (p: { assigneeAgency: string; province: string | null }) =>
      `Only ${p.assigneeAgency}${p.province === null ? ' (a national key)' : ` of ${p.province}`} reports progress on it`,
  },
  MEETING_NUMBER_TAKEN: {
    status: 409,
    title: 'The workgroup already has a meeting with this number',
    detail: (p: { number: number }) => `Meeting ${p.number} of this workgroup is already recorded`,
  },
  RESOLUTION_ALREADY_COMPLETED: {
    status: 409,
    title: 'The resolution is already completed',
    detail: (p: { resolutionId: string }) => `Resolution ${p.resolutionId} was completed already`,
  },
  RESOLUTION_VERSION_MISMATCH: {
    status: 412,
    title: 'The resolution changed since you read it',
    detail: (p: { expected: number; current: number }) =>
      `If-Match named version ${p.expected}; the resolution is at version ${p.current}`,
  },
  RESOLUTION_INVALID: { status: 422, title: 'The data does not fit the workgroup or resolution' },
  RESOLUTION_CURSOR_INVALID: { status: 400, title: 'The cursor is not one of this listing' },
  WEBHOOK_NOT_FOUND: {
    status: 404,
    title: 'Webhook not found',
    detail: (p: { webhookId: string }) => `No webhook ${p.webhookId} that you may manage`,
  },
  WEBHOOK_URL_REFUSED: { status: 422, title: 'The webhook URL is not one this service may call' },
  WEBHOOK_CURSOR_INVALID: { status: 400, title: 'The cursor is not one of this listing' },
});
