import { Binary, Decimal128, Double, EJSON, Long, ObjectId } from 'bson';
import { isNumeric, toNumber } from '../bson/values.ts';

/**
 * A string that is equal for equal `_id` values (MongoDB treats 1, 1.0 and NumberLong(1) as the
 * same `_id`), used as the primary-key map key.
 */
export function idString(v: unknown): string {
  if (typeof v === 'string') return `s${v}`;
  if (v instanceof ObjectId) return `o${v.toHexString()}`;
  if (typeof v === 'number') return `n${v}`;
  if (isNumeric(v)) {
    if (v instanceof Long) return `n${v.toString()}`;
    if (v instanceof Double || v instanceof Decimal128) return `n${toNumber(v)}`;
  }
  if (v instanceof Date) return `d${v.getTime()}`;
  if (v instanceof Binary) return `b${v.sub_type}:${Buffer.from(v.value()).toString('base64')}`;
  if (v === null || v === undefined) return 'z';
  return `x${EJSON.stringify(v as never, { relaxed: false })}`;
}
