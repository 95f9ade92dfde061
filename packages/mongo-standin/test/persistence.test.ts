import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Long, MongoClient } from 'mongodb';
import { afterAll, describe, expect, it } from 'vitest';
import { startMongoStandin } from '../src/index.ts';
import type { Loose } from './helpers.ts';

const dir = mkdtempSync(join(tmpdir(), 'mongo-standin-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function withServer<T>(fn: (client: MongoClient) => Promise<T>): Promise<T> {
  const standin = await startMongoStandin({ port: 0, dataDir: dir });
  const client = await new MongoClient(standin.url).connect();
  try {
    return await fn(client);
  } finally {
    await client.close();
    await standin.close();
  }
}

describe('persistence with dataDir', () => {
  it('keeps acknowledged writes, indexes and types across a restart', async () => {
    await withServer(async (client) => {
      const c = client.db('p').collection<Loose>('things');
      await c.createIndex({ code: 1 }, { unique: true });
      await c.insertMany([
        { _id: 1, code: 'a', big: Long.fromString('9007199254740993') },
        { _id: 2, code: 'b' },
      ]);
      await c.updateOne({ _id: 2 }, { $set: { v: 2 } });
      await c.insertOne({ _id: 3, code: 'c' });
      await c.deleteOne({ _id: 3 });
      await client.db('p').collection<Loose>('dropped').insertOne({ a: 1 });
      await client.db('p').collection<Loose>('dropped').drop();
    });
    await withServer(async (client) => {
      const c = client.db('p').collection<Loose>('things');
      const docs = await c.find({}, { promoteLongs: false }).toArray();
      expect(docs.map((d) => d._id)).toEqual([1, 2]);
      expect(docs[0]?.big.toString()).toBe('9007199254740993');
      expect(docs[1]?.v).toBe(2);
      expect((await c.listIndexes().toArray()).map((i) => i.name)).toEqual(['_id_', 'code_1']);
      await expect(c.insertOne({ code: 'a' })).rejects.toMatchObject({ code: 11000 });
      const names = (await client.db('p').listCollections().toArray()).map((x) => x.name);
      expect(names).toEqual(['things']);
    });
  });

  it('survives a second restart after compaction', async () => {
    await withServer(async (client) => {
      await client.db('p').collection<Loose>('things').insertOne({ _id: 4, code: 'd' });
    });
    await withServer(async (client) => {
      expect(await client.db('p').collection<Loose>('things').countDocuments()).toBe(3);
    });
  });
});
