import type { Document } from 'bson';
import { compareKeys } from '../query/compare.ts';
import { valuesAtPath } from '../query/paths.ts';
import { ChunkedList } from './chunked-list.ts';
import type { DocRecord } from './record.ts';

export interface IndexSpec {
  name: string;
  key: Document;
  unique?: boolean;
  sparse?: boolean;
  partialFilterExpression?: Document;
  expireAfterSeconds?: number;
}

export interface IndexEntry {
  key: unknown[];
  rec: DocRecord;
}

/**
 * An ordered index: a sorted list of (key tuple, record) with binary search. The list is chunked,
 * so an insert or delete in the middle moves one small chunk, not the whole tail.
 * Entries are kept in the index's own direction per field (so `{ a: 1, b: -1 }` can serve that
 * sort), and equal keys are ordered by record sequence so an entry can be located again.
 */
export class SortedIndex {
  readonly spec: IndexSpec;
  readonly fields: string[];
  readonly dirs: number[];
  entries = new ChunkedList<IndexEntry>();
  multikey = false;
  /** Set by the collection: decides whether a document belongs in a partial index. */
  partialTest: ((rec: DocRecord) => boolean) | undefined;

  constructor(spec: IndexSpec) {
    this.spec = spec;
    this.fields = Object.keys(spec.key);
    this.dirs = this.fields.map((f) => (Number(spec.key[f]) < 0 ? -1 : 1));
  }

  get name(): string {
    return this.spec.name;
  }

  /** Whether the index holds every document (so it can answer any query on its fields). */
  get complete(): boolean {
    return !this.spec.sparse && !this.spec.partialFilterExpression;
  }

  /**
   * Key tuples of a document (several when a field holds an array); empty when the document is
   * not in this index (partial filter not matched, or sparse and all fields missing).
   */
  keysFor(rec: DocRecord): unknown[][] {
    if (this.partialTest && !this.partialTest(rec)) return [];
    let tuples: unknown[][] = [[]];
    let arrays = 0;
    let present = false;
    for (const f of this.fields) {
      const raw = valuesAtPath(rec.doc, f);
      if (raw.length > 0) present = true;
      const values: unknown[] = [];
      if (raw.length === 0) values.push(null);
      for (const v of raw) {
        if (Array.isArray(v)) {
          arrays++;
          if (v.length === 0) values.push(null);
          else values.push(...v);
        } else values.push(v);
      }
      if (raw.length > 1) arrays++;
      const next: unknown[][] = [];
      for (const t of tuples) for (const v of values) next.push([...t, v === undefined ? null : v]);
      tuples = next;
    }
    if (this.spec.sparse && !present) return [];
    if (arrays > 0) this.multikey = true;
    return tuples.length > 1 ? this.dedupe(tuples) : tuples;
  }

  private dedupe(tuples: unknown[][]): unknown[][] {
    tuples.sort((a, b) => compareKeys(a, b));
    return tuples.filter((t, i) => i === 0 || compareKeys(t, tuples[i - 1] as unknown[]) !== 0);
  }

  private cmpEntry(key: unknown[], seq: number, e: IndexEntry): number {
    return compareKeys(key, e.key, this.dirs) || seq - e.rec.seq;
  }

  /** First position whose entry is >= (key, seq). */
  private position(key: unknown[], seq: number): number {
    return this.partition(0, this.entries.length, (e) => this.cmpEntry(key, seq, e) <= 0);
  }

  /** First index in [lo, hi) where the monotone predicate turns true (hi if never). */
  partition(lo: number, hi: number, pred: (e: IndexEntry) => boolean): number {
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (pred(this.entries.at(mid) as IndexEntry)) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  add(keys: unknown[][], rec: DocRecord): void {
    for (const key of keys) {
      const last = this.entries.last();
      // Appending in key order (e.g. increasing ObjectIds) is the common case: skip the search.
      if (last === undefined || this.cmpEntry(key, rec.seq, last) > 0) this.entries.push({ key, rec });
      else this.entries.insert(this.position(key, rec.seq), { key, rec });
    }
  }

  /** Builds the index from scratch in one sort (createIndex over existing documents). */
  load(items: Array<[unknown[][], DocRecord]>): void {
    const entries: IndexEntry[] = [];
    for (const [keys, rec] of items) for (const key of keys) entries.push({ key, rec });
    entries.sort((a, b) => this.cmpEntry(a.key, a.rec.seq, b));
    this.entries = ChunkedList.from(entries);
  }

  remove(keys: unknown[][], rec: DocRecord): void {
    for (const key of keys) {
      const i = this.position(key, rec.seq);
      if (this.entries.at(i)?.rec === rec) this.entries.removeAt(i);
    }
  }

  /** [start, end) of the entries whose first `prefix.length` fields equal `prefix`. */
  equalRange(prefix: readonly unknown[], lo = 0, hi = this.entries.length): [number, number] {
    // compareKeys stops at the shorter tuple, so this compares the first prefix.length fields only.
    const c = (e: IndexEntry) => compareKeys(e.key, prefix, this.dirs);
    const start = this.partition(lo, hi, (e) => c(e) >= 0);
    const end = this.partition(start, hi, (e) => c(e) > 0);
    return [start, end];
  }

  /** Another record holding `key`, if any (for unique checks). */
  findOther(key: unknown[], rec: DocRecord | undefined): DocRecord | undefined {
    const [start, end] = this.equalRange(key);
    for (let i = start; i < end; i++) {
      const e = this.entries.at(i) as IndexEntry;
      if (e.rec !== rec) return e.rec;
    }
    return undefined;
  }
}
