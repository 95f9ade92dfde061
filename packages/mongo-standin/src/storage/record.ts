import type { Document } from 'bson';
import { docView } from '../bson/values.ts';

/**
 * One stored document. `doc` keeps exact BSON types, `view` is what mingo evaluates. Both are
 * replaced (never mutated) on update, so cursors holding an older `doc` keep a stable snapshot.
 */
export class DocRecord {
  readonly seq: number;
  doc: Document;
  view: Document;
  constructor(seq: number, doc: Document) {
    this.seq = seq;
    this.doc = doc;
    this.view = docView(doc);
  }
  replace(doc: Document): void {
    this.doc = doc;
    this.view = docView(doc);
  }
}
