import type { Document } from 'bson';
import * as admin from '../commands/admin.ts';
import { aggregate } from '../commands/aggregate.ts';
import { explain } from '../commands/explain.ts';
import { count, distinct, find, getMore, killCursors } from '../commands/find.ts';
import { findAndModify } from '../commands/find-and-modify.ts';
import * as hs from '../commands/handshake.ts';
import { createIndexes, dropIndexes, listIndexes } from '../commands/indexes.ts';
import { getLog, noopSessions, refuseTransaction } from '../commands/sessions.ts';
import { del, insert, update } from '../commands/write.ts';
import { asCommandError, Codes, CommandError } from '../errors.ts';
import type { CommandContext, Handler, ServerState } from '../state.ts';

const HANDLERS: Record<string, Handler> = {
  hello: hs.hello,
  isMaster: hs.hello,
  ismaster: hs.hello,
  ping: hs.ping,
  buildInfo: hs.buildInfo,
  buildinfo: hs.buildInfo,
  serverStatus: hs.serverStatus,
  hostInfo: hs.hostInfo,
  getParameter: hs.getParameter,
  whatsmyuri: hs.whatsmyuri,
  connectionStatus: hs.connectionStatus,
  getCmdLineOpts: hs.getCmdLineOpts,
  getLog,
  endSessions: noopSessions,
  killSessions: noopSessions,
  killAllSessions: noopSessions,
  killAllSessionsByPattern: noopSessions,
  refreshSessions: noopSessions,
  startSession: noopSessions,
  find,
  getMore,
  killCursors,
  count,
  distinct,
  aggregate,
  insert,
  update,
  delete: del,
  findAndModify,
  findandmodify: findAndModify,
  createIndexes,
  listIndexes,
  dropIndexes,
  deleteIndexes: dropIndexes,
  create: admin.create,
  drop: admin.drop,
  dropDatabase: admin.dropDatabase,
  listDatabases: admin.listDatabases,
  listCollections: admin.listCollections,
  renameCollection: admin.renameCollection,
  dbStats: admin.dbStats,
  collStats: admin.collStats,
  explain,
};

/** Commands mongod has that the stand-in deliberately refuses, with the reason in the message. */
const REFUSED: Record<string, string> = {
  saslStart: 'authentication (connect without credentials)',
  saslContinue: 'authentication (connect without credentials)',
  authenticate: 'authentication (connect without credentials)',
  collMod: 'collMod',
  mapReduce: 'mapReduce',
  mapreduce: 'mapReduce',
  bulkWrite: 'the bulkWrite command (client.bulkWrite); use collection.bulkWrite',
  shardCollection: 'sharding',
  replSetGetStatus: 'replica sets (it is a standalone)',
  createUser: 'users and roles',
  validate: 'validate',
  compact: 'compact',
  fsync: 'fsync',
  geoNear: 'geospatial queries',
};

export interface DispatchInput {
  db: string;
  cmd: Document;
  sequences: Map<string, Document[]>;
  connectionId: number;
  legacy: boolean;
}

/**
 * Runs one command and returns the reply document (`ok: 1` added on success, mongod's error
 * shape on failure). The journal is flushed before returning, so a reply is only sent once its
 * writes are durable.
 */
export function dispatch(state: ServerState, input: DispatchInput): Document {
  const name = Object.keys(input.cmd)[0] ?? '';
  try {
    const reply = run(state, name, input);
    state.journal?.flush();
    return { ...reply, ok: 1 };
  } catch (err) {
    state.journal?.flush();
    const e = asCommandError(err);
    if (e.code === Codes.InternalError)
      state.logger.warn('command failed', { command: name, error: e.message });
    return e.toReply();
  }
}

function run(state: ServerState, name: string, input: DispatchInput): Document {
  const refusedTxn = refuseTransaction(name, input.cmd);
  if (refusedTxn) throw refusedTxn;
  const handler = Object.hasOwn(HANDLERS, name) ? HANDLERS[name] : undefined;
  if (!handler) {
    const reason = Object.hasOwn(REFUSED, name) ? REFUSED[name] : undefined;
    if (reason)
      throw new CommandError(
        Codes.CommandNotSupported,
        `mongo-standin does not support ${reason}: refused '${name}'`,
      );
    throw new CommandError(Codes.CommandNotFound, `no such command: '${name}'`);
  }
  const ctx: CommandContext = { state, name, ...input };
  return handler(ctx);
}
