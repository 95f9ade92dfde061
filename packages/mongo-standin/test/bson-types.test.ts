import { Binary, Decimal128, Double, Int32, Long, MaxKey, MinKey, ObjectId, Timestamp } from 'mongodb';
import { describe, expect, it } from 'vitest';
import { type Loose, useStandin } from './helpers.ts';

const h = useStandin('bson_tests');
const raw = { promoteValues: false, promoteLongs: false } as const;

describe('BSON types', () => {
  it('round-trips int32, int64, double, Decimal128, Date, ObjectId, binary and timestamp exactly', async () => {
    const c = h.db.collection<Loose>('round');
    const oid = new ObjectId();
    const when = new Date('2024-02-29T12:34:56.789Z');
    await c.insertOne({
      _id: 1,
      i: new Int32(7),
      l: Long.fromString('9007199254740993'),
      d: new Double(2),
      dec: Decimal128.fromString('0.1'),
      when,
      oid,
      bin: new Binary(Buffer.from([1, 2, 3]), 4),
      ts: new Timestamp({ t: 100, i: 2 }),
      nested: { l: Long.fromNumber(1), arr: [new Double(1), new Int32(1), Long.fromNumber(1)] },
    });
    const d = await c.findOne({ _id: 1 }, raw);
    expect(d?.i).toBeInstanceOf(Int32);
    expect(d?.l).toBeInstanceOf(Long);
    expect(d?.l.toString()).toBe('9007199254740993');
    expect(d?.d).toBeInstanceOf(Double);
    expect(d?.dec).toBeInstanceOf(Decimal128);
    expect(d?.dec.toString()).toBe('0.1');
    expect(d?.when).toEqual(when);
    expect(d?.oid.toHexString()).toBe(oid.toHexString());
    expect(d?.bin.sub_type).toBe(4);
    expect(d?.ts).toBeInstanceOf(Timestamp);
    expect(d?.nested.arr.map((x: object) => x.constructor.name)).toEqual(['Double', 'Int32', 'Long']);
  });

  it('keeps types of untouched fields through an update', async () => {
    const c = h.db.collection<Loose>('round');
    await c.updateOne({ _id: 1 }, { $set: { other: 1 } });
    const d = await c.findOne({ _id: 1 }, raw);
    expect(d?.l.toString()).toBe('9007199254740993');
    expect(d?.d).toBeInstanceOf(Double);
  });

  it('matches numbers across BSON types by value', async () => {
    const c = h.db.collection<Loose>('numbers');
    await c.insertMany([
      { _id: 'i', v: 5 },
      { _id: 'l', v: Long.fromNumber(5) },
      { _id: 'd', v: new Double(5) },
    ]);
    expect(await c.countDocuments({ v: 5 })).toBe(3);
    expect(await c.countDocuments({ v: { $gt: Long.fromNumber(4) } })).toBe(3);
  });

  it('promotes $inc: int32 + int32 overflow gives int64, int64 stays int64, Decimal128 wins', async () => {
    const c = h.db.collection<Loose>('inc');
    await c.insertOne({
      _id: 1,
      a: new Int32(2147483647),
      b: Long.fromNumber(10),
      c: new Int32(1),
      e: new Double(1),
    });
    await c.updateOne(
      { _id: 1 },
      { $inc: { a: new Int32(1), b: new Int32(1), c: Decimal128.fromString('1.5'), e: new Int32(1) } },
    );
    const d = await c.findOne({ _id: 1 }, raw);
    expect(d?.a).toBeInstanceOf(Long);
    expect(d?.b).toBeInstanceOf(Long);
    expect(d?.b.toString()).toBe('11');
    expect(d?.c).toBeInstanceOf(Decimal128);
    expect(d?.c.toString()).toBe('2.5');
    expect(d?.e).toBeInstanceOf(Double);
  });

  it('sorts mixed types in MongoDB comparison order', async () => {
    const c = h.db.collection<Loose>('order');
    const values: Array<[string, unknown]> = [
      ['maxkey', new MaxKey()],
      ['regex', /abc/],
      ['ts', new Timestamp({ t: 1, i: 1 })],
      ['date', new Date(0)],
      ['bool', true],
      ['oid', new ObjectId('000000000000000000000001')],
      ['bin', new Binary(Buffer.from([1]))],
      // An array sorts by its smallest element (ascending), so [9] sorts as the number 9.
      ['array', [9]],
      ['object', { a: 1 }],
      ['string', 'a'],
      ['number', 1],
      ['null', null],
      ['minkey', new MinKey()],
    ];
    await c.insertMany(values.map(([_id, v]) => ({ _id, v })));
    const asc = (await c.find().sort({ v: 1 }).toArray()).map((d) => d._id);
    expect(asc).toEqual([
      'minkey',
      'null',
      'number',
      'array',
      'string',
      'object',
      'bin',
      'oid',
      'bool',
      'date',
      'ts',
      'regex',
      'maxkey',
    ]);
  });
});
