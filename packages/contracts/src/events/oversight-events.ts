import { z } from 'zod';
import { entityIdSchema, writtenTextSchema } from '../values/identifiers.ts';
import { utcDateTimeSchema } from '../values/time.ts';
import { agencyCodeSchema } from '../vocab/agencies.ts';
import {
  notificationResolutionSchema,
  oversightRuleIdSchema,
  severitySchema,
  watchedSubjectKindSchema,
} from '../vocab/oversight.ts';
import { provinceCodeSchema } from '../vocab/provinces.ts';
import { defineEvent } from './define.ts';

/** Every notification carries its words in Persian and English. */
const bilingualTextSchema = z.object({ fa: writtenTextSchema, en: writtenTextSchema });

const notificationFields = {
  notificationId: entityIdSchema,
  ruleId: oversightRuleIdSchema,
  subject: z.object({ kind: watchedSubjectKindSchema, id: entityIdSchema }),
  province: provinceCodeSchema.nullable().meta({ description: 'Null for national obligations' }),
};

const audiencesSchema = z
  .array(agencyCodeSchema)
  .min(1)
  .meta({ description: 'Agencies the notification goes to' });

export const oversightNotificationRaisedV1 = defineEvent({
  type: 'oversight.notification_raised',
  version: 1,
  subjectKind: 'notification',
  producer: 'oversight-notifications',
  description: 'An obligation fell due unmet and a notification was raised to its audiences',
  payload: z.object({
    ...notificationFields,
    severity: severitySchema,
    level: z.int().min(0).meta({ description: 'Escalation level; 0 when first raised' }),
    audiences: audiencesSchema,
    title: bilingualTextSchema,
    text: bilingualTextSchema,
    dueAt: utcDateTimeSchema.meta({ description: 'When the obligation fell due' }),
    raisedAt: utcDateTimeSchema,
  }),
});

export const oversightNotificationEscalatedV1 = defineEvent({
  type: 'oversight.notification_escalated',
  version: 1,
  subjectKind: 'notification',
  producer: 'oversight-notifications',
  description: 'An unacknowledged notification was escalated to a higher level and more audiences',
  payload: z.object({
    ...notificationFields,
    severity: severitySchema,
    fromLevel: z.int().min(0),
    toLevel: z.int().min(1),
    audiences: audiencesSchema,
    escalatedAt: utcDateTimeSchema,
  }),
});

export const oversightNotificationAcknowledgedV1 = defineEvent({
  type: 'oversight.notification_acknowledged',
  version: 1,
  subjectKind: 'notification',
  producer: 'oversight-notifications',
  description: 'An audience agency acknowledged a notification',
  payload: z.object({
    ...notificationFields,
    acknowledgedBy: z.object({ agency: agencyCodeSchema, principalId: entityIdSchema }),
    acknowledgedAt: utcDateTimeSchema,
  }),
});

export const oversightNotificationResolvedV1 = defineEvent({
  type: 'oversight.notification_resolved',
  version: 1,
  subjectKind: 'notification',
  producer: 'oversight-notifications',
  description: 'A notification closed: its obligation was met, its subject closed, or it was withdrawn',
  payload: z.object({
    ...notificationFields,
    resolution: notificationResolutionSchema,
    resolvedAt: utcDateTimeSchema,
  }),
});

/** A workgroup resolution (مصوبه) and where it was decided. */
const resolutionFields = {
  resolutionId: entityIdSchema,
  workgroup: z.object({ id: entityIdSchema, name: writtenTextSchema }),
  meeting: z.object({ id: entityIdSchema, number: z.int().min(1), heldAt: utcDateTimeSchema }),
  assigneeAgency: agencyCodeSchema,
  province: provinceCodeSchema.nullable(),
  dueAt: utcDateTimeSchema,
};

export const oversightResolutionCreatedV1 = defineEvent({
  type: 'oversight.resolution_created',
  version: 1,
  subjectKind: 'resolution',
  producer: 'oversight-notifications',
  description: 'A workgroup meeting produced a resolution with an assignee agency and a due date',
  payload: z.object({
    ...resolutionFields,
    text: writtenTextSchema.meta({ description: 'The resolution as recorded in the minutes' }),
    createdAt: utcDateTimeSchema,
  }),
});

export const oversightResolutionCompletedV1 = defineEvent({
  type: 'oversight.resolution_completed',
  version: 1,
  subjectKind: 'resolution',
  producer: 'oversight-notifications',
  description: 'The workgroup chair closed a resolution as done',
  payload: z.object({
    ...resolutionFields,
    completedAt: utcDateTimeSchema,
    completedLate: z.boolean().meta({ description: 'Whether it was completed after its due date' }),
  }),
});
