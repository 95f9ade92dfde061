import { Long } from 'mongodb';
import { describe, expect, it } from 'vitest';
import { type Loose, useStandin } from './helpers.ts';

const h = useStandin('count_tests');

describe('count and distinct', () => {
  it('counts with countDocuments (an aggregate), with skip and limit', async () => {
    const c = h.db.collection<Loose>('c');
    await c.insertMany(Array.from({ length: 20 }, (_, i) => ({ i, odd: i % 2 === 1 })));
    expect(await c.countDocuments()).toBe(20);
    expect(await c.countDocuments({ odd: true })).toBe(10);
    expect(await c.countDocuments({ odd: true }, { skip: 3, limit: 5 })).toBe(5);
    expect(await c.countDocuments({ odd: true }, { skip: 8 })).toBe(2);
  });

  it('answers estimatedDocumentCount through the count command', async () => {
    expect(await h.db.collection<Loose>('c').estimatedDocumentCount()).toBe(20);
    expect(await h.db.collection<Loose>('missing').estimatedDocumentCount()).toBe(0);
  });

  it('answers the count command with a query', async () => {
    const r = await h.db.command({ count: 'c', query: { i: { $lt: 5 } } });
    expect(r.n).toBe(5);
  });

  it('returns sorted distinct values, unwinding arrays and merging equal numbers', async () => {
    const c = h.db.collection<Loose>('d');
    await c.insertMany([
      { k: 'b', n: 1, tags: ['x', 'y'] },
      { k: 'a', n: 1.0, tags: ['y'] },
      { k: 'b', n: Long.fromNumber(2), tags: [] },
      { k: 'c' },
    ]);
    expect(await c.distinct('k')).toEqual(['a', 'b', 'c']);
    expect(await c.distinct('tags')).toEqual(['x', 'y']);
    expect(await c.distinct('n')).toEqual([1, 2]);
    expect(await c.distinct('k', { tags: 'y' })).toEqual(['a', 'b']);
  });
});
