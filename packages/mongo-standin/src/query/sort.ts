import type { Document } from 'bson';
import { badValue } from '../errors.ts';
import type { DocRecord } from '../storage/record.ts';
import { bsonCompare } from './compare.ts';
import { keyValues } from './paths.ts';

export type SortSpec = Array<[string, 1 | -1]>;

export function parseSort(sort: unknown): SortSpec | undefined {
  if (sort === undefined || sort === null) return undefined;
  if (typeof sort !== 'object' || Array.isArray(sort)) throw badValue('sort must be an object');
  const out: SortSpec = [];
  for (const [k, v] of Object.entries(sort as Document)) {
    const n = Number(typeof v === 'object' && v !== null && 'valueOf' in v ? v.valueOf() : v);
    if (n !== 1 && n !== -1) {
      if (typeof v === 'object' && v !== null && '$meta' in v)
        throw badValue(`mongo-standin does not support $meta sort on '${k}'`);
      throw badValue(`$sort key ordering must be 1 (for ascending) or -1 (for descending)`);
    }
    out.push([k, n]);
  }
  return out.length > 0 ? out : undefined;
}

/**
 * MongoDB sorts an array field by its smallest element ascending and its largest descending;
 * a missing field sorts as null.
 */
function sortKey(doc: Document, path: string, dir: 1 | -1): unknown {
  const { values } = keyValues(doc, path);
  let best = values[0];
  for (let i = 1; i < values.length; i++) {
    const d = bsonCompare(values[i], best);
    if (dir === 1 ? d < 0 : d > 0) best = values[i];
  }
  return best;
}

export function sortRecords(records: DocRecord[], spec: SortSpec): DocRecord[] {
  return sortDocs(records, spec, (r) => r.doc);
}

export function sortDocs<T>(items: T[], spec: SortSpec, get: (t: T) => Document): T[] {
  // Compute keys once per item (decorate-sort-undecorate); Array#sort is stable like mongod's.
  const decorated = items.map((item) => ({ item, keys: spec.map(([p, d]) => sortKey(get(item), p, d)) }));
  decorated.sort((a, b) => {
    for (let i = 0; i < spec.length; i++) {
      const d = bsonCompare(a.keys[i], b.keys[i]);
      if (d !== 0) return (spec[i] as [string, 1 | -1])[1] === 1 ? d : -d;
    }
    return 0;
  });
  return decorated.map((d) => d.item);
}
