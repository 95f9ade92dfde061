import { describe, expect, it } from 'vitest';
import { type Loose, serverError, useStandin } from './helpers.ts';

const h = useStandin('refusal_tests');

describe('refusals', () => {
  it('refuses a transaction with OperationNotSupportedInTransaction and a clear message', async () => {
    const session = h.client.startSession();
    try {
      session.startTransaction();
      const err = await serverError(h.db.collection<Loose>('t').insertOne({ a: 1 }, { session }));
      expect(err.code).toBe(263);
      expect(err.codeName).toBe('OperationNotSupportedInTransaction');
      expect(String(err.message)).toContain('does not support transactions');
      expect(String(err.message)).toContain("'insert'");
      await session.abortTransaction().catch(() => undefined);
    } finally {
      await session.endSession();
    }
    expect(await h.db.collection<Loose>('t').countDocuments()).toBe(0);
  });

  it('refuses withTransaction without retrying forever', async () => {
    const session = h.client.startSession();
    try {
      const err = await serverError(
        session.withTransaction(async () => {
          await h.db.collection<Loose>('t').insertOne({ a: 1 }, { session });
        }),
      );
      expect(err.code).toBe(263);
    } finally {
      await session.endSession();
    }
  });

  it('refuses commitTransaction and abortTransaction sent directly', async () => {
    const err = await serverError(h.client.db('admin').command({ commitTransaction: 1 }));
    expect(err.code).toBe(263);
    expect(String(err.message)).toContain('commitTransaction');
  });

  it('refuses change streams naming $changeStream', async () => {
    const stream = h.db.collection<Loose>('t').watch();
    const err = await serverError(stream.tryNext());
    expect(err.code).toBe(40573);
    expect(String(err.message)).toContain('$changeStream');
    await stream.close();
  });

  it('refuses unsupported query operators naming them', async () => {
    for (const [filter, op] of [
      [{ $text: { $search: 'x' } }, '$text'],
      [{ $where: 'this.a > 1' }, '$where'],
      [{ loc: { $near: [0, 0] } }, '$near'],
    ] as const) {
      const err = await serverError(h.db.collection<Loose>('t').find(filter).toArray());
      expect(err.code).toBe(2);
      expect(String(err.message)).toContain(op);
    }
  });

  it('refuses JavaScript in aggregation ($function, $accumulator)', async () => {
    await h.db.collection<Loose>('t').insertOne({ a: 1 });
    const err = await serverError(
      h.db
        .collection<Loose>('t')
        .aggregate([
          { $addFields: { x: { $function: { body: 'function() { return 1 }', args: [], lang: 'js' } } } },
        ])
        .toArray(),
    );
    expect(String(err.message)).toContain('$function');
  });

  it('refuses collation, capped collections, validators and views rather than ignoring them', async () => {
    const coll = await serverError(
      h.db
        .collection<Loose>('t')
        .find({}, { collation: { locale: 'fr' } })
        .toArray(),
    );
    expect(coll.code).toBe(115);
    expect(String(coll.message)).toContain('collation');
    const capped = await serverError(h.db.createCollection('capped', { capped: true, size: 1000 }));
    expect(String(capped.message)).toContain("'capped'");
    const validator = await serverError(h.db.createCollection('v', { validator: { a: { $exists: true } } }));
    expect(String(validator.message)).toContain("'validator'");
  });

  it('refuses authentication commands and unknown commands with their names', async () => {
    const sasl = await serverError(h.db.command({ saslStart: 1 }));
    expect(sasl.code).toBe(115);
    const unknown = await serverError(h.db.command({ notACommand: 1 }));
    expect(unknown.code).toBe(59);
    expect(unknown.message).toBe("no such command: 'notACommand'");
  });
});
