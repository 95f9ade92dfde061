import { describe, expect, it } from 'vitest';
import { type Loose, serverError, useStandin } from './helpers.ts';

const h = useStandin('delete_tests');

describe('delete', () => {
  it('deletes one matching document with deleteOne and all with deleteMany', async () => {
    const c = h.db.collection<Loose>('d');
    await c.insertMany([{ k: 1 }, { k: 1 }, { k: 1 }, { k: 2 }]);
    expect((await c.deleteOne({ k: 1 })).deletedCount).toBe(1);
    expect((await c.deleteMany({ k: 1 })).deletedCount).toBe(2);
    expect(await c.countDocuments()).toBe(1);
  });

  it('deletes nothing on a missing collection', async () => {
    expect((await h.db.collection<Loose>('none').deleteMany({})).deletedCount).toBe(0);
  });

  it('frees a unique key once the document holding it is deleted', async () => {
    const c = h.db.collection<Loose>('uniq');
    await c.createIndex({ email: 1 }, { unique: true });
    await c.insertOne({ email: 'a@x' });
    await c.deleteOne({ email: 'a@x' });
    await c.insertOne({ email: 'a@x' });
    expect(await c.countDocuments({ email: 'a@x' })).toBe(1);
  });

  it('rejects a delete limit other than 0 or 1', async () => {
    const r = await h.db.command({ delete: 'd', deletes: [{ q: {}, limit: 5 }] });
    expect(r.writeErrors[0].code).toBe(9);
    const err = await serverError(h.db.collection<Loose>('d').deleteMany({ $where: 'true' }));
    expect(err.code).toBe(2);
  });
});
