import type { Document } from 'bson';
import { query } from '../aggregate/expression-context.ts';
import { bsonTypeName, cloneValue, isPlainObject, toNumber, toView } from '../bson/values.ts';
import { Codes, CommandError } from '../errors.ts';
import { bsonCompare, bsonEqual } from '../query/compare.ts';
import { parseSort, sortDocs } from '../query/sort.ts';

/** Same value and same BSON type (how $addToSet and $pullAll compare elements). */
export function sameValue(a: unknown, b: unknown): boolean {
  return bsonEqual(a, b) && bsonTypeName(a) === bsonTypeName(b);
}

export function pullPredicate(cond: unknown): (el: unknown) => boolean {
  if (isPlainObject(cond)) {
    const keys = Object.keys(cond);
    if (keys.length > 0 && keys.every((k) => k.startsWith('$'))) {
      const q = query({ v: toView(cond) } as Document);
      return (el) => q.test({ v: toView(el) });
    }
    const q = query(toView(cond) as Document);
    return (el) => isPlainObject(el) && q.test(toView(el) as Document);
  }
  return (el) => sameValue(el, cond);
}

function eachOf(value: unknown, op: string): { each: unknown[]; mods: Document } {
  if (isPlainObject(value) && Object.hasOwn(value, '$each')) {
    const each = value.$each;
    if (!Array.isArray(each)) {
      throw new CommandError(
        Codes.BadValue,
        `The argument to $each in ${op} must be an array but it was of type: ${bsonTypeName(each)}`,
      );
    }
    return { each: each.map(cloneValue), mods: value };
  }
  return { each: [cloneValue(value)], mods: {} };
}

export function push(arr: unknown[], value: unknown): unknown[] {
  const { each, mods } = eachOf(value, '$push');
  let out = arr;
  if (mods.$position !== undefined) {
    let pos = toNumber(mods.$position);
    if (pos < 0) pos = Math.max(0, out.length + pos);
    out.splice(Math.min(pos, out.length), 0, ...each);
  } else out.push(...each);
  if (mods.$sort !== undefined) {
    const s = mods.$sort;
    if (isPlainObject(s)) {
      const spec = parseSort(s) ?? [];
      out = sortDocs(out, spec, (x) => (isPlainObject(x) ? x : {}));
    } else {
      const dir = toNumber(s) < 0 ? -1 : 1;
      out = out.slice().sort((a, b) => bsonCompare(a, b) * dir);
    }
  }
  if (mods.$slice !== undefined) {
    const n = toNumber(mods.$slice);
    out = n >= 0 ? out.slice(0, n) : out.slice(Math.max(0, out.length + n));
  }
  return out;
}

export function addToSet(arr: unknown[], value: unknown): unknown[] {
  const { each } = eachOf(value, '$addToSet');
  for (const v of each) if (!arr.some((x) => sameValue(x, v))) arr.push(v);
  return arr;
}
