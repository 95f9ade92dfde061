import { Binary, Decimal128, Double, Int32, Long, MaxKey, MinKey, ObjectId, Timestamp } from 'bson';
import { isPlainObject, toNumber } from '../bson/values.ts';

/**
 * MongoDB's cross-type ordering (https://www.mongodb.com/docs/manual/reference/bson-type-comparison-order/):
 * MinKey < null < numbers < strings < objects < arrays < binData < ObjectId < boolean < date
 * < timestamp < regex < MaxKey. Numbers of different BSON types compare by value.
 */
export function typeRank(v: unknown): number {
  if (v === undefined || v === null) return 2;
  switch (typeof v) {
    case 'number':
      return 3;
    case 'string':
      return 4;
    case 'boolean':
      return 9;
    case 'bigint':
      return 3;
    default:
  }
  if (v instanceof Timestamp) return 11;
  if (v instanceof Double || v instanceof Int32 || v instanceof Long || v instanceof Decimal128) return 3;
  if (Array.isArray(v)) return 6;
  if (v instanceof Date) return 10;
  if (v instanceof ObjectId) return 8;
  if (v instanceof Binary) return 7;
  if (v instanceof RegExp) return 12;
  if (v instanceof MinKey) return 1;
  if (v instanceof MaxKey) return 13;
  if (isPlainObject(v)) return 5;
  const bt = (v as { _bsontype?: unknown })._bsontype;
  if (bt === 'BSONSymbol') return 4;
  if (bt === 'BSONRegExp') return 12;
  return 5;
}

function cmp<T>(a: T, b: T): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareNumbers(a: unknown, b: unknown): number {
  // Long against Long compares exactly; everything else by double value (good enough below 2^53).
  if (a instanceof Long && b instanceof Long) return a.compare(b);
  const x = toNumber(a);
  const y = toNumber(b);
  if (Number.isNaN(x)) return Number.isNaN(y) ? 0 : -1; // NaN sorts below all other numbers
  if (Number.isNaN(y)) return 1;
  return cmp(x, y);
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return cmp(a.length, b.length);
}

export function bsonCompare(a: unknown, b: unknown): number {
  const ra = typeRank(a);
  const rb = typeRank(b);
  if (ra !== rb) return ra < rb ? -1 : 1;
  switch (ra) {
    case 1:
    case 2:
    case 13:
      return 0;
    case 3:
      return compareNumbers(a, b);
    case 4:
      return cmp(String(a), String(b));
    case 5:
      return compareObjects(a as Record<string, unknown>, b as Record<string, unknown>);
    case 6: {
      const xa = a as unknown[];
      const xb = b as unknown[];
      const n = Math.min(xa.length, xb.length);
      for (let i = 0; i < n; i++) {
        const d = bsonCompare(xa[i], xb[i]);
        if (d !== 0) return d;
      }
      return cmp(xa.length, xb.length);
    }
    case 7: {
      const ba = a as Binary;
      const bb = b as Binary;
      if (ba.position !== bb.position) return cmp(ba.position, bb.position);
      if (ba.sub_type !== bb.sub_type) return cmp(ba.sub_type, bb.sub_type);
      return compareBytes(ba.value(), bb.value());
    }
    case 8:
      return compareBytes((a as ObjectId).id, (b as ObjectId).id);
    case 9:
      return cmp(a as boolean, b as boolean);
    case 10:
      return cmp((a as Date).getTime(), (b as Date).getTime());
    case 11:
      return (a as Timestamp).compare(b as Timestamp);
    case 12: {
      const x = a as RegExp;
      const y = b as RegExp;
      return cmp(x.source, y.source) || cmp(x.flags, y.flags);
    }
    default:
      return 0;
  }
}

function compareObjects(a: Record<string, unknown>, b: Record<string, unknown>): number {
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  const n = Math.min(ka.length, kb.length);
  for (let i = 0; i < n; i++) {
    const fa = ka[i] as string;
    const fb = kb[i] as string;
    const va = a[fa];
    const vb = b[fb];
    const t = cmp(typeRank(va), typeRank(vb));
    if (t !== 0) return t;
    const k = cmp(fa, fb);
    if (k !== 0) return k;
    const d = bsonCompare(va, vb);
    if (d !== 0) return d;
  }
  return cmp(ka.length, kb.length);
}

export function bsonEqual(a: unknown, b: unknown): boolean {
  return bsonCompare(a, b) === 0;
}

export function compareKeys(a: readonly unknown[], b: readonly unknown[], dirs?: readonly number[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const d = bsonCompare(a[i], b[i]);
    if (d !== 0) return dirs?.[i] === -1 ? -d : d;
  }
  return 0;
}
