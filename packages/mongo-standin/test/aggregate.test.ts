import { Double, Int32, Long } from 'mongodb';
import { describe, expect, it } from 'vitest';
import { type Loose, serverError, useStandin } from './helpers.ts';

const h = useStandin('agg_tests');

describe('aggregate', () => {
  it('runs $match, $group, $sort, $skip, $limit and $project', async () => {
    const c = h.db.collection<Loose>('sales');
    await c.insertMany([
      { item: 'a', qty: 2, price: 10 },
      { item: 'b', qty: 1, price: 20 },
      { item: 'a', qty: 3, price: 10 },
      { item: 'c', qty: 5, price: 1 },
    ]);
    const got = await c
      .aggregate([
        { $match: { qty: { $gte: 1 } } },
        { $group: { _id: '$item', total: { $sum: { $multiply: ['$qty', '$price'] } }, n: { $sum: 1 } } },
        { $sort: { total: -1 } },
        { $skip: 1 },
        { $limit: 1 },
        { $project: { _id: 0, item: '$_id', total: 1 } },
      ])
      .toArray();
    expect(got).toEqual([{ item: 'b', total: 20 }]);
  });

  it('runs $addFields, $unwind and $count', async () => {
    const c = h.db.collection<Loose>('unwind');
    await c.insertMany([{ _id: 1, xs: [1, 2, 3] }, { _id: 2, xs: [] }, { _id: 3 }]);
    const unwound = await c
      .aggregate([{ $unwind: '$xs' }, { $addFields: { y: { $multiply: ['$xs', 10] } } }])
      .toArray();
    expect(unwound).toEqual([
      { _id: 1, xs: 1, y: 10 },
      { _id: 1, xs: 2, y: 20 },
      { _id: 1, xs: 3, y: 30 },
    ]);
    expect(await c.aggregate([{ $unwind: '$xs' }, { $count: 'n' }]).toArray()).toEqual([{ n: 3 }]);
  });

  it('runs $facet with independent sub-pipelines', async () => {
    const got = await h.db
      .collection<Loose>('sales')
      .aggregate([
        {
          $facet: {
            count: [{ $count: 'n' }],
            top: [{ $sort: { qty: -1 } }, { $limit: 1 }, { $project: { _id: 0, item: 1 } }],
          },
        },
      ])
      .toArray();
    expect(got).toEqual([{ count: [{ n: 4 }], top: [{ item: 'c' }] }]);
  });

  it('joins another collection of the same database with $lookup', async () => {
    await h.db.collection<Loose>('authors').insertMany([
      { _id: 1, name: 'Ann' },
      { _id: 2, name: 'Bob' },
    ]);
    await h.db.collection<Loose>('books').insertMany([
      { _id: 10, author: 1 },
      { _id: 11, author: 3 },
    ]);
    const got = await h.db
      .collection<Loose>('books')
      .aggregate([{ $lookup: { from: 'authors', localField: 'author', foreignField: '_id', as: 'who' } }])
      .toArray();
    expect(got).toEqual([
      { _id: 10, author: 1, who: [{ _id: 1, name: 'Ann' }] },
      { _id: 11, author: 3, who: [] },
    ]);
  });

  it('keeps BSON number types through $group: int32 sums stay int32, int64 stays int64, double wins', async () => {
    const c = h.db.collection<Loose>('typed');
    await c.insertMany([
      { g: 1, i: 1, l: Long.fromNumber(2), d: new Double(1) },
      { g: 1, i: 2, l: Long.fromNumber(3), d: new Double(2) },
    ]);
    const [r] = await c
      .aggregate(
        [
          {
            $group: {
              _id: '$g',
              si: { $sum: '$i' },
              sl: { $sum: '$l' },
              sd: { $sum: '$d' },
              mixed: { $sum: { $add: ['$i', 0] } },
              first: { $first: '$l' },
              avg: { $avg: '$i' },
            },
          },
        ],
        { promoteValues: false },
      )
      .toArray();
    expect(r?.si).toBeInstanceOf(Int32);
    expect(r?.sl).toBeInstanceOf(Long);
    expect(r?.sl.toString()).toBe('5');
    expect(r?.sd).toBeInstanceOf(Double);
    expect(r?.first).toBeInstanceOf(Long);
    expect(r?.avg).toBeInstanceOf(Double);
  });

  it('keeps stored int64 values unchanged through stages evaluated by mingo', async () => {
    const [r] = await h.db
      .collection<Loose>('typed')
      .aggregate(
        [{ $match: { i: 1 } }, { $addFields: { extra: 1 } }, { $project: { l: 1, d: 1, extra: 1 } }],
        {
          promoteValues: false,
        },
      )
      .toArray();
    expect(r?.l).toBeInstanceOf(Long);
    expect(r?.d).toBeInstanceOf(Double);
  });

  it('serves multi-batch aggregate cursors through getMore', async () => {
    const c = h.db.collection<Loose>('many');
    await c.insertMany(Array.from({ length: 300 }, (_, i) => ({ i })));
    const all = await c.aggregate([{ $sort: { i: 1 } }], { batchSize: 50 }).toArray();
    expect(all).toHaveLength(300);
    expect(all[299]?.i).toBe(299);
  });

  it('refuses $out and $merge, naming the stage', async () => {
    const err = await serverError(
      h.db
        .collection<Loose>('sales')
        .aggregate([{ $out: 'x' }])
        .toArray(),
    );
    expect(err.code).toBe(115);
    expect(String(err.message)).toContain('$out');
  });

  it('refuses an unknown stage with code 40324', async () => {
    const err = await serverError(
      h.db
        .collection<Loose>('sales')
        .aggregate([{ $frob: {} }])
        .toArray(),
    );
    expect(err.code).toBe(40324);
    expect(String(err.message)).toContain('$frob');
  });
});
