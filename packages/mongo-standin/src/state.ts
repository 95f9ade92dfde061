import type { Document } from 'bson';
import { CursorRegistry } from './cursors.ts';
import { Catalog } from './storage/catalog.ts';
import type { Journal } from './storage/journal.ts';

export interface Logger {
  info(message: string, meta?: Record<string, unknown>): void;
  warn(message: string, meta?: Record<string, unknown>): void;
}

export const silentLogger: Logger = { info() {}, warn() {} };

/** Counters reported by `serverStatus.metrics`, named as mongod names them. */
export interface Metrics {
  /** Index keys examined (mongod's `metrics.queryExecutor.scanned`). */
  scanned: number;
  /** Documents examined (mongod's `metrics.queryExecutor.scannedObjects`). */
  scannedObjects: number;
  /** Queries that fell back to a full collection scan (`metrics.queryExecutor.collectionScans.total`). */
  collectionScans: number;
  /** Cursors closed for being idle (`metrics.cursor.timedOut`). */
  cursorsTimedOut: number;
  /** Documents removed by the TTL monitor (`metrics.ttl.deletedDocuments`). */
  ttlDeleted: number;
  ttlPasses: number;
}

export class ServerState {
  readonly catalog = new Catalog();
  readonly cursors = new CursorRegistry();
  readonly startedAt = Date.now();
  readonly logger: Logger;
  readonly metrics: Metrics = {
    scanned: 0,
    scannedObjects: 0,
    collectionScans: 0,
    cursorsTimedOut: 0,
    ttlDeleted: 0,
    ttlPasses: 0,
  };
  journal: Journal | undefined;
  host = '127.0.0.1';
  port = 0;
  connectionsCurrent = 0;
  connectionsTotal = 0;
  constructor(logger: Logger) {
    this.logger = logger;
  }
}

export interface CommandContext {
  state: ServerState;
  db: string;
  cmd: Document;
  name: string;
  /** OP_MSG kind-1 sequences (e.g. `documents`), already decoded. */
  sequences: Map<string, Document[]>;
  connectionId: number;
  /** True when the legacy OP_QUERY handshake is being answered. */
  legacy: boolean;
}

/** A command handler returns the reply body without `ok` (added by the dispatcher). */
export type Handler = (ctx: CommandContext) => Document;
