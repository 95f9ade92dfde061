import { Binary, Decimal128, Double, Int32, Long, ObjectId, Timestamp } from 'bson';
import { isPlainObject, toNumber } from '../bson/values.ts';

/**
 * A string equal for values `$group` puts in one group: numbers compare by value across BSON
 * types (1, 1.0 and NumberLong(1) are one group, as in mongod) and a missing `_id` is null.
 */
export function groupKey(v: unknown): string {
  if (v === undefined || v === null) return 'z';
  if (typeof v === 'string') return `s${JSON.stringify(v)}`;
  if (typeof v === 'boolean') return v ? 'T' : 'F';
  if (
    typeof v === 'number' ||
    v instanceof Double ||
    v instanceof Int32 ||
    v instanceof Decimal128 ||
    (v instanceof Long && !(v instanceof Timestamp))
  ) {
    return v instanceof Long ? `n${v.toString()}` : `n${toNumber(v)}`;
  }
  if (v instanceof ObjectId) return `o${v.toHexString()}`;
  if (v instanceof Date) return `d${v.getTime()}`;
  if (v instanceof Timestamp) return `t${v.toString()}`;
  if (v instanceof Binary) return `b${v.sub_type}:${Buffer.from(v.value()).toString('base64')}`;
  if (v instanceof RegExp) return `r${String(v)}`;
  if (Array.isArray(v)) return `[${v.map(groupKey).join(',')}]`;
  if (isPlainObject(v)) {
    return `{${Object.keys(v)
      .map((k) => `${JSON.stringify(k)}:${groupKey(v[k])}`)
      .join(',')}}`;
  }
  const bt = (v as { _bsontype?: unknown })._bsontype;
  return `x${String(bt)}`;
}
