import amqp from 'amqplib';
import { Int32, Long, MongoClient, ObjectId } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RabbitAdmin } from '../src/infra/rabbit-admin.ts';
import { startInfra } from '../src/infra/start-infra.ts';
import type { TestScope } from '../src/scope.ts';
import { testInfra, useTestScope } from '../src/vitest-scope.ts';

describe('infrastructure provided to test files', () => {
  let scope: TestScope;

  beforeAll(async () => {
    scope = await useTestScope('wiring');
  });

  afterAll(async () => {
    await scope.cleanup();
  });

  it('does a MongoDB round trip through the official driver', async () => {
    const db = await scope.db();
    const cases = db.collection('cases');
    const _id = new ObjectId();
    await cases.insertOne({
      _id,
      reference: 'پ-۱۴۰۴-۱۲',
      seized: Long.fromString('12500000000000'),
      parties: new Int32(2),
    });

    const found = await cases.findOne({ _id }, { promoteLongs: false, promoteValues: false });

    expect(found?.reference).toBe('پ-۱۴۰۴-۱۲');
    expect(found?.seized).toBeInstanceOf(Long);
    expect(String(found?.seized)).toBe('12500000000000');
    expect(found?.parties).toBeInstanceOf(Int32);
  });

  it('publishes and consumes a message on the broker', async () => {
    const connection = await amqp.connect(scope.amqpUrl);
    try {
      const channel = await connection.createConfirmChannel();
      const exchange = scope.name('events');
      const queue = scope.name('probe');
      await channel.assertExchange(exchange, 'topic', { durable: true });
      await channel.assertQueue(queue, { durable: true });
      await channel.bindQueue(queue, exchange, 'case.#');

      const received = new Promise<string>((resolve) => {
        void channel.consume(queue, (message) => {
          if (!message) return;
          channel.ack(message);
          resolve(message.content.toString());
        });
      });
      channel.publish(exchange, 'case.registered.v1', Buffer.from('{"hello":"broker"}'), {
        persistent: true,
      });
      await channel.waitForConfirms();

      expect(await received).toBe('{"hello":"broker"}');
      await channel.close();
    } finally {
      await connection.close();
    }
  });

  it('gives each scope its own database and virtual host', async () => {
    const other = await useTestScope('wiring');
    try {
      expect(other.dbName).not.toBe(scope.dbName);
      if (testInfra().rabbitManagementUrl) {
        expect(other.vhost).toBeDefined();
        expect(other.vhost).not.toBe(scope.vhost);
        expect(other.amqpUrl).toContain(encodeURIComponent(other.vhost ?? ''));
      }
    } finally {
      await other.cleanup();
    }
  });

  it('removes the database and the vhost on cleanup', async () => {
    const infra = testInfra();
    const throwaway = await useTestScope('cleanup');
    const db = await throwaway.db();
    await db.collection('lots').insertOne({ office: 'bandar_imam_khomeini' });
    await throwaway.cleanup();

    const client = await new MongoClient(infra.mongoUrl).connect();
    try {
      const { databases } = await client.db('admin').admin().listDatabases();
      expect(databases.map((entry) => entry.name)).not.toContain(throwaway.dbName);
    } finally {
      await client.close();
    }
    if (infra.rabbitManagementUrl && throwaway.vhost) {
      await expect(amqp.connect(throwaway.amqpUrl)).rejects.toThrow();
      expect(await new RabbitAdmin(infra.rabbitManagementUrl).reachable()).toBe(true);
    }
  });
});

describe('startInfra', () => {
  it('takes MONGO_URL and AMQP_URL from the environment and starts nothing', async () => {
    const lines: string[] = [];
    const infra = await startInfra({
      env: {
        MONGO_URL: 'mongodb://db.example.invalid:27017',
        AMQP_URL: 'amqp://u:secret@broker.example.invalid',
      },
      log: (line) => lines.push(line),
    });
    await infra.stop();

    expect(infra.mongoSource).toBe('environment');
    expect(infra.amqpSource).toBe('environment');
    expect(infra.mongoUrl).toBe('mongodb://db.example.invalid:27017');
    expect(lines.join('\n')).toContain('from environment');
    expect(lines.join('\n')).not.toContain('secret');
  });

  it('falls back to the local broker and the MongoDB stand-in when there is no Docker engine', async () => {
    const lines: string[] = [];
    const infra = await startInfra({
      env: { TESTKIT_DISABLE_DOCKER: 'true' },
      log: (line) => lines.push(line),
    });
    try {
      expect(infra.mongoSource).toBe('local');
      expect(infra.amqpSource).toBe('local');
      expect(lines.join('\n')).toContain('the MongoDB stand-in');
      const client = await new MongoClient(infra.mongoUrl).connect();
      try {
        expect(await client.db('admin').command({ ping: 1 })).toMatchObject({ ok: 1 });
      } finally {
        await client.close();
      }
    } finally {
      await infra.stop();
    }
  });
});
