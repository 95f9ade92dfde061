import { Long, ObjectId } from 'mongodb';
import { describe, expect, it } from 'vitest';
import { type Loose, serverError, useStandin } from './helpers.ts';

const h = useStandin('find_tests', { cursorTimeoutMs: 200 });

describe('insert', () => {
  it('generates an ObjectId _id when the document has none and returns it', async () => {
    const r = await h.db.collection<Loose>('gen').insertOne({ a: 1 });
    expect(r.insertedId).toBeInstanceOf(ObjectId);
    expect(await h.db.collection<Loose>('gen').findOne({ _id: r.insertedId })).toEqual({
      _id: r.insertedId,
      a: 1,
    });
  });

  it('rejects a duplicate _id with E11000 naming the collection, index and key', async () => {
    await h.db.collection<Loose>('dup').insertOne({ _id: 'k' as never, v: 1 });
    const err = await serverError(h.db.collection<Loose>('dup').insertOne({ _id: 'k' as never, v: 2 }));
    expect(err.code).toBe(11000);
    expect(err.message).toBe(
      'E11000 duplicate key error collection: find_tests.dup index: _id_ dup key: { _id: "k" }',
    );
    expect(err.keyValue).toEqual({ _id: 'k' });
    expect(err.keyPattern).toEqual({ _id: 1 });
  });

  it('treats 1, 1.0 and NumberLong(1) as the same _id', async () => {
    const c = h.db.collection<Loose>('numid');
    await c.insertOne({ _id: 1 as never });
    const err = await serverError(c.insertOne({ _id: Long.fromNumber(1) as never }));
    expect(err.code).toBe(11000);
  });

  it('rejects $-prefixed top-level field names', async () => {
    const err = await serverError(
      h.db.command({ insert: 'bad', documents: [{ $set: 1 }] }).then((r) => {
        if (r.writeErrors) throw Object.assign(new Error(r.writeErrors[0].errmsg), r.writeErrors[0]);
      }),
    );
    expect(err.code).toBe(2);
  });
});

describe('find', () => {
  const docs = Array.from({ length: 250 }, (_, i) => ({ _id: i, n: i, even: i % 2 === 0, tag: `t${i % 5}` }));

  it('filters, sorts, skips, limits and projects', async () => {
    const c = h.db.collection<Loose>('items');
    await c.insertMany(docs);
    const got = await c
      .find({ even: true, n: { $gte: 10 } }, { projection: { _id: 0, n: 1 } })
      .sort({ n: -1 })
      .skip(2)
      .limit(3)
      .toArray();
    expect(got).toEqual([{ n: 244 }, { n: 242 }, { n: 240 }]);
  });

  it('supports exclusion projections and nested paths', async () => {
    const c = h.db.collection<Loose>('proj');
    await c.insertOne({ _id: 1, a: { b: 1, c: 2 }, d: 3 });
    expect(await c.findOne({}, { projection: { 'a.c': 0, d: 0 } })).toEqual({ _id: 1, a: { b: 1 } });
    expect(await c.findOne({}, { projection: { 'a.b': 1, _id: 0 } })).toEqual({ a: { b: 1 } });
  });

  it('applies $slice alone, beside exclusions and beside inclusions, as mongod does', async () => {
    const c = h.db.collection<Loose>('slices');
    await c.insertOne({ _id: 1, history: [1, 2, 3, 4, 5], outbox: ['e'], status: 'open' });
    expect(await c.findOne({}, { projection: { history: { $slice: -2 } } })).toEqual({
      _id: 1,
      history: [4, 5],
      outbox: ['e'],
      status: 'open',
    });
    expect(await c.findOne({}, { projection: { history: { $slice: 2 }, outbox: 0 } })).toEqual({
      _id: 1,
      history: [1, 2],
      status: 'open',
    });
    expect(await c.findOne({}, { projection: { history: { $slice: [1, 2] }, status: 1 } })).toEqual({
      _id: 1,
      history: [2, 3],
      status: 'open',
    });
  });

  it('refuses a projection mixing inclusion and exclusion', async () => {
    const err = await serverError(h.db.collection<Loose>('proj').findOne({}, { projection: { a: 1, d: 0 } }));
    expect(err.code).toBe(31254);
  });

  it('returns results in several batches through getMore', async () => {
    const c = h.db.collection<Loose>('items');
    const cursor = c.find({}).batchSize(40);
    const all = await cursor.toArray();
    expect(all).toHaveLength(250);
    expect(all.map((d) => d._id)).toEqual(docs.map((d) => d._id));
  });

  it('closes a cursor with killCursors so a later getMore fails with CursorNotFound', async () => {
    const first = await h.db.command({ find: 'items', filter: {}, batchSize: 10 });
    const id = first.cursor.id as Long;
    expect(id.isZero()).toBe(false);
    const killed = await h.db.command({ killCursors: 'items', cursors: [id] });
    expect(killed.cursorsKilled).toHaveLength(1);
    const err = await serverError(h.db.command({ getMore: id, collection: 'items' }));
    expect(err.code).toBe(43);
    expect(err.codeName).toBe('CursorNotFound');
  });

  it('closes idle cursors after the configured timeout', async () => {
    const first = await h.db.command({ find: 'items', filter: {}, batchSize: 10 });
    const id = first.cursor.id as Long;
    await new Promise((r) => setTimeout(r, 600));
    const err = await serverError(h.db.command({ getMore: id, collection: 'items' }));
    expect(err.code).toBe(43);
  });

  it('keeps a noCursorTimeout cursor alive past the timeout', async () => {
    const first = await h.db.command({ find: 'items', filter: {}, batchSize: 10, noCursorTimeout: true });
    const id = first.cursor.id as Long;
    await new Promise((r) => setTimeout(r, 600));
    const more = await h.db.command({ getMore: id, collection: 'items', batchSize: 5 });
    expect(more.cursor.nextBatch).toHaveLength(5);
    await h.db.command({ killCursors: 'items', cursors: [id] });
  });

  it('uses a 64-bit cursor id', async () => {
    const first = await h.db.command({ find: 'items', filter: {}, batchSize: 1 });
    expect(first.cursor.id).toBeInstanceOf(Long);
    await h.db.command({ killCursors: 'items', cursors: [first.cursor.id] });
  });

  it('answers find on a missing collection with an empty result', async () => {
    expect(await h.db.collection<Loose>('nothing').find({}).toArray()).toEqual([]);
  });

  it('matches array elements, $elemMatch, $in, $exists, $regex and $expr', async () => {
    const c = h.db.collection<Loose>('ops');
    await c.insertMany([
      { _id: 1, tags: ['a', 'b'], s: 'apple', q: 5, lim: 3 },
      { _id: 2, tags: ['c'], s: 'banana', q: 1, lim: 3, items: [{ k: 1, v: 2 }] },
      { _id: 3, s: 'cherry', q: 9, lim: 10 },
    ]);
    const ids = async (f: object) => (await c.find(f).toArray()).map((d) => d._id);
    expect(await ids({ tags: 'a' })).toEqual([1]);
    expect(await ids({ tags: { $in: ['c', 'z'] } })).toEqual([2]);
    expect(await ids({ tags: { $exists: false } })).toEqual([3]);
    expect(await ids({ s: { $regex: '^b' } })).toEqual([2]);
    expect(await ids({ items: { $elemMatch: { k: 1, v: { $gt: 1 } } } })).toEqual([2]);
    expect(await ids({ $expr: { $gt: ['$q', '$lim'] } })).toEqual([1]);
  });

  it('refuses an unknown query operator naming it', async () => {
    const err = await serverError(
      h.db
        .collection<Loose>('ops')
        .find({ q: { $frob: 1 } })
        .toArray(),
    );
    expect(err.code).toBe(2);
    expect(String(err.message)).toContain('$frob');
  });
});
