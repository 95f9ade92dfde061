import type { Document } from 'bson';
import { query as mingoQuery } from '../aggregate/expression-context.ts';
import { toView } from '../bson/values.ts';
import { badValue } from '../errors.ts';

export type Matcher = (view: Document) => boolean;

const matchAll: Matcher = () => true;

/**
 * Compiles a MongoDB filter (internal representation) into a predicate over document views.
 * mingo evaluates the semantics; BSON numeric wrappers are converted to numbers first.
 */
export function compileFilter(filter: Document | undefined): Matcher {
  if (filter === undefined || filter === null) return matchAll;
  if (typeof filter !== 'object' || Array.isArray(filter)) throw badValue('filter must be an object');
  if (Object.keys(filter).length === 0) return matchAll;
  rejectUnsupported(filter);
  const query = mingoQuery(toView(filter) as Document);
  return (view) => query.test(view);
}

/** Operators mingo does not evaluate the way mongod does; refusing beats a wrong answer. */
const UNSUPPORTED = new Set([
  '$text',
  '$near',
  '$nearSphere',
  '$geoWithin',
  '$geoIntersects',
  '$where',
  '$jsonSchema',
]);

function rejectUnsupported(v: unknown): void {
  if (Array.isArray(v)) {
    for (const x of v) rejectUnsupported(x);
    return;
  }
  if (v === null || typeof v !== 'object' || Object.getPrototypeOf(v) !== Object.prototype) return;
  for (const [k, x] of Object.entries(v as Document)) {
    if (UNSUPPORTED.has(k)) throw badValue(`mongo-standin does not support the query operator ${k}`);
    rejectUnsupported(x);
  }
}
