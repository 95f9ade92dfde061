import { z } from 'zod';
import { agencyCodeSchema } from '../vocab/agencies.ts';
import {
  notificationResolutionSchema,
  oversightRuleIdSchema,
  severitySchema,
  watchedSubjectKindSchema,
} from '../vocab/oversight.ts';
import { provinceCodeSchema } from '../vocab/provinces.ts';
import { DEFAULT_PAGE_LIMIT, MAX_PAGE_LIMIT } from './pagination.ts';

/*
 * HTTP schemas of the oversight notification feeds: a page of an audience's changes with a resumable
 * cursor (GET /v1/feeds/{audience}) and the same changes as Server-Sent Events (.../stream).
 */

/** Who a feed is for: a national audience (`inspection`) or one province's office (`customs:khuzestan`). */
export const feedAudienceSchema = z
  .union([agencyCodeSchema, z.templateLiteral([agencyCodeSchema, ':', provinceCodeSchema])], {
    error: 'must be an agency code, or agency:province, e.g. customs:khuzestan',
  })
  .meta({ description: 'An agency code, or agency:province', examples: ['prosecutor:khuzestan'] });
export type FeedAudience = z.output<typeof feedAudienceSchema>;

export const feedParamsSchema = z.object({ audience: feedAudienceSchema });

/** `a,b,c` in a query string: at least one item, each checked by `item`. */
function commaList<Item extends z.ZodType<unknown, string>>(item: Item, description: string) {
  return z
    .string()
    .max(2000)
    .transform((text) => text.split(',').map((part) => part.trim()))
    .pipe(z.array(item).min(1).max(64))
    .meta({ description: `${description}; comma-separated, any of them matches` });
}

export const feedNotificationStateSchema = z.enum(['open', 'resolved']);

/** Filters shared by the page and the stream; each narrows the feed, none changes its order. */
export const feedFilterQuerySchema = z.object({
  state: feedNotificationStateSchema.optional().meta({ description: 'Only notifications in this state' }),
  severity: commaList(severitySchema, 'Severities').optional(),
  rule: commaList(oversightRuleIdSchema, 'Rule ids').optional(),
  province: commaList(provinceCodeSchema, 'Provinces of the notifications').optional(),
});

/** A position in a feed, as the server wrote it: opaque to clients. */
export const feedCursorTextSchema = z
  .string()
  .min(1)
  .max(64)
  .meta({ description: 'nextCursor of a previous page, or the id of the last event received' });

export const feedPageQuerySchema = feedFilterQuerySchema.extend({
  after: feedCursorTextSchema
    .optional()
    .meta({ description: 'Resume after this cursor; from the start without it' }),
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_LIMIT).default(DEFAULT_PAGE_LIMIT),
});

export const feedStreamQuerySchema = feedFilterQuerySchema.extend({
  after: feedCursorTextSchema.optional().meta({
    description: 'Resume after this cursor when no Last-Event-ID header is sent; from now without either',
  }),
});

/** `Last-Event-ID`, which an EventSource sends by itself when it reconnects; it wins over `?after=`. */
export const feedStreamHeadersSchema = z.object({ 'last-event-id': feedCursorTextSchema.optional() });

const bilingualSchema = z.object({ fa: z.string(), en: z.string() });
const instantSchema = z.string().meta({ description: 'ISO-8601 date-time in UTC' });

/** A notification as feeds show it, at its latest change (`seq`). */
export const feedNotificationSchema = z
  .object({
    id: z.string(),
    seq: z.int().min(1).meta({ description: 'Number of its latest change; feeds are ordered by it' }),
    ruleId: oversightRuleIdSchema,
    subject: z.object({ kind: watchedSubjectKindSchema, id: z.string() }),
    province: z.string().nullable().meta({ description: 'Null for national obligations' }),
    responsibleAgency: agencyCodeSchema,
    severity: severitySchema,
    level: z.int().min(0).meta({ description: 'Escalation level; 0 when first raised' }),
    audiences: z.array(z.string()),
    title: bilingualSchema,
    text: bilingualSchema,
    state: feedNotificationStateSchema,
    dueAt: instantSchema,
    raisedAt: instantSchema,
    escalateAt: instantSchema.nullable(),
    acknowledgements: z.array(
      z.object({
        agency: agencyCodeSchema,
        province: z.string().nullable(),
        principalId: z.string(),
        at: instantSchema,
      }),
    ),
    resolution: notificationResolutionSchema.nullable(),
    resolvedAt: instantSchema.nullable(),
  })
  .meta({ id: 'FeedNotification' });
export type FeedNotification = z.output<typeof feedNotificationSchema>;

/** Open notifications of the audience under the page's filters, state aside. */
export const feedCountsSchema = z.object({
  open: z.int().min(0),
  bySeverity: z.object({
    info: z.int().min(0),
    warning: z.int().min(0),
    high: z.int().min(0),
    critical: z.int().min(0),
  }),
});
export type FeedCounts = z.output<typeof feedCountsSchema>;

export const feedPageSchema = z
  .object({
    audience: feedAudienceSchema,
    items: z.array(feedNotificationSchema).meta({ description: 'In change order, oldest first' }),
    nextCursor: z.string().meta({
      description:
        'Pass as ?after= (or to the stream) to continue; never skips a change, even one that lands late',
    }),
    upToDate: z.boolean().meta({ description: 'True when nothing after nextCursor has landed yet' }),
    counts: feedCountsSchema,
  })
  .meta({ id: 'FeedPage' });
export type FeedPage = z.output<typeof feedPageSchema>;
