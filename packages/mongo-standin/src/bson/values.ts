import { Binary, Decimal128, type Document, Double, Int32, Long, ObjectId, Timestamp } from 'bson';

/**
 * Internal value representation. Stored documents keep exact BSON numeric types:
 *  - int32 is a plain JS number (always an integer within int32 range),
 *  - double is a `Double` wrapper (even when its value is integral),
 *  - int64 is a `Long`, decimal is a `Decimal128`.
 * mingo only understands JS numbers, so queries and aggregations run on a "view" where the
 * wrappers become numbers. Views share every subtree that needs no conversion.
 */

export function isPlainObject(v: unknown): v is Document {
  if (v === null || typeof v !== 'object') return false;
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/** Normalises a freshly decoded (promoteValues: false) value in place: Int32 becomes a number. */
export function normalizeIn(v: unknown): unknown {
  if (v instanceof Int32) return v.value;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) v[i] = normalizeIn(v[i]);
    return v;
  }
  if (isPlainObject(v)) {
    for (const k of Object.keys(v)) v[k] = normalizeIn(v[k]);
    return v;
  }
  return v;
}

export function normalizeDoc(d: Document): Document {
  normalizeIn(d);
  return d;
}

/** Converts an internal value to what mingo can evaluate; returns the same object if unchanged. */
export function toView(v: unknown): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (v instanceof Double) return v.value;
  if (v instanceof Int32) return v.value;
  if (v instanceof Long) {
    if (v instanceof Timestamp) return v;
    const n = v.toNumber();
    return Number.isSafeInteger(n) ? n : v;
  }
  if (v instanceof Decimal128) return Number.parseFloat(v.toString());
  if (Array.isArray(v)) {
    let out: unknown[] | undefined;
    for (let i = 0; i < v.length; i++) {
      const c = toView(v[i]);
      if (c !== v[i] && out === undefined) out = v.slice();
      if (out !== undefined) out[i] = c;
    }
    return out ?? v;
  }
  if (isPlainObject(v)) {
    let out: Document | undefined;
    for (const k of Object.keys(v)) {
      const c = toView(v[k]);
      if (c !== v[k] && out === undefined) out = { ...v };
      if (out !== undefined) out[k] = c;
    }
    return out ?? v;
  }
  return v;
}

export function docView(d: Document): Document {
  return toView(d) as Document;
}

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;

export function isInt32(n: number): boolean {
  return Number.isInteger(n) && n >= INT32_MIN && n <= INT32_MAX && !Object.is(n, -0);
}

/** Converts a view value (mingo output) back to the internal representation. */
export function fromView(v: unknown): unknown {
  if (typeof v === 'number') return isInt32(v) ? v : new Double(v);
  if (Array.isArray(v)) return v.map(fromView);
  if (v instanceof Date) return new Date(v.getTime());
  if (isPlainObject(v)) {
    const src: Document = v;
    const out: Document = {};
    for (const k of Object.keys(src)) if (src[k] !== undefined) out[k] = fromView(src[k]);
    return out;
  }
  return v;
}

/** Deep copy of containers; BSON wrappers are immutable in this code base and are shared. */
export function cloneValue<T>(v: T): T {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map(cloneValue) as T;
  if (v instanceof Date) return new Date(v.getTime()) as T;
  if (isPlainObject(v)) {
    const src: Document = v;
    const out: Document = {};
    for (const k of Object.keys(src)) out[k] = cloneValue(src[k]);
    return out as T;
  }
  return v;
}

export type NumKind = 'int' | 'long' | 'double' | 'decimal';

export function numKind(v: unknown): NumKind | undefined {
  if (typeof v === 'number') return isInt32(v) ? 'int' : 'double';
  if (v instanceof Int32) return 'int';
  if (v instanceof Double) return 'double';
  if (v instanceof Long && !(v instanceof Timestamp)) return 'long';
  if (v instanceof Decimal128) return 'decimal';
  return undefined;
}

export function isNumeric(v: unknown): boolean {
  return numKind(v) !== undefined;
}

export function toNumber(v: unknown): number {
  if (typeof v === 'number') return v;
  if (v instanceof Int32 || v instanceof Double) return v.value;
  if (v instanceof Long) return v.toNumber();
  if (v instanceof Decimal128) return Number.parseFloat(v.toString());
  if (typeof v === 'boolean') return v ? 1 : 0;
  return Number.NaN;
}

/** Reads an optional numeric command option (which arrives as int32, int64 or double). */
export function optNumber(v: unknown, fallback: number): number {
  if (v === undefined || v === null) return fallback;
  const n = toNumber(v);
  return Number.isNaN(n) ? fallback : n;
}

/** MongoDB's `$type` alias of a value, used in error messages. */
export function bsonTypeName(v: unknown): string {
  if (v === undefined) return 'missing';
  if (v === null) return 'null';
  const k = numKind(v);
  if (k === 'int') return 'int';
  if (k === 'long') return 'long';
  if (k === 'double') return 'double';
  if (k === 'decimal') return 'decimal';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  if (Array.isArray(v)) return 'array';
  if (v instanceof Date) return 'date';
  if (v instanceof ObjectId) return 'objectId';
  if (v instanceof Binary) return 'binData';
  if (v instanceof Timestamp) return 'timestamp';
  if (v instanceof RegExp) return 'regex';
  if (isPlainObject(v)) return 'object';
  const bt = (v as { _bsontype?: unknown })._bsontype;
  return typeof bt === 'string' ? bt.toLowerCase() : 'object';
}

/** Renders a value the way mongod prints it in error messages (`{ a: "x", n: 1 }`). */
export function formatValue(v: unknown): string {
  if (v === undefined) return 'undefined';
  if (v === null) return 'null';
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Double) return Number.isInteger(v.value) ? `${v.value}.0` : String(v.value);
  if (v instanceof Long && !(v instanceof Timestamp)) return v.toString();
  if (v instanceof Decimal128) return v.toString();
  if (v instanceof ObjectId) return `ObjectId('${v.toHexString()}')`;
  if (v instanceof Date) return `new Date(${v.getTime()})`;
  if (v instanceof RegExp) return String(v);
  if (Array.isArray(v)) return v.length === 0 ? '[]' : `[ ${v.map(formatValue).join(', ')} ]`;
  if (isPlainObject(v)) {
    const keys = Object.keys(v);
    if (keys.length === 0) return '{}';
    return `{ ${keys.map((k) => `${k}: ${formatValue(v[k])}`).join(', ')} }`;
  }
  return String(v);
}
