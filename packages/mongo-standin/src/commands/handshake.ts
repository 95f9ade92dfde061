import { Long } from 'bson';
import type { Handler } from '../state.ts';
import { MAX_BSON_SIZE, MAX_MESSAGE_SIZE } from '../wire/framing.ts';

export const VERSION = '8.0.0-standin';
export const MAX_WIRE_VERSION = 21;

/**
 * `hello` / legacy `isMaster`. A reply without `setName` or `msg: 'isdbgrid'` makes the driver
 * classify the server as Standalone, which works with and without `directConnection`. No
 * `topologyVersion` is sent, so the driver polls instead of using streaming (awaitable) hello.
 * `compression` is not advertised, so the driver never sends OP_COMPRESSED.
 */
export const hello: Handler = (ctx) => {
  const primary = ctx.name === 'hello' ? { isWritablePrimary: true } : { ismaster: true };
  return {
    ...(ctx.cmd.helloOk !== undefined ? { helloOk: true } : {}),
    ...primary,
    maxBsonObjectSize: MAX_BSON_SIZE,
    maxMessageSizeBytes: MAX_MESSAGE_SIZE,
    maxWriteBatchSize: 100_000,
    localTime: new Date(),
    logicalSessionTimeoutMinutes: 30,
    connectionId: ctx.connectionId,
    minWireVersion: 0,
    maxWireVersion: MAX_WIRE_VERSION,
    readOnly: false,
  };
};

export const buildInfo: Handler = () => ({
  version: VERSION,
  gitVersion: 'mongo-standin',
  versionArray: [8, 0, 0, 0],
  bits: 64,
  debug: false,
  maxBsonObjectSize: MAX_BSON_SIZE,
  storageEngines: ['mongo-standin'],
  modules: [],
  javascriptEngine: 'none',
});

export const serverStatus: Handler = (ctx) => {
  const uptimeMs = Date.now() - ctx.state.startedAt;
  const m = ctx.state.metrics;
  return {
    host: `${ctx.state.host}:${ctx.state.port}`,
    version: VERSION,
    process: 'mongod',
    pid: Long.fromNumber(process.pid),
    uptime: Math.floor(uptimeMs / 1000),
    uptimeMillis: Long.fromNumber(uptimeMs),
    localTime: new Date(),
    connections: {
      current: ctx.state.connectionsCurrent,
      available: 1_000_000,
      totalCreated: ctx.state.connectionsTotal,
    },
    metrics: {
      cursor: { open: { total: ctx.state.cursors.size }, timedOut: m.cursorsTimedOut },
      queryExecutor: {
        scanned: m.scanned,
        scannedObjects: m.scannedObjects,
        collectionScans: { total: m.collectionScans },
      },
      ttl: { deletedDocuments: m.ttlDeleted, passes: m.ttlPasses },
    },
    storageEngine: { name: 'mongo-standin', persistent: ctx.state.journal !== undefined },
  };
};

export const hostInfo: Handler = () => ({
  system: { currentTime: new Date(), hostname: 'mongo-standin', cpuAddrSize: 64, numCores: 1 },
  os: { type: process.platform, name: process.platform },
  extra: {},
});

export const getParameter: Handler = (ctx) => {
  const out: Record<string, unknown> = {};
  if (ctx.cmd.featureCompatibilityVersion !== undefined || ctx.cmd.getParameter === '*') {
    out.featureCompatibilityVersion = { version: '8.0' };
  }
  if (ctx.cmd.authenticationMechanisms !== undefined) out.authenticationMechanisms = [];
  return out;
};

export const ping: Handler = () => ({});
export const accept: Handler = () => ({});
export const whatsmyuri: Handler = (ctx) => ({ you: `${ctx.state.host}:0` });
export const connectionStatus: Handler = () => ({
  authInfo: { authenticatedUsers: [], authenticatedUserRoles: [] },
});
export const getCmdLineOpts: Handler = () => ({ argv: ['mongo-standin'], parsed: {} });
