import { calculateObjectSize, type Document, Long } from 'bson';
import { Codes, CommandError } from './errors.ts';
import { MAX_BSON_SIZE } from './wire/framing.ts';

/** Reply batches stop short of the 16 MiB document limit, leaving room for the envelope. */
const BATCH_BYTES = MAX_BSON_SIZE - 64 * 1024;

export interface Cursor {
  id: Long;
  ns: string;
  items: Document[];
  pos: number;
  render: (d: Document) => Document;
  lastUsed: number;
  noTimeout: boolean;
}

/**
 * Open cursors. Results are materialised snapshots (arrays of immutable document versions), so a
 * getMore sees the state at query time, which is one of the behaviours mongod permits.
 */
export class CursorRegistry {
  private readonly cursors = new Map<string, Cursor>();

  get size(): number {
    return this.cursors.size;
  }

  /** Takes the next batch; `limit` 0 means "as many as fit". */
  batch(c: Cursor, limit: number): Document[] {
    const out: Document[] = [];
    let bytes = 0;
    while (c.pos < c.items.length && (limit <= 0 || out.length < limit)) {
      const d = c.render(c.items[c.pos] as Document);
      const size = calculateObjectSize(d, { ignoreUndefined: true });
      if (out.length > 0 && bytes + size > BATCH_BYTES) break;
      out.push(d);
      bytes += size;
      c.pos++;
    }
    c.lastUsed = Date.now();
    return out;
  }

  /**
   * Runs the first batch and registers the cursor only if results remain; the reply's
   * `cursor.id` is 0 when exhausted, as mongod does.
   */
  open(
    ns: string,
    items: Document[],
    render: (d: Document) => Document,
    batchSize: number,
    single: boolean,
    noTimeout: boolean,
  ): { id: Long; batch: Document[] } {
    const c: Cursor = { id: Long.ZERO, ns, items, pos: 0, render, lastUsed: Date.now(), noTimeout };
    const batch = this.batch(c, batchSize);
    if (single || c.pos >= items.length) return { id: Long.ZERO, batch };
    c.id = newCursorId();
    this.cursors.set(c.id.toString(), c);
    return { id: c.id, batch };
  }

  get(id: Long, ns: string): Cursor {
    const c = this.cursors.get(id.toString());
    if (!c) throw new CommandError(Codes.CursorNotFound, `cursor id ${id.toString()} not found`);
    if (c.ns !== ns) {
      throw new CommandError(
        Codes.Unauthorized,
        `Requested getMore on namespace '${ns}', but cursor belongs to a different namespace ${c.ns}`,
      );
    }
    return c;
  }

  finish(c: Cursor): boolean {
    if (c.pos >= c.items.length) {
      this.cursors.delete(c.id.toString());
      return true;
    }
    return false;
  }

  kill(id: Long): boolean {
    return this.cursors.delete(id.toString());
  }

  /** Closes the cursors of a dropped or renamed collection. */
  killNamespace(ns: string): void {
    for (const [k, c] of this.cursors) if (c.ns === ns) this.cursors.delete(k);
  }

  killDatabase(db: string): void {
    for (const [k, c] of this.cursors) if (c.ns.startsWith(`${db}.`)) this.cursors.delete(k);
  }

  /** Kills idle cursors, like mongod's cursorTimeoutMillis (10 minutes by default). */
  sweep(timeoutMs: number, now = Date.now()): number {
    let n = 0;
    for (const [k, c] of this.cursors) {
      if (!c.noTimeout && now - c.lastUsed >= timeoutMs) {
        this.cursors.delete(k);
        n++;
      }
    }
    return n;
  }

  clear(): void {
    this.cursors.clear();
  }
}

function newCursorId(): Long {
  // Positive, non-zero 63-bit ids, like mongod's.
  const hi = Math.floor(Math.random() * 0x7fffffff) + 1;
  const lo = Math.floor(Math.random() * 0xffffffff);
  return Long.fromBits(lo | 0, hi);
}
