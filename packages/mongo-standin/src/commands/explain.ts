import type { Document } from 'bson';
import { isPlainObject } from '../bson/values.ts';
import { Codes, CommandError } from '../errors.ts';
import type { QueryResult } from '../query/run.ts';
import type { CommandContext, Handler } from '../state.ts';
import { splitPrefix } from './aggregate.ts';
import { VERSION } from './handshake.ts';
import { num, query as runQuery } from './util.ts';

/**
 * `explain` for the commands that read through the planner. The query is really run (with
 * `executionStats` verbosity mongod does the same), so `totalDocsExamined` is exact: tests use it
 * to prove an index answered. The winning plan is reported flat: `stage` is IDHACK, IXSCAN (with
 * `indexName` and `keyPattern`) or COLLSCAN, plus `SORT` as an outer stage when sorted in memory.
 */
export const explain: Handler = (ctx) => {
  const inner = ctx.cmd.explain;
  if (!isPlainObject(inner))
    throw new CommandError(Codes.TypeMismatch, 'explain command requires a nested object');
  const name = Object.keys(inner)[0] ?? '';
  const target = inner[name];
  if (typeof target !== 'string')
    throw new CommandError(
      Codes.CommandNotSupported,
      `mongo-standin cannot explain '${name}' without a collection`,
    );
  const { filter, sort, skip, limit } = planInput(name, inner);
  const coll = ctx.state.catalog.get(ctx.db, target);
  const r = runQuery(ctx, coll, filter, { sort, skip, limit });
  return explainReply(ctx, `${ctx.db}.${target}`, filter, r, inner);
};

function planInput(
  name: string,
  inner: Document,
): { filter?: Document; sort?: unknown; skip?: number; limit?: number } {
  const doc = (v: unknown) => (isPlainObject(v) ? v : undefined);
  switch (name) {
    case 'find':
      return { filter: doc(inner.filter), sort: inner.sort, skip: num(inner.skip), limit: num(inner.limit) };
    case 'count':
    case 'distinct':
      return { filter: doc(inner.query) };
    case 'findAndModify':
      return { filter: doc(inner.query), sort: inner.sort, limit: 1 };
    case 'aggregate': {
      const p = splitPrefix(Array.isArray(inner.pipeline) ? (inner.pipeline as Document[]) : []);
      return { filter: p.filter, sort: p.sort, skip: p.skip, limit: p.limit };
    }
    case 'update':
    case 'delete': {
      const ops = inner[name === 'update' ? 'updates' : 'deletes'];
      const first = Array.isArray(ops) ? doc(ops[0]) : undefined;
      return { filter: doc(first?.q), limit: name === 'delete' ? num(first?.limit) : first?.multi ? 0 : 1 };
    }
    default:
      throw new CommandError(Codes.CommandNotSupported, `mongo-standin cannot explain the '${name}' command`);
  }
}

export function explainReply(
  ctx: CommandContext,
  namespace: string,
  filter: Document | undefined,
  r: QueryResult,
  command: Document,
): Document {
  let plan: Document =
    r.stage === 'IXSCAN' && r.index
      ? {
          stage: 'IXSCAN',
          indexName: r.index.name,
          keyPattern: r.index.spec.key,
          isMultiKey: r.index.multikey,
        }
      : { stage: r.stage };
  if (r.inMemorySort) plan = { stage: 'SORT', inputStage: plan };
  return {
    explainVersion: '1',
    queryPlanner: {
      namespace,
      parsedQuery: filter ?? {},
      winningPlan: plan,
      rejectedPlans: [],
    },
    executionStats: {
      executionSuccess: true,
      nReturned: r.records.length,
      executionTimeMillis: 0,
      totalKeysExamined: r.stage === 'IXSCAN' || r.stage === 'IDHACK' ? r.docsExamined : 0,
      totalDocsExamined: r.docsExamined,
    },
    command,
    serverInfo: { host: ctx.state.host, port: ctx.state.port, version: VERSION },
  };
}
