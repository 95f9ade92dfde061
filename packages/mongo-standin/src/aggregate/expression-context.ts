import { MinKey } from 'bson';
import { Aggregator as MingoAggregator } from 'mingo/aggregator';
import { Context, evalExpr } from 'mingo/core';
import * as accumulatorOperators from 'mingo/operators/accumulator';
import * as expressionOperators from 'mingo/operators/expression';
import * as pipelineOperators from 'mingo/operators/pipeline';
import * as projectionOperators from 'mingo/operators/projection';
import * as queryOperators from 'mingo/operators/query';
import * as windowOperators from 'mingo/operators/window';
import { Query as MingoQuery } from 'mingo/query';
import type { AnyObject, Criteria, Options } from 'mingo/types';
import { CommandError } from '../errors.ts';
import { bsonCompare } from '../query/compare.ts';

/**
 * The one mingo context every evaluation of the stand-in runs with (aggregation stages, `$group`
 * keys and accumulator arguments, `$expr` in find/`$match`, find projections, pipeline updates,
 * update filters). It is mingo's full operator set with the aggregation comparison expressions
 * `$cmp`, `$eq`, `$ne`, `$gt`, `$gte`, `$lt`, `$lte` replaced by ones that follow MongoDB.
 *
 * What MongoDB documents (reference/operator/aggregation/{lt,gt,cmp,eq,ne}): each of them
 * "compares both value and type, using the specified BSON comparison order for values of
 * different types" (reference/bson-type-comparison-order: MinKey < null < numbers < strings <
 * objects < arrays < binData < ObjectId < boolean < date < timestamp < regex < MaxKey; numbers of
 * any BSON type compare by value; objects field by field in order; arrays element by element).
 * So `{ $lt: [5, 'a'] }` is true, `{ $gt: [null, 0] }` is false and `{ $cmp: [null, date] }` is
 * -1. The `$ne` page adds: "If a field is missing from a document, $ne treats the missing field as
 * a distinct value, separate from null. $ne considers two missing fields equivalent to each other,
 * and considers a missing field different from a null value." mongod implements that by giving a
 * missing value (EOO) the canonical type 0, between MinKey (-1) and null (5)
 * (`canonicalizeBSONType`), so a missing field sorts below null: `{ $lt: ['$missing', date] }` and
 * `{ $lt: ['$missing', null] }` are true, `{ $eq: ['$missing', null] }` is false.
 *
 * mingo 7 evaluates these expressions with its query semantics instead: `$lt`/`$gt` are false
 * across types (`{ $lt: ['$missing', date] }` is false), `$eq` treats missing and null as equal,
 * matches an array against one of its elements and ignores the field order of objects, and `$cmp`
 * sorts arrays before comparing them.
 *
 * Query operators (`{ d: { $lt: date } }`) are not touched: MongoDB's query comparisons are
 * type-bracketed (a missing `d` never matches `$lt: date`), which is what mingo's query operators do.
 *
 * A context given in mingo's options cannot replace a built-in operator (mingo merges its own
 * operators over it), so this module builds the complete context itself and hands it to mingo's
 * base `Aggregator` and `Query` classes: use `aggregator()` and `query()` instead of `new
 * Aggregator` / `new Query` from 'mingo'.
 */

/**
 * Compares two values of an evaluated aggregation expression in MongoDB's order: `bsonCompare`,
 * except that a missing value (`undefined` at the top level) sorts below null and above MinKey.
 * Inside arrays mingo keeps no missing values apart from null, as mongod turns them into null.
 */
export function expressionCompare(a: unknown, b: unknown): number {
  if (a === undefined || b === undefined) {
    if (a === b) return 0;
    const other = a === undefined ? b : a;
    const missingFirst = a === undefined ? -1 : 1;
    return other instanceof MinKey ? -missingFirst : missingFirst;
  }
  return bsonCompare(a, b);
}

type Comparison = (order: number) => unknown;

/** An expression operator over exactly two arguments, as mongod parses `$lt` and the others. */
function comparison(name: string, result: Comparison) {
  return (obj: AnyObject, expr: unknown, options: Options): unknown => {
    const n = Array.isArray(expr) ? expr.length : 1;
    if (n !== 2) {
      throw new CommandError(16020, `Expression ${name} takes exactly 2 arguments. ${n} were passed in.`);
    }
    const [a, b] = evalExpr(obj, expr, options) as [unknown, unknown];
    return result(expressionCompare(a, b));
  };
}

const comparisonOperators = {
  $cmp: comparison('$cmp', (d) => Math.sign(d)),
  $eq: comparison('$eq', (d) => d === 0),
  $ne: comparison('$ne', (d) => d !== 0),
  $gt: comparison('$gt', (d) => d > 0),
  $gte: comparison('$gte', (d) => d >= 0),
  $lt: comparison('$lt', (d) => d < 0),
  $lte: comparison('$lte', (d) => d <= 0),
};

const STANDIN_CONTEXT = Context.init({
  accumulator: { ...accumulatorOperators },
  expression: { ...expressionOperators, ...comparisonOperators },
  pipeline: { ...pipelineOperators },
  projection: { ...projectionOperators },
  query: { ...queryOperators },
  window: { ...windowOperators },
});

export type Aggregator = MingoAggregator;
export type Query = MingoQuery;

/** A mingo aggregator evaluating with the stand-in's context. */
export function aggregator(pipeline: AnyObject[], options: Partial<Options> = {}): Aggregator {
  return new MingoAggregator(pipeline, { ...options, context: STANDIN_CONTEXT });
}

/** A mingo query (filter, `$expr`, projection) evaluating with the stand-in's context. */
export function query(condition: Criteria<AnyObject>, options: Partial<Options> = {}): Query {
  return new MingoQuery(condition, { ...options, context: STANDIN_CONTEXT });
}
