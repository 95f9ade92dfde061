import type { Document } from 'bson';
import { formatValue } from '../bson/values.ts';
import { Codes, CommandError } from '../errors.ts';
import { compareKeys } from '../query/compare.ts';
import { compileFilter } from '../query/matcher.ts';
import { idString } from './ids.ts';
import { type IndexEntry, type IndexSpec, SortedIndex } from './index.ts';
import { DocRecord } from './record.ts';

/** Receives every durable change so the journal can persist it (no-op when in memory). */
export interface ChangeSink {
  put(coll: string, doc: Document): void;
  delete(coll: string, id: unknown): void;
}

export class Collection {
  readonly dbName: string;
  /** Mutable only for renameCollection. */
  name: string;
  readonly options: Document;
  readonly records = new Map<string, DocRecord>();
  readonly indexes = new Map<string, SortedIndex>();
  private seq = 0;
  private readonly sink: ChangeSink;

  constructor(dbName: string, name: string, options: Document, sink: ChangeSink) {
    this.dbName = dbName;
    this.name = name;
    this.options = options;
    this.sink = sink;
    this.indexes.set('_id_', new SortedIndex({ name: '_id_', key: { _id: 1 } }));
  }

  get ns(): string {
    return `${this.dbName}.${this.name}`;
  }

  get size(): number {
    return this.records.size;
  }

  byId(id: unknown): DocRecord | undefined {
    return this.records.get(idString(id));
  }

  /** Inserts a document that already has an `_id`; throws E11000 on any unique violation. */
  insert(doc: Document): DocRecord {
    const id = idString(doc._id);
    const existing = this.records.get(id);
    if (existing) throw this.duplicate(this.indexes.get('_id_') as SortedIndex, [doc._id]);
    const rec = new DocRecord(++this.seq, doc);
    const keys = this.checkUnique(rec, undefined);
    this.records.set(id, rec);
    for (const [idx, k] of keys) idx.add(k, rec);
    this.sink.put(this.name, doc);
    return rec;
  }

  /** Replaces a stored document (same `_id`), re-indexing it; throws E11000 on violations. */
  replace(rec: DocRecord, doc: Document): void {
    const probe = new DocRecord(rec.seq, doc);
    const newKeys = this.checkUnique(probe, rec);
    for (const idx of this.indexes.values()) idx.remove(idx.keysFor(rec), rec);
    rec.replace(doc);
    for (const [idx, k] of newKeys) idx.add(k, rec);
    this.sink.put(this.name, doc);
  }

  remove(rec: DocRecord): void {
    for (const idx of this.indexes.values()) idx.remove(idx.keysFor(rec), rec);
    this.records.delete(idString(rec.doc._id));
    this.sink.delete(this.name, rec.doc._id);
  }

  /** Computes every index's keys for `rec`, failing if a unique index already holds one. */
  private checkUnique(rec: DocRecord, self: DocRecord | undefined): Array<[SortedIndex, unknown[][]]> {
    const out: Array<[SortedIndex, unknown[][]]> = [];
    for (const idx of this.indexes.values()) {
      const keys = idx.keysFor(rec);
      if (idx.spec.unique || idx.name === '_id_') {
        for (const k of keys) {
          const other = idx.findOther(k, self);
          if (other !== undefined && other !== self) throw this.duplicate(idx, k);
        }
      }
      out.push([idx, keys]);
    }
    return out;
  }

  duplicate(idx: SortedIndex, key: unknown[]): CommandError {
    const keyValue: Document = {};
    idx.fields.forEach((f, i) => {
      keyValue[f] = key[i];
    });
    const shown = idx.fields.map((f, i) => `${f}: ${formatValue(key[i])}`).join(', ');
    return new CommandError(
      Codes.DuplicateKey,
      `E11000 duplicate key error collection: ${this.ns} index: ${idx.name} dup key: { ${shown} }`,
      { keyPattern: { ...idx.spec.key }, keyValue },
    );
  }

  /** Builds an index over existing documents; fails (and leaves nothing behind) on duplicates. */
  addIndex(spec: IndexSpec): void {
    const idx = new SortedIndex(spec);
    if (spec.partialFilterExpression) {
      const m = compileFilter(spec.partialFilterExpression);
      idx.partialTest = (rec) => m(rec.view);
    }
    const items: Array<[unknown[][], DocRecord]> = [];
    for (const rec of this.records.values()) items.push([idx.keysFor(rec), rec]);
    idx.load(items);
    if (spec.unique) {
      // Sorted, so any duplicate key sits next to its twin.
      for (let i = 1; i < idx.entries.length; i++) {
        const a = idx.entries.at(i - 1) as IndexEntry;
        const b = idx.entries.at(i) as IndexEntry;
        if (a.rec !== b.rec && compareKeys(a.key, b.key) === 0) throw this.duplicate(idx, b.key);
      }
    }
    this.indexes.set(spec.name, idx);
  }

  dropIndex(name: string): void {
    this.indexes.delete(name);
  }
}
