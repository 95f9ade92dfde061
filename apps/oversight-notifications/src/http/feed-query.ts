import {
  feedCursorTextSchema,
  feedPageQuerySchema,
  feedStreamHeadersSchema,
  feedStreamQuerySchema,
} from '@enforcement/contracts';
import type { Principal } from '@enforcement/service-kit';
import { z } from 'zod';
import { isInAudience } from '../domain/audiences.ts';
import { seqOfFeedCursor } from '../domain/feed-cursor.ts';
import { errors } from '../errors.ts';
import type { ChangesQuery } from '../store/notification-store.ts';

/*
 * The feed routes' request schemas: the contracts' shapes, with cursors checked (and decoded) here,
 * where their encoding is known, so a bad one is a 400 naming its field like any other.
 */

const NOT_A_CURSOR = 'is not a cursor of this feed; pass a nextCursor or an event id exactly as received';

const cursorSchema = feedCursorTextSchema.transform((text, context) => {
  const seq = seqOfFeedCursor(text);
  if (seq === undefined) {
    context.addIssue({ code: 'custom', message: NOT_A_CURSOR });
    return z.NEVER;
  }
  return seq;
});

export const pageQuerySchema = feedPageQuerySchema.extend({
  after: cursorSchema.optional().meta(feedPageQuerySchema.shape.after.meta() ?? {}),
});

export const streamQuerySchema = feedStreamQuerySchema.extend({
  after: cursorSchema.optional().meta(feedStreamQuerySchema.shape.after.meta() ?? {}),
});

// Checked, not decoded: a transform would write a number back into request.headers.
export const streamHeadersSchema = feedStreamHeadersSchema.extend({
  'last-event-id': feedCursorTextSchema
    .refine((text) => seqOfFeedCursor(text) !== undefined, { message: NOT_A_CURSOR })
    .optional()
    .meta({ description: 'The id of the last event received; an EventSource sends it when it reconnects' }),
});

type Filters = Pick<z.output<typeof pageQuerySchema>, 'state' | 'severity' | 'rule' | 'province'>;

/** The store's names for the feed's filters. */
export function filtersOf(query: Filters): Omit<ChangesQuery, 'audience' | 'after' | 'limit'> {
  return { state: query.state, severity: query.severity, ruleId: query.rule, province: query.province };
}

/** 403 unless the key belongs to the audience: its agency, and its province or a national key. */
export function assertFeedReader(principal: Principal, audience: string): void {
  if (!isInAudience(principal, [audience])) throw errors.FEED_AUDIENCE_FORBIDDEN({ audience });
}
