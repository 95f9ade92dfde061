import { z } from 'zod';

export const DEFAULT_PAGE_LIMIT = 50;
export const MAX_PAGE_LIMIT = 200;

/** `?limit=&cursor=` on every list endpoint; the cursor is opaque to clients. */
export const cursorPageQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_LIMIT).default(DEFAULT_PAGE_LIMIT),
  cursor: z.string().min(1).max(512).optional().describe('nextCursor of the previous page'),
});

export type CursorPageQuery = z.output<typeof cursorPageQuerySchema>;

/** `{ items, nextCursor }`; `nextCursor` is null on the last page. */
export function cursorPageSchema<Item extends z.ZodType>(item: Item) {
  return z.object({
    items: z.array(item),
    nextCursor: z.string().nullable().describe('Pass as ?cursor= for the next page; null on the last page'),
  });
}

export interface CursorPage<Item> {
  items: Item[];
  nextCursor: string | null;
}

/** Cursor text for a position (e.g. the last item's sort key and id): base64url JSON, opaque to clients. */
export function encodeCursor(position: Readonly<Record<string, string | number>>): string {
  return Buffer.from(JSON.stringify(position), 'utf8').toString('base64url');
}

/** The position a cursor stands for, or undefined when it is not one we issued. */
export function decodeCursor(cursor: string): Record<string, string | number> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
    const entries = Object.entries(value);
    if (!entries.every(([, field]) => typeof field === 'string' || typeof field === 'number'))
      return undefined;
    return Object.fromEntries(entries) as Record<string, string | number>;
  } catch {
    // A cursor that is not base64url JSON is a client error, reported by the caller as a bad query.
    return undefined;
  }
}
