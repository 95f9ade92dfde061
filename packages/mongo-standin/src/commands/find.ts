import { type Document, Long } from 'bson';
import { docView } from '../bson/values.ts';
import { Codes, CommandError } from '../errors.ts';
import { bsonCompare } from '../query/compare.ts';
import { valuesAtPath } from '../query/paths.ts';
import { compileProjection } from '../query/projection.ts';
import type { Handler } from '../state.ts';
import { collName, getColl, ns, num, optDoc, refuseOptions, query as runQuery } from './util.ts';

const identity = (d: Document) => d;

export const find: Handler = (ctx) => {
  refuseOptions(ctx, [
    'collation',
    'min',
    'max',
    'returnKey',
    'showRecordId',
    'tailable',
    'awaitData',
    'oplogReplay',
  ]);
  const name = collName(ctx);
  const filter = optDoc(ctx.cmd.filter, 'filter');
  const projection = optDoc(ctx.cmd.projection, 'projection');
  const rawLimit = num(ctx.cmd.limit);
  const skip = num(ctx.cmd.skip);
  if (skip < 0) throw new CommandError(51024, `BSON field 'skip' value must be >= 0, actual value '${skip}'`);
  if (rawLimit < 0)
    throw new CommandError(51024, `BSON field 'limit' value must be >= 0, actual value '${rawLimit}'`);
  const batchSize = ctx.cmd.batchSize === undefined ? 101 : num(ctx.cmd.batchSize);
  if (batchSize < 0)
    throw new CommandError(51024, `BSON field 'batchSize' value must be >= 0, actual value '${batchSize}'`);
  const project = compileProjection(projection);
  const result = runQuery(ctx, getColl(ctx), filter, { sort: ctx.cmd.sort, skip, limit: rawLimit });
  const docs = result.records.map((r) => r.doc);
  const render = project ? (d: Document) => project(d, docView(d)) : identity;
  const firstBatchLimit = rawLimit > 0 && (batchSize === 0 || rawLimit < batchSize) ? rawLimit : batchSize;
  // find with batchSize 0 returns an empty first batch and an open cursor, as mongod does.
  const cursor =
    ctx.cmd.batchSize !== undefined && batchSize === 0 && docs.length > 0
      ? ctx.state.cursors.open(ns(ctx, name), docs, render, -1, false, ctx.cmd.noCursorTimeout === true)
      : ctx.state.cursors.open(
          ns(ctx, name),
          docs,
          render,
          firstBatchLimit,
          ctx.cmd.singleBatch === true,
          ctx.cmd.noCursorTimeout === true,
        );
  return { cursor: { firstBatch: cursor.batch, id: cursor.id, ns: ns(ctx, name) } };
};

export const getMore: Handler = (ctx) => {
  const idv = ctx.cmd.getMore;
  if (!(idv instanceof Long))
    throw new CommandError(
      Codes.TypeMismatch,
      `BSON field 'getMore.getMore' is the wrong type, expected type 'long'`,
    );
  const coll = ctx.cmd.collection;
  if (typeof coll !== 'string')
    throw new CommandError(
      Codes.TypeMismatch,
      `BSON field 'getMore.collection' is missing but a required field`,
    );
  const cursorNs = ns(ctx, coll);
  const c = ctx.state.cursors.get(idv, cursorNs);
  const batch = ctx.state.cursors.batch(c, num(ctx.cmd.batchSize));
  const done = ctx.state.cursors.finish(c);
  return { cursor: { nextBatch: batch, id: done ? Long.ZERO : c.id, ns: cursorNs } };
};

export const killCursors: Handler = (ctx) => {
  const ids = ctx.cmd.cursors;
  if (!Array.isArray(ids))
    throw new CommandError(
      Codes.FailedToParse,
      `BSON field 'killCursors.cursors' is missing but a required field`,
    );
  const killed: Long[] = [];
  const notFound: Long[] = [];
  for (const id of ids) {
    if (id instanceof Long && ctx.state.cursors.kill(id)) killed.push(id);
    else notFound.push(id instanceof Long ? id : Long.ZERO);
  }
  return { cursorsKilled: killed, cursorsNotFound: notFound, cursorsAlive: [], cursorsUnknown: [] };
};

export const count: Handler = (ctx) => {
  refuseOptions(ctx, ['collation']);
  const query = optDoc(ctx.cmd.query, 'query');
  const skip = num(ctx.cmd.skip);
  const limit = Math.abs(num(ctx.cmd.limit));
  const coll = getColl(ctx);
  if (!coll) return { n: 0 };
  if (!query || Object.keys(query).length === 0) {
    return { n: Math.max(0, limit > 0 ? Math.min(limit, coll.size - skip) : coll.size - skip) };
  }
  return { n: runQuery(ctx, coll, query, { skip, limit }).records.length };
};

export const distinct: Handler = (ctx) => {
  refuseOptions(ctx, ['collation']);
  const key = ctx.cmd.key;
  if (typeof key !== 'string')
    throw new CommandError(
      Codes.TypeMismatch,
      `BSON field 'distinct.key' is the wrong type, expected type 'string'`,
    );
  const query = optDoc(ctx.cmd.query, 'query');
  const all: unknown[] = [];
  for (const rec of runQuery(ctx, getColl(ctx), query).records) all.push(...distinctValues(rec.doc, key));
  // mongod collects distinct values in an ordered set: sorted, and 1 / 1.0 / NumberLong(1) are one value.
  all.sort(bsonCompare);
  const values = all.filter((v, i) => i === 0 || bsonCompare(v, all[i - 1]) !== 0);
  return { values };
};

function distinctValues(doc: Document, key: string): unknown[] {
  const out: unknown[] = [];
  for (const v of valuesAtPath(doc, key)) {
    if (Array.isArray(v)) out.push(...v);
    else out.push(v);
  }
  return out;
}
