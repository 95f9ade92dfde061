import { Decimal128, Double, Long } from 'bson';
import { isInt32, numKind, toNumber } from '../bson/values.ts';

/**
 * Arithmetic with MongoDB's numeric type promotion: the result takes the wider operand type
 * (int < long < double < decimal); int32 results that overflow become int64.
 */
function widest(a: unknown, b: unknown): 'int' | 'long' | 'double' | 'decimal' {
  const ka = numKind(a);
  const kb = numKind(b);
  if (ka === 'decimal' || kb === 'decimal') return 'decimal';
  if (ka === 'double' || kb === 'double') return 'double';
  if (ka === 'long' || kb === 'long') return 'long';
  return 'int';
}

function asLong(v: unknown): Long {
  return v instanceof Long ? v : Long.fromNumber(toNumber(v));
}

export function addNumbers(a: unknown, b: unknown): unknown {
  switch (widest(a, b)) {
    case 'decimal':
      // bson's Decimal128 has no arithmetic: computed through doubles (documented deviation).
      return Decimal128.fromString(String(toNumber(a) + toNumber(b)));
    case 'double':
      return new Double(toNumber(a) + toNumber(b));
    case 'long':
      return asLong(a).add(asLong(b));
    default: {
      const r = toNumber(a) + toNumber(b);
      return isInt32(r) ? r : Long.fromNumber(r);
    }
  }
}

export function mulNumbers(a: unknown, b: unknown): unknown {
  switch (widest(a, b)) {
    case 'decimal':
      return Decimal128.fromString(String(toNumber(a) * toNumber(b)));
    case 'double':
      return new Double(toNumber(a) * toNumber(b));
    case 'long':
      return asLong(a).multiply(asLong(b));
    default: {
      const r = toNumber(a) * toNumber(b);
      return isInt32(r) ? r : asLong(a).multiply(asLong(b));
    }
  }
}

/** Zero of the same numeric type (what `$mul` stores into a missing field). */
export function zeroLike(v: unknown): unknown {
  switch (numKind(v)) {
    case 'long':
      return Long.fromNumber(0);
    case 'double':
      return new Double(0);
    case 'decimal':
      return Decimal128.fromString('0');
    default:
      return 0;
  }
}
