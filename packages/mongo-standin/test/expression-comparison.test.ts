import { Decimal128, Double, Int32, Long } from 'mongodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Loose, serverError, useStandin } from './helpers.ts';

/**
 * Aggregation comparison expressions ($cmp, $eq, $ne, $gt, $gte, $lt, $lte) follow MongoDB's BSON
 * comparison order across types. What the expected values rest on (MongoDB manual):
 *  - reference/operator/aggregation/lt (gt, cmp, eq, ne): they "compare both value and type, using
 *    the specified BSON comparison order for values of different types";
 *  - reference/bson-type-comparison-order: MinKey < null < numbers (int, long, double, decimal,
 *    compared by value) < strings < objects < arrays < binData < ObjectId < boolean < date < ...;
 *  - reference/operator/aggregation/ne: a missing field is "a distinct value, separate from null";
 *    two missing fields are equal, a missing field differs from null. mongod orders it below null
 *    (canonical type 0 for a missing value, 5 for null), so `$lt: ['$missing', null]` is true;
 *  - query comparison operators ({ d: { $lt: date } }) are type-bracketed instead: they only match
 *    fields whose BSON type matches the operand's, so a missing, null or string `d` never matches.
 */

const h = useStandin('expr_cmp_tests');

const now = new Date('2025-06-01T00:00:00Z');
const past = new Date('2025-01-01T00:00:00Z');
const future = new Date('2026-01-01T00:00:00Z');

const docs: Loose[] = [
  { _id: 1 }, // d and v missing
  { _id: 2, d: null, v: null },
  { _id: 3, d: past, v: new Int32(3) },
  { _id: 4, d: future, v: Long.fromNumber(5) },
  { _id: 5, d: 'soon', v: new Double(5) },
  { _id: 6, d: past, v: Decimal128.fromString('7.5') },
  { _id: 7, v: 'a' }, // d missing
];

const ids = (rows: Loose[]) => rows.map((r) => r._id);

describe('aggregation comparison expressions use the BSON comparison order', () => {
  beforeAll(async () => {
    await h.db.collection<Loose>('c').insertMany(docs);
  });

  it('$project: missing < null < numbers of any BSON type < strings < dates', async () => {
    const got = await h.db
      .collection<Loose>('c')
      .aggregate([
        {
          $project: {
            dLtNow: { $lt: ['$d', now] },
            dGtNull: { $gt: ['$d', null] },
            vCmp5: { $cmp: ['$v', 5] },
            vLtLong6: { $lt: ['$v', Long.fromNumber(6)] },
            vGteDecimal5: { $gte: ['$v', Decimal128.fromString('5')] },
            vLteDouble5: { $lte: ['$v', new Double(5)] },
            vEqNull: { $eq: ['$v', null] },
            vNeNull: { $ne: ['$v', null] },
            vCmpNull: { $cmp: ['$v', null] },
          },
        },
        { $sort: { _id: 1 } },
      ])
      .toArray();
    expect(got).toEqual([
      // missing: below null and everything else; not equal to null
      {
        _id: 1,
        dLtNow: true,
        dGtNull: false,
        vCmp5: -1,
        vLtLong6: true,
        vGteDecimal5: false,
        vLteDouble5: true,
        vEqNull: false,
        vNeNull: true,
        vCmpNull: -1,
      },
      // null: below numbers and dates, equal to null
      {
        _id: 2,
        dLtNow: true,
        dGtNull: false,
        vCmp5: -1,
        vLtLong6: true,
        vGteDecimal5: false,
        vLteDouble5: true,
        vEqNull: true,
        vNeNull: false,
        vCmpNull: 0,
      },
      // int32 3 and an earlier date
      {
        _id: 3,
        dLtNow: true,
        dGtNull: true,
        vCmp5: -1,
        vLtLong6: true,
        vGteDecimal5: false,
        vLteDouble5: true,
        vEqNull: false,
        vNeNull: true,
        vCmpNull: 1,
      },
      // int64 5 equals int32 5, double 5 and decimal 5; a later date
      {
        _id: 4,
        dLtNow: false,
        dGtNull: true,
        vCmp5: 0,
        vLtLong6: true,
        vGteDecimal5: true,
        vLteDouble5: true,
        vEqNull: false,
        vNeNull: true,
        vCmpNull: 1,
      },
      // double 5.0; a string sorts below every date
      {
        _id: 5,
        dLtNow: true,
        dGtNull: true,
        vCmp5: 0,
        vLtLong6: true,
        vGteDecimal5: true,
        vLteDouble5: true,
        vEqNull: false,
        vNeNull: true,
        vCmpNull: 1,
      },
      // decimal 7.5
      {
        _id: 6,
        dLtNow: true,
        dGtNull: true,
        vCmp5: 1,
        vLtLong6: false,
        vGteDecimal5: true,
        vLteDouble5: false,
        vEqNull: false,
        vNeNull: true,
        vCmpNull: 1,
      },
      // a string is above every number
      {
        _id: 7,
        dLtNow: true,
        dGtNull: false,
        vCmp5: 1,
        vLtLong6: false,
        vGteDecimal5: true,
        vLteDouble5: false,
        vEqNull: false,
        vNeNull: true,
        vCmpNull: 1,
      },
    ]);
  });

  it('$project: constants and values of different types', async () => {
    const got = await h.db
      .collection<Loose>('c')
      .aggregate([
        { $match: { _id: 1 } },
        {
          $project: {
            _id: 0,
            numLtString: { $lt: [5, 'a'] },
            nullGtZero: { $gt: [null, 0] },
            nullCmpDate: { $cmp: [null, now] },
            missingLtNull: { $lt: ['$missing', null] },
            missingEqMissing: { $eq: ['$missing', '$alsoMissing'] },
            missingEqNull: { $eq: ['$missing', null] },
            stringLtDate: { $lt: ['z', past] },
            boolLtDate: { $lt: [true, past] },
            arrayGtNumber: { $gt: [[1, 2], 5] },
            arrayEqElement: { $eq: [[1, 2], 1] },
            objectFieldOrder: {
              $eq: [
                { a: 1, b: 2 },
                { b: 2, a: 1 },
              ],
            },
            arraysInOrder: {
              $cmp: [
                [2, 1],
                [1, 2],
              ],
            },
            longEqDouble: { $eq: [Long.fromNumber(2), new Double(2)] },
          },
        },
      ])
      .toArray();
    expect(got).toEqual([
      {
        numLtString: true,
        nullGtZero: false,
        nullCmpDate: -1,
        missingLtNull: true,
        missingEqMissing: true,
        missingEqNull: false,
        stringLtDate: true,
        boolLtDate: true,
        arrayGtNumber: true,
        arrayEqElement: false,
        objectFieldOrder: false,
        arraysInOrder: 1,
        longEqDouble: true,
      },
    ]);
  });

  it('$group: $sum over $cond counts documents whose field is missing or null as below a date', async () => {
    const got = await h.db
      .collection<Loose>('c')
      .aggregate([
        {
          $group: {
            _id: null,
            // without $ifNull, missing (1, 7), null (2) and the string (5) are all "< now"
            overdue: { $sum: { $cond: [{ $lt: ['$d', now] }, 1, 0] } },
            overdueIfNull: { $sum: { $cond: [{ $lt: [{ $ifNull: ['$d', now] }, now] }, 1, 0] } },
            aboveNull: { $sum: { $cond: [{ $gt: ['$v', null] }, 1, 0] } },
          },
        },
      ])
      .toArray();
    expect(got).toEqual([{ _id: null, overdue: 6, overdueIfNull: 3, aboveNull: 5 }]);
  });

  it('$group: a $cmp key puts missing and null below every number and strings above', async () => {
    const got = await h.db
      .collection<Loose>('c')
      .aggregate([{ $group: { _id: { $cmp: ['$v', 5] }, ids: { $push: '$_id' } } }, { $sort: { _id: 1 } }])
      .toArray();
    expect(got).toEqual([
      { _id: -1, ids: [1, 2, 3] },
      { _id: 0, ids: [4, 5] },
      { _id: 1, ids: [6, 7] },
    ]);
  });

  it('$match with $expr, nested $lookup pipelines and find with $expr compare the same way', async () => {
    const c = h.db.collection<Loose>('c');
    expect(ids(await c.aggregate([{ $match: { $expr: { $lt: ['$d', now] } } }]).toArray())).toEqual([
      1, 2, 3, 5, 6, 7,
    ]);
    expect(ids(await c.aggregate([{ $match: { $expr: { $eq: ['$v', null] } } }]).toArray())).toEqual([2]);
    expect(ids(await c.find({ $expr: { $gt: ['$v', 4] } }).toArray())).toEqual([4, 5, 6, 7]);
    expect(ids(await c.find({ $expr: { $lte: ['$d', null] } }).toArray())).toEqual([1, 2, 7]);
    const joined = await c
      .aggregate([
        { $match: { _id: 2 } },
        {
          $lookup: {
            from: 'c',
            let: { t: '$d' },
            pipeline: [{ $match: { $expr: { $lt: ['$$t', '$d'] } } }, { $project: { _id: 1 } }],
            as: 'above',
          },
        },
        {
          $lookup: {
            from: 'c',
            let: { t: '$d' },
            pipeline: [{ $match: { $expr: { $gt: ['$$t', '$d'] } } }, { $project: { _id: 1 } }],
            as: 'below',
          },
        },
      ])
      .toArray();
    // $$t is null: dates and strings are above it, missing fields below it
    expect(joined[0]?.above).toEqual([{ _id: 3 }, { _id: 4 }, { _id: 5 }, { _id: 6 }]);
    expect(joined[0]?.below).toEqual([{ _id: 1 }, { _id: 7 }]);
  });

  it('pipeline updates compare the same way', async () => {
    const c = h.db.collection<Loose>('upd');
    await c.insertMany(docs);
    await c.updateMany({}, [{ $set: { late: { $lt: ['$d', now] }, rank: { $cmp: ['$v', 5] } } }]);
    const got = await c
      .find({}, { projection: { late: 1, rank: 1 } })
      .sort({ _id: 1 })
      .toArray();
    expect(got).toEqual([
      { _id: 1, late: true, rank: -1 },
      { _id: 2, late: true, rank: -1 },
      { _id: 3, late: true, rank: -1 },
      { _id: 4, late: false, rank: 0 },
      { _id: 5, late: true, rank: 0 },
      { _id: 6, late: true, rank: 1 },
      { _id: 7, late: true, rank: 1 },
    ]);
    // the untouched values keep their BSON types
    const typed = await c.findOne({ _id: 4 }, { promoteLongs: false });
    expect(typed?.v).toBeInstanceOf(Long);
  });

  it('refuses a comparison without exactly two arguments, as mongod does (16020)', async () => {
    const err = await serverError(
      h.db
        .collection<Loose>('c')
        .aggregate([{ $project: { x: { $lt: [1] } } }])
        .toArray(),
    );
    expect(err.code).toBe(16020);
    expect(err.errmsg).toBe('Expression $lt takes exactly 2 arguments. 1 were passed in.');
  });
});

describe('query comparison operators stay type-bracketed', () => {
  it('{ d: { $lt: date } } matches only dates: not a missing, null or string d', async () => {
    const c = h.db.collection<Loose>('c');
    expect(
      ids(
        await c
          .find({ d: { $lt: now } })
          .sort({ _id: 1 })
          .toArray(),
      ),
    ).toEqual([3, 6]);
    expect(
      ids(
        await c
          .find({ d: { $gt: past } })
          .sort({ _id: 1 })
          .toArray(),
      ),
    ).toEqual([4]);
    expect(ids(await c.aggregate([{ $match: { d: { $lt: now } } }]).toArray())).toEqual([3, 6]);
    expect(await c.countDocuments({ d: { $lt: now } })).toBe(2);
  });

  it('{ v: { $lt: 6 } } matches numbers of every BSON type, not null, missing or strings', async () => {
    const c = h.db.collection<Loose>('c');
    expect(
      ids(
        await c
          .find({ v: { $lt: 6 } })
          .sort({ _id: 1 })
          .toArray(),
      ),
    ).toEqual([3, 4, 5]);
    expect(
      ids(
        await c
          .find({ v: { $gt: 'A' } })
          .sort({ _id: 1 })
          .toArray(),
      ),
    ).toEqual([7]);
  });
});
