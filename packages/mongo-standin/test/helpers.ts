import {
  type Binary,
  type Db,
  type Decimal128,
  type Document,
  type Double,
  type Int32,
  type Long,
  MongoClient,
  type MongoClientOptions,
  type ObjectId,
} from 'mongodb';
import { afterAll, beforeAll } from 'vitest';
import { type MongoStandin, type MongoStandinOptions, startMongoStandin } from '../src/index.ts';

export interface Harness {
  standin: MongoStandin;
  client: MongoClient;
  db: Db;
}

/**
 * Starts one stand-in per test file on a free port and connects the official driver to it.
 * The returned object is filled in by `beforeAll`.
 */
export function useStandin(
  dbName: string,
  options: MongoStandinOptions = {},
  clientOptions: MongoClientOptions = {},
): Harness {
  const h = {} as Harness;
  beforeAll(async () => {
    h.standin = await startMongoStandin({ port: 0, ...options });
    h.client = await new MongoClient(h.standin.url, {
      serverSelectionTimeoutMS: 5000,
      ...clientOptions,
    }).connect();
    h.db = h.client.db(dbName);
  });
  afterAll(async () => {
    await h.client?.close();
    await h.standin?.close();
  });
  return h;
}

/** The server error a promise rejects with (fails the test if it resolves). */
export async function serverError(p: Promise<unknown>): Promise<Record<string, unknown>> {
  try {
    await p;
  } catch (err) {
    return err as Record<string, unknown>;
  }
  throw new Error('expected the operation to fail');
}

/** A schema whose `_id` may be any BSON value (the driver's default assumes ObjectId). */
export interface Loose extends Document {
  _id?: string | number | Date | ObjectId | Long | Double | Int32 | Decimal128 | Binary | Document | null;
}
