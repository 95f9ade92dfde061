import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { eventually } from './eventually.ts';

/** A service's `main.ts` running as its own process, as operators run it. */
export interface ServiceProcess {
  readonly child: ChildProcess;
  /** The http address the service logged once it listened. */
  listening(): Promise<string>;
  /** Polls `/health/ready` (bounded: about 10 s) and answers the last status seen. */
  readiness(address: string): Promise<number>;
  /** Sends SIGTERM and answers the exit code. */
  stop(): Promise<number | null>;
  /** Waits for the process to end by itself; answers its stderr and exit code. */
  exited(): Promise<{ stderr: string; code: number | null }>;
}

/** Variables the caller's environment may carry that must not leak into a service it starts. */
const SERVICE_OWN_VARIABLES = [
  'MONGO_URL',
  'MONGO_DB',
  'AMQP_URL',
  'API_KEYS',
  'API_KEYS_FILE',
  'PORT',
  'HOST',
];

/**
 * The environment of a service process: the caller's, minus the variables that say where the service
 * finds its infrastructure, listens and reads its keys, plus `env`, which sets them.
 */
export function serviceProcessEnv(env: Record<string, string>): Record<string, string> {
  const inherited = Object.entries(process.env).filter(
    (entry): entry is [string, string] => entry[1] !== undefined && !SERVICE_OWN_VARIABLES.includes(entry[0]),
  );
  return { ...Object.fromEntries(inherited), ...env };
}

/**
 * Starts `main` (a TypeScript entry, run with the workspace `source` condition) with exactly the
 * given service variables on top of the test's environment minus its infrastructure variables.
 */
export function startServiceProcess(main: string, env: Record<string, string>): ServiceProcess {
  const child = spawn(process.execPath, ['--conditions=source', main], {
    env: serviceProcessEnv({ LOG_LEVEL: 'info', ...env }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exit = once(child, 'exit').then(([code]) => code as number | null);

  return {
    child,
    listening: async () => {
      if (!child.stdout) throw new Error('no stdout');
      for await (const line of createInterface({ input: child.stdout })) {
        const address = /Server listening at (http:\/\/[\w.:[\]-]+)/.exec(line)?.[1];
        if (address) {
          child.stdout.resume();
          return address;
        }
      }
      throw new Error(`the service exited before listening: ${stderr.trim()}`);
    },
    readiness: (address) =>
      eventually(
        async () => (await fetch(`${address}/health/ready`)).status,
        (status) => status === 200,
        { attempts: 100, intervalMs: 100 },
      ),
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exit;
    },
    exited: async () => {
      const code = await exit;
      return { stderr: stderr.trim(), code };
    },
  };
}
