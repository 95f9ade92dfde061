import {
  closeSync,
  existsSync,
  fdatasyncSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { type Document, deserialize, serialize } from 'bson';
import { normalizeDoc } from '../bson/values.ts';

/**
 * Append-only write-ahead journal: one BSON document per change. Changes made by a command are
 * buffered and written + fdatasync'ed before that command's reply is sent, so an acknowledged
 * write survives a crash. At start the journal is replayed, then rewritten compactly (a snapshot
 * of the live data) via write-to-temp + rename, which is atomic.
 */
export class Journal {
  private readonly file: string;
  private fd: number;
  private pending: Uint8Array[] = [];

  constructor(dir: string) {
    mkdirSync(dir, { recursive: true });
    this.file = join(dir, 'journal.bson');
    this.fd = openSync(this.file, 'a');
  }

  /** Reads every complete record; a torn tail (crash mid-write, never acknowledged) is dropped. */
  readAll(): Document[] {
    if (!existsSync(this.file)) return [];
    const buf = readFileSync(this.file);
    const out: Document[] = [];
    let pos = 0;
    while (pos + 4 <= buf.length) {
      const len = buf.readInt32LE(pos);
      if (len < 5 || pos + len > buf.length) break;
      out.push(
        normalizeDoc(
          deserialize(buf.subarray(pos, pos + len), { promoteValues: false, promoteLongs: false }),
        ),
      );
      pos += len;
    }
    return out;
  }

  /** Records in the file (approximately: since the last rewrite), to decide on compaction. */
  records = 0;

  append(rec: Document): void {
    this.pending.push(serialize(rec));
    this.records++;
  }

  get dirty(): boolean {
    return this.pending.length > 0;
  }

  flush(): void {
    if (this.pending.length === 0) return;
    const data = Buffer.concat(this.pending);
    this.pending = [];
    let off = 0;
    while (off < data.length) off += writeSync(this.fd, data, off, data.length - off);
    fdatasyncSync(this.fd);
  }

  /** Replaces the journal with the given records (a snapshot of the current state). */
  rewrite(records: Iterable<Document>): void {
    this.flush();
    const tmp = `${this.file}.tmp`;
    const fd = openSync(tmp, 'w');
    const chunk: Uint8Array[] = [];
    let size = 0;
    const drain = () => {
      const data = Buffer.concat(chunk);
      let off = 0;
      while (off < data.length) off += writeSync(fd, data, off, data.length - off);
      chunk.length = 0;
      size = 0;
    };
    this.records = 0;
    for (const r of records) {
      this.records++;
      const b = serialize(r);
      chunk.push(b);
      size += b.length;
      if (size > 4 * 1024 * 1024) drain();
    }
    drain();
    fsyncSync(fd);
    closeSync(fd);
    closeSync(this.fd);
    renameSync(tmp, this.file);
    this.fd = openSync(this.file, 'a');
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}
