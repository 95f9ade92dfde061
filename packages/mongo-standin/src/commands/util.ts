import type { Document } from 'bson';
import { isPlainObject, optNumber } from '../bson/values.ts';
import { Codes, CommandError } from '../errors.ts';
import { type QueryOptions, type QueryResult, runQuery } from '../query/run.ts';
import type { CommandContext } from '../state.ts';
import type { Collection } from '../storage/collection.ts';

/** The collection name a command targets (its first field's value). */
export function collName(ctx: CommandContext): string {
  const v = ctx.cmd[ctx.name];
  if (typeof v !== 'string' || v.length === 0) {
    throw new CommandError(Codes.InvalidNamespace, `collection name has invalid type ${typeof v}`);
  }
  return v;
}

export function getColl(ctx: CommandContext): Collection | undefined {
  return ctx.state.catalog.get(ctx.db, collName(ctx));
}

export function ensureColl(ctx: CommandContext): Collection {
  return ctx.state.catalog.ensure(ctx.db, collName(ctx));
}

/** Array argument from the body or from an OP_MSG document sequence of the same name. */
export function docsArg(ctx: CommandContext, field: string): Document[] {
  const seq = ctx.sequences.get(field);
  const body = ctx.cmd[field];
  const out: Document[] = [];
  if (Array.isArray(body)) out.push(...(body as Document[]));
  if (seq) out.push(...seq);
  if (!seq && !Array.isArray(body)) {
    throw new CommandError(
      Codes.FailedToParse,
      `BSON field '${ctx.name}.${field}' is missing but a required field`,
    );
  }
  return out;
}

export function optDoc(v: unknown, field: string): Document | undefined {
  if (v === undefined || v === null) return undefined;
  if (!isPlainObject(v))
    throw new CommandError(
      Codes.TypeMismatch,
      `BSON field '${field}' is the wrong type '${typeof v}', expected type 'object'`,
    );
  return v;
}

export function num(v: unknown, fallback = 0): number {
  return optNumber(v, fallback);
}

export function ns(ctx: CommandContext, coll: string): string {
  return `${ctx.db}.${coll}`;
}

export function refuseOptions(ctx: CommandContext, fields: string[]): void {
  for (const f of fields) {
    if (ctx.cmd[f] !== undefined && ctx.cmd[f] !== null) {
      if (f === 'collation' && isSimpleCollation(ctx.cmd[f])) continue;
      throw new CommandError(
        Codes.CommandNotSupported,
        `mongo-standin does not support the '${f}' option of ${ctx.name}`,
      );
    }
  }
}

function isSimpleCollation(v: unknown): boolean {
  return isPlainObject(v) && v.locale === 'simple';
}

/** Runs a query and records what it examined in the server's metrics (see serverStatus). */
export function query(
  ctx: CommandContext,
  coll: Collection | undefined,
  filter: Document | undefined,
  opts: QueryOptions = {},
): QueryResult {
  const r = runQuery(coll, filter, opts);
  const m = ctx.state.metrics;
  m.scannedObjects += r.docsExamined;
  if (r.stage === 'IXSCAN' || r.stage === 'IDHACK') m.scanned += r.docsExamined;
  if (r.stage === 'COLLSCAN') m.collectionScans++;
  return r;
}
