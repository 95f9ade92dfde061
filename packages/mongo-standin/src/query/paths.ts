import type { Document } from 'bson';
import { isPlainObject } from '../bson/values.ts';

/**
 * Values reachable at a dotted path with MongoDB's implicit array traversal: `a.b` on
 * `{ a: [{ b: 1 }, { b: 2 }] }` yields 1 and 2. Arrays found at the end of the path are returned
 * as-is (callers decide whether to expand them). Missing values are simply absent.
 */
export function valuesAtPath(doc: unknown, path: string): unknown[] {
  const out: unknown[] = [];
  collect(doc, path.split('.'), 0, out);
  return out;
}

function collect(v: unknown, parts: string[], i: number, out: unknown[]): void {
  if (i === parts.length) {
    if (v !== undefined) out.push(v);
    return;
  }
  const part = parts[i] as string;
  if (Array.isArray(v)) {
    if (/^\d+$/.test(part)) {
      collect(v[Number(part)], parts, i + 1, out);
    }
    for (const el of v) if (isPlainObject(el)) collect(el, parts, i, out);
    return;
  }
  if (isPlainObject(v)) collect(v[part], parts, i + 1, out);
}

/** Plain (non-traversing) lookup of a dotted path: `undefined` when absent. */
export function getPath(doc: Document, path: string): unknown {
  let v: unknown = doc;
  for (const part of path.split('.')) {
    if (Array.isArray(v)) v = /^\d+$/.test(part) ? v[Number(part)] : undefined;
    else if (isPlainObject(v)) v = v[part];
    else return undefined;
  }
  return v;
}

/** Index/sort key values for one field: array values expand to their elements (multikey). */
export function keyValues(doc: Document, path: string): { values: unknown[]; multikey: boolean } {
  const raw = valuesAtPath(doc, path);
  if (raw.length === 0) return { values: [null], multikey: false };
  let multikey = raw.length > 1;
  const values: unknown[] = [];
  for (const v of raw) {
    if (Array.isArray(v)) {
      multikey = true;
      if (v.length === 0) values.push(undefined);
      else values.push(...v);
    } else values.push(v);
  }
  return { values, multikey };
}
