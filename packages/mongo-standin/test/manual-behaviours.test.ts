import { Decimal128, type Document, Int32 } from 'mongodb';
import { describe, expect, it } from 'vitest';
import { type Loose, useStandin } from './helpers.ts';

/**
 * Examples from the MongoDB manual, with the manual's own data and expected output, so every
 * deviation of the stand-in from mongod is visible here. Each test names its manual page.
 */
const h = useStandin('manual');

const byId = (a: Document, b: Document) => String(a._id).localeCompare(String(b._id));

describe('MongoDB manual examples', () => {
  // Manual: $unwind (aggregation) - "Unwind Array"
  it('unwinds an array into one document per element', async () => {
    const c = h.db.collection<Loose>('inventory_unwind');
    await c.insertOne({ _id: 1, item: 'ABC1', sizes: ['S', 'M', 'L'] });
    expect(await c.aggregate([{ $unwind: '$sizes' }]).toArray()).toEqual([
      { _id: 1, item: 'ABC1', sizes: 'S' },
      { _id: 1, item: 'ABC1', sizes: 'M' },
      { _id: 1, item: 'ABC1', sizes: 'L' },
    ]);
  });

  // Manual: $unwind (aggregation) - "preserveNullAndEmptyArrays" and "includeArrayIndex"
  it('unwinds keeping missing, null and empty arrays, and reports array indexes', async () => {
    const c = h.db.collection<Loose>('clothing');
    await c.insertMany([
      { _id: 1, item: 'Shirt', sizes: ['S', 'M', 'L'] },
      { _id: 2, item: 'Shorts', sizes: [] },
      { _id: 3, item: 'Hat', sizes: 'M' },
      { _id: 4, item: 'Gloves' },
      { _id: 5, item: 'Scarf', sizes: null },
    ]);
    expect(
      await c.aggregate([{ $unwind: { path: '$sizes', preserveNullAndEmptyArrays: true } }]).toArray(),
    ).toEqual([
      { _id: 1, item: 'Shirt', sizes: 'S' },
      { _id: 1, item: 'Shirt', sizes: 'M' },
      { _id: 1, item: 'Shirt', sizes: 'L' },
      { _id: 2, item: 'Shorts' },
      { _id: 3, item: 'Hat', sizes: 'M' },
      { _id: 4, item: 'Gloves' },
      { _id: 5, item: 'Scarf', sizes: null },
    ]);
    expect(
      await c.aggregate([{ $unwind: { path: '$sizes', includeArrayIndex: 'arrayIndex' } }]).toArray(),
    ).toEqual([
      { _id: 1, item: 'Shirt', sizes: 'S', arrayIndex: 0 },
      { _id: 1, item: 'Shirt', sizes: 'M', arrayIndex: 1 },
      { _id: 1, item: 'Shirt', sizes: 'L', arrayIndex: 2 },
      { _id: 3, item: 'Hat', sizes: 'M', arrayIndex: null },
    ]);
  });

  const sales = [
    {
      _id: 1,
      item: 'abc',
      price: Decimal128.fromString('10'),
      quantity: new Int32(2),
      date: new Date('2014-03-01T08:00:00Z'),
    },
    {
      _id: 2,
      item: 'jkl',
      price: Decimal128.fromString('20'),
      quantity: new Int32(1),
      date: new Date('2014-03-01T09:00:00Z'),
    },
    {
      _id: 3,
      item: 'xyz',
      price: Decimal128.fromString('5'),
      quantity: new Int32(10),
      date: new Date('2014-03-15T09:00:00Z'),
    },
    {
      _id: 4,
      item: 'xyz',
      price: Decimal128.fromString('5'),
      quantity: new Int32(20),
      date: new Date('2014-04-04T11:21:39.736Z'),
    },
    {
      _id: 5,
      item: 'abc',
      price: Decimal128.fromString('10'),
      quantity: new Int32(10),
      date: new Date('2014-04-04T21:23:13.331Z'),
    },
    {
      _id: 6,
      item: 'def',
      price: Decimal128.fromString('7.5'),
      quantity: new Int32(5),
      date: new Date('2015-06-04T05:08:13Z'),
    },
    {
      _id: 7,
      item: 'def',
      price: Decimal128.fromString('7.5'),
      quantity: new Int32(10),
      date: new Date('2015-09-10T08:43:00Z'),
    },
    {
      _id: 8,
      item: 'abc',
      price: Decimal128.fromString('10'),
      quantity: new Int32(5),
      date: new Date('2016-02-06T20:20:13Z'),
    },
  ];

  // Manual: $group (aggregation) - "Count the Number of Documents in a Collection"
  it('counts all documents with $group on a null _id', async () => {
    const c = h.db.collection<Loose>('sales');
    await c.insertMany(sales);
    expect(await c.aggregate([{ $group: { _id: null, count: { $count: {} } } }]).toArray()).toEqual([
      { _id: null, count: 8 },
    ]);
  });

  // Manual: $group (aggregation) - "Retrieve Distinct Values"
  it('retrieves distinct values with $group', async () => {
    const got = await h.db
      .collection<Loose>('sales')
      .aggregate([{ $group: { _id: '$item' } }])
      .toArray();
    expect(got.sort(byId)).toEqual([{ _id: 'abc' }, { _id: 'def' }, { _id: 'jkl' }, { _id: 'xyz' }]);
  });

  // Manual: $group (aggregation) - "Group by item Having"
  // Known deviation: the manual shows Decimal128 totals; $multiply runs in mingo on doubles, so
  // the stand-in returns the same values as int32/double.
  it('groups by item and keeps totals of at least 100 (values as in the manual)', async () => {
    const got = await h.db
      .collection<Loose>('sales')
      .aggregate([
        { $group: { _id: '$item', totalSaleAmount: { $sum: { $multiply: ['$price', '$quantity'] } } } },
        { $match: { totalSaleAmount: { $gte: 100 } } },
      ])
      .toArray();
    const values = got.sort(byId).map((d) => ({ _id: d._id, total: Number(String(d.totalSaleAmount)) }));
    expect(values).toEqual([
      { _id: 'abc', total: 170 },
      { _id: 'def', total: 112.5 },
      { _id: 'xyz', total: 150 },
    ]);
  });

  // Manual: $count (aggregation) - example with the scores collection
  it('counts the documents passing a $match', async () => {
    const c = h.db.collection<Loose>('scores');
    await c.insertMany([
      { _id: 1, subject: 'History', score: 88 },
      { _id: 2, subject: 'History', score: 92 },
      { _id: 3, subject: 'History', score: 97 },
      { _id: 4, subject: 'History', score: 71 },
      { _id: 5, subject: 'History', score: 79 },
      { _id: 6, subject: 'History', score: 83 },
    ]);
    expect(
      await c.aggregate([{ $match: { score: { $gt: 80 } } }, { $count: 'passing_scores' }]).toArray(),
    ).toEqual([{ passing_scores: 4 }]);
  });

  // Manual: $lookup (aggregation) - "Perform a Single Equality Join with $lookup"
  it('joins orders to inventory, matching a missing local field to null and missing foreign fields', async () => {
    await h.db
      .collection<Loose>('orders')
      .insertMany([
        { _id: 1, item: 'almonds', price: 12, quantity: 2 },
        { _id: 2, item: 'pecans', price: 20, quantity: 1 },
        { _id: 3 },
      ]);
    await h.db
      .collection<Loose>('inventory')
      .insertMany([
        { _id: 1, sku: 'almonds', description: 'product 1', instock: 120 },
        { _id: 2, sku: 'bread', description: 'product 2', instock: 80 },
        { _id: 3, sku: 'cashews', description: 'product 3', instock: 60 },
        { _id: 4, sku: 'pecans', description: 'product 4', instock: 70 },
        { _id: 5, sku: null, description: 'Incomplete' },
        { _id: 6 },
      ]);
    const got = await h.db
      .collection<Loose>('orders')
      .aggregate([
        { $lookup: { from: 'inventory', localField: 'item', foreignField: 'sku', as: 'inventory_docs' } },
      ])
      .toArray();
    expect(got).toEqual([
      {
        _id: 1,
        item: 'almonds',
        price: 12,
        quantity: 2,
        inventory_docs: [{ _id: 1, sku: 'almonds', description: 'product 1', instock: 120 }],
      },
      {
        _id: 2,
        item: 'pecans',
        price: 20,
        quantity: 1,
        inventory_docs: [{ _id: 4, sku: 'pecans', description: 'product 4', instock: 70 }],
      },
      { _id: 3, inventory_docs: [{ _id: 5, sku: null, description: 'Incomplete' }, { _id: 6 }] },
    ]);
  });

  // Manual: $[<identifier>] (update operator) - "Update All Array Elements That Match arrayFilters"
  it('updates the array elements selected by arrayFilters', async () => {
    const c = h.db.collection<Loose>('students');
    await c.insertMany([
      { _id: 1, grades: [95, 92, 90] },
      { _id: 2, grades: [98, 100, 102] },
      { _id: 3, grades: [95, 110, 100] },
    ]);
    await c.updateMany(
      {},
      { $set: { 'grades.$[element]': 100 } },
      { arrayFilters: [{ element: { $gte: 100 } }] },
    );
    expect(await c.find().toArray()).toEqual([
      { _id: 1, grades: [95, 92, 90] },
      { _id: 2, grades: [98, 100, 100] },
      { _id: 3, grades: [95, 100, 100] },
    ]);
  });

  // Manual: $setOnInsert (update operator) - example with the products collection
  it('applies $setOnInsert when an upsert inserts', async () => {
    const c = h.db.collection<Loose>('products');
    await c.updateOne(
      { _id: 1 },
      { $set: { item: 'apple' }, $setOnInsert: { defaultQty: 100 } },
      { upsert: true },
    );
    expect(await c.findOne({ _id: 1 })).toEqual({ _id: 1, item: 'apple', defaultQty: 100 });
  });

  // Manual: db.collection.updateOne() - "Upsert" (the inserted document takes the filter's equality fields)
  it('inserts the equality fields of the filter on upsert', async () => {
    const c = h.db.collection<Loose>('people');
    await c.updateOne({ name: 'Andy' }, { $inc: { score: 1 } }, { upsert: true });
    expect(await c.findOne({ name: 'Andy' }, { projection: { _id: 0 } })).toEqual({ name: 'Andy', score: 1 });
  });

  // Manual: $inc (update operator) - example with the products collection
  it('increments top-level and embedded fields', async () => {
    const c = h.db.collection<Loose>('products_inc');
    await c.insertOne({ _id: 1, sku: 'abc123', quantity: 10, metrics: { orders: 2, ratings: 3.5 } });
    await c.updateOne({ sku: 'abc123' }, { $inc: { quantity: -2, 'metrics.orders': 1 } });
    expect(await c.findOne({ _id: 1 })).toEqual({
      _id: 1,
      sku: 'abc123',
      quantity: 8,
      metrics: { orders: 3, ratings: 3.5 },
    });
  });

  // Manual: $push (update operator) - "Use $push Operator with Multiple Modifiers"
  it('pushes with $each, $sort and $slice together', async () => {
    const c = h.db.collection<Loose>('students_push');
    await c.insertOne({
      _id: 5,
      quizzes: [
        { wk: 1, score: 10 },
        { wk: 2, score: 8 },
        { wk: 3, score: 5 },
        { wk: 4, score: 6 },
      ],
    });
    const update: Document = {
      $push: {
        quizzes: {
          $each: [
            { wk: 5, score: 8 },
            { wk: 6, score: 7 },
            { wk: 7, score: 6 },
          ],
          $sort: { score: -1 },
          $slice: 3,
        },
      },
    };
    await c.updateOne({ _id: 5 }, update);
    expect(await c.findOne({ _id: 5 })).toEqual({
      _id: 5,
      quizzes: [
        { wk: 1, score: 10 },
        { wk: 2, score: 8 },
        { wk: 5, score: 8 },
      ],
    });
  });

  // Manual: Query an Array (tutorial)
  it('queries arrays by exact match, $all, element conditions, $elemMatch, index and $size', async () => {
    const c = h.db.collection<Loose>('inventory_arrays');
    await c.insertMany([
      { item: 'journal', qty: 25, tags: ['blank', 'red'], dim_cm: [14, 21] },
      { item: 'notebook', qty: 50, tags: ['red', 'blank'], dim_cm: [14, 21] },
      { item: 'paper', qty: 100, tags: ['red', 'blank', 'plain'], dim_cm: [14, 21] },
      { item: 'planner', qty: 75, tags: ['blank', 'red'], dim_cm: [22.85, 30] },
      { item: 'postcard', qty: 45, tags: ['blue'], dim_cm: [10, 15.25] },
    ]);
    const items = async (f: object) => (await c.find(f).toArray()).map((d) => d.item);
    expect(await items({ tags: ['red', 'blank'] })).toEqual(['notebook']);
    expect(await items({ tags: { $all: ['red', 'blank'] } })).toEqual([
      'journal',
      'notebook',
      'paper',
      'planner',
    ]);
    expect(await items({ tags: 'red' })).toEqual(['journal', 'notebook', 'paper', 'planner']);
    expect(await items({ dim_cm: { $gt: 25 } })).toEqual(['planner']);
    expect(await items({ dim_cm: { $gt: 15, $lt: 20 } })).toEqual([
      'journal',
      'notebook',
      'paper',
      'postcard',
    ]);
    expect(await items({ dim_cm: { $elemMatch: { $gt: 22, $lt: 30 } } })).toEqual(['planner']);
    expect(await items({ 'dim_cm.1': { $gt: 25 } })).toEqual(['planner']);
    expect(await items({ tags: { $size: 3 } })).toEqual(['paper']);
  });

  // Manual: Query for Null or Missing Fields (tutorial)
  it('matches null and missing fields as the manual describes', async () => {
    const c = h.db.collection<Loose>('null_fields');
    await c.insertMany([{ _id: 1, item: null }, { _id: 2 }]);
    const ids = async (f: object) => (await c.find(f).toArray()).map((d) => d._id);
    expect(await ids({ item: null })).toEqual([1, 2]);
    expect(await ids({ item: { $type: 10 } })).toEqual([1]);
    expect(await ids({ item: { $exists: false } })).toEqual([2]);
  });

  // Manual: db.collection.distinct() - examples with the inventory collection
  it('returns distinct values of a field, an embedded field and an array field', async () => {
    const c = h.db.collection<Loose>('inventory_distinct');
    await c.insertMany([
      { _id: 1, dept: 'A', item: { sku: '111', color: 'red' }, sizes: ['S', 'M'] },
      { _id: 2, dept: 'A', item: { sku: '111', color: 'blue' }, sizes: ['M', 'L'] },
      { _id: 3, dept: 'B', item: { sku: '222', color: 'blue' }, sizes: 'S' },
      { _id: 4, dept: 'A', item: { sku: '333', color: 'black' }, sizes: ['S'] },
    ]);
    expect(await c.distinct('dept')).toEqual(['A', 'B']);
    expect(await c.distinct('item.sku')).toEqual(['111', '222', '333']);
    expect(await c.distinct('sizes')).toEqual(['L', 'M', 'S']);
    expect(await c.distinct('item.sku', { dept: 'A' })).toEqual(['111', '333']);
  });
});
