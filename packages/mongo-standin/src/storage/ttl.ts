import { typeRank } from '../query/compare.ts';
import type { Catalog } from './catalog.ts';
import type { IndexEntry, SortedIndex } from './index.ts';
import type { DocRecord } from './record.ts';

const DATE_RANK = typeRank(new Date(0));

/**
 * One pass of the TTL monitor: removes documents whose indexed date (any element, for an array)
 * is at least `expireAfterSeconds` old. Like mongod, only single-field indexes expire documents
 * and non-date values never expire. Expired entries are located by binary search in the sorted
 * index, so a pass costs the number of expired documents, not the collection size.
 */
export function sweepTtl(catalog: Catalog, now = Date.now()): number {
  let removed = 0;
  for (const colls of catalog.dbs.values()) {
    for (const coll of colls.values()) {
      for (const idx of [...coll.indexes.values()]) {
        const secs = idx.spec.expireAfterSeconds;
        if (secs === undefined || idx.fields.length !== 1) continue;
        for (const rec of expiredRecords(idx, now - secs * 1000)) {
          if (coll.byId(rec.doc._id) !== rec) continue;
          coll.remove(rec);
          removed++;
        }
      }
    }
  }
  return removed;
}

function expiredRecords(idx: SortedIndex, cutoff: number): Set<DocRecord> {
  const n = idx.entries.length;
  const asc = idx.dirs[0] !== -1;
  const rank = (e: IndexEntry) => typeRank(e.key[0]);
  const time = (e: IndexEntry) => (e.key[0] as Date).getTime();
  // Dates form one contiguous block of the index, since they share a BSON type rank.
  const start = idx.partition(0, n, (e) => (asc ? rank(e) >= DATE_RANK : rank(e) <= DATE_RANK));
  const end = idx.partition(start, n, (e) => (asc ? rank(e) > DATE_RANK : rank(e) < DATE_RANK));
  const [from, to] = asc
    ? [start, idx.partition(start, end, (e) => time(e) > cutoff)]
    : [idx.partition(start, end, (e) => time(e) <= cutoff), end];
  const out = new Set<DocRecord>();
  for (let i = from; i < to; i++) out.add((idx.entries.at(i) as IndexEntry).rec);
  return out;
}
