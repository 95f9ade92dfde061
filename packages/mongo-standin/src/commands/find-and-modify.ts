import type { Document } from 'bson';
import { docView } from '../bson/values.ts';
import { Codes, CommandError } from '../errors.ts';
import { compileProjection } from '../query/projection.ts';
import type { Handler } from '../state.ts';
import { buildUpsert, computeUpdate, type UpdateSpec } from '../update/execute.ts';
import { collName, getColl, optDoc, refuseOptions, query as runQuery } from './util.ts';

export const findAndModify: Handler = (ctx) => {
  refuseOptions(ctx, ['collation']);
  const query = optDoc(ctx.cmd.query, 'query') ?? {};
  const remove = ctx.cmd.remove === true;
  const u = ctx.cmd.update as UpdateSpec | undefined;
  const returnNew = ctx.cmd.new === true;
  const upsert = ctx.cmd.upsert === true;
  if (remove && u !== undefined)
    throw new CommandError(Codes.FailedToParse, 'Cannot specify both an update and remove=true');
  if (!remove && u === undefined)
    throw new CommandError(Codes.FailedToParse, 'Either an update or remove=true must be specified');
  if (remove && (upsert || returnNew)) {
    throw new CommandError(Codes.FailedToParse, 'Cannot specify both upsert=true and remove=true');
  }
  const project = compileProjection(optDoc(ctx.cmd.fields, 'fields'));
  const shape = (d: Document | undefined) => (d && project ? project(d, docView(d)) : (d ?? null));
  const coll = getColl(ctx);
  const [rec] = runQuery(ctx, coll, query, { sort: ctx.cmd.sort, limit: 1 }).records;

  if (remove) {
    if (!coll || !rec) return { lastErrorObject: { n: 0 }, value: null };
    coll.remove(rec);
    return { lastErrorObject: { n: 1 }, value: shape(rec.doc) };
  }
  const update = u as UpdateSpec;
  if (coll && rec) {
    const before = rec.doc;
    const next = computeUpdate(before, rec.view, query, update, ctx.cmd.arrayFilters, false);
    coll.replace(rec, next);
    return { lastErrorObject: { n: 1, updatedExisting: true }, value: shape(returnNew ? next : before) };
  }
  if (!upsert) return { lastErrorObject: { n: 0, updatedExisting: false }, value: null };
  const doc = buildUpsert(query, update, ctx.cmd.arrayFilters);
  ctx.state.catalog.ensure(ctx.db, collName(ctx)).insert(doc);
  return {
    lastErrorObject: { n: 1, updatedExisting: false, upserted: doc._id },
    value: returnNew ? shape(doc) : null,
  };
};
