import { MongoBulkWriteError as BulkError, type MongoBulkWriteError } from 'mongodb';
import { describe, expect, it } from 'vitest';
import { type Loose, serverError, useStandin } from './helpers.ts';

const h = useStandin('bulk_tests');

describe('bulk writes', () => {
  it('runs mixed operations and reports every count', async () => {
    const c = h.db.collection<Loose>('mixed');
    await c.insertMany([
      { _id: 1, v: 1 },
      { _id: 2, v: 2 },
    ]);
    const r = await c.bulkWrite([
      { insertOne: { document: { _id: 3, v: 3 } } },
      { updateOne: { filter: { _id: 1 }, update: { $set: { v: 10 } } } },
      { updateMany: { filter: { v: { $gte: 2 } }, update: { $inc: { v: 1 } } } },
      { replaceOne: { filter: { _id: 2 }, replacement: { v: 20 } } },
      { deleteOne: { filter: { _id: 3 } } },
      { updateOne: { filter: { _id: 9 }, update: { $set: { v: 9 } }, upsert: true } },
    ]);
    expect(r.insertedCount).toBe(1);
    expect(r.matchedCount).toBe(5);
    expect(r.modifiedCount).toBe(5);
    expect(r.deletedCount).toBe(1);
    expect(r.upsertedCount).toBe(1);
    expect(r.upsertedIds).toEqual({ 5: 9 });
  });

  it('stops an ordered bulk write at the first error and reports its index', async () => {
    const c = h.db.collection<Loose>('ordered');
    const err = (await serverError(
      c.insertMany([{ _id: 1 }, { _id: 2 }, { _id: 1 }, { _id: 3 }]),
    )) as unknown as MongoBulkWriteError;
    expect(err).toBeInstanceOf(BulkError);
    expect(err.writeErrors).toHaveLength(1);
    const [first] = [err.writeErrors].flat();
    expect(first?.index).toBe(2);
    expect(first?.code).toBe(11000);
    expect(first?.errmsg).toContain('E11000 duplicate key error collection: bulk_tests.ordered');
    expect(err.result.insertedCount).toBe(2);
    expect(await c.countDocuments()).toBe(2);
  });

  it('continues an unordered bulk write past errors and reports each one', async () => {
    const c = h.db.collection<Loose>('unordered');
    const err = (await serverError(
      c.insertMany([{ _id: 1 }, { _id: 1 }, { _id: 2 }, { _id: 2 }, { _id: 3 }], {
        ordered: false,
      }),
    )) as unknown as MongoBulkWriteError;
    const errors = [err.writeErrors].flat();
    expect(errors.map((e) => e.index)).toEqual([1, 3]);
    expect(err.result.insertedCount).toBe(3);
    expect(await c.countDocuments()).toBe(3);
  });

  it('reports per-operation errors of update and delete batches', async () => {
    const c = h.db.collection<Loose>('upd');
    await c.insertOne({ _id: 1, s: 'x' });
    const err = (await serverError(
      c.bulkWrite(
        [
          { updateOne: { filter: { _id: 1 }, update: { $inc: { s: 1 } } } },
          { updateOne: { filter: { _id: 1 }, update: { $set: { ok: true } } } },
        ],
        { ordered: false },
      ),
    )) as unknown as MongoBulkWriteError;
    const errors = [err.writeErrors].flat();
    expect(errors[0]?.index).toBe(0);
    expect(errors[0]?.code).toBe(14);
    expect(err.result.modifiedCount).toBe(1);
  });
});
