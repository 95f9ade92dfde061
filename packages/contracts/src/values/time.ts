import { z } from 'zod';

/** An instant as ISO-8601 in UTC with a `Z` suffix; offsets are refused so stored times compare as text. */
export const utcDateTimeSchema = z.iso
  .datetime({ error: 'expected an ISO-8601 UTC date-time ending in Z, e.g. 2025-10-05T08:30:00Z' })
  .meta({ description: 'ISO-8601 date-time in UTC (Z suffix)' });

export type UtcDateTime = z.output<typeof utcDateTimeSchema>;

/** The canonical text of an instant. */
export function toUtcDateTime(instant: Date): UtcDateTime {
  return instant.toISOString();
}
