import { describe, expect, it } from 'vitest';
import { type Loose, serverError, useStandin } from './helpers.ts';

const h = useStandin('fam_tests');

describe('findAndModify', () => {
  it('returns the document before the update by default and after it with returnDocument after', async () => {
    const c = h.db.collection<Loose>('counters');
    await c.insertOne({ _id: 'seq' as never, n: 1 });
    const before = await c.findOneAndUpdate({ _id: 'seq' as never }, { $inc: { n: 1 } });
    expect(before).toEqual({ _id: 'seq', n: 1 });
    const after = await c.findOneAndUpdate(
      { _id: 'seq' as never },
      { $inc: { n: 1 } },
      { returnDocument: 'after' },
    );
    expect(after).toEqual({ _id: 'seq', n: 3 });
  });

  it('upserts and returns the new document', async () => {
    const c = h.db.collection<Loose>('up');
    const d = await c.findOneAndUpdate(
      { k: 'a' },
      { $set: { v: 1 } },
      { upsert: true, returnDocument: 'after' },
    );
    expect(d).toMatchObject({ k: 'a', v: 1 });
  });

  it('returns null when nothing matches and upsert is off', async () => {
    expect(await h.db.collection<Loose>('up').findOneAndUpdate({ k: 'zzz' }, { $set: { v: 1 } })).toBeNull();
  });

  it('honours sort to pick which document to modify, and projects the result', async () => {
    const c = h.db.collection<Loose>('queue');
    await c.insertMany([
      { p: 2, name: 'b' },
      { p: 1, name: 'a' },
      { p: 3, name: 'c' },
    ]);
    const d = await c.findOneAndUpdate(
      {},
      { $set: { taken: true } },
      { sort: { p: 1 }, projection: { _id: 0, name: 1 } },
    );
    expect(d).toEqual({ name: 'a' });
  });

  it('removes a document with findOneAndDelete and returns it', async () => {
    const c = h.db.collection<Loose>('queue');
    const d = await c.findOneAndDelete({ name: 'c' });
    expect(d?.name).toBe('c');
    expect(await c.countDocuments({ name: 'c' })).toBe(0);
  });

  it('replaces with findOneAndReplace', async () => {
    const c = h.db.collection<Loose>('queue');
    const d = await c.findOneAndReplace({ name: 'b' }, { name: 'B' }, { returnDocument: 'after' });
    expect(d?.name).toBe('B');
  });

  it('includes the full result with includeResultMetadata', async () => {
    const c = h.db.collection<Loose>('queue');
    const r = await c.findOneAndUpdate({ name: 'B' }, { $set: { x: 1 } }, { includeResultMetadata: true });
    expect(r.ok).toBe(1);
    expect(r.lastErrorObject).toMatchObject({ n: 1, updatedExisting: true });
  });

  it('reports a duplicate key raised by the update', async () => {
    const c = h.db.collection<Loose>('uniq');
    await c.createIndex({ u: 1 }, { unique: true });
    await c.insertMany([{ u: 1 }, { u: 2 }]);
    const err = await serverError(c.findOneAndUpdate({ u: 2 }, { $set: { u: 1 } }));
    expect(err.code).toBe(11000);
  });
});
