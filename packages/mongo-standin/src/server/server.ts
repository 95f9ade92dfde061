import { createServer, type Socket } from 'node:net';
import { type Logger, ServerState, silentLogger } from '../state.ts';
import { Journal } from '../storage/journal.ts';
import { sweepTtl } from '../storage/ttl.ts';
import { serveConnection } from './connection.ts';

export interface MongoStandinOptions {
  /** TCP port; 0 picks a free one (read it back from `port` / `url`). */
  port?: number;
  /** Interface to listen on (default 127.0.0.1). */
  host?: string;
  /** Persist data here (append-only journal); in memory when absent. */
  dataDir?: string;
  logger?: Logger;
  /** Idle time after which a cursor is closed, like mongod's cursorTimeoutMillis (default 10 min). */
  cursorTimeoutMs?: number;
  /** Period of the TTL monitor (mongod: 60 s; default here 1 s so tests need not wait). */
  ttlMonitorIntervalMs?: number;
}

export interface MongoStandin {
  /** Connection string for the official driver, e.g. `mongodb://127.0.0.1:PORT/?directConnection=true`. */
  readonly url: string;
  readonly host: string;
  readonly port: number;
  /** Stops listening, closes every connection and flushes the journal. */
  close(): Promise<void>;
}

const TEN_MINUTES = 10 * 60 * 1000;
/** Rewrite the journal once it holds this many more records than there are live documents. */
const COMPACT_SLACK = 200_000;

export async function startMongoStandin(options: MongoStandinOptions = {}): Promise<MongoStandin> {
  const logger = options.logger ?? silentLogger;
  const host = options.host ?? '127.0.0.1';
  const state = new ServerState(logger);
  if (options.dataDir) openJournal(state, options.dataDir);

  const sockets = new Set<Socket>();
  let connectionIds = 0;
  const server = createServer((socket) => {
    sockets.add(socket);
    state.connectionsCurrent++;
    state.connectionsTotal++;
    socket.on('close', () => {
      sockets.delete(socket);
      state.connectionsCurrent--;
    });
    serveConnection(state, socket, ++connectionIds);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : (options.port ?? 0);
  state.host = host;
  state.port = port;

  const cursorTimeout = options.cursorTimeoutMs ?? TEN_MINUTES;
  const cursorTimer = setInterval(
    () => {
      state.metrics.cursorsTimedOut += state.cursors.sweep(cursorTimeout);
    },
    Math.max(10, Math.min(cursorTimeout / 4, 60_000)),
  );
  const ttlTimer = setInterval(() => maintenance(state), options.ttlMonitorIntervalMs ?? 1000);
  cursorTimer.unref();
  ttlTimer.unref();

  const url = `mongodb://${host.includes(':') ? `[${host}]` : host}:${port}/?directConnection=true`;
  let closed: Promise<void> | undefined;
  return {
    url,
    host,
    port,
    close() {
      closed ??= new Promise<void>((resolve) => {
        clearInterval(cursorTimer);
        clearInterval(ttlTimer);
        for (const s of sockets) s.destroy();
        server.close(() => {
          state.cursors.clear();
          state.journal?.close();
          state.journal = undefined;
          resolve();
        });
      });
      return closed;
    },
  };
}

/** Replays the journal into memory, then rewrites it compactly and starts appending to it. */
function openJournal(state: ServerState, dir: string): void {
  const journal = new Journal(dir);
  const records = journal.readAll();
  for (const r of records) state.catalog.replay(r);
  journal.rewrite(state.catalog.snapshot());
  state.catalog.attachJournal(journal);
  state.journal = journal;
  state.logger.info('journal replayed', { dir, records: records.length });
}

function maintenance(state: ServerState): void {
  state.metrics.ttlPasses++;
  try {
    state.metrics.ttlDeleted += sweepTtl(state.catalog);
    const journal = state.journal;
    if (journal) {
      journal.flush();
      if (journal.records > state.catalog.documentCount() + COMPACT_SLACK)
        journal.rewrite(state.catalog.snapshot());
    }
  } catch (err) {
    state.logger.warn('maintenance pass failed', { error: String(err) });
  }
}
