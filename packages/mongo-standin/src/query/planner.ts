import type { Document } from 'bson';
import { isPlainObject } from '../bson/values.ts';
import type { Collection } from '../storage/collection.ts';
import type { IndexEntry, SortedIndex } from '../storage/index.ts';
import type { DocRecord } from '../storage/record.ts';
import { bsonCompare, typeRank } from './compare.ts';

/**
 * A deliberately small planner: it extracts equality, `$in` and range predicates from the
 * top level of a filter (and top-level `$and`), picks the index with the longest equality
 * prefix (plus a range on the next field), and yields candidate records. Candidates are a
 * superset of the answer: the caller always applies the full filter to them.
 */

interface Range {
  lo?: unknown;
  loIncl?: boolean;
  hi?: unknown;
  hiIncl?: boolean;
}

interface FieldPred {
  eq?: unknown;
  hasEq?: boolean;
  in?: unknown[];
  range?: Range;
}

export interface Plan {
  /** Candidate records in the order they will be produced. */
  records: Iterable<DocRecord>;
  /** True when records come out in the requested sort order. */
  sorted: boolean;
  /** What explain reports as `winningPlan.stage`. */
  stage: 'COLLSCAN' | 'IDHACK' | 'IXSCAN';
  /** The index walked, for IXSCAN. */
  index?: SortedIndex;
}

function indexable(v: unknown): boolean {
  // Arrays (whole-array equality), regexes and null (which also matches missing fields in
  // sparse/partial indexes) need semantics the simple bounds do not model: leave them to a scan.
  if (Array.isArray(v) || v instanceof RegExp) return false;
  if (v === null || v === undefined) return false;
  if (isPlainObject(v) && Object.keys(v).some((k) => k.startsWith('$'))) return false;
  const bt = (v as { _bsontype?: unknown } | null)?._bsontype;
  return bt !== 'MinKey' && bt !== 'MaxKey' && bt !== 'BSONRegExp';
}

function extract(filter: Document, preds: Map<string, FieldPred>): void {
  for (const [k, v] of Object.entries(filter)) {
    if (k === '$and' && Array.isArray(v)) {
      for (const sub of v) if (isPlainObject(sub)) extract(sub, preds);
      continue;
    }
    if (k.startsWith('$')) continue;
    const p = preds.get(k) ?? {};
    if (isPlainObject(v) && Object.keys(v).some((x) => x.startsWith('$'))) {
      for (const [op, arg] of Object.entries(v)) {
        if (op === '$eq' && indexable(arg)) Object.assign(p, { eq: arg, hasEq: true });
        else if (op === '$in' && Array.isArray(arg) && arg.every(indexable)) p.in = arg;
        else if ((op === '$gt' || op === '$gte') && indexable(arg)) {
          p.range = { ...p.range, lo: arg, loIncl: op === '$gte' };
        } else if ((op === '$lt' || op === '$lte') && indexable(arg)) {
          p.range = { ...p.range, hi: arg, hiIncl: op === '$lte' };
        }
      }
    } else if (indexable(v)) Object.assign(p, { eq: v, hasEq: true });
    preds.set(k, p);
  }
}

function aboveLow(v: unknown, r: Range): boolean {
  if (r.lo === undefined) return r.hi === undefined || typeRank(v) >= typeRank(r.hi);
  const t = typeRank(v) - typeRank(r.lo);
  if (t !== 0) return t > 0;
  const c = bsonCompare(v, r.lo);
  return c > 0 || (c === 0 && r.loIncl === true);
}

function belowHigh(v: unknown, r: Range): boolean {
  if (r.hi === undefined) return r.lo === undefined || typeRank(v) <= typeRank(r.lo);
  const t = typeRank(v) - typeRank(r.hi);
  if (t !== 0) return t < 0;
  const c = bsonCompare(v, r.hi);
  return c < 0 || (c === 0 && r.hiIncl === true);
}

interface Candidate {
  idx: SortedIndex;
  eq: unknown[];
  range?: Range;
  inValues?: unknown[];
  score: number;
}

function* scanRanges(
  idx: SortedIndex,
  ranges: Array<[number, number]>,
  reverse: boolean,
): Generator<DocRecord> {
  // A multikey index may list a document once per array element: report it once.
  const seen = idx.multikey ? new Set<DocRecord>() : undefined;
  const list = reverse ? [...ranges].reverse() : ranges;
  for (const [start, end] of list) {
    for (let n = 0; n < end - start; n++) {
      const e = idx.entries.at(reverse ? end - 1 - n : start + n) as IndexEntry;
      if (seen) {
        if (seen.has(e.rec)) continue;
        seen.add(e.rec);
      }
      yield e.rec;
    }
  }
}

function rangesFor(c: Candidate): Array<[number, number]> {
  const idx = c.idx;
  if (c.inValues) {
    return c.inValues
      .slice()
      .sort((a, b) => bsonCompare(a, b) * (idx.dirs[0] ?? 1))
      .map((v) => idx.equalRange([v]));
  }
  let [start, end] = c.eq.length > 0 ? idx.equalRange(c.eq) : [0, idx.entries.length];
  if (c.range) {
    const r = c.range;
    const pos = c.eq.length;
    const field = (e: IndexEntry) => e.key[pos];
    if ((idx.dirs[pos] ?? 1) === 1) {
      start = idx.partition(start, end, (e) => aboveLow(field(e), r));
      end = idx.partition(start, end, (e) => !belowHigh(field(e), r));
    } else {
      start = idx.partition(start, end, (e) => belowHigh(field(e), r));
      end = idx.partition(start, end, (e) => !aboveLow(field(e), r));
    }
  }
  return [[start, end]];
}

/** Whether walking `idx` (forward or backward) yields the sort order, given an equality prefix. */
function sortDirection(idx: SortedIndex, sort: Document | undefined, eqLen: number): 1 | -1 | 0 {
  if (!sort || idx.multikey || !idx.complete) return 0;
  const keys = Object.keys(sort);
  if (keys.length === 0) return 0;
  for (const offset of eqLen > 0 ? [0, eqLen] : [0]) {
    let dir: 1 | -1 | 0 = 0;
    let ok = keys.length + offset <= idx.fields.length;
    for (let i = 0; ok && i < keys.length; i++) {
      const want = Number(sort[keys[i] as string]) < 0 ? -1 : 1;
      if (idx.fields[offset + i] !== keys[i]) ok = false;
      else {
        const d = want === idx.dirs[offset + i] ? 1 : -1;
        if (dir === 0) dir = d;
        else if (dir !== d) ok = false;
      }
    }
    if (ok) return dir;
  }
  return 0;
}

export function plan(coll: Collection, filter: Document | undefined, sort?: Document): Plan {
  const preds = new Map<string, FieldPred>();
  if (filter) extract(filter, preds);

  const idPred = preds.get('_id');
  if (idPred?.hasEq) {
    const rec = coll.byId(idPred.eq);
    return { records: rec ? [rec] : [], sorted: true, stage: 'IDHACK' };
  }

  let best: Candidate | undefined;
  for (const idx of coll.indexes.values()) {
    if (!idx.complete) continue;
    const eq: unknown[] = [];
    for (const f of idx.fields) {
      const p = preds.get(f);
      if (!p?.hasEq) break;
      eq.push(p.eq);
    }
    const next = idx.fields[eq.length];
    const p = next === undefined ? undefined : preds.get(next);
    let c: Candidate | undefined;
    if (eq.length > 0 || p?.range) {
      let range = p?.range;
      // Bounds on a multikey field may be satisfied by different elements: keep only one side.
      if (range && idx.multikey && range.lo !== undefined && range.hi !== undefined)
        range = { lo: range.lo, loIncl: range.loIncl };
      const unique = idx.spec.unique === true && eq.length === idx.fields.length;
      c = { idx, eq, range, score: eq.length * 4 + (range ? 1 : 0) + (unique ? 100 : 0) };
    } else if (preds.get(idx.fields[0] as string)?.in) {
      c = { idx, eq: [], inValues: preds.get(idx.fields[0] as string)?.in, score: 2 };
    }
    if (c && (!best || c.score > best.score)) best = c;
  }

  if (best) {
    const dir = best.inValues ? 0 : sortDirection(best.idx, sort, best.eq.length);
    return {
      records: scanRanges(best.idx, rangesFor(best), dir === -1),
      sorted: dir !== 0,
      stage: 'IXSCAN',
      index: best.idx,
    };
  }

  // No usable predicate: an index matching the sort still avoids an in-memory sort.
  for (const idx of coll.indexes.values()) {
    const dir = sortDirection(idx, sort, 0);
    if (dir !== 0) {
      return {
        records: scanRanges(idx, [[0, idx.entries.length]], dir === -1),
        sorted: true,
        stage: 'IXSCAN',
        index: idx,
      };
    }
  }
  return {
    records: coll.records.values(),
    sorted: !sort || Object.keys(sort).length === 0,
    stage: 'COLLSCAN',
  };
}
