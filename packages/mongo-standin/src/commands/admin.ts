import { calculateObjectSize, type Document, Long } from 'bson';
import { isPlainObject } from '../bson/values.ts';
import { Codes, CommandError } from '../errors.ts';
import { compileFilter } from '../query/matcher.ts';
import type { Handler } from '../state.ts';
import type { Collection } from '../storage/collection.ts';
import { collName, ns, num } from './util.ts';

/** Collection options whose behaviour the stand-in does not implement: refused, never ignored. */
const REFUSED_CREATE_OPTIONS = [
  'capped',
  'validator',
  'viewOn',
  'pipeline',
  'timeseries',
  'clusteredIndex',
  'expireAfterSeconds',
  'changeStreamPreAndPostImages',
  'encryptedFields',
];

function approxSize(coll: Collection): number {
  let n = 0;
  for (const rec of coll.records.values()) n += calculateObjectSize(rec.doc);
  return n;
}

export const create: Handler = (ctx) => {
  const name = collName(ctx);
  for (const opt of REFUSED_CREATE_OPTIONS) {
    if (ctx.cmd[opt] !== undefined && ctx.cmd[opt] !== false) {
      throw new CommandError(
        Codes.CommandNotSupported,
        `mongo-standin does not support the '${opt}' option of create`,
      );
    }
  }
  const collation = ctx.cmd.collation;
  if (collation !== undefined && !(isPlainObject(collation) && collation.locale === 'simple'))
    throw new CommandError(
      Codes.CommandNotSupported,
      `mongo-standin does not support the 'collation' option of create`,
    );
  if (ctx.state.catalog.get(ctx.db, name))
    throw new CommandError(Codes.NamespaceExists, `Collection ${ctx.db}.${name} already exists.`);
  ctx.state.catalog.create(ctx.db, name, {});
  return {};
};

export const drop: Handler = (ctx) => {
  const name = collName(ctx);
  const coll = ctx.state.catalog.get(ctx.db, name);
  // Since MongoDB 7.0 dropping a missing collection succeeds.
  if (!coll) return { ns: ns(ctx, name) };
  const nIndexesWas = coll.indexes.size;
  ctx.state.catalog.drop(ctx.db, name);
  ctx.state.cursors.killNamespace(ns(ctx, name));
  return { nIndexesWas, ns: ns(ctx, name) };
};

export const dropDatabase: Handler = (ctx) => {
  ctx.state.catalog.dropDatabase(ctx.db);
  ctx.state.cursors.killDatabase(ctx.db);
  return { dropped: ctx.db };
};

export const listDatabases: Handler = (ctx) => {
  const filter = isPlainObject(ctx.cmd.filter) ? compileFilter(ctx.cmd.filter) : () => true;
  const nameOnly = ctx.cmd.nameOnly === true;
  const databases: Document[] = [];
  let totalSize = 0;
  for (const [name, colls] of ctx.state.catalog.dbs) {
    let size = 0;
    for (const c of colls.values()) size += approxSize(c);
    const entry: Document = nameOnly
      ? { name }
      : { name, sizeOnDisk: Long.fromNumber(size), empty: size === 0 };
    if (!filter(entry)) continue;
    totalSize += size;
    databases.push(entry);
  }
  return nameOnly
    ? { databases }
    : {
        databases,
        totalSize: Long.fromNumber(totalSize),
        totalSizeMb: Long.fromNumber(Math.floor(totalSize / 1048576)),
      };
};

export const listCollections: Handler = (ctx) => {
  const filter = isPlainObject(ctx.cmd.filter) ? compileFilter(ctx.cmd.filter) : () => true;
  const nameOnly = ctx.cmd.nameOnly === true;
  const out: Document[] = [];
  for (const coll of ctx.state.catalog.db(ctx.db)?.values() ?? []) {
    const full: Document = {
      name: coll.name,
      type: 'collection',
      options: coll.options,
      info: { readOnly: false },
      idIndex: { v: 2, key: { _id: 1 }, name: '_id_' },
    };
    if (!filter(full)) continue;
    out.push(nameOnly ? { name: coll.name, type: 'collection' } : full);
  }
  const cursorNs = `${ctx.db}.$cmd.listCollections`;
  const batchSize = isPlainObject(ctx.cmd.cursor) ? num(ctx.cmd.cursor.batchSize, 0) : 0;
  const c = ctx.state.cursors.open(cursorNs, out, (d) => d, batchSize, false, false);
  return { cursor: { id: c.id, ns: cursorNs, firstBatch: c.batch } };
};

export const renameCollection: Handler = (ctx) => {
  const from = ctx.cmd.renameCollection;
  const to = ctx.cmd.to;
  if (typeof from !== 'string' || typeof to !== 'string')
    throw new CommandError(Codes.TypeMismatch, "'renameCollection' and 'to' must be namespace strings");
  const [fromDb, ...fromRest] = from.split('.');
  const [toDb, ...toRest] = to.split('.');
  const fromName = fromRest.join('.');
  const toName = toRest.join('.');
  if (!fromDb || !toDb || fromDb !== toDb)
    throw new CommandError(
      Codes.CommandNotSupported,
      'mongo-standin does not support renaming a collection across databases',
    );
  const catalog = ctx.state.catalog;
  if (!catalog.get(fromDb, fromName))
    throw new CommandError(Codes.NamespaceNotFound, 'Source collection does not exist');
  if (catalog.get(toDb, toName)) {
    if (ctx.cmd.dropTarget !== true) throw new CommandError(Codes.NamespaceExists, 'target namespace exists');
    catalog.drop(toDb, toName);
  }
  catalog.rename(fromDb, fromName, toName);
  ctx.state.cursors.killNamespace(from);
  return {};
};

export const dbStats: Handler = (ctx) => {
  const colls = [...(ctx.state.catalog.db(ctx.db)?.values() ?? [])];
  let objects = 0;
  let dataSize = 0;
  let indexes = 0;
  for (const c of colls) {
    objects += c.size;
    dataSize += approxSize(c);
    indexes += c.indexes.size;
  }
  return {
    db: ctx.db,
    collections: colls.length,
    views: 0,
    objects,
    dataSize,
    storageSize: dataSize,
    indexes,
  };
};

export const collStats: Handler = (ctx) => {
  const coll = ctx.state.catalog.get(ctx.db, collName(ctx));
  if (!coll)
    throw new CommandError(Codes.NamespaceNotFound, `Collection [${ns(ctx, collName(ctx))}] not found.`);
  const size = approxSize(coll);
  return { ns: coll.ns, count: coll.size, size, storageSize: size, nindexes: coll.indexes.size };
};
