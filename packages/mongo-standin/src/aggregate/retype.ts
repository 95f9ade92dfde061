import { type Document, ObjectId } from 'bson';
import { fromView, isPlainObject, toNumber, toView } from '../bson/values.ts';
import { idString } from '../storage/ids.ts';

/**
 * mingo evaluates stages on "views" where int64/double/decimal became JS numbers, so its output
 * no longer says which BSON type a number had. A Retyper hands mingo fresh view copies (mingo may
 * then modify them freely), remembers which typed value each view container came from, and
 * afterwards walks mingo's output: a number that still equals the typed value at the same place
 * gets that typed value back; a number mingo computed falls back to int32 (if integral and in
 * range) or double.
 */
export class Retyper {
  private readonly origin = new WeakMap<object, unknown>();
  private readonly byId = new Map<string, Document>();

  /** A fresh, mingo-ready copy of a typed document, remembered for `restore`. */
  view(doc: Document): Document {
    if (doc._id !== undefined) this.byId.set(idString(doc._id), doc);
    return this.copy(doc) as Document;
  }

  private copy(v: unknown): unknown {
    if (Array.isArray(v)) {
      const out = v.map((x) => this.copy(x));
      this.origin.set(out, v);
      return out;
    }
    if (isPlainObject(v)) {
      const out: Document = {};
      for (const k of Object.keys(v)) out[k] = this.copy(v[k]);
      this.origin.set(out, v);
      return out;
    }
    return toView(v);
  }

  /** Converts one output document of mingo back to typed values. */
  restore(out: Document): Document {
    const src = this.origin.get(out) ?? this.sourceById(out);
    return this.value(out, src) as Document;
  }

  /** Converts `out` back to typed values, taking types from `src` where values still agree. */
  restoreWith(out: Document, src: unknown): Document {
    return this.value(out, src) as Document;
  }

  private sourceById(out: Document): unknown {
    const id = out._id;
    if (id === undefined || id === null) return undefined;
    return this.byId.get(idString(id));
  }

  private value(v: unknown, src: unknown): unknown {
    if (typeof v === 'number') return numberFrom(v, src);
    if (Array.isArray(v)) {
      const s = this.origin.get(v) ?? src;
      const arr = Array.isArray(s) ? s : undefined;
      return v.map((x, i) => this.value(x, arr?.[i]));
    }
    if (isPlainObject(v)) {
      const s = this.origin.get(v) ?? src;
      const obj = isPlainObject(s) ? s : undefined;
      const out: Document = {};
      for (const k of Object.keys(v)) if (v[k] !== undefined) out[k] = this.value(v[k], obj?.[k]);
      return out;
    }
    if (v instanceof ObjectId) return v;
    return fromView(v);
  }
}

/** The typed source of a number if it still has the same value; for `$unwind`, any equal element. */
function numberFrom(n: number, src: unknown): unknown {
  if (Array.isArray(src)) {
    const el = src.find((x) => sameNumber(n, x));
    return el === undefined ? fromView(n) : el;
  }
  return sameNumber(n, src) ? src : fromView(n);
}

function sameNumber(n: number, src: unknown): boolean {
  if (src === null || src === undefined || typeof src === 'boolean' || typeof src === 'string') return false;
  const s = toNumber(src);
  return s === n || (Number.isNaN(s) && Number.isNaN(n));
}
