import { type CommandSucceededEvent, type Document, MongoClient } from 'mongodb';
import { describe, expect, it } from 'vitest';
import { type Loose, useStandin } from './helpers.ts';

const h = useStandin('protocol_tests');

describe('protocol corners', () => {
  it('applies an unacknowledged (w:0, moreToCome) write without replying', async () => {
    const c = h.db.collection<Loose>('w0');
    await c.insertOne({ _id: 1 }, { writeConcern: { w: 0 } });
    await expect.poll(() => c.countDocuments({ _id: 1 })).toBe(1);
  });

  it('splits batches over 16 MiB into several replies and still returns every document', async () => {
    const c = h.db.collection<Loose>('large');
    const blob = 'x'.repeat(1024 * 1024);
    await c.insertMany(Array.from({ length: 40 }, (_, i) => ({ _id: i, blob })));
    const client = await new MongoClient(h.standin.url, { monitorCommands: true }).connect();
    try {
      const sizes: number[] = [];
      client.on('commandSucceeded', (e: CommandSucceededEvent) => {
        const cursor = (e.reply as Document | undefined)?.cursor;
        const batch = cursor?.firstBatch ?? cursor?.nextBatch;
        if (Array.isArray(batch) && e.commandName !== 'hello') sizes.push(batch.length);
      });
      const all = await client
        .db('protocol_tests')
        .collection<Loose>('large')
        .find({}, { batchSize: 1000 })
        .toArray();
      expect(all).toHaveLength(40);
      expect(sizes.length).toBeGreaterThanOrEqual(3);
      expect(Math.max(...sizes)).toBeLessThanOrEqual(15);
      expect(sizes.reduce((a, b) => a + b, 0)).toBe(40);
    } finally {
      await client.close();
    }
  });

  it('returns a single document close to 16 MiB on its own', async () => {
    const c = h.db.collection<Loose>('huge');
    await c.insertOne({ _id: 1, blob: 'y'.repeat(16 * 1024 * 1024 - 100) });
    await c.insertOne({ _id: 2, small: true });
    const all = await c.find().toArray();
    expect(all.map((d) => d._id)).toEqual([1, 2]);
  });

  it('sends insert documents as an OP_MSG document sequence and accepts them', async () => {
    const c = h.db.collection<Loose>('seq');
    const r = await c.insertMany(Array.from({ length: 1000 }, (_, i) => ({ i })));
    expect(r.insertedCount).toBe(1000);
  });

  it('serves many concurrent clients', async () => {
    const clients = await Promise.all(
      Array.from({ length: 20 }, () => new MongoClient(h.standin.url, { maxPoolSize: 4 }).connect()),
    );
    try {
      await Promise.all(
        clients.flatMap((cl, i) =>
          Array.from({ length: 25 }, (_, j) =>
            cl.db('protocol_tests').collection<Loose>('conc').insertOne({ i, j }),
          ),
        ),
      );
      expect(await h.db.collection<Loose>('conc').countDocuments()).toBe(500);
      const status = await h.client.db('admin').command({ serverStatus: 1 });
      expect(status.connections.current).toBeGreaterThan(20);
    } finally {
      await Promise.all(clients.map((cl) => cl.close()));
    }
  });
});
