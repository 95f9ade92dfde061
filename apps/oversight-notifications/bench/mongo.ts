import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

/** Where the bench's data lives, and what it can tell about the process holding it. */
export interface MongoEndpoint {
  url: string;
  /** `stand-in (own process)` or `MONGO_URL`. */
  source: string;
  /** Resident memory of the stand-in's process in MiB; null for an external MongoDB. */
  residentMiB(): Promise<number | null>;
  stop(): Promise<void>;
}

/**
 * MONGO_URL when set, else the MongoDB stand-in in a child process: it never shares an event loop
 * with what is measured, and its memory is its own. `heapMiB` raises the child's V8 heap limit,
 * for loads of a million documents.
 */
export async function mongoEndpoint(heapMiB?: number): Promise<MongoEndpoint> {
  const external = process.env.MONGO_URL;
  if (external) {
    return { url: external, source: 'MONGO_URL', residentMiB: async () => null, stop: async () => {} };
  }
  const flags = heapMiB === undefined ? [] : [`--max-old-space-size=${heapMiB}`];
  const script = join(import.meta.dirname, 'standin.ts');
  const child = spawn(process.execPath, [...flags, '--conditions=source', script], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (!child.stdout) throw new Error('stand-in: no stdout');
  const exited = new Promise((resolve) => child.once('exit', resolve));
  for await (const line of createInterface({ input: child.stdout })) {
    const url = /^standin (\S+)/.exec(line)?.[1];
    if (url === undefined) continue;
    child.stdout.resume();
    return {
      url,
      source: 'stand-in (own process)',
      residentMiB: async () => {
        const status = await readFile(`/proc/${child.pid}/status`, 'utf8').catch(() => '');
        const kib = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
        return kib === undefined ? null : Math.round(Number(kib) / 1024);
      },
      stop: async () => {
        if (child.exitCode !== null) return;
        child.kill('SIGTERM');
        await exited;
      },
    };
  }
  throw new Error('the stand-in exited before listening');
}

export const amqpUrl = process.env.AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:5672';
