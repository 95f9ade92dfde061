import { randomBytes } from 'node:crypto';
import amqp from 'amqplib';
import { type Db, MongoClient } from 'mongodb';
import { RabbitAdmin } from './infra/rabbit-admin.ts';
import type { InfraUrls } from './infra/types.ts';

/**
 * What one test file (or one benchmark) owns: its own MongoDB database, its own RabbitMQ vhost
 * (or, where no management API answers, names under its own prefix), and a cleanup that removes
 * everything it created so runs never see each other's state.
 */
export interface TestScope {
  /** Unique id of this scope, safe in database, vhost, exchange and queue names. */
  readonly id: string;
  readonly mongoUrl: string;
  readonly dbName: string;
  /** AMQP URL to connect to: points at the scope's own vhost when isolated by vhost. */
  readonly amqpUrl: string;
  readonly vhost: string | undefined;
  /** A name under the scope's prefix, for exchanges and queues; removed by cleanup(). */
  name(base: string): string;
  /** The scope's MongoDB client, connected on first use and closed by cleanup(). */
  mongoClient(): Promise<MongoClient>;
  /** The scope's own database. */
  db(): Promise<Db>;
  cleanup(): Promise<void>;
}

const MAX_LABEL = 30;

export async function createTestScope(infra: InfraUrls, label: string): Promise<TestScope> {
  const safeLabel = label
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, MAX_LABEL);
  const id = `t_${safeLabel || 'test'}_${randomBytes(4).toString('hex')}`;
  const issuedNames = new Set<string>();

  let vhost: string | undefined;
  let amqpUrl = infra.amqpUrl;
  const admin = infra.rabbitManagementUrl ? new RabbitAdmin(infra.rabbitManagementUrl) : undefined;
  if (admin) {
    vhost = id;
    const user = decodeURIComponent(new URL(infra.amqpUrl).username) || 'guest';
    await admin.createVhost(vhost, user);
    amqpUrl = withVhost(infra.amqpUrl, vhost);
  }

  let client: MongoClient | undefined;
  const mongoClient = async (): Promise<MongoClient> => {
    client ??= await new MongoClient(infra.mongoUrl, { serverSelectionTimeoutMS: 10_000 }).connect();
    return client;
  };

  return {
    id,
    mongoUrl: infra.mongoUrl,
    dbName: id,
    amqpUrl,
    vhost,
    name: (base) => {
      const name = `${id}.${base}`;
      issuedNames.add(name);
      return name;
    },
    mongoClient,
    db: async () => (await mongoClient()).db(id),
    cleanup: async () => {
      const errors: unknown[] = [];
      await (async () => {
        const connected = await mongoClient();
        await connected.db(id).dropDatabase();
        await connected.close();
      })().catch((error: unknown) => errors.push(error));
      if (admin && vhost) {
        await admin.deleteVhost(vhost).catch((error: unknown) => errors.push(error));
      } else if (issuedNames.size > 0) {
        await deleteNames(infra.amqpUrl, issuedNames).catch((error: unknown) => errors.push(error));
      }
      if (errors.length > 0) throw new AggregateError(errors, `cleanup of test scope ${id} failed`);
    },
  };
}

/** The same broker URL with another virtual host. */
export function withVhost(amqpUrl: string, vhost: string): string {
  const url = new URL(amqpUrl);
  url.pathname = `/${encodeURIComponent(vhost)}`;
  return url.toString();
}

/** Without a vhost to drop, the names the scope issued are deleted one by one (as queue and as exchange). */
async function deleteNames(amqpUrl: string, names: Iterable<string>): Promise<void> {
  const connection = await amqp.connect(amqpUrl);
  try {
    const channel = await connection.createChannel();
    for (const name of names) {
      await channel.deleteQueue(name);
      await channel.deleteExchange(name);
    }
    await channel.close();
  } finally {
    await connection.close();
  }
}
