import { type Document, Double, Int32, Long } from 'mongodb';
import { describe, expect, it } from 'vitest';
import { type Loose, serverError, useStandin } from './helpers.ts';

const h = useStandin('update_tests');
const raw = { promoteValues: false } as const;

describe('update', () => {
  it('applies $set, $unset, $inc, $mul, $min, $max, $rename and $currentDate', async () => {
    const c = h.db.collection<Loose>('ops');
    await c.insertOne({ _id: 1, a: 1, b: 2, n: 10, m: 3, lo: 5, hi: 5, old: 'x' });
    const r = await c.updateOne(
      { _id: 1 },
      {
        $set: { 'nested.x': 1 },
        $unset: { b: '' },
        $inc: { n: 5 },
        $mul: { m: 2 },
        $min: { lo: 1 },
        $max: { hi: 9 },
        $rename: { old: 'renamed' },
        $currentDate: { at: true },
      },
    );
    expect(r.matchedCount).toBe(1);
    expect(r.modifiedCount).toBe(1);
    const d = await c.findOne({ _id: 1 });
    expect(d).toMatchObject({ a: 1, n: 15, m: 6, lo: 1, hi: 9, renamed: 'x', nested: { x: 1 } });
    expect(d?.b).toBeUndefined();
    expect(d?.at).toBeInstanceOf(Date);
  });

  it('reports nModified 0 when the update changes nothing', async () => {
    const c = h.db.collection<Loose>('noop');
    await c.insertOne({ _id: 1, a: 1 });
    const r = await c.updateOne({ _id: 1 }, { $set: { a: 1 } });
    expect(r.matchedCount).toBe(1);
    expect(r.modifiedCount).toBe(0);
  });

  it('updates every match with updateMany and only the first with updateOne', async () => {
    const c = h.db.collection<Loose>('multi');
    await c.insertMany([{ k: 1 }, { k: 1 }, { k: 1 }]);
    expect((await c.updateOne({ k: 1 }, { $set: { one: true } })).modifiedCount).toBe(1);
    expect((await c.updateMany({ k: 1 }, { $set: { all: true } })).modifiedCount).toBe(3);
    expect(await c.countDocuments({ all: true })).toBe(3);
  });

  it('upserts a document seeded from the filter equality terms', async () => {
    const c = h.db.collection<Loose>('upsert');
    const r = await c.updateOne(
      { a: 1, 'b.c': 2, $and: [{ d: 3 }], e: { $gt: 5 } },
      { $set: { x: true }, $setOnInsert: { created: 1 } },
      { upsert: true },
    );
    expect(r.upsertedCount).toBe(1);
    const d = await c.findOne({ _id: r.upsertedId ?? undefined }, { projection: { _id: 0 } });
    expect(d).toEqual({ a: 1, b: { c: 2 }, d: 3, x: true, created: 1 });
  });

  it('does not apply $setOnInsert when the upsert matches an existing document', async () => {
    const c = h.db.collection<Loose>('upsert2');
    await c.insertOne({ _id: 1, a: 1 });
    await c.updateOne({ _id: 1 }, { $set: { b: 1 }, $setOnInsert: { created: 1 } }, { upsert: true });
    expect(await c.findOne({ _id: 1 })).toEqual({ _id: 1, a: 1, b: 1 });
  });

  it('keeps the filter _id when upserting', async () => {
    const c = h.db.collection<Loose>('upsert3');
    const r = await c.updateOne({ _id: 'fixed' as never }, { $inc: { n: 1 } }, { upsert: true });
    expect(r.upsertedId).toBe('fixed');
  });

  it('replaces a document keeping its _id', async () => {
    const c = h.db.collection<Loose>('replace');
    await c.insertOne({ _id: 1, a: 1, b: 2 });
    await c.replaceOne({ _id: 1 }, { z: 9 });
    expect(await c.findOne({ _id: 1 })).toEqual({ _id: 1, z: 9 });
  });

  it('updates array elements with arrayFilters, $[] and the positional $', async () => {
    const c = h.db.collection<Loose>('arrays');
    await c.insertOne({ _id: 1, grades: [95, 102, 90, 150], items: [{ q: 1 }, { q: 2 }] });
    await c.updateOne(
      { _id: 1 },
      { $set: { 'grades.$[el]': 100 } },
      { arrayFilters: [{ el: { $gte: 100 } }] },
    );
    await c.updateOne({ _id: 1 }, { $inc: { 'items.$[].q': 10 } });
    await c.updateOne({ _id: 1, 'items.q': 12 }, { $set: { 'items.$.hit': true } });
    expect(await c.findOne({ _id: 1 })).toEqual({
      _id: 1,
      grades: [95, 100, 90, 100],
      items: [{ q: 11 }, { q: 12, hit: true }],
    });
  });

  it('pushes with $each, $sort and $slice, and pulls, pops and adds to sets', async () => {
    const c = h.db.collection<Loose>('push');
    await c.insertOne({ _id: 1, s: [3, 1], t: ['a'], p: [1, 2, 3, 2], q: [1, 2, 3] });
    const push: Document = {
      $push: { s: { $each: [5, 2], $sort: 1, $slice: 3 } },
      $addToSet: { t: { $each: ['a', 'b'] } },
    };
    await c.updateOne({ _id: 1 }, push);
    const pull: Document = { $pull: { p: 2 }, $pop: { q: -1 } };
    await c.updateOne({ _id: 1 }, pull);
    expect(await c.findOne({ _id: 1 })).toEqual({
      _id: 1,
      s: [1, 2, 3],
      t: ['a', 'b'],
      p: [1, 3],
      q: [2, 3],
    });
  });

  it('raises TypeMismatch for $inc on a string', async () => {
    const c = h.db.collection<Loose>('errors');
    await c.insertOne({ _id: 1, s: 'text', n: 1, a: 1 });
    const err = await serverError(c.updateOne({ _id: 1 }, { $inc: { s: 1 } }));
    expect(err.code).toBe(14);
    expect(err.message).toBe(
      "Cannot apply $inc to a value of non-numeric type. {_id: 1} has the field 's' of non-numeric type string",
    );
  });

  it('raises BadValue for $push on a non-array', async () => {
    const pushN: Document = { $push: { n: 1 } };
    const err = await serverError(h.db.collection<Loose>('errors').updateOne({ _id: 1 }, pushN));
    expect(err.code).toBe(2);
    expect(err.message).toBe("The field 'n' must be an array but is of type int in document {_id: 1}");
  });

  it('raises PathNotViable for a path through a scalar', async () => {
    const err = await serverError(
      h.db.collection<Loose>('errors').updateOne({ _id: 1 }, { $set: { 'a.b': 1 } }),
    );
    expect(err.code).toBe(28);
    expect(err.message).toBe("Cannot create field 'b' in element {a: 1}");
  });

  it('raises ImmutableField when an update changes _id', async () => {
    const err = await serverError(
      h.db.collection<Loose>('errors').updateOne({ _id: 1 }, { $set: { _id: 2 } }),
    );
    expect(err.code).toBe(66);
  });

  it('raises ConflictingUpdateOperators for two operators on one path', async () => {
    const err = await serverError(
      h.db.collection<Loose>('errors').updateOne({ _id: 1 }, { $set: { n: 1 }, $inc: { n: 1 } }),
    );
    expect(err.code).toBe(40);
  });

  it('refuses an unknown update operator', async () => {
    const err = await serverError(
      h.db.collection<Loose>('errors').updateOne({ _id: 1 }, { $frob: { n: 1 } }),
    );
    expect(err.code).toBe(9);
    expect(String(err.message)).toContain('$frob');
  });

  it('runs pipeline-style updates', async () => {
    const c = h.db.collection<Loose>('pipeline');
    await c.insertOne({ _id: 1, a: 2, b: 3 });
    await c.updateOne({ _id: 1 }, [{ $set: { sum: { $add: ['$a', '$b'] } } }]);
    expect(await c.findOne({ _id: 1 })).toEqual({ _id: 1, a: 2, b: 3, sum: 5 });
  });

  it('promotes $inc like MongoDB: int32 overflow becomes int64, a double makes a double', async () => {
    const c = h.db.collection<Loose>('promote');
    await c.insertOne({ _id: 1, i: 2147483647, d: 1, l: Long.fromNumber(1), k: 1 });
    await c.updateOne({ _id: 1 }, { $inc: { i: 1, d: new Double(0.5), l: 1, k: 1 } });
    const d = await c.findOne({ _id: 1 }, raw);
    expect(d?.i).toBeInstanceOf(Long);
    expect(d?.i.toString()).toBe('2147483648');
    expect(d?.d).toBeInstanceOf(Double);
    expect(d?.l).toBeInstanceOf(Long);
    expect(d?.k).toBeInstanceOf(Int32);
  });
});
