import { MongoClient } from 'mongodb';
import { describe, expect, it } from 'vitest';
import { type Loose, serverError, useStandin } from './helpers.ts';

const h = useStandin('admin_tests');

describe('handshake and admin commands', () => {
  it('answers hello as a writable standalone with sessions and a modern wire version', async () => {
    const hello = await h.client.db('admin').command({ hello: 1 });
    expect(hello.ok).toBe(1);
    expect(hello.isWritablePrimary).toBe(true);
    expect(hello.maxWireVersion).toBeGreaterThanOrEqual(17);
    expect(hello.logicalSessionTimeoutMinutes).toBeGreaterThan(0);
    expect(hello.setName).toBeUndefined();
    expect(hello.compression).toBeUndefined();
  });

  it('answers the legacy isMaster command too', async () => {
    const reply = await h.client.db('admin').command({ isMaster: 1 });
    expect(reply.ismaster).toBe(true);
    expect(reply.ok).toBe(1);
  });

  it('is discovered as a standalone even without directConnection', async () => {
    const url = h.standin.url.replace('?directConnection=true', '');
    const client = await new MongoClient(url, { serverSelectionTimeoutMS: 5000 }).connect();
    try {
      expect((await client.db('admin').command({ ping: 1 })).ok).toBe(1);
    } finally {
      await client.close();
    }
  });

  it('answers ping, buildInfo, serverStatus, hostInfo and getParameter', async () => {
    const admin = h.client.db('admin');
    expect((await admin.command({ ping: 1 })).ok).toBe(1);
    const info = await admin.command({ buildInfo: 1 });
    expect(info.version).toMatch(/^\d+\.\d+/);
    expect(Array.isArray(info.versionArray)).toBe(true);
    const status = await admin.command({ serverStatus: 1 });
    expect(status.connections.current).toBeGreaterThan(0);
    expect(status.metrics.queryExecutor.scannedObjects).toBeGreaterThanOrEqual(0);
    expect((await admin.command({ hostInfo: 1 })).ok).toBe(1);
    const param = await admin.command({ getParameter: 1, featureCompatibilityVersion: 1 });
    expect(param.featureCompatibilityVersion.version).toBe('8.0');
  });

  it('accepts endSessions and killAllSessions', async () => {
    const admin = h.client.db('admin');
    expect((await admin.command({ endSessions: [] })).ok).toBe(1);
    expect((await admin.command({ killAllSessions: [] })).ok).toBe(1);
  });

  it('creates a collection explicitly and refuses to create it twice with NamespaceExists', async () => {
    await h.db.createCollection('made');
    const err = await serverError(h.db.createCollection('made'));
    expect(err.code).toBe(48);
    expect(err.codeName).toBe('NamespaceExists');
    expect(String(err.message)).toContain('admin_tests.made already exists');
  });

  it('lists collections, with a filter and nameOnly', async () => {
    await h.db.collection<Loose>('listed').insertOne({ a: 1 });
    const all = await h.db.listCollections().toArray();
    expect(all.map((c) => c.name)).toEqual(expect.arrayContaining(['made', 'listed']));
    const one = await h.db.listCollections({ name: 'listed' }, { nameOnly: true }).toArray();
    expect(one).toEqual([{ name: 'listed', type: 'collection' }]);
  });

  it('drops a collection, and dropping a missing one succeeds like MongoDB 7+', async () => {
    await h.db.collection<Loose>('gone').insertOne({ a: 1 });
    expect(await h.db.collection<Loose>('gone').drop()).toBe(true);
    expect(await h.db.collection<Loose>('gone').countDocuments()).toBe(0);
    expect(await h.db.collection<Loose>('never').drop()).toBe(true);
  });

  it('lists databases and drops a database', async () => {
    const other = h.client.db('admin_tests_other');
    await other.collection<Loose>('x').insertOne({ a: 1 });
    const { databases } = await h.client.db('admin').admin().listDatabases();
    expect(databases.map((d) => d.name)).toContain('admin_tests_other');
    expect(await other.dropDatabase()).toBe(true);
    const after = await h.client.db('admin').admin().listDatabases({ nameOnly: true });
    expect(after.databases.map((d) => d.name)).not.toContain('admin_tests_other');
  });

  it('renames a collection within a database', async () => {
    await h.db.collection<Loose>('before').insertOne({ a: 1 });
    await h.db.collection<Loose>('before').rename('after');
    expect(await h.db.collection<Loose>('after').countDocuments()).toBe(1);
    expect(await h.db.collection<Loose>('before').countDocuments()).toBe(0);
  });

  it('answers an unknown command with CommandNotFound naming the command', async () => {
    const err = await serverError(h.db.command({ frobnicate: 1 }));
    expect(err.code).toBe(59);
    expect(err.codeName).toBe('CommandNotFound');
    expect(err.message).toBe("no such command: 'frobnicate'");
  });
});
