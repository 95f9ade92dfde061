import type { Document } from 'bson';
import { executePipeline } from '../aggregate/pipeline.ts';
import { isPlainObject } from '../bson/values.ts';
import { Codes, CommandError } from '../errors.ts';
import type { CommandContext, Handler } from '../state.ts';
import { ns, num, refuseOptions, query as runQuery } from './util.ts';

/** Stages evaluated by mingo with MongoDB semantics. */
const SUPPORTED = new Set([
  '$match',
  '$group',
  '$sort',
  '$limit',
  '$skip',
  '$project',
  '$addFields',
  '$set',
  '$unset',
  '$unwind',
  '$count',
  '$facet',
  '$lookup',
  '$replaceRoot',
  '$replaceWith',
  '$sortByCount',
  '$bucket',
  '$bucketAuto',
  '$sample',
  '$unionWith',
  '$graphLookup',
  '$redact',
  '$setWindowFields',
  '$densify',
  '$fill',
  '$documents',
]);

const REFUSED: Record<string, [number, string]> = {
  $changeStream: [
    Codes.Location40573,
    'The $changeStream stage is only supported on replica sets; mongo-standin does not support change streams',
  ],
  $out: [Codes.CommandNotSupported, 'mongo-standin does not support the $out aggregation stage'],
  $merge: [Codes.CommandNotSupported, 'mongo-standin does not support the $merge aggregation stage'],
};

function stageName(stage: unknown): string {
  if (!isPlainObject(stage))
    throw new CommandError(Codes.TypeMismatch, "Each element of the 'pipeline' array must be an object");
  const keys = Object.keys(stage);
  if (keys.length !== 1) {
    throw new CommandError(40323, 'A pipeline stage specification object must contain exactly one field.');
  }
  return keys[0] as string;
}

/** Refuses unsupported stages anywhere in the pipeline, including nested ones. */
export function validatePipeline(pipeline: unknown[]): void {
  for (const stage of pipeline) {
    const name = stageName(stage);
    const refused = REFUSED[name];
    if (refused) throw new CommandError(refused[0], refused[1]);
    if (!SUPPORTED.has(name)) {
      throw new CommandError(
        Codes.Location40324,
        `Unrecognized pipeline stage name: '${name}' (or not supported by mongo-standin)`,
      );
    }
    const arg = (stage as Document)[name];
    if (name === '$facet' && isPlainObject(arg)) {
      for (const sub of Object.values(arg)) if (Array.isArray(sub)) validatePipeline(sub);
    }
    if ((name === '$lookup' || name === '$unionWith') && isPlainObject(arg)) {
      if (Array.isArray(arg.pipeline)) validatePipeline(arg.pipeline);
      if (isPlainObject(arg.from))
        throw new CommandError(
          Codes.CommandNotSupported,
          `mongo-standin does not support cross-database ${name}`,
        );
    }
  }
}

/** Leading stages the planner can answer from an index, so they never copy the collection. */
export interface Prefix {
  filter: Document | undefined;
  sort: unknown;
  skip: number;
  limit: number;
  rest: Document[];
}

export function splitPrefix(pipeline: Document[]): Prefix {
  let filter: Document | undefined;
  let sort: unknown;
  let skip = 0;
  let limit = 0;
  let i = 0;
  if (isPlainObject(pipeline[0]?.$match)) filter = (pipeline[i++] as Document).$match as Document;
  if (pipeline[i]?.$sort !== undefined) sort = (pipeline[i++] as Document).$sort;
  // $skip then $limit compose into one query; a $limit before a $skip does not.
  if (pipeline[i]?.$skip !== undefined) skip = num((pipeline[i++] as Document).$skip);
  if (pipeline[i]?.$limit !== undefined && num(pipeline[i]?.$limit) > 0)
    limit = num((pipeline[i++] as Document).$limit);
  return { filter, sort, skip, limit, rest: pipeline.slice(i) };
}

export function runPipeline(
  ctx: CommandContext,
  collection: string | undefined,
  pipeline: Document[],
): Document[] {
  validatePipeline(pipeline);
  const read = (name: string) => {
    const coll = ctx.state.catalog.get(ctx.db, name);
    return coll ? [...coll.records.values()].map((r) => r.doc) : [];
  };
  if (collection === undefined) return executePipeline([{}], pipeline, read);
  const { filter, sort, skip, limit, rest } = splitPrefix(pipeline);
  if (skip < 0)
    throw new CommandError(Codes.BadValue, 'invalid argument to $skip stage: Expected a non-negative number');
  const records = runQuery(ctx, ctx.state.catalog.get(ctx.db, collection), filter, {
    sort,
    skip,
    limit,
  }).records;
  return executePipeline(
    records.map((r) => r.doc),
    rest,
    read,
  );
}

export const aggregate: Handler = (ctx) => {
  refuseOptions(ctx, ['collation']);
  const target = ctx.cmd.aggregate;
  const pipeline = ctx.cmd.pipeline;
  if (!Array.isArray(pipeline))
    throw new CommandError(
      Codes.TypeMismatch,
      "BSON field 'aggregate.pipeline' is missing but a required field",
    );
  const cursorOpt = ctx.cmd.cursor;
  if (!isPlainObject(cursorOpt)) {
    throw new CommandError(
      Codes.FailedToParse,
      "The 'cursor' option is required, except for aggregate with the explain argument",
    );
  }
  let collection: string | undefined;
  if (typeof target === 'string') collection = target;
  else if (!(target === 1 && isPlainObject(pipeline[0]) && '$documents' in pipeline[0])) {
    // Check for refused stages first so `$changeStream` on a database names itself.
    validatePipeline(pipeline);
    throw new CommandError(
      Codes.InvalidNamespace,
      'mongo-standin supports collection-less aggregate only with a leading $documents stage',
    );
  }
  const results = runPipeline(ctx, collection, pipeline as Document[]);
  const cursorNs = ns(ctx, collection ?? '$cmd.aggregate');
  const batchSize = cursorOpt.batchSize === undefined ? 101 : num(cursorOpt.batchSize);
  const c = ctx.state.cursors.open(
    cursorNs,
    results,
    (d) => d,
    batchSize === 0 ? -1 : batchSize,
    false,
    false,
  );
  return { cursor: { firstBatch: c.batch, id: c.id, ns: cursorNs } };
};
