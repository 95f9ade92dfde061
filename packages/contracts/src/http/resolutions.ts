import { z } from 'zod';
import { entityIdSchema, writtenTextSchema } from '../values/identifiers.ts';
import { utcDateTimeSchema } from '../values/time.ts';
import { agencyCodeSchema } from '../vocab/agencies.ts';
import { provinceCodeSchema } from '../vocab/provinces.ts';
import { cursorPageQuerySchema, cursorPageSchema } from './pagination.ts';

/*
 * HTTP bodies of workgroups, their meetings and their resolutions (مصوبات) in oversight-notifications.
 * Response schemas describe the canonical output only, without transforms (the serializer encodes
 * through them).
 */

/** Query strings carry booleans only as `true` / `false`. */
const queryBoolean = z.enum(['true', 'false']).transform((value) => value === 'true');

export const createWorkgroupBodySchema = z.strictObject({
  name: writtenTextSchema.max(300).meta({
    description: 'As written, e.g. کارگروه نظارت بر اجرای احکام قاچاق کالا و ارز',
  }),
  province: provinceCodeSchema
    .nullable()
    .meta({ description: 'The province of a provincial workgroup; null for a national one' }),
  chairAgency: agencyCodeSchema.meta({ description: 'Must be the calling principal’s agency' }),
  memberAgencies: z
    .array(agencyCodeSchema)
    .min(1)
    .max(20)
    .refine((codes) => new Set(codes).size === codes.length, { error: 'lists an agency twice' })
    .meta({ description: 'The agencies besides the chair that sit in the workgroup' }),
});
export type CreateWorkgroupBody = z.output<typeof createWorkgroupBodySchema>;

export const createMeetingBodySchema = z.strictObject({
  number: z.int().min(1).max(100_000).optional().meta({
    description: 'The meeting’s number in the workgroup (the 4th meeting); defaults to the next one',
  }),
  heldAt: utcDateTimeSchema.meta({ description: 'When the meeting was held; not in the future' }),
  minutes: z.string().min(1).max(50_000).optional().meta({ description: 'The minutes, as written' }),
});
export type CreateMeetingBody = z.output<typeof createMeetingBodySchema>;

export const createResolutionBodySchema = z.strictObject({
  text: writtenTextSchema.meta({ description: 'The resolution as recorded in the minutes' }),
  assigneeAgency: agencyCodeSchema.meta({ description: 'A member of the workgroup (or its chair)' }),
  dueAt: utcDateTimeSchema.meta({ description: 'After the meeting; overdue from then on if not completed' }),
});
export type CreateResolutionBody = z.output<typeof createResolutionBodySchema>;

export const reportProgressBodySchema = z.strictObject({
  percent: z.int().min(0).max(100).meta({ description: 'How much of the resolution is done' }),
  note: writtenTextSchema.meta({ description: 'What was done, as written' }),
});
export type ReportProgressBody = z.output<typeof reportProgressBodySchema>;

export const completeResolutionBodySchema = z.strictObject({
  completedAt: utcDateTimeSchema
    .optional()
    .meta({ description: 'When it was done; defaults to now; not before the meeting, not in the future' }),
  note: writtenTextSchema.optional(),
});
export type CompleteResolutionBody = z.output<typeof completeResolutionBodySchema>;

export const meetingViewSchema = z
  .object({
    id: z.string(),
    workgroupId: z.string(),
    number: z.int().min(1),
    heldAt: z.string(),
    minutes: z.string().nullable(),
    recordedAt: z.string(),
  })
  .meta({ id: 'WorkgroupMeeting' });
export type MeetingView = z.output<typeof meetingViewSchema>;

export const workgroupViewSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    province: provinceCodeSchema.nullable(),
    chairAgency: agencyCodeSchema,
    memberAgencies: z.array(agencyCodeSchema),
    createdAt: z.string(),
    meetings: z.array(meetingViewSchema).meta({ description: 'In meeting-number order' }),
  })
  .meta({ id: 'Workgroup' });
export type WorkgroupView = z.output<typeof workgroupViewSchema>;

const byPrincipalSchema = z.object({
  agency: agencyCodeSchema,
  province: provinceCodeSchema.nullable(),
  principalId: z.string(),
});

export const progressReportViewSchema = byPrincipalSchema.extend({
  at: z.string(),
  percent: z.int().min(0).max(100),
  note: z.string(),
});

export const resolutionViewSchema = z
  .object({
    id: z.string(),
    version: z.int().min(1).meta({ description: 'Also the ETag; send it back as If-Match' }),
    workgroup: z.object({ id: z.string(), name: z.string(), chairAgency: agencyCodeSchema }),
    meeting: z.object({ id: z.string(), number: z.int().min(1), heldAt: z.string() }),
    text: z.string(),
    assigneeAgency: agencyCodeSchema,
    province: provinceCodeSchema.nullable(),
    dueAt: z.string(),
    state: z.enum(['open', 'completed']),
    overdue: z.boolean().meta({ description: 'Open at or past its due date' }),
    percentDone: z
      .int()
      .min(0)
      .max(100)
      .meta({ description: 'Of the latest progress report; 0 without one' }),
    progress: z.array(progressReportViewSchema).meta({ description: 'Oldest first' }),
    createdAt: z.string(),
    completion: byPrincipalSchema
      .extend({ completedAt: z.string(), late: z.boolean(), note: z.string().nullable() })
      .nullable(),
  })
  .meta({ id: 'Resolution' });
export type ResolutionView = z.output<typeof resolutionViewSchema>;

export const resolutionListQuerySchema = cursorPageQuerySchema.extend({
  workgroup: entityIdSchema.optional().meta({ description: 'Resolutions of one workgroup' }),
  assignee: agencyCodeSchema.optional(),
  province: provinceCodeSchema.optional(),
  state: z.enum(['open', 'completed']).optional(),
  overdue: queryBoolean
    .optional()
    .meta({ description: 'true: open at or past the due date; false: completed or not yet due' }),
});
export type ResolutionListQuery = z.output<typeof resolutionListQuerySchema>;

export const resolutionPageSchema = cursorPageSchema(resolutionViewSchema);
