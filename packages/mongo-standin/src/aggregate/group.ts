import { Decimal128, type Document, Double } from 'bson';
import { cloneValue, isNumeric, isPlainObject, numKind, toNumber } from '../bson/values.ts';
import { CommandError } from '../errors.ts';
import { bsonCompare } from '../query/compare.ts';
import { getPath } from '../query/paths.ts';
import { addNumbers } from '../update/arith.ts';
import { aggregator } from './expression-context.ts';
import { groupKey } from './group-key.ts';
import { Retyper } from './retype.ts';

/**
 * `$group` with exact BSON types: `$sum` promotes like mongod (int32 overflows to int64, any
 * double makes a double, int64 stays int64, decimal wins), and `$min`/`$first`/`$push` keep the
 * stored values. Expressions are still evaluated by mingo; only accumulation happens here.
 */

const TYPED = new Set(['$sum', '$avg', '$min', '$max', '$first', '$last', '$push', '$addToSet', '$count']);

/** Whether every accumulator is one this module implements (otherwise mingo runs the stage). */
export function canGroupTyped(spec: Document): boolean {
  if (!Object.hasOwn(spec, '_id')) {
    throw new CommandError(15955, 'a group specification must include an _id');
  }
  return Object.entries(spec).every(([k, v]) => {
    if (k === '_id') return true;
    if (!isPlainObject(v)) return false;
    const ops = Object.keys(v);
    return ops.length === 1 && TYPED.has(ops[0] as string);
  });
}

interface Acc {
  op: string;
  expr: unknown;
}

interface Group {
  id: unknown;
  state: unknown[];
  counts: number[];
}

/** Evaluates `expr` for each document: typed when it is a field path or a constant. */
function evaluator(docs: Document[], exprs: unknown[]): (docIndex: number, exprIndex: number) => unknown {
  const needMingo = exprs.map((e) => !isConstant(e));
  const results: Document[] = [];
  if (needMingo.some(Boolean)) {
    const retyper = new Retyper();
    const shape: Document = {};
    exprs.forEach((e, i) => {
      if (needMingo[i]) shape[`e${i}`] = e;
    });
    const views = docs.map((d) => retyper.view(d));
    const out = aggregator([{ $replaceWith: shape }], { scriptEnabled: false }).run(views);
    // Each result is retyped against the shape's typed source (the stored value at a field path).
    out.forEach((o, i) => {
      results.push(retypeAgainst(o as Document, exprs, docs[i] as Document));
    });
  }
  return (d, e) => {
    const expr = exprs[e];
    if (!needMingo[e]) return cloneValue(expr);
    return results[d]?.[`e${e}`];
  };
}

function isConstant(e: unknown): boolean {
  if (typeof e === 'string') return !e.startsWith('$');
  if (Array.isArray(e)) return e.every(isConstant);
  if (isPlainObject(e)) return Object.entries(e).every(([k, v]) => !k.startsWith('$') && isConstant(v));
  return true;
}

/** The stored value an expression designates, when it is a plain path or an object of paths. */
function typedSource(expr: unknown, doc: Document): unknown {
  if (typeof expr === 'string' && expr.startsWith('$') && !expr.startsWith('$$'))
    return getPath(doc, expr.slice(1));
  if (isPlainObject(expr) && Object.keys(expr).every((k) => !k.startsWith('$'))) {
    const out: Document = {};
    for (const [k, v] of Object.entries(expr)) out[k] = typedSource(v, doc);
    return out;
  }
  return undefined;
}

function retypeAgainst(o: Document, exprs: unknown[], doc: Document): Document {
  const src: Document = {};
  exprs.forEach((e, i) => {
    src[`e${i}`] = typedSource(e, doc);
  });
  return new Retyper().restoreWith(o, src);
}

export function groupTyped(docs: Document[], spec: Document): Document[] {
  const accs: Array<[string, Acc]> = Object.entries(spec)
    .filter(([k]) => k !== '_id')
    .map(([k, v]) => {
      const [op, expr] = Object.entries(v as Document)[0] as [string, unknown];
      return [k, { op, expr: op === '$count' ? 1 : expr }];
    });
  const evaluate = evaluator(docs, [spec._id, ...accs.map(([, a]) => a.expr)]);
  const groups = new Map<string, Group>();
  docs.forEach((_, d) => {
    const id = evaluate(d, 0) ?? null;
    const key = groupKey(id);
    let g = groups.get(key);
    if (!g) {
      g = { id, state: accs.map(([, a]) => initial(a.op)), counts: accs.map(() => 0) };
      groups.set(key, g);
    }
    accs.forEach(([, a], i) => {
      const grp = g as Group;
      const v = evaluate(d, i + 1);
      grp.state[i] = step(a.op, grp.state[i], v, grp, i);
    });
  });
  const out: Document[] = [];
  for (const g of groups.values()) {
    const doc: Document = { _id: g.id };
    accs.forEach(([name, a], i) => {
      doc[name] = finish(a.op, g.state[i], g.counts[i] ?? 0);
    });
    out.push(doc);
  }
  return out;
}

const FIRST_UNSET = Symbol('unset');

function initial(op: string): unknown {
  switch (op) {
    case '$sum':
    case '$count':
      return 0;
    case '$push':
    case '$addToSet':
      return [];
    case '$first':
      return FIRST_UNSET;
    default:
      return undefined;
  }
}

function step(op: string, state: unknown, v: unknown, g: Group, i: number): unknown {
  switch (op) {
    case '$sum':
    case '$count':
      return isNumeric(v) ? addNumbers(state, v) : state;
    case '$avg':
      if (!isNumeric(v)) return state;
      g.counts[i] = (g.counts[i] ?? 0) + 1;
      return state === undefined ? v : addNumbers(state, v);
    case '$min':
    case '$max': {
      if (v === undefined || v === null) return state;
      if (state === undefined) return v;
      const d = bsonCompare(v, state);
      return (op === '$min' ? d < 0 : d > 0) ? v : state;
    }
    case '$first':
      return state === FIRST_UNSET ? (v ?? null) : state;
    case '$last':
      return v ?? null;
    case '$push':
      if (v !== undefined) (state as unknown[]).push(v);
      return state;
    case '$addToSet': {
      const arr = state as unknown[];
      if (v !== undefined && !arr.some((x) => bsonCompare(x, v) === 0)) arr.push(v);
      return arr;
    }
    default:
      return state;
  }
}

function finish(op: string, state: unknown, count: number): unknown {
  if (op === '$avg') {
    if (state === undefined || count === 0) return null;
    if (numKind(state) === 'decimal') return Decimal128.fromString(String(toNumber(state) / count));
    return new Double(toNumber(state) / count);
  }
  if (op === '$first') return state === FIRST_UNSET ? null : state;
  if (op === '$min' || op === '$max') return state ?? null;
  return state;
}
