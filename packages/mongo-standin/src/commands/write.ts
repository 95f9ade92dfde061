import { type Document, ObjectId } from 'bson';
import { isPlainObject } from '../bson/values.ts';
import { asCommandError, Codes, CommandError } from '../errors.ts';
import type { CommandContext, Handler } from '../state.ts';
import { buildUpsert, computeUpdate, type UpdateSpec } from '../update/execute.ts';
import { collName, docsArg, ensureColl, getColl, query as runQuery } from './util.ts';

/**
 * Runs the operations of a write command one by one. Each failure becomes a `writeErrors`
 * entry carrying the operation's index; an ordered command stops at the first failure.
 */
function eachOp(ctx: CommandContext, ops: Document[], fn: (op: Document, i: number) => void): Document[] {
  const ordered = ctx.cmd.ordered !== false;
  const writeErrors: Document[] = [];
  for (let i = 0; i < ops.length; i++) {
    try {
      fn(ops[i] as Document, i);
    } catch (err) {
      writeErrors.push(asCommandError(err).toWriteError(i));
      if (ordered) break;
    }
  }
  return writeErrors;
}

function withErrors(reply: Document, writeErrors: Document[]): Document {
  return writeErrors.length > 0 ? { ...reply, writeErrors } : reply;
}

function validateStorable(doc: Document): void {
  for (const k of Object.keys(doc)) {
    if (k.startsWith('$')) {
      throw new CommandError(Codes.BadValue, `Document can't have $ prefixed field names: ${k}`);
    }
  }
  if (Array.isArray(doc._id))
    throw new CommandError(Codes.InvalidIdField, `The '_id' value cannot be of type array`);
  if (doc._id instanceof RegExp)
    throw new CommandError(Codes.InvalidIdField, `The '_id' value cannot be of type regex`);
}

export const insert: Handler = (ctx) => {
  const docs = docsArg(ctx, 'documents');
  const coll = ensureColl(ctx);
  let n = 0;
  const writeErrors = eachOp(ctx, docs, (doc) => {
    if (!isPlainObject(doc)) throw new CommandError(Codes.TypeMismatch, 'documents must be objects');
    validateStorable(doc);
    // mongod puts a generated _id first; the driver normally generates it client-side.
    const stored = doc._id === undefined ? { _id: new ObjectId(), ...doc } : doc;
    coll.insert(stored);
    n++;
  });
  return withErrors({ n }, writeErrors);
};

export const update: Handler = (ctx) => {
  const ops = docsArg(ctx, 'updates');
  const name = collName(ctx);
  let n = 0;
  let nModified = 0;
  const upserted: Document[] = [];
  const writeErrors = eachOp(ctx, ops, (op, index) => {
    const filter = (op.q as Document | undefined) ?? {};
    if (!isPlainObject(filter)) throw new CommandError(Codes.TypeMismatch, 'q must be an object');
    const u = op.u as UpdateSpec;
    if (u === undefined)
      throw new CommandError(
        Codes.FailedToParse,
        "BSON field 'update.updates.u' is missing but a required field",
      );
    if (op.collation !== undefined)
      throw new CommandError(
        Codes.CommandNotSupported,
        `mongo-standin does not support the 'collation' option of update`,
      );
    const multi = op.multi === true;
    if (
      multi &&
      !Array.isArray(u) &&
      isPlainObject(u) &&
      !Object.keys(u).some((k) => k.startsWith('$')) &&
      Object.keys(u).length > 0
    ) {
      throw new CommandError(
        Codes.FailedToParse,
        'multi update is not supported for replacement-style update',
      );
    }
    const coll = getColl(ctx);
    const result = runQuery(ctx, coll, filter, { limit: multi ? 0 : 1, sort: op.sort });
    if (coll && result.records.length > 0) {
      for (const rec of result.records) {
        const next = computeUpdate(rec.doc, rec.view, filter, u, op.arrayFilters, false);
        n++;
        if (!sameBytes(rec.doc, next)) {
          coll.replace(rec, next);
          nModified++;
        }
      }
      return;
    }
    if (op.upsert === true) {
      const doc = buildUpsert(filter, u, op.arrayFilters);
      validateStorable(doc);
      ctx.state.catalog.ensure(ctx.db, name).insert(doc);
      n++;
      upserted.push({ index, _id: doc._id });
    }
  });
  const reply: Document = { n, nModified };
  if (upserted.length > 0) reply.upserted = upserted;
  return withErrors(reply, writeErrors);
};

/** mongod reports a document as modified only if its bytes changed. */
function sameBytes(a: Document, b: Document): boolean {
  return equalExact(a, b);
}

function equalExact(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a))
    return Array.isArray(b) && a.length === b.length && a.every((x, i) => equalExact(x, b[i]));
  if (isPlainObject(a)) {
    if (!isPlainObject(b)) return false;
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    return ka.length === kb.length && ka.every((k, i) => k === kb[i] && equalExact(a[k], b[k]));
  }
  if (a instanceof Date) return b instanceof Date && a.getTime() === b.getTime();
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (a.constructor !== b.constructor) return false;
  return String(a) === String(b) && JSON.stringify(a) === JSON.stringify(b);
}

export const del: Handler = (ctx) => {
  const ops = docsArg(ctx, 'deletes');
  let n = 0;
  const writeErrors = eachOp(ctx, ops, (op) => {
    const filter = (op.q as Document | undefined) ?? {};
    if (!isPlainObject(filter)) throw new CommandError(Codes.TypeMismatch, 'q must be an object');
    const limit = Number(op.limit ?? 0);
    if (limit !== 0 && limit !== 1)
      throw new CommandError(
        Codes.FailedToParse,
        `The limit field in delete objects must be 0 or 1. Got ${limit}`,
      );
    if (op.collation !== undefined)
      throw new CommandError(
        Codes.CommandNotSupported,
        `mongo-standin does not support the 'collation' option of delete`,
      );
    const coll = getColl(ctx);
    if (!coll) return;
    for (const rec of runQuery(ctx, coll, filter, { limit }).records) {
      coll.remove(rec);
      n++;
    }
  });
  return withErrors({ n }, writeErrors);
};
