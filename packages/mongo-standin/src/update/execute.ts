import { type Document, ObjectId } from 'bson';
import { aggregator, query } from '../aggregate/expression-context.ts';
import { cloneValue, formatValue, fromView, isPlainObject, toView } from '../bson/values.ts';
import { Codes, CommandError } from '../errors.ts';
import { bsonEqual } from '../query/compare.ts';
import { getPath } from '../query/paths.ts';
import { ArrayFilters, applyModifiers, isModifierUpdate } from './apply.ts';

export type UpdateSpec = Document | Document[];

const PIPELINE_UPDATE_STAGES = new Set([
  '$addFields',
  '$set',
  '$project',
  '$unset',
  '$replaceRoot',
  '$replaceWith',
]);

/** Filter clauses that mention `arrayPath` (top level and inside `$and`). */
function clausesFor(filter: Document, arrayPath: string, out: Document): void {
  for (const [k, v] of Object.entries(filter)) {
    if (k === '$and' && Array.isArray(v)) {
      for (const sub of v) if (isPlainObject(sub)) clausesFor(sub, arrayPath, out);
    } else if (k === arrayPath || k.startsWith(`${arrayPath}.`)) out[k] = v;
  }
}

function nest(path: string, value: unknown): Document {
  const parts = path.split('.');
  let v: unknown = value;
  for (let i = parts.length - 1; i >= 0; i--) v = { [parts[i] as string]: v };
  return v as Document;
}

/** The positional `$`: index of the first array element that satisfied the query. */
function positionalResolver(filter: Document, view: Document): (arrayPath: string) => number {
  return (arrayPath) => {
    const sub: Document = {};
    clausesFor(filter, arrayPath, sub);
    const arr = getPath(view, arrayPath);
    if (Object.keys(sub).length > 0 && Array.isArray(arr)) {
      const q = query(toView(sub) as Document);
      for (let i = 0; i < arr.length; i++) if (q.test(nest(arrayPath, [arr[i]]))) return i;
    }
    throw new CommandError(
      Codes.BadValue,
      'The positional operator did not find the match needed from the query.',
    );
  };
}

function replacement(old: Document, repl: Document, isInsert: boolean): Document {
  for (const k of Object.keys(repl)) {
    if (k.startsWith('$')) {
      throw new CommandError(
        Codes.DollarPrefixedFieldName,
        `The dollar ($) prefixed field '${k}' in '${k}' is not allowed in the context of an update's replacement document. Consider using an aggregation pipeline with $replaceWith.`,
      );
    }
  }
  if (!isInsert && repl._id !== undefined && !bsonEqual(repl._id, old._id)) {
    throw new CommandError(
      Codes.ImmutableField,
      `After applying the update, the (immutable) field '_id' was found to have been altered to _id: ${formatValue(repl._id)}`,
    );
  }
  const { _id, ...rest } = cloneValue(repl);
  const id = isInsert && _id !== undefined ? _id : (old._id ?? _id);
  return id === undefined ? rest : { _id: id, ...rest };
}

function pipelineUpdate(old: Document, pipeline: Document[]): Document {
  for (const stage of pipeline) {
    const name = Object.keys(stage)[0] ?? '';
    if (!PIPELINE_UPDATE_STAGES.has(name)) {
      throw new CommandError(Codes.InvalidOptions, `${name} is not allowed to be used within an update`);
    }
  }
  const oldView = toView(old) as Document;
  const out = aggregator(toView(pipeline) as Document[]).run([cloneValue(oldView)])[0] as
    | Document
    | undefined;
  if (!out) return old;
  // mingo works on plain numbers: keep the original typed value of every untouched field.
  const doc: Document = {};
  for (const [k, v] of Object.entries(out)) {
    if (v === undefined) continue;
    doc[k] = Object.hasOwn(old, k) && bsonEqual(v, oldView[k]) ? old[k] : fromView(v);
  }
  if (old._id !== undefined && !bsonEqual(doc._id, old._id)) {
    throw new CommandError(
      Codes.ImmutableField,
      `Performing an update on the path '_id' would modify the immutable field '_id'`,
    );
  }
  return doc;
}

/** Computes the new version of `old` (or of an upsert seed when `isInsert`). */
export function computeUpdate(
  old: Document,
  view: Document,
  filter: Document,
  u: UpdateSpec,
  arrayFiltersSpec: unknown,
  isInsert: boolean,
): Document {
  if (Array.isArray(u)) {
    if (arrayFiltersSpec !== undefined)
      throw new CommandError(
        Codes.FailedToParse,
        'arrayFilters may not be specified for pipeline-style updates',
      );
    return pipelineUpdate(old, u);
  }
  if (!isPlainObject(u))
    throw new CommandError(Codes.FailedToParse, 'Update argument must be either an object or an array');
  if (!isModifierUpdate(u)) {
    if (arrayFiltersSpec !== undefined)
      throw new CommandError(
        Codes.FailedToParse,
        'Cannot use an aggregation pipeline or replacement document with arrayFilters',
      );
    return replacement(old, u, isInsert);
  }
  const arrayFilters = new ArrayFilters(arrayFiltersSpec);
  const doc = applyModifiers(old, u, {
    isInsert,
    positional: positionalResolver(filter, view),
    arrayFilters,
  });
  arrayFilters.checkAllUsed(u);
  return doc;
}

/** The upsert seed: equality terms of the filter (`{a: 1}`, `{'b.c': 2}`, `{d: {$eq: 3}}`). */
export function upsertSeed(filter: Document): Document {
  const seed: Document = {};
  const visit = (f: Document) => {
    for (const [k, v] of Object.entries(f)) {
      if (k === '$and' && Array.isArray(v)) {
        for (const sub of v) if (isPlainObject(sub)) visit(sub);
        continue;
      }
      if (k.startsWith('$')) continue;
      let val: unknown = v;
      if (isPlainObject(v) && Object.keys(v).some((x) => x.startsWith('$'))) {
        if (!Object.hasOwn(v, '$eq')) continue;
        val = v.$eq;
      }
      if (val instanceof RegExp) continue;
      setPath(seed, k, cloneValue(val));
    }
  };
  visit(filter);
  return seed;
}

function setPath(doc: Document, path: string, value: unknown): void {
  const parts = path.split('.');
  let cur = doc;
  for (let i = 0; i < parts.length - 1; i++) {
    const p = parts[i] as string;
    const next = cur[p];
    if (!isPlainObject(next)) cur[p] = {};
    cur = cur[p] as Document;
  }
  cur[parts[parts.length - 1] as string] = value;
}

/** Builds the document an upsert inserts; `_id` comes first and is generated when absent. */
export function buildUpsert(filter: Document, u: UpdateSpec, arrayFilters: unknown): Document {
  const seed = upsertSeed(filter);
  let doc: Document;
  if (!Array.isArray(u) && isPlainObject(u) && !isModifierUpdate(u)) {
    doc = replacement(seed._id !== undefined ? { _id: seed._id } : {}, u, true);
  } else {
    doc = computeUpdate(seed, toView(seed) as Document, filter, u, arrayFilters, true);
  }
  if (doc._id === undefined) return { _id: new ObjectId(), ...doc };
  const { _id, ...rest } = doc;
  return { _id, ...rest };
}
