import type { Document } from 'bson';
import { formatValue, isPlainObject, optNumber } from '../bson/values.ts';
import { Codes, CommandError } from '../errors.ts';
import { bsonEqual } from '../query/compare.ts';
import type { Handler } from '../state.ts';
import type { Collection } from '../storage/collection.ts';
import type { IndexSpec } from '../storage/index.ts';
import { collName, ns } from './util.ts';

/** Index options that change which documents an index holds or how it compares: refused. */
const REFUSED_INDEX_OPTIONS = [
  'collation',
  'wildcardProjection',
  'weights',
  'default_language',
  'bits',
  'min',
  'max',
  '2dsphereIndexVersion',
  'textIndexVersion',
];
/** Options that only affect how mongod builds or hides an index: accepted and stored. */
const KEPT_INDEX_OPTIONS = [
  'unique',
  'sparse',
  'partialFilterExpression',
  'expireAfterSeconds',
  'hidden',
  'background',
  'v',
];

function parseSpec(raw: unknown): IndexSpec {
  if (!isPlainObject(raw))
    throw new CommandError(Codes.TypeMismatch, 'index specification must be an object');
  const key = raw.key;
  if (!isPlainObject(key) || Object.keys(key).length === 0)
    throw new CommandError(Codes.CannotCreateIndex, 'Index keys cannot be empty.');
  for (const [f, dir] of Object.entries(key)) {
    const n = optNumber(dir, Number.NaN);
    if (typeof dir === 'string' || f.includes('$**'))
      throw new CommandError(
        Codes.CannotCreateIndex,
        `mongo-standin does not support ${typeof dir === 'string' ? `'${dir}'` : 'wildcard'} indexes (field '${f}')`,
      );
    if (Number.isNaN(n) || n === 0)
      throw new CommandError(
        Codes.CannotCreateIndex,
        `Values in the index key pattern can't be 0 or NaN: ${formatValue(key)}`,
      );
  }
  for (const opt of REFUSED_INDEX_OPTIONS) {
    if (raw[opt] === undefined) continue;
    if (opt === 'collation' && isPlainObject(raw[opt]) && raw[opt].locale === 'simple') continue;
    throw new CommandError(
      Codes.CannotCreateIndex,
      `mongo-standin does not support the index option '${opt}'`,
    );
  }
  const name = typeof raw.name === 'string' ? raw.name : defaultName(key);
  const spec: IndexSpec = { name, key: { ...key } };
  for (const opt of KEPT_INDEX_OPTIONS)
    if (raw[opt] !== undefined && opt !== 'v') Object.assign(spec, { [opt]: raw[opt] });
  if (spec.unique === false) delete spec.unique;
  if (spec.sparse === false) delete spec.sparse;
  if (spec.partialFilterExpression !== undefined && !isPlainObject(spec.partialFilterExpression))
    throw new CommandError(Codes.TypeMismatch, 'partialFilterExpression must be an object');
  if (spec.expireAfterSeconds !== undefined) {
    const s = optNumber(spec.expireAfterSeconds, Number.NaN);
    if (Number.isNaN(s) || s < 0)
      throw new CommandError(
        Codes.CannotCreateIndex,
        "TTL index 'expireAfterSeconds' option must be a non-negative number",
      );
    spec.expireAfterSeconds = s;
  }
  if (name === '_id_' && (spec.unique || Object.keys(key).join() !== '_id'))
    throw new CommandError(
      Codes.CannotCreateIndex,
      "The field 'unique' is not valid for an _id index specification",
    );
  return spec;
}

export function defaultName(key: Document): string {
  return Object.entries(key)
    .map(([f, d]) => `${f}_${optNumber(d, 1)}`)
    .join('_');
}

function sameOptions(a: IndexSpec, b: IndexSpec): boolean {
  return (
    (a.unique ?? false) === (b.unique ?? false) &&
    (a.sparse ?? false) === (b.sparse ?? false) &&
    a.expireAfterSeconds === b.expireAfterSeconds &&
    bsonEqual(a.partialFilterExpression ?? null, b.partialFilterExpression ?? null)
  );
}

function sameKey(a: Document, b: Document): boolean {
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return (
    ka.length === kb.length && ka.every((k, i) => k === kb[i] && optNumber(a[k], 1) === optNumber(b[k], 1))
  );
}

export const createIndexes: Handler = (ctx) => {
  const name = collName(ctx);
  const raw = ctx.cmd.indexes;
  if (!Array.isArray(raw) || raw.length === 0)
    throw new CommandError(Codes.BadValue, 'Must specify at least one index to create');
  const specs = raw.map(parseSpec);
  const existed = ctx.state.catalog.get(ctx.db, name) !== undefined;
  const coll = ctx.state.catalog.ensure(ctx.db, name);
  const before = coll.indexes.size;
  let created = 0;
  for (const spec of specs) {
    if (!needsCreate(coll, spec)) continue;
    ctx.state.catalog.createIndex(coll, spec);
    created++;
  }
  const reply: Document = {
    numIndexesBefore: before,
    numIndexesAfter: coll.indexes.size,
    createdCollectionAutomatically: !existed,
  };
  if (created === 0) reply.note = 'all indexes already exist';
  return reply;
};

/** mongod's rules: an identical index is a no-op, a clash of name or key pattern is an error. */
function needsCreate(coll: Collection, spec: IndexSpec): boolean {
  for (const idx of coll.indexes.values()) {
    const keyMatch = sameKey(idx.spec.key, spec.key);
    if (idx.name === spec.name) {
      if (keyMatch && sameOptions(idx.spec, spec)) return false;
      if (!keyMatch)
        throw new CommandError(
          Codes.IndexKeySpecsConflict,
          `An existing index has the same name as the requested index. When index names are not specified, they are auto generated and can cause conflicts. Please refer to our documentation. Requested index: ${formatValue(spec)}, existing index: ${formatValue(idx.spec)}`,
        );
      throw new CommandError(
        Codes.IndexOptionsConflict,
        `An equivalent index already exists with the same name but different options. Requested index: ${formatValue(spec)}, existing index: ${formatValue(idx.spec)}`,
      );
    }
    if (keyMatch && sameOptions(idx.spec, spec) && idx.spec.partialFilterExpression === undefined) {
      throw new CommandError(
        Codes.IndexOptionsConflict,
        `Index already exists with a different name: ${idx.name}`,
      );
    }
  }
  return true;
}

export const listIndexes: Handler = (ctx) => {
  const name = collName(ctx);
  const coll = ctx.state.catalog.get(ctx.db, name);
  if (!coll) throw new CommandError(Codes.NamespaceNotFound, `ns does not exist: ${ns(ctx, name)}`);
  const out = [...coll.indexes.values()].map((i) => {
    const { name: n, key, ...rest } = i.spec;
    return { v: 2, key, name: n, ...rest };
  });
  const cursorNs = ns(ctx, name);
  const c = ctx.state.cursors.open(cursorNs, out, (d) => d, 0, false, false);
  return { cursor: { id: c.id, ns: cursorNs, firstBatch: c.batch } };
};

export const dropIndexes: Handler = (ctx) => {
  const name = collName(ctx);
  const coll = ctx.state.catalog.get(ctx.db, name);
  if (!coll) throw new CommandError(Codes.NamespaceNotFound, `ns not found ${ns(ctx, name)}`);
  const nIndexesWas = coll.indexes.size;
  const arg = ctx.cmd.index;
  let names: string[];
  if (arg === '*') names = [...coll.indexes.keys()].filter((n) => n !== '_id_');
  else if (typeof arg === 'string') names = [arg];
  else if (Array.isArray(arg)) names = arg.map(String);
  else if (isPlainObject(arg)) {
    const match = [...coll.indexes.values()].find((i) => sameKey(i.spec.key, arg));
    if (!match) throw new CommandError(Codes.IndexNotFound, `can't find index with key: ${formatValue(arg)}`);
    names = [match.name];
  } else
    throw new CommandError(
      Codes.TypeMismatch,
      "BSON field 'dropIndexes.index' is missing but a required field",
    );
  for (const n of names) {
    if (n === '_id_') throw new CommandError(Codes.InvalidOptions, 'cannot drop _id index');
    if (!coll.indexes.has(n)) throw new CommandError(Codes.IndexNotFound, `index not found with name [${n}]`);
  }
  for (const n of names) ctx.state.catalog.dropIndex(coll, n);
  return { nIndexesWas };
};
