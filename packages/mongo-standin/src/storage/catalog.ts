import type { Document } from 'bson';
import { Codes, CommandError } from '../errors.ts';
import { Collection } from './collection.ts';
import type { IndexSpec } from './index.ts';
import type { Journal } from './journal.ts';

/** All databases and collections of the server, plus the journal that persists their changes. */
export class Catalog {
  readonly dbs = new Map<string, Map<string, Collection>>();
  private journal: Journal | undefined;

  attachJournal(journal: Journal): void {
    this.journal = journal;
  }

  private log(rec: Document): void {
    this.journal?.append(rec);
  }

  documentCount(): number {
    let n = 0;
    for (const colls of this.dbs.values()) for (const c of colls.values()) n += c.size;
    return n;
  }

  db(name: string): Map<string, Collection> | undefined {
    return this.dbs.get(name);
  }

  get(db: string, name: string): Collection | undefined {
    return this.dbs.get(db)?.get(name);
  }

  /** Implicit creation, as mongod does on the first write to a collection. */
  ensure(db: string, name: string, options: Document = {}): Collection {
    return this.get(db, name) ?? this.create(db, name, options);
  }

  create(db: string, name: string, options: Document): Collection {
    validateName(db, name);
    let colls = this.dbs.get(db);
    if (!colls) {
      colls = new Map();
      this.dbs.set(db, colls);
    }
    if (colls.has(name))
      throw new CommandError(Codes.NamespaceExists, `Collection ${db}.${name} already exists.`);
    const coll = new Collection(db, name, options, {
      put: (c, d) => this.log({ o: 'p', db, c, d }),
      delete: (c, id) => this.log({ o: 'd', db, c, id }),
    });
    colls.set(name, coll);
    this.log({ o: 'cc', db, c: name, opts: options });
    return coll;
  }

  drop(db: string, name: string): boolean {
    const colls = this.dbs.get(db);
    if (!colls?.delete(name)) return false;
    if (colls.size === 0) this.dbs.delete(db);
    this.log({ o: 'dc', db, c: name });
    return true;
  }

  /** Renames a collection within its database (the target must not exist). */
  rename(db: string, from: string, to: string): void {
    const colls = this.dbs.get(db);
    const coll = colls?.get(from);
    if (!colls || !coll) return;
    validateName(db, to);
    colls.delete(from);
    coll.name = to;
    colls.set(to, coll);
    this.log({ o: 'rn', db, c: from, to });
  }

  dropDatabase(db: string): void {
    if (this.dbs.delete(db)) this.log({ o: 'dd', db });
  }

  createIndex(coll: Collection, spec: IndexSpec): void {
    coll.addIndex(spec);
    this.log({ o: 'ci', db: coll.dbName, c: coll.name, spec: { ...spec } });
  }

  dropIndex(coll: Collection, name: string): void {
    coll.dropIndex(name);
    this.log({ o: 'di', db: coll.dbName, c: coll.name, name });
  }

  /** Applies one journal record (during replay, with no journal attached). */
  replay(r: Document): void {
    const db = String(r.db);
    const c = String(r.c);
    switch (r.o) {
      case 'cc':
        if (!this.get(db, c)) this.create(db, c, (r.opts as Document) ?? {});
        return;
      case 'dc':
        this.drop(db, c);
        return;
      case 'dd':
        this.dropDatabase(db);
        return;
      case 'rn':
        this.rename(db, c, String(r.to));
        return;
      case 'ci':
        this.ensure(db, c).addIndex(r.spec as IndexSpec);
        return;
      case 'di':
        this.get(db, c)?.dropIndex(String(r.name));
        return;
      case 'p': {
        const coll = this.ensure(db, c);
        const doc = r.d as Document;
        const rec = coll.byId(doc._id);
        if (rec) coll.replace(rec, doc);
        else coll.insert(doc);
        return;
      }
      case 'd': {
        const coll = this.get(db, c);
        const rec = coll?.byId(r.id);
        if (coll && rec) coll.remove(rec);
        return;
      }
      default:
        throw new Error(`unknown journal record ${String(r.o)}`);
    }
  }

  /** The current state as journal records, for compaction. */
  *snapshot(): Generator<Document> {
    for (const [db, colls] of this.dbs) {
      for (const [c, coll] of colls) {
        yield { o: 'cc', db, c, opts: coll.options };
        for (const idx of coll.indexes.values())
          if (idx.name !== '_id_') yield { o: 'ci', db, c, spec: idx.spec };
        for (const rec of coll.records.values()) yield { o: 'p', db, c, d: rec.doc };
      }
    }
  }
}

function validateName(db: string, name: string): void {
  if (!db || /[/\\. "$]/.test(db))
    throw new CommandError(Codes.InvalidNamespace, `Invalid database name: '${db}'`);
  if (!name || name.includes('$') || name.startsWith('.') || name.includes('\0')) {
    throw new CommandError(Codes.InvalidNamespace, `Invalid collection name: ${name}`);
  }
}
