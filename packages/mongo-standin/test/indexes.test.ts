import type { Document } from 'mongodb';
import { describe, expect, it } from 'vitest';
import { type Loose, serverError, useStandin } from './helpers.ts';

const h = useStandin('index_tests', { ttlMonitorIntervalMs: 50 });

async function plan(find: Promise<Document>): Promise<{ stage: string; index?: string; examined: number }> {
  const e = await find;
  let p = e.queryPlanner.winningPlan;
  if (p.stage === 'SORT') p = p.inputStage;
  return { stage: p.stage, index: p.indexName, examined: e.executionStats.totalDocsExamined };
}

describe('indexes', () => {
  it('creates, lists and drops indexes', async () => {
    const c = h.db.collection<Loose>('basic');
    expect(await c.createIndex({ a: 1, b: -1 })).toBe('a_1_b_-1');
    expect(await c.createIndex({ c: 1 }, { name: 'cee', sparse: true })).toBe('cee');
    const list = await c.listIndexes().toArray();
    expect(list.map((i) => i.name)).toEqual(['_id_', 'a_1_b_-1', 'cee']);
    expect(list[1]).toMatchObject({ v: 2, key: { a: 1, b: -1 }, name: 'a_1_b_-1' });
    await c.dropIndex('cee');
    await h.db.command({ dropIndexes: 'basic', index: { a: 1, b: -1 } });
    expect((await c.listIndexes().toArray()).map((i) => i.name)).toEqual(['_id_']);
  });

  it('treats an identical createIndex as a no-op and a name clash as an error', async () => {
    const c = h.db.collection<Loose>('basic');
    await c.createIndex({ x: 1 });
    await c.createIndex({ x: 1 });
    const err = await serverError(c.createIndex({ y: 1 }, { name: 'x_1' }));
    expect(err.code).toBe(86);
  });

  it('refuses to drop the _id index and reports a missing index', async () => {
    const c = h.db.collection<Loose>('basic');
    expect((await serverError(c.dropIndex('_id_'))).code).toBe(72);
    expect((await serverError(c.dropIndex('nope'))).code).toBe(27);
    expect((await serverError(h.db.collection<Loose>('absent').listIndexes().toArray())).code).toBe(26);
  });

  it('refuses text, 2dsphere and hashed indexes', async () => {
    const err = await serverError(h.db.collection<Loose>('basic').createIndex({ body: 'text' }));
    expect(err.code).toBe(67);
    expect(String(err.message)).toContain("'text'");
  });

  it('enforces a unique index with mongod duplicate-key details', async () => {
    const c = h.db.collection<Loose>('users');
    await c.createIndex({ email: 1 }, { unique: true });
    await c.insertOne({ email: 'a@x' });
    const err = await serverError(c.insertOne({ email: 'a@x' }));
    expect(err.code).toBe(11000);
    expect(err.message).toBe(
      'E11000 duplicate key error collection: index_tests.users index: email_1 dup key: { email: "a@x" }',
    );
    expect(err.keyPattern).toEqual({ email: 1 });
    expect(err.keyValue).toEqual({ email: 'a@x' });
  });

  it('enforces a unique index on update', async () => {
    const c = h.db.collection<Loose>('users');
    await c.insertOne({ email: 'b@x' });
    const err = await serverError(c.updateOne({ email: 'b@x' }, { $set: { email: 'a@x' } }));
    expect(err.code).toBe(11000);
  });

  it('refuses to build a unique index over existing duplicates', async () => {
    const c = h.db.collection<Loose>('dups');
    await c.insertMany([{ k: 1 }, { k: 1 }]);
    const err = await serverError(c.createIndex({ k: 1 }, { unique: true }));
    expect(err.code).toBe(11000);
    expect((await c.listIndexes().toArray()).map((i) => i.name)).toEqual(['_id_']);
  });

  it('enforces a compound unique index on the combination only', async () => {
    const c = h.db.collection<Loose>('compound');
    await c.createIndex({ tenant: 1, code: 1 }, { unique: true });
    await c.insertMany([
      { tenant: 't1', code: 'a' },
      { tenant: 't2', code: 'a' },
    ]);
    const err = await serverError(c.insertOne({ tenant: 't1', code: 'a' }));
    expect(err.code).toBe(11000);
    expect(err.keyValue).toEqual({ tenant: 't1', code: 'a' });
    expect(err.message).toContain('dup key: { tenant: "t1", code: "a" }');
  });

  it('enforces a partial unique index only on documents matching its filter', async () => {
    const c = h.db.collection<Loose>('partial');
    await c.createIndex({ ref: 1 }, { unique: true, partialFilterExpression: { active: true } });
    await c.insertMany([
      { ref: 'r', active: false },
      { ref: 'r', active: false },
      { ref: 'r', active: true },
    ]);
    const err = await serverError(c.insertOne({ ref: 'r', active: true }));
    expect(err.code).toBe(11000);
  });

  it('treats a missing field as null in a unique index unless sparse', async () => {
    const c = h.db.collection<Loose>('nulls');
    await c.createIndex({ maybe: 1 }, { unique: true });
    await c.insertOne({ a: 1 });
    expect((await serverError(c.insertOne({ a: 2 }))).code).toBe(11000);
    const s = h.db.collection<Loose>('sparse');
    await s.createIndex({ maybe: 1 }, { unique: true, sparse: true });
    await s.insertMany([{ a: 1 }, { a: 2 }]);
    expect(await s.countDocuments()).toBe(2);
  });

  it('removes expired documents through a TTL index', async () => {
    const c = h.db.collection<Loose>('ttl');
    await c.createIndex({ at: 1 }, { expireAfterSeconds: 1 });
    await c.insertMany([
      { _id: 'old' as never, at: new Date(Date.now() - 60_000) },
      { _id: 'new' as never, at: new Date(Date.now() + 60_000) },
      { _id: 'nodate' as never, at: 'not a date' },
    ]);
    await expect
      .poll(async () => (await c.find().toArray()).map((d) => d._id), { timeout: 5000 })
      .toEqual(['new', 'nodate']);
  });

  // Loading 100,000 documents takes seconds alone and far longer on a CI machine running every suite
  // at once; the assertions are on documents examined, never on time.
  describe('on a 100,000-document collection', { timeout: 180_000 }, () => {
    it('answers _id, unique, equality, range, compound-prefix and sort queries without a collection scan', async () => {
      const c = h.db.collection<Loose>('big');
      const docs = Array.from({ length: 100_000 }, (_, i) => ({
        _id: i,
        code: `c${i}`,
        group: i % 100,
        n: i,
        tenant: `t${i % 10}`,
        seq: i,
      }));
      await c.insertMany(docs);
      await c.createIndex({ code: 1 }, { unique: true });
      await c.createIndex({ group: 1 });
      await c.createIndex({ n: 1 });
      await c.createIndex({ tenant: 1, seq: -1 });

      expect(await plan(c.find({ _id: 4242 }).explain('executionStats'))).toEqual({
        stage: 'IDHACK',
        examined: 1,
      });
      expect(await plan(c.find({ code: 'c77' }).explain('executionStats'))).toEqual({
        stage: 'IXSCAN',
        index: 'code_1',
        examined: 1,
      });
      expect(await plan(c.find({ group: 7 }).explain('executionStats'))).toMatchObject({
        stage: 'IXSCAN',
        examined: 1000,
      });
      expect(await plan(c.find({ n: { $gte: 500, $lt: 510 } }).explain('executionStats'))).toMatchObject({
        stage: 'IXSCAN',
        index: 'n_1',
        examined: 10,
      });
      expect(
        await plan(c.find({ tenant: 't3' }).sort({ seq: -1 }).limit(5).explain('executionStats')),
      ).toEqual({
        stage: 'IXSCAN',
        index: 'tenant_1_seq_-1',
        examined: 5,
      });
      expect(await plan(c.find({}).sort({ n: -1 }).limit(3).explain('executionStats'))).toMatchObject({
        stage: 'IXSCAN',
        examined: 3,
      });
      const top = await c.find({ tenant: 't3' }).sort({ seq: -1 }).limit(2).toArray();
      expect(top.map((d) => d.seq)).toEqual([99993, 99983]);
    });

    it('uses the index for updates, deletes, findAndModify and counts too', async () => {
      const c = h.db.collection<Loose>('big');
      const before = (await h.client.db('admin').command({ serverStatus: 1 })).metrics.queryExecutor
        .scannedObjects;
      await c.updateOne({ code: 'c10' }, { $set: { touched: true } });
      await c.deleteOne({ _id: 99_999 });
      await c.findOneAndUpdate({ n: 20 }, { $inc: { seq: 1 } });
      expect(await c.countDocuments({ group: 5 })).toBe(1000);
      const after = (await h.client.db('admin').command({ serverStatus: 1 })).metrics.queryExecutor
        .scannedObjects;
      expect(after - before).toBe(1 + 1 + 1 + 1000);
    });

    it('reports a collection scan for an unindexed predicate', async () => {
      const c = h.db.collection<Loose>('big');
      expect(await plan(c.find({ missing: 1 }).explain('executionStats'))).toEqual({
        stage: 'COLLSCAN',
        examined: 99_999,
      });
    });
  });
});
