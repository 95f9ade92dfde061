import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { cursorPageQuerySchema, cursorPageSchema, decodeCursor, encodeCursor } from '../src/index.ts';

describe('cursor pagination', () => {
  it('defaults the limit and reads it from a query string', () => {
    expect(cursorPageQuerySchema.parse({})).toEqual({ limit: 50 });
    expect(cursorPageQuerySchema.parse({ limit: '20', cursor: 'abc' })).toEqual({ limit: 20, cursor: 'abc' });
  });

  it('refuses limits outside 1..200', () => {
    expect(cursorPageQuerySchema.safeParse({ limit: '0' }).success).toBe(false);
    expect(cursorPageQuerySchema.safeParse({ limit: '201' }).success).toBe(false);
    expect(cursorPageQuerySchema.safeParse({ limit: '2.5' }).success).toBe(false);
  });

  it('wraps items with the next cursor, null on the last page', () => {
    const page = cursorPageSchema(z.object({ caseId: z.string() }));
    expect(page.parse({ items: [{ caseId: 'c1' }], nextCursor: null })).toEqual({
      items: [{ caseId: 'c1' }],
      nextCursor: null,
    });
    expect(page.safeParse({ items: [{ caseId: 1 }], nextCursor: null }).success).toBe(false);
  });

  it('round-trips a position through an opaque cursor and refuses foreign ones', () => {
    const position = { registeredAt: '2025-09-21T05:00:00Z', id: 'case-1' };
    expect(decodeCursor(encodeCursor(position))).toEqual(position);
    expect(decodeCursor('not base64 json')).toBeUndefined();
    expect(decodeCursor(Buffer.from('[1,2]').toString('base64url'))).toBeUndefined();
  });
});
