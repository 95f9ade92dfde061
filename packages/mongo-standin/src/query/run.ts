import type { Document } from 'bson';
import { isPlainObject } from '../bson/values.ts';
import type { Collection } from '../storage/collection.ts';
import type { SortedIndex } from '../storage/index.ts';
import type { DocRecord } from '../storage/record.ts';
import { compileFilter } from './matcher.ts';
import { plan } from './planner.ts';
import { parseSort, sortRecords } from './sort.ts';

export interface QueryOptions {
  sort?: unknown;
  skip?: number;
  /** 0 = no limit. */
  limit?: number;
}

export interface QueryResult {
  records: DocRecord[];
  stage: 'EOF' | 'COLLSCAN' | 'IDHACK' | 'IXSCAN';
  index?: SortedIndex;
  /** Documents the filter was evaluated on: what explain's `totalDocsExamined` reports. */
  docsExamined: number;
  /** Whether the result needed an in-memory sort (explain shows a SORT stage). */
  inMemorySort: boolean;
}

/** Matching records, materialised (so callers may modify the collection afterwards). */
export function runQuery(
  coll: Collection | undefined,
  filter: Document | undefined,
  opts: QueryOptions = {},
): QueryResult {
  const sort = parseSort(opts.sort);
  const sortDoc = sort ? Object.fromEntries(sort) : undefined;
  const p = coll ? plan(coll, filter, sortDoc) : undefined;
  // `{_id: value}` answered by the _id lookup needs no further matching (the commonest query).
  const matches = p?.stage === 'IDHACK' && isPlainIdFilter(filter) ? () => true : compileFilter(filter);
  if (!coll || !p) return { records: [], stage: 'EOF', docsExamined: 0, inMemorySort: false };
  const skip = Math.max(0, opts.skip ?? 0);
  const limit = Math.abs(opts.limit ?? 0);
  const out: DocRecord[] = [];
  let examined = 0;
  const base = { stage: p.stage, ...(p.index ? { index: p.index } : {}) };
  if (p.sorted) {
    // Already in order: stop as soon as skip + limit matches are found.
    let skipped = 0;
    for (const rec of p.records) {
      examined++;
      if (!matches(rec.view)) continue;
      if (skipped < skip) {
        skipped++;
        continue;
      }
      out.push(rec);
      if (limit > 0 && out.length >= limit) break;
    }
    return { ...base, records: out, docsExamined: examined, inMemorySort: false };
  }
  for (const rec of p.records) {
    examined++;
    if (matches(rec.view)) out.push(rec);
  }
  const sorted = sort ? sortRecords(out, sort) : out;
  const end = limit > 0 ? skip + limit : undefined;
  const records = skip > 0 || end !== undefined ? sorted.slice(skip, end) : sorted;
  return { ...base, records, docsExamined: examined, inMemorySort: sort !== undefined };
}

function isPlainIdFilter(filter: Document | undefined): boolean {
  if (!filter) return false;
  const keys = Object.keys(filter);
  if (keys.length !== 1 || keys[0] !== '_id') return false;
  const v = filter._id;
  return !isPlainObject(v) && !Array.isArray(v) && !(v instanceof RegExp);
}
