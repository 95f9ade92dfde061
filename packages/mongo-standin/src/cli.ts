#!/usr/bin/env node
/**
 * `mongo-standin --port 27017 [--host 127.0.0.1] [--data-dir .data/mongo]`: runs the stand-in
 * until SIGINT/SIGTERM. For machines without Docker or mongod; production uses MongoDB.
 */
import { parseArgs } from 'node:util';
import { startMongoStandin } from './server/server.ts';

const USAGE = 'usage: mongo-standin [--port 27017] [--host 127.0.0.1] [--data-dir DIR]';

function parse(): { port: number; host: string; dataDir?: string } {
  try {
    const { values } = parseArgs({
      options: {
        port: { type: 'string', default: '27017' },
        host: { type: 'string', default: '127.0.0.1' },
        'data-dir': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    });
    if (values.help) {
      console.log(USAGE);
      process.exit(0);
    }
    const port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535)
      throw new Error(`invalid --port '${values.port}'`);
    return { port, host: values.host, ...(values['data-dir'] ? { dataDir: values['data-dir'] } : {}) };
  } catch (err) {
    console.error(`mongo-standin: ${err instanceof Error ? err.message : String(err)}`);
    console.error(USAGE);
    process.exit(2);
  }
}

const args = parse();
const standin = await startMongoStandin({
  ...args,
  logger: {
    info: (message, meta) => console.log(`mongo-standin: ${message}`, meta ?? ''),
    warn: (message, meta) => console.warn(`mongo-standin: ${message}`, meta ?? ''),
  },
});
console.log(
  `mongo-standin listening on ${standin.url}${args.dataDir ? ` (data in ${args.dataDir})` : ' (in memory)'}`,
);

let stopping = false;
const stop = (signal: string) => {
  if (stopping) return;
  stopping = true;
  standin.close().then(
    () => {
      console.log(`mongo-standin stopped (${signal})`);
      process.exit(0);
    },
    (err: unknown) => {
      console.error('mongo-standin: error while stopping', err);
      process.exit(1);
    },
  );
};
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
